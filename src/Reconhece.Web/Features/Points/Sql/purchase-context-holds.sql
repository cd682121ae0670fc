-- Included by purchase-known.sql and purchase.sql (PointsSql) in the customer step's WHERE: the context the
-- points were computed with must still hold (same program version, an active branch, and for staff still
-- their branch). Otherwise nothing is written and the caller reloads.
EXISTS (SELECT 1 FROM loyalty_programs lp JOIN branches b ON b.business_id = lp.business_id
        WHERE lp.business_id = @business AND lp.xmin = @version AND b.id = @branch AND b.is_active
          AND (@owner_choice OR b.id = (SELECT u.branch_id FROM users u WHERE u.id = @user)))
