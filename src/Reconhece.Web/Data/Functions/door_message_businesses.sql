CREATE OR REPLACE FUNCTION door_message_businesses() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT id FROM businesses WHERE is_active AND messages_enabled_triggers <> 0 ORDER BY id $$;
