-- The customer's card (/c/{token}, Features/Cards), before anyone signs in: for the customer id a token
-- names, the business it belongs to and the card's generation, so the app can check the token's keyed MAC
-- and then read the card inside that business. Nothing for an anonymised customer or an inactive business.
CREATE OR REPLACE FUNCTION door_card_customer(p_customer uuid)
    RETURNS TABLE (business_id uuid, card_generation int)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT c.business_id, c.card_generation FROM customers c JOIN businesses b ON b.id = c.business_id
          WHERE c.id = p_customer AND c.anonymized_at IS NULL AND b.is_active $$;
