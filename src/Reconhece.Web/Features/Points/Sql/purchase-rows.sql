-- Included by purchase-known.sql and purchase.sql (PointsSql), after the customer step c: the purchase and
-- its ledger entries (the earn entry, then the sure bonus's own), each with the balance after it.
p AS (
    INSERT INTO purchases (id, business_id, customer_id, branch_id, user_id, amount, quantity, points, bonus_points, promotion_id,
                           at, idempotency_key, was_new_customer, no_earn_reason)
    SELECT @purchase, @business, c.id, @branch, @user, @amount, @quantity, CASE WHEN c.earned THEN @points ELSE 0 END,
           CASE WHEN c.earned THEN @bonus ELSE 0 END, CASE WHEN c.earned AND @bonus > 0 THEN @bonus_promotion END,
           @now, @key, c.visits = 1, CASE WHEN NOT @earns THEN @no_earn WHEN NOT c.earned THEN @daily_limit END FROM c
    RETURNING id, customer_id, points, bonus_points),
l AS (
    INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, purchase_id)
    SELECT @business, p.customer_id, @earn_kind, p.points, c.balance - p.bonus_points, @now, @user, p.id FROM p, c
    UNION ALL
    SELECT @business, p.customer_id, @bonus_kind, p.bonus_points, c.balance, @now, @user, p.id FROM p, c WHERE p.bonus_points > 0)
