CREATE OR REPLACE FUNCTION door_business_by_slug(p_slug text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT id FROM businesses WHERE privacy_slug = p_slug AND is_active $$;
