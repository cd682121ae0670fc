-- The ABC classes of a business, stated once (Domain/AbcClasses is the executable specification; the
-- agreement test AbcClassTests runs both on a grid). The population is every customer who has bought
-- (visits > 0), anonymised ones included: their purchases stay, so the classes do not move when someone is
-- anonymised (docs/lgpd.md). Ranked by lifetime points, then lifetime spend, then id. A customer is A while
-- the share of all points held by everyone ranked above is under the business's A threshold, B while it
-- is under the B threshold, else C; a customer with no points is C. share_after is the cumulative share
-- of points including this customer (the report's "Acum." column).
CREATE OR REPLACE FUNCTION abc_classes(p_business uuid)
    RETURNS TABLE (customer_id uuid, rank bigint, class text, share_after numeric)
    LANGUAGE sql STABLE
    AS $$
    SELECT r.id, r.rank,
           CASE WHEN r.lifetime_points <= 0 OR r.total <= 0 THEN 'C'
                WHEN 100 * r.above / r.total < b.reports_class_a_percent THEN 'A'
                WHEN 100 * r.above / r.total < b.reports_class_b_percent THEN 'B'
                ELSE 'C' END,
           CASE WHEN r.total <= 0 THEN 0 ELSE 100 * (r.above + GREATEST(r.lifetime_points, 0)) / r.total END
    FROM (SELECT c.id, c.lifetime_points, row_number() OVER w AS rank,
                 COALESCE(sum(GREATEST(c.lifetime_points, 0)) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS above,
                 sum(GREATEST(c.lifetime_points, 0)) OVER () AS total
          FROM customers c
          WHERE c.business_id = p_business AND c.visits > 0
          WINDOW w AS (ORDER BY c.lifetime_points DESC, c.lifetime_spend DESC, c.id)) r
    JOIN businesses b ON b.id = p_business
    $$;
