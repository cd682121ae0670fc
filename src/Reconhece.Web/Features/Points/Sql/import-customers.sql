-- One batch of "Importar clientes" (Features/CustomerFiles/ImportCustomers), inside the import's transaction:
-- customers created or updated by phone (a merged phone finds its kept customer), the imported balance
-- added with a "Saldo importado" ledger entry per row. Blocked phones are skipped.
WITH input AS (
    SELECT * FROM unnest(@ids, @phones, @names, @emails, @births, @balances, @hashes) AS t(id, phone, name, email, birth, balance, hash)
    WHERE NOT EXISTS (SELECT 1 FROM blocked_phones b WHERE b.business_id = @business AND b.phone_hash = t.hash)),
resolved AS (
    SELECT i.*, COALESCE((SELECT k.phone FROM customer_aliases a JOIN customers k ON k.business_id = a.business_id AND k.id = a.customer_id
                          WHERE a.business_id = @business AND a.phone = i.phone), i.phone) AS target
    FROM input i),
up AS (
    INSERT INTO customers AS k (id, business_id, phone, name, email, birth_date, balance, lifetime_points, lifetime_spend, visits, created_at, eligible_since)
    SELECT r.id, @business, r.target, r.name, r.email, r.birth, r.balance, 0, 0, 0, @now,
           CASE WHEN goal_reached(r.balance, @goal) THEN @now END
    FROM resolved r
    ON CONFLICT (business_id, phone) DO UPDATE SET
        balance = k.balance + EXCLUDED.balance,
        name = COALESCE(k.name, EXCLUDED.name),
        email = COALESCE(k.email, EXCLUDED.email),
        birth_date = COALESCE(k.birth_date, EXCLUDED.birth_date),
        eligible_since = CASE WHEN goal_reached(k.balance + EXCLUDED.balance, @goal) THEN COALESCE(k.eligible_since, @now) END
    WHERE k.anonymized_at IS NULL
    RETURNING k.id, k.phone, k.balance, (k.xmax = 0) AS created),
l AS (
    INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, reason)
    SELECT @business, up.id, @kind, r.balance, up.balance, @now, @user, @reason
    FROM up JOIN resolved r ON r.target = up.phone WHERE r.balance > 0)
SELECT count(*) FILTER (WHERE created) AS created, count(*) FILTER (WHERE NOT created) AS updated FROM up
