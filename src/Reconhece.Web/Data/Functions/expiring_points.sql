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
