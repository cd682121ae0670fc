CREATE OR REPLACE FUNCTION door_retention_businesses() RETURNS TABLE (business_id uuid, years integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT id, privacy_retention_years FROM businesses WHERE privacy_retention_years IS NOT NULL AND is_active ORDER BY id $$;
