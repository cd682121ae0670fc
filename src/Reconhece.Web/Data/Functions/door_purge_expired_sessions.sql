CREATE OR REPLACE FUNCTION door_purge_expired_sessions(p_before timestamptz) RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ WITH d AS (DELETE FROM auth_sessions WHERE expires_at < p_before RETURNING 1)
          SELECT count(*)::int FROM d $$;
