using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvariantsUseGoalReached : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The nightly check reads eligibility from the one definition (Features/Points/PointsSql).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION door_invariant_violations()
                    RETURNS TABLE (business_id uuid, business_name text, check_name text, detail text)
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$
                    SELECT b.id, b.name, 'saldo', 'cliente ' || c.id || ': saldo ' || c.balance || ', soma do extrato ' || COALESCE(l.total, 0)
                    FROM customers c JOIN businesses b ON b.id = c.business_id
                    LEFT JOIN (SELECT business_id, customer_id, sum(points) AS total FROM ledger_entries GROUP BY 1, 2) l
                           ON l.business_id = c.business_id AND l.customer_id = c.id
                    WHERE c.balance <> COALESCE(l.total, 0)
                    UNION ALL
                    SELECT b.id, b.name, 'totais', 'cliente ' || c.id || ': gasto ' || c.lifetime_spend || ' em ' || c.visits
                           || ' visitas, compras ' || COALESCE(p.spend, 0) || ' em ' || COALESCE(p.visits, 0)
                    FROM customers c JOIN businesses b ON b.id = c.business_id
                    LEFT JOIN (SELECT business_id, customer_id, sum(COALESCE(amount, 0)) AS spend, count(*) AS visits
                               FROM purchases WHERE reversed_at IS NULL GROUP BY 1, 2) p
                           ON p.business_id = c.business_id AND p.customer_id = c.id
                    WHERE c.lifetime_spend <> COALESCE(p.spend, 0) OR c.visits <> COALESCE(p.visits, 0)
                    UNION ALL
                    SELECT b.id, b.name, 'meta', 'cliente ' || c.id || ': saldo ' || c.balance || ', meta ' || lp.goal
                           || CASE WHEN c.eligible_since IS NULL THEN ', sem data de elegível' ELSE ', elegível desde ' || c.eligible_since END
                    FROM customers c JOIN businesses b ON b.id = c.business_id JOIN loyalty_programs lp ON lp.business_id = c.business_id
                    WHERE goal_reached(c.balance, lp.goal) <> (c.eligible_since IS NOT NULL)
                    UNION ALL
                    SELECT b.id, b.name, 'envio', 'relatórios da semana de ' || r.week_start || ': ' || r.attempts || ' tentativas sem envio'
                    FROM report_runs r JOIN businesses b ON b.id = r.business_id
                    WHERE r.status <> 2 AND r.attempts >= 24
                    $$;
                REVOKE ALL ON FUNCTION door_invariant_violations() FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION door_invariant_violations()
                    RETURNS TABLE (business_id uuid, business_name text, check_name text, detail text)
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$
                    SELECT b.id, b.name, 'saldo', 'cliente ' || c.id || ': saldo ' || c.balance || ', soma do extrato ' || COALESCE(l.total, 0)
                    FROM customers c JOIN businesses b ON b.id = c.business_id
                    LEFT JOIN (SELECT business_id, customer_id, sum(points) AS total FROM ledger_entries GROUP BY 1, 2) l
                           ON l.business_id = c.business_id AND l.customer_id = c.id
                    WHERE c.balance <> COALESCE(l.total, 0)
                    UNION ALL
                    SELECT b.id, b.name, 'totais', 'cliente ' || c.id || ': gasto ' || c.lifetime_spend || ' em ' || c.visits
                           || ' visitas, compras ' || COALESCE(p.spend, 0) || ' em ' || COALESCE(p.visits, 0)
                    FROM customers c JOIN businesses b ON b.id = c.business_id
                    LEFT JOIN (SELECT business_id, customer_id, sum(COALESCE(amount, 0)) AS spend, count(*) AS visits
                               FROM purchases WHERE reversed_at IS NULL GROUP BY 1, 2) p
                           ON p.business_id = c.business_id AND p.customer_id = c.id
                    WHERE c.lifetime_spend <> COALESCE(p.spend, 0) OR c.visits <> COALESCE(p.visits, 0)
                    UNION ALL
                    SELECT b.id, b.name, 'meta', 'cliente ' || c.id || ': saldo ' || c.balance || ', meta ' || lp.goal
                           || CASE WHEN c.eligible_since IS NULL THEN ', sem data de elegível' ELSE ', elegível desde ' || c.eligible_since END
                    FROM customers c JOIN businesses b ON b.id = c.business_id JOIN loyalty_programs lp ON lp.business_id = c.business_id
                    WHERE (lp.goal > 0 AND c.balance >= lp.goal) <> (c.eligible_since IS NOT NULL)
                    UNION ALL
                    SELECT b.id, b.name, 'envio', 'relatórios da semana de ' || r.week_start || ': ' || r.attempts || ' tentativas sem envio'
                    FROM report_runs r JOIN businesses b ON b.id = r.business_id
                    WHERE r.status <> 2 AND r.attempts >= 24
                    $$;
                REVOKE ALL ON FUNCTION door_invariant_violations() FROM PUBLIC;
                """);
        }
    }
}
