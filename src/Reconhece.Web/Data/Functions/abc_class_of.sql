-- One customer's ABC class by the rule of abc_classes (same population, ranking and thresholds), without
-- ranking everyone: the purchase result asks it after every purchase. AbcClassTests checks that both agree.
-- Null when the customer is not in the population (has not bought).
CREATE OR REPLACE FUNCTION abc_class_of(p_business uuid, p_customer uuid) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE WHEN me.lifetime_points <= 0 OR t.total <= 0 THEN 'C'
                WHEN 100 * t.above / t.total < b.reports_class_a_percent THEN 'A'
                WHEN 100 * t.above / t.total < b.reports_class_b_percent THEN 'B'
                ELSE 'C' END
    FROM customers me
    JOIN businesses b ON b.id = me.business_id
    CROSS JOIN LATERAL (
        SELECT COALESCE(sum(GREATEST(c.lifetime_points, 0)), 0) AS total,
               COALESCE(sum(GREATEST(c.lifetime_points, 0)) FILTER (
                   WHERE (c.lifetime_points, c.lifetime_spend) > (me.lifetime_points, me.lifetime_spend)
                      OR ((c.lifetime_points, c.lifetime_spend) = (me.lifetime_points, me.lifetime_spend) AND c.id < me.id)), 0) AS above
        FROM customers c WHERE c.business_id = me.business_id AND c.visits > 0) t
    WHERE me.business_id = p_business AND me.id = p_customer AND me.visits > 0
    $$;
