-- Businesses that are all due for their weekly reports (the reports benchmark and the job fault scripts).
-- Each gets a branch, a confirmed owner, a programme and :per customers, each with one purchase.
-- psql -v businesses=N -v per=M -f scripts/bench/weekly-businesses.sql
CREATE TEMP TABLE g AS SELECT n, gen_random_uuid() AS business, gen_random_uuid() AS branch, gen_random_uuid() AS owner FROM generate_series(1, :businesses) n;
INSERT INTO businesses (id, name, time_zone_id, culture, is_active, created_at, reports_class_a_percent, reports_class_b_percent,
                        reports_extra_recipients, reports_hour, reports_weekday, reports_weekly_email)
SELECT business, 'Negócio ' || n, 'America/Sao_Paulo', 'pt-BR', true, now() - interval '60 days', 80, 95, '', 7, 1, true FROM g;
INSERT INTO branches (id, business_id, name, is_active, created_at) SELECT branch, business, 'Principal', true, now() FROM g;
INSERT INTO loyalty_programs (id, business_id, rule_kind, value_per_point, rounding, points_per_unit, goal, recognition_text,
                              inactivity_days, collect_name, collect_email, collect_birth_date, invitation_message)
SELECT gen_random_uuid(), business, 0, 1, 0, 1, 500, 'um brinde', 30, true, false, false, 'Olá' FROM g;
INSERT INTO users (id, business_id, branch_id, full_name, is_active, created_at, user_name, normalized_user_name, email, normalized_email,
                   email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT owner, business, branch, 'Dono ' || n, true, now(), 'dono' || n || '@bench.reconhece.app', upper('dono' || n || '@bench.reconhece.app'),
       'dono' || n || '@bench.reconhece.app', upper('dono' || n || '@bench.reconhece.app'), true, gen_random_uuid()::text, gen_random_uuid()::text, false, false, true, 0 FROM g;
INSERT INTO user_roles (user_id, role_id) SELECT owner, '6f1c0c52-6a43-4b8e-9d43-3a1f2f0b0a01' FROM g;
INSERT INTO customers (id, business_id, phone, name, balance, lifetime_points, lifetime_spend, visits, first_purchase_at, last_purchase_at,
                       first_branch_id, created_at, eligible_since)
SELECT gen_random_uuid(), g.business, '+551199' || lpad(k::text, 7, '0'), 'Cliente ' || k, (k * 7) % 900, (k * 7) % 900 + 50, (k * 7) % 900 + 50.5, 1 + k % 9,
       now() - ((k * 13) % 90) * interval '1 day', now() - ((k * 11) % 60) * interval '1 day', g.branch, now() - interval '90 days',
       CASE WHEN (k * 7) % 900 >= 500 THEN now() - (k % 20) * interval '1 day' END
FROM g, generate_series(1, :per) k;
INSERT INTO purchases (id, business_id, customer_id, branch_id, user_id, amount, points, at, idempotency_key, was_new_customer)
SELECT gen_random_uuid(), c.business_id, c.id, c.first_branch_id, g.owner, c.lifetime_spend, c.lifetime_points, c.first_purchase_at, gen_random_uuid(), true
FROM customers c JOIN g ON g.business = c.business_id;
VACUUM ANALYZE;
