-- "Estornar" (Features/Purchases/ReversePurchase): the mirror of purchase.sql, one statement inside the
-- caller's transaction. It marks the purchase reversed and takes back everything the purchase moved: its
-- points and bonus (a reversal ledger entry), the customer's totals, first and last purchase, the slot of
-- the daily earning limit, the promotion's budget and the new-customer flag. Marking it is conditional on
-- "not yet reversed", and the purchase row lock serialises a double tap: the second statement finds no row
-- and every part below it does nothing. Histórico's stored days are forgotten by the caller (HistoryDays).
WITH prior AS (
    -- The row before this statement: UPDATE … RETURNING gives the new values, and the flag is cleared below.
    SELECT id, was_new_customer FROM purchases WHERE id = @purchase AND business_id = @business),
r AS (
    UPDATE purchases p SET reversed_at = @now, reversed_by_user_id = @user, reversal_reason = @reason, was_new_customer = false
    FROM prior
    WHERE p.id = prior.id AND p.business_id = @business AND p.reversed_at IS NULL
    RETURNING p.id, p.customer_id, p.points + p.bonus_points AS points, COALESCE(p.amount, 0) AS amount, p.at,
              p.promotion_id, p.bonus_points, p.no_earn_reason, prior.was_new_customer),
-- The purchases that still count (this statement sees the reversed one as it was, so it is left out by id).
kept AS (
    SELECT k.id, k.at FROM purchases k, r
    WHERE k.business_id = @business AND k.customer_id = r.customer_id AND k.reversed_at IS NULL AND k.id <> r.id),
c AS (
    UPDATE customers k SET
        balance = k.balance - r.points,
        lifetime_points = k.lifetime_points - r.points,
        lifetime_spend = k.lifetime_spend - r.amount,
        visits = k.visits - 1,
        eligible_since = CASE WHEN goal_reached(k.balance - r.points, @goal) THEN COALESCE(k.eligible_since, @now) END,
        first_purchase_at = (SELECT min(at) FROM kept),
        last_purchase_at = (SELECT max(at) FROM kept),
        -- A purchase that took a slot of the daily earning limit gives it back when reversed the same local
        -- day: staff who typed it wrong and register it again must not cost the customer their points.
        earn_day_count = CASE WHEN r.no_earn_reason IS NULL AND k.earn_day = local_day(r.at, @zone) AND k.earn_day_count > 0
                              THEN k.earn_day_count - 1 ELSE k.earn_day_count END
    FROM r
    WHERE k.id = r.customer_id AND k.business_id = @business
    RETURNING k.id, k.balance),
l AS (
    INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, purchase_id, reason)
    SELECT @business, c.id, @reversal_kind, -r.points, c.balance, @now, @user, r.id, @reason FROM c, r),
-- "New customer" is the flag on the first purchase that counts (Painel, Histórico and promotions count it):
-- reversing that purchase hands it to the earliest one left.
heir AS (
    UPDATE purchases SET was_new_customer = true
    WHERE business_id = @business AND id = (SELECT id FROM kept ORDER BY at, id LIMIT 1)
      AND EXISTS (SELECT 1 FROM r WHERE r.was_new_customer)),
-- A promotion with a budget gets the bonus back to give again.
budget AS (
    UPDATE promotions m SET bonus_granted = m.bonus_granted - r.bonus_points
    FROM r
    WHERE m.id = r.promotion_id AND m.business_id = @business AND m.budget_points IS NOT NULL AND r.bonus_points > 0)
SELECT (SELECT at FROM r) AS reversed_purchase_at,
       EXISTS (SELECT 1 FROM prior) AS found
