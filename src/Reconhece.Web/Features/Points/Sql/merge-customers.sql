-- "Unir cadastros" (Features/Customers/MergeCustomers), in one transaction with both customer rows locked:
-- the merged record's rows move to the kept one, whose totals are recomputed (balance = the ledger sum of
-- the moved entries), the merged phone becomes an alias, and a 0-point ledger marker carries the form key.
UPDATE purchases SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
-- Two first purchases now belong to one person: only the earlier one stays "new customer".
UPDATE purchases SET was_new_customer = false
 WHERE business_id = @business AND customer_id = @kept AND was_new_customer
   AND id <> (SELECT id FROM purchases WHERE business_id = @business AND customer_id = @kept AND was_new_customer ORDER BY at, id LIMIT 1);
UPDATE ledger_entries SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
UPDATE recognitions SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
UPDATE contacts SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
UPDATE consent_events SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
UPDATE privacy_requests SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
UPDATE customer_aliases SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
UPDATE audit_entries SET subject_id = @kept WHERE business_id = @business AND subject = 'Cliente' AND subject_id = @merged;
DELETE FROM invitation_guests g WHERE g.business_id = @business AND g.customer_id = @merged
   AND EXISTS (SELECT 1 FROM invitation_guests k WHERE k.business_id = @business AND k.invitation_id = g.invitation_id AND k.customer_id = @kept);
UPDATE invitation_guests SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
-- Automatic messages: one per trigger and occasion for the person, whichever record planned it.
DELETE FROM outbox_messages o WHERE o.business_id = @business AND o.customer_id = @merged
   AND EXISTS (SELECT 1 FROM outbox_messages k WHERE k.business_id = @business AND k.customer_id = @kept AND k.trigger = o.trigger AND k.occasion = o.occasion);
UPDATE outbox_messages SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;

UPDATE customers k SET
    balance = (SELECT COALESCE(sum(points), 0) FROM ledger_entries l WHERE l.business_id = @business AND l.customer_id = @kept),
    lifetime_points = k.lifetime_points + m.lifetime_points,
    lifetime_spend = k.lifetime_spend + m.lifetime_spend,
    visits = k.visits + m.visits,
    first_purchase_at = LEAST(k.first_purchase_at, m.first_purchase_at),
    last_purchase_at = GREATEST(k.last_purchase_at, m.last_purchase_at),
    first_branch_id = CASE WHEN m.first_purchase_at < k.first_purchase_at OR k.first_purchase_at IS NULL THEN m.first_branch_id ELSE k.first_branch_id END,
    last_branch_id = CASE WHEN m.last_purchase_at > k.last_purchase_at OR k.last_purchase_at IS NULL THEN m.last_branch_id ELSE k.last_branch_id END,
    created_at = LEAST(k.created_at, m.created_at),
    name = COALESCE(k.name, m.name),
    email = COALESCE(k.email, m.email),
    birth_date = COALESCE(k.birth_date, m.birth_date),
    -- Whoever asked not to be contacted, on either record, is not contacted.
    contact_opt_out_at = LEAST(k.contact_opt_out_at, m.contact_opt_out_at),
    email_opt_out_at = LEAST(k.email_opt_out_at, m.email_opt_out_at),
    agenda_snoozed_until = GREATEST(k.agenda_snoozed_until, m.agenda_snoozed_until),
    rhythm_days = NULL, rhythm_visits = NULL
FROM customers m WHERE k.business_id = @business AND k.id = @kept AND m.business_id = @business AND m.id = @merged;
UPDATE customers SET eligible_since = CASE WHEN goal_reached(balance, @goal)
        THEN COALESCE(LEAST(eligible_since, @merged_eligible), @now) END
 WHERE business_id = @business AND id = @kept;

INSERT INTO customer_aliases (business_id, phone, customer_id, created_at)
SELECT @business, m.phone, @kept, @now FROM customers m WHERE m.business_id = @business AND m.id = @merged;
INSERT INTO audit_entries (business_id, user_id, at, subject, subject_id, field, old_value, new_value)
VALUES (@business, @user, @now, 'Cliente', @kept, @field, @merged_text, @kept_text);
DELETE FROM customers WHERE business_id = @business AND id = @merged;
INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, reason, idempotency_key)
SELECT @business, @kept, @kind, 0, balance, @now, @user, @reason, @key FROM customers WHERE business_id = @business AND id = @kept;
