-- "Registrar compra" (Features/Purchases/RegisterPurchase) for a phone no customer has: purchase-known.sql,
-- sent first, found no one. One statement, its own transaction. It creates the customer (or updates them,
-- when a concurrent purchase created them first: the row lock serialises purchases for one customer),
-- inserts the purchase and appends the ledger entries. @bonus is as in purchase-known.sql: the best offer's
-- when it needs no history; otherwise promotion-bonus.sql rides in the same command. A form key seen before makes the purchase
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
    WHERE @check_near AND k.business_id = @business AND k.phone = ANY(near_phones(@phone))
      AND NOT EXISTS (SELECT 1 FROM customers e WHERE e.business_id = @business AND e.phone = @phone)
      AND NOT EXISTS (SELECT 1 FROM alias)
    ORDER BY k.last_purchase_at DESC NULLS LAST LIMIT 3),
c AS (
    -- @earns: the purchase met the limits that need no history (minimum amount, maximum points; decided by
    -- the caller, which sends @points as 0 otherwise). The daily limit is read from the locked row below.
    INSERT INTO customers AS k (id, business_id, phone, name, email, birth_date, balance, lifetime_points, lifetime_spend,
                                visits, first_purchase_at, last_purchase_at, eligible_since, first_branch_id, last_branch_id, created_at,
                                earn_day, earn_day_count, last_purchase_earned)
    SELECT @new_customer, @business, COALESCE((SELECT phone FROM alias), @phone), @name, @email, @birth, @points + @bonus, @points + @bonus, @spend, 1, @now, @now,
           CASE WHEN goal_reached(@points + @bonus, @goal) THEN @now END, @branch, @branch, @now, @today, CASE WHEN @earns THEN 1 ELSE 0 END, @earns
    WHERE
      -- include purchase-context-holds.sql
      AND NOT EXISTS (SELECT 1 FROM blocked) AND NOT EXISTS (SELECT 1 FROM near)
    ON CONFLICT (business_id, phone) DO UPDATE SET
        -- include purchase-customer-set.sql
    RETURNING k.id, k.balance, k.visits, k.last_purchase_earned AS earned),
-- include purchase-rows.sql
SELECT (SELECT count(*) FROM p) AS stored, EXISTS (SELECT 1 FROM blocked) AS blocked,
       (SELECT array_agg(id) FROM near) AS near_ids, (SELECT array_agg(phone) FROM near) AS near_phones,
       (SELECT array_agg(COALESCE(name, '')) FROM near) AS near_names
