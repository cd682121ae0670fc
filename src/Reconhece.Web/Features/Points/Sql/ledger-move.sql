-- Every move of points that is not a purchase (Features/Points/PointsLedger): recognition and adjustment
-- (a reversal has its own, reverse-purchase.sql). One statement updates the customer's totals and appends the ledger entry, inside the caller's
-- transaction; the UPDATE locks the customer row, so concurrent moves never lose points.
WITH c AS (
    UPDATE customers SET
        balance = balance + @points,
        lifetime_points = lifetime_points + @lifetime,
        lifetime_spend = lifetime_spend + @spend,
        visits = visits + @visits,
        eligible_since = CASE
            WHEN goal_reached(balance + @points, @goal)
                THEN CASE WHEN @restart THEN @now ELSE COALESCE(eligible_since, @now) END
            ELSE NULL END
    WHERE id = @customer AND business_id = @business AND balance >= @minimum
    RETURNING id, balance)
INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, purchase_id, recognition_id, reason, idempotency_key)
SELECT @business, c.id, @kind, @points, c.balance, @now, @user, @purchase, @recognition, @reason, @key FROM c
ON CONFLICT (business_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
RETURNING balance_after
