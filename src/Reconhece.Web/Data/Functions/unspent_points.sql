CREATE OR REPLACE FUNCTION unspent_points(p_business uuid, p_customer uuid DEFAULT NULL)
    RETURNS TABLE (customer_id uuid, earned_at timestamptz, points numeric)
    LANGUAGE sql STABLE
    AS $$
    WITH credits AS (
        SELECT l.customer_id, l.at, l.id, l.points FROM ledger_entries l
        WHERE l.business_id = p_business AND (p_customer IS NULL OR l.customer_id = p_customer)
          AND l.points > 0 AND l.kind IN ({{LedgerKind.Earn}}, {{LedgerKind.Adjustment}}, {{LedgerKind.Import}}, {{LedgerKind.PromotionBonus}})
          AND NOT EXISTS (SELECT 1 FROM purchases x
                          WHERE x.business_id = p_business AND x.id = l.purchase_id AND x.reversed_at IS NOT NULL)),
    spent AS (
        SELECT l.customer_id, -sum(l.points) AS points FROM ledger_entries l
        WHERE l.business_id = p_business AND (p_customer IS NULL OR l.customer_id = p_customer)
          AND l.points < 0 AND l.kind IN ({{LedgerKind.Recognition}}, {{LedgerKind.Adjustment}}, {{LedgerKind.Expiry}})
        GROUP BY l.customer_id),
    running AS (
        SELECT c.customer_id, c.at, c.points,
               sum(c.points) OVER (PARTITION BY c.customer_id ORDER BY c.at, c.id) AS up_to
        FROM credits c)
    SELECT r.customer_id, r.at, LEAST(r.points, r.up_to - COALESCE(s.points, 0))
    FROM running r LEFT JOIN spent s ON s.customer_id = r.customer_id
    WHERE r.up_to - COALESCE(s.points, 0) > 0
    $$;
