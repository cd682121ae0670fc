-- The demo business with :customers customers and about :purchases purchases over 400 days, customer k
-- getting a share that falls with k as real customer bases do; totals consistent with the purchases.
-- (The reports and agenda benchmarks.) psql -v customers=N -v purchases=M -f scripts/bench/one-big-business.sql
CREATE TEMP TABLE ctx AS
  SELECT b.id AS business, br.id AS branch, u.id AS staff FROM businesses b
  JOIN branches br ON br.business_id = b.id JOIN users u ON u.business_id = b.id AND u.email = 'atendente@demo.reconhece.app'
  WHERE b.name = 'Sorveteria Demo';
DELETE FROM ledger_entries; DELETE FROM recognitions; DELETE FROM purchases; DELETE FROM customers;
INSERT INTO customers (id, business_id, phone, name, balance, lifetime_points, lifetime_spend, visits, first_purchase_at, last_purchase_at, first_branch_id, created_at)
SELECT gen_random_uuid(), ctx.business, '+551199' || lpad(g::text, 7, '0'), 'Cliente ' || g, 0, 0, 0, 0, NULL, NULL, ctx.branch, now() - interval '400 days'
FROM generate_series(1, :customers) g, ctx;
-- Purchases spread over 400 days; customer k gets a share that falls with k, as real customer bases do.
INSERT INTO purchases (id, business_id, customer_id, branch_id, user_id, amount, points, at, idempotency_key, was_new_customer)
SELECT gen_random_uuid(), ctx.business, c.id, ctx.branch, ctx.staff, round((10 + random() * 90)::numeric, 2), 0,
       now() - (random() * 400) * interval '1 day', gen_random_uuid(), false
FROM (SELECT id, row_number() OVER () AS k FROM customers) c
JOIN LATERAL generate_series(1, GREATEST(1, (:purchases * 2 / :customers) - (c.k * :purchases * 2 / :customers / :customers))) s ON true, ctx;
UPDATE purchases SET points = floor(amount);
UPDATE purchases p SET was_new_customer = true FROM (
  SELECT DISTINCT ON (customer_id) id FROM purchases ORDER BY customer_id, at) f WHERE p.id = f.id;
UPDATE customers c SET lifetime_points = t.pts, balance = t.pts, lifetime_spend = t.spend, visits = t.n,
       first_purchase_at = t.first, last_purchase_at = t.last,
       eligible_since = CASE WHEN t.pts >= 500 THEN t.last END
FROM (SELECT customer_id, sum(points) pts, sum(amount) spend, count(*) n, min(at) first, max(at) last FROM purchases GROUP BY customer_id) t
WHERE c.id = t.customer_id;
VACUUM ANALYZE;
