-- "Registrar compra" for a phone the business already has, the common case: one statement, one round trip,
-- its own transaction. It only updates the customer found by phone (the row lock serialises concurrent
-- purchases for one customer), inserts the purchase and appends the ledger entries. A phone no customer has
-- finds no row and stores nothing: RegisterPurchase then sends purchase.sql, the statement for new phones
-- (block list, merged phones, near typos). None of those can apply to a phone a customer has: ChangePhone
-- refuses a blocked or merged phone, and anonymising replaces the phone. So a known customer pays nothing
-- for them (issue 21, docs/benchmarks.md). A form key seen before makes the purchase insert fail on its
-- unique index, which undoes the whole statement.
-- @bonus (0 for none) is the best promotion's bonus when that promotion needs no history (no audience, no
-- use limit, no budget: PromotionOffer.NeedsHistory); it goes with the base points, in its own ledger entry.
-- A promotion that needs history is decided by promotion-bonus.sql, sent in the same command.
-- scripts/bench/purchase-bench.sh runs this very file in pgbench.
WITH c AS (
    UPDATE customers k SET
        -- include purchase-customer-set.sql
    WHERE k.business_id = @business AND k.phone = @phone AND
      -- include purchase-context-holds.sql
    RETURNING k.id, k.balance, k.visits, k.last_purchase_earned AS earned),
-- include purchase-rows.sql
SELECT count(*) AS stored FROM p
