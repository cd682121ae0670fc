CREATE OR REPLACE FUNCTION door_whatsapp_business(p_phone_number_id text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT id FROM businesses WHERE whatsapp_phone_number_id = p_phone_number_id $$;
