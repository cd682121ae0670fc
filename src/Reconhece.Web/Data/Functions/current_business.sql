CREATE OR REPLACE FUNCTION current_business() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.business_id', true), '')::uuid $$;
