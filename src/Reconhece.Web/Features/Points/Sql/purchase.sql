-- "Registrar compra" (Features/Purchases/RegisterPurchase): one statement, one round trip, its own
-- transaction. It creates or updates the customer (the row lock serialises concurrent purchases for one
-- customer), inserts the purchase and appends the ledger entry. A form key seen before makes the purchase
-- insert fail on its unique index, which undoes the whole statement, customer update included.
-- scripts/bench/purchase-bench.sh runs this very file in pgbench.
WITH blocked AS (
    -- A phone whose owner left the programme (Features/Privacy/PhoneBlockList): nothing is written.
    SELECT 1 FROM blocked_phones WHERE business_id = @business AND phone_hash = @phone_hash),
alias AS (
    -- A phone merged into another customer finds that customer.
    SELECT k.phone FROM customer_aliases a JOIN customers k ON k.business_id = a.business_id AND k.id = a.customer_id
    WHERE a.business_id = @business AND a.phone = @phone),
near AS (
    -- Only for a phone no one has: customers whose phone is one typo away (NearPhones). The common
    -- case, a known phone, skips the probes; a near match writes nothing and staff are asked.
    SELECT k.id, k.phone, k.name FROM customers k
    WHERE @check_near AND k.business_id = @business AND k.phone = ANY(@variants)
      AND NOT EXISTS (SELECT 1 FROM customers e WHERE e.business_id = @business AND e.phone = @phone)
      AND NOT EXISTS (SELECT 1 FROM alias)
    ORDER BY k.last_purchase_at DESC NULLS LAST LIMIT 3),
c AS (
    -- @earns: the purchase met the limits that need no history (minimum amount, maximum points; decided by
    -- the caller, which sends @points as 0 otherwise). The daily limit is read from the locked row below.
    INSERT INTO customers AS k (id, business_id, phone, name, email, birth_date, balance, lifetime_points, lifetime_spend,
                                visits, first_purchase_at, last_purchase_at, eligible_since, first_branch_id, last_branch_id, created_at,
                                earn_day, earn_day_count, last_purchase_earned)
    SELECT @new_customer, @business, COALESCE((SELECT phone FROM alias), @phone), @name, @email, @birth, @points, @points, @spend, 1, @now, @now,
           CASE WHEN goal_reached(@points, @goal) THEN @now END, @branch, @branch, @now, @today, CASE WHEN @earns THEN 1 ELSE 0 END, @earns
    -- The context the points were computed with must still hold: same program version, an active
    -- branch, and (for staff) still their branch. Otherwise nothing is written and the caller reloads.
    WHERE EXISTS (SELECT 1 FROM loyalty_programs lp JOIN branches b ON b.business_id = lp.business_id
                  WHERE lp.business_id = @business AND lp.xmin = @version AND b.id = @branch AND b.is_active
                    AND (@owner_choice OR b.id = (SELECT u.branch_id FROM users u WHERE u.id = @user)))
      AND NOT EXISTS (SELECT 1 FROM blocked) AND NOT EXISTS (SELECT 1 FROM near)
    ON CONFLICT (business_id, phone) DO UPDATE SET
        -- k is the row as the lock found it, concurrent purchases included: the daily limit cannot be raced.
        balance = k.balance + CASE WHEN earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day) THEN @points ELSE 0 END,
        lifetime_points = k.lifetime_points + CASE WHEN earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day) THEN @points ELSE 0 END,
        earn_day = @today,
        earn_day_count = CASE WHEN k.earn_day = @today THEN k.earn_day_count ELSE 0 END
                         + CASE WHEN @earns AND earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day) THEN 1 ELSE 0 END,
        last_purchase_earned = @earns AND earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day),
        lifetime_spend = k.lifetime_spend + @spend,
        visits = k.visits + 1,
        first_purchase_at = COALESCE(k.first_purchase_at, @now),
        last_purchase_at = GREATEST(k.last_purchase_at, @now),
        last_branch_id = @branch,
        eligible_since = CASE WHEN goal_reached(k.balance + CASE WHEN earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day) THEN @points ELSE 0 END, @goal)
                              THEN COALESCE(k.eligible_since, @now) END,
        name = COALESCE(k.name, EXCLUDED.name),
        email = COALESCE(k.email, EXCLUDED.email),
        birth_date = COALESCE(k.birth_date, EXCLUDED.birth_date)
    RETURNING k.id, k.balance, k.visits, k.last_purchase_earned AS earned),
p AS (
    INSERT INTO purchases (id, business_id, customer_id, branch_id, user_id, amount, quantity, points, at, idempotency_key, was_new_customer, no_earn_reason)
    SELECT @purchase, @business, c.id, @branch, @user, @amount, @quantity, CASE WHEN c.earned THEN @points ELSE 0 END, @now, @key, c.visits = 1,
           CASE WHEN NOT @earns THEN @no_earn WHEN NOT c.earned THEN @daily_limit END FROM c
    RETURNING id, customer_id, points),
l AS (
    INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, purchase_id)
    SELECT @business, p.customer_id, @earn_kind, p.points, c.balance, @now, @user, p.id FROM p, c)
SELECT (SELECT count(*) FROM p) AS stored, EXISTS (SELECT 1 FROM blocked) AS blocked,
       (SELECT array_agg(id) FROM near) AS near_ids, (SELECT array_agg(phone) FROM near) AS near_phones,
       (SELECT array_agg(COALESCE(name, '')) FROM near) AS near_names
