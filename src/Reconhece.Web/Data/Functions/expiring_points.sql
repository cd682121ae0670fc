-- Per customer, the unspent points whose expiry period started by p_counted_by (expiry_lots: the purchase,
-- or the day expiry was switched on or shortened), never more than the balance, and when the oldest of
-- them started counting. The daily job passes now − N months; Ações passes 30 days later.
CREATE OR REPLACE FUNCTION expiring_points(p_business uuid, p_counted_by timestamptz, p_customer uuid DEFAULT NULL)
    RETURNS TABLE (customer_id uuid, points numeric, oldest_counts_from timestamptz)
    LANGUAGE sql STABLE
    AS $$
    SELECT u.customer_id, LEAST(sum(u.points), k.balance), min(u.counts_from)
    FROM expiry_lots(p_business, p_customer) u
    JOIN customers k ON k.business_id = p_business AND k.id = u.customer_id
    WHERE u.counts_from <= p_counted_by AND k.balance > 0
    GROUP BY u.customer_id, k.balance
    $$;
