-- The lots of unspent points as expiry counts them (FIFO, from unspent_points): each lot's months run from
-- its purchase, or from the day expiry was switched on or shortened (loyalty_programs.points_expiry_since)
-- when that is later, so no point expires earlier than the rules promised when it was earned. The daily
-- job and Ações (through expiring_points), the customer page and the card read it.
CREATE OR REPLACE FUNCTION expiry_lots(p_business uuid, p_customer uuid DEFAULT NULL)
    RETURNS TABLE (customer_id uuid, counts_from timestamptz, points numeric)
    LANGUAGE sql STABLE
    AS $$
    SELECT u.customer_id, GREATEST(u.earned_at, lp.points_expiry_since), u.points
    FROM unspent_points(p_business, p_customer) u
    LEFT JOIN loyalty_programs lp ON lp.business_id = p_business
    $$;
