CREATE OR REPLACE PROCEDURE use_business(b uuid)
    LANGUAGE plpgsql
    AS $$ BEGIN PERFORM set_config('app.business_id', COALESCE(b::text, ''), true); END $$;
