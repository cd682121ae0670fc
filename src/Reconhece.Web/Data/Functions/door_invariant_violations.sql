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
    -- Histórico's stored days (decision 008) against the purchases of those local days.
    SELECT b.id, b.name, 'histórico', 'dia ' || to_char(COALESCE(s.day, a.day), 'DD/MM/YYYY') || ': guardado '
           || COALESCE(s.purchases, 0) || CASE WHEN COALESCE(s.purchases, 0) = 1 THEN ' compra' ELSE ' compras' END
           || ' e ' || COALESCE(s.revenue, 0) || ', registrado '
           || COALESCE(a.purchases, 0) || CASE WHEN COALESCE(a.purchases, 0) = 1 THEN ' compra' ELSE ' compras' END
           || ' e ' || COALESCE(a.revenue, 0)
    FROM (SELECT h.business_id, h.day, sum(h.purchases) AS purchases, COALESCE(sum(h.revenue), 0) AS revenue
          FROM history_days h GROUP BY 1, 2) s
    FULL JOIN (SELECT x.business_id, local_day(x.at, z.time_zone_id) AS day, count(*) AS purchases,
                      COALESCE(sum(x.amount), 0) AS revenue
               FROM purchases x JOIN businesses z ON z.id = x.business_id
               WHERE x.reversed_at IS NULL AND z.history_through IS NOT NULL
                 AND x.at >= local_day_start(z.history_from, z.time_zone_id)
                 AND x.at < local_day_start(z.history_through, z.time_zone_id)
               GROUP BY 1, 2) a ON a.business_id = s.business_id AND a.day = s.day
    JOIN businesses b ON b.id = COALESCE(s.business_id, a.business_id)
    WHERE COALESCE(s.purchases, 0) <> COALESCE(a.purchases, 0) OR COALESCE(s.revenue, 0) <> COALESCE(a.revenue, 0)
    UNION ALL
    SELECT b.id, b.name, 'envio', 'relatórios da semana de ' || r.week_start || ': ' || r.attempts || ' tentativas sem envio'
    FROM report_runs r JOIN businesses b ON b.id = r.business_id
    WHERE r.status <> {{ReportRunStatus.Sent}} AND r.attempts >= {{ReportSchedule.MaxAttempts}}
    $$;
