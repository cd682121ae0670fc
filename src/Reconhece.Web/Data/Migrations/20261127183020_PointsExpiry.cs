using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PointsExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "agenda_expiring_template",
                table: "businesses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            // Points not yet spent, as lots by the moment they were earned, oldest spent first (FIFO): every
            // credit (purchase, promotion bonus, positive adjustment, imported balance) whose purchase was not
            // reversed, less everything spent (recognitions, negative adjustments, expired points), taken from
            // the oldest. Written once (Features/Points/PointsSql): the expiry job, "Pontos vencendo" in Ações and
            // the customer page all read it. A reversal cancels its own purchase's credit, not the oldest one.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION unspent_points(p_business uuid, p_customer uuid DEFAULT NULL)
                    RETURNS TABLE (customer_id uuid, earned_at timestamptz, points numeric)
                    LANGUAGE sql STABLE
                    AS $$
                    WITH credits AS (
                        SELECT l.customer_id, l.at, l.id, l.points FROM ledger_entries l
                        WHERE l.business_id = p_business AND (p_customer IS NULL OR l.customer_id = p_customer)
                          AND l.points > 0 AND l.kind IN (0, 2, 5, 6)
                          AND NOT EXISTS (SELECT 1 FROM purchases x
                                          WHERE x.business_id = p_business AND x.id = l.purchase_id AND x.reversed_at IS NOT NULL)),
                    spent AS (
                        SELECT l.customer_id, -sum(l.points) AS points FROM ledger_entries l
                        WHERE l.business_id = p_business AND (p_customer IS NULL OR l.customer_id = p_customer)
                          AND l.points < 0 AND l.kind IN (1, 2, 7)
                        GROUP BY l.customer_id),
                    running AS (
                        SELECT c.customer_id, c.at, c.points,
                               sum(c.points) OVER (PARTITION BY c.customer_id ORDER BY c.at, c.id) AS up_to
                        FROM credits c)
                    SELECT r.customer_id, r.at, LEAST(r.points, r.up_to - COALESCE(s.points, 0))
                    FROM running r LEFT JOIN spent s ON s.customer_id = r.customer_id
                    WHERE r.up_to - COALESCE(s.points, 0) > 0
                    $$;
                """);

            // Points earned on or before p_earned_by still unspent, per customer, never more than the balance:
            // p_earned_by is "now − N months" for the expiry job and "now + 30 days − N months" for "Pontos vencendo".
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION expiring_points(p_business uuid, p_earned_by timestamptz, p_customer uuid DEFAULT NULL)
                    RETURNS TABLE (customer_id uuid, points numeric, oldest_earned_at timestamptz)
                    LANGUAGE sql STABLE
                    AS $$
                    SELECT u.customer_id, LEAST(sum(u.points), k.balance), min(u.earned_at)
                    FROM unspent_points(p_business, p_customer) u
                    JOIN customers k ON k.business_id = p_business AND k.id = u.customer_id
                    WHERE u.earned_at <= p_earned_by AND k.balance > 0
                    GROUP BY u.customer_id, k.balance
                    $$;
                """);

            // Door (Tenancy/TenantDoors): the daily expiry job lists the businesses whose points expire.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION door_expiry_businesses() RETURNS TABLE (business_id uuid, months integer)
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ SELECT p.business_id, p.points_expiry_months FROM loyalty_programs p JOIN businesses b ON b.id = p.business_id
                          WHERE p.points_expiry_months IS NOT NULL AND b.is_active ORDER BY p.business_id $$;
                REVOKE ALL ON FUNCTION door_expiry_businesses() FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS door_expiry_businesses(); DROP FUNCTION IF EXISTS expiring_points(uuid, timestamptz, uuid); DROP FUNCTION IF EXISTS unspent_points(uuid, uuid);");
            migrationBuilder.DropColumn(
                name: "agenda_expiring_template",
                table: "businesses");
        }
    }
}
