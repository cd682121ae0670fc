CREATE OR REPLACE FUNCTION door_segment_businesses() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT id FROM businesses WHERE is_active ORDER BY id $$;
