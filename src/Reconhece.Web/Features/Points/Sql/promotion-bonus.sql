-- A promotion's bonus (Features/Promotions): sent in the same batch as purchase.sql, so the purchase and its
-- bonus are one round trip and one transaction. It runs after the purchase statement has locked the
-- customer's row, so concurrent purchases for one customer reach it one at a time, each with a snapshot that
-- sees the bonuses before it: the uses per customer and per day are plain counts that cannot be raced.
-- The caller sends the promotions that apply now by date, weekday, branch and amount, with the bonus each
-- would give; here the ones this customer may use are kept, and the best one wins (they never add up).
WITH pur AS (
    SELECT id, customer_id FROM purchases
    WHERE business_id = @business AND id = @purchase AND no_earn_reason IS NULL),
cand AS (
    SELECT o.id, o.bonus, pr.budget_points IS NOT NULL AS capped
    FROM unnest(@promotions::uuid[], @bonuses::numeric[]) WITH ORDINALITY AS o(id, bonus, ord)
    JOIN promotions pr ON pr.business_id = @business AND pr.id = o.id
    CROSS JOIN pur
    WHERE (pr.audience = 0 OR EXISTS (
              SELECT 1 FROM promotion_members m
              WHERE m.business_id = @business AND m.promotion_id = pr.id AND m.customer_id = pur.customer_id AND NOT m.is_control))
      AND (pr.max_uses_per_customer IS NULL OR pr.max_uses_per_customer > (
              SELECT count(*) FROM purchases u WHERE u.business_id = @business AND u.customer_id = pur.customer_id
                AND u.promotion_id = pr.id AND u.reversed_at IS NULL))
      AND (pr.max_uses_per_day IS NULL OR pr.max_uses_per_day > (
              SELECT count(*) FROM purchases u WHERE u.business_id = @business AND u.customer_id = pur.customer_id
                AND u.promotion_id = pr.id AND u.reversed_at IS NULL AND u.at >= @day_start))
      AND (pr.budget_points IS NULL OR pr.bonus_granted + o.bonus <= pr.budget_points)
    ORDER BY o.bonus DESC, o.ord
    LIMIT 1),
spent AS (
    -- Only a promotion with a budget keeps a running total; the update re-checks it on the latest row, so
    -- two customers at once can never spend past the budget.
    UPDATE promotions pr SET bonus_granted = pr.bonus_granted + cand.bonus FROM cand
    WHERE cand.capped AND pr.business_id = @business AND pr.id = cand.id AND pr.bonus_granted + cand.bonus <= pr.budget_points
    RETURNING pr.id),
won AS (
    SELECT cand.id, cand.bonus FROM cand WHERE NOT cand.capped OR EXISTS (SELECT 1 FROM spent)),
c AS (
    UPDATE customers k SET
        balance = k.balance + won.bonus,
        lifetime_points = k.lifetime_points + won.bonus,
        eligible_since = CASE WHEN goal_reached(k.balance + won.bonus, @goal) THEN COALESCE(k.eligible_since, @now) END
    FROM won, pur
    WHERE k.business_id = @business AND k.id = pur.customer_id
    RETURNING k.id, k.balance),
marked AS (
    UPDATE purchases x SET bonus_points = won.bonus, promotion_id = won.id FROM won
    WHERE x.business_id = @business AND x.id = @purchase),
l AS (
    INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, purchase_id)
    SELECT @business, c.id, @bonus_kind, won.bonus, c.balance, @now, @user, @purchase FROM c, won)
SELECT id, bonus FROM won
