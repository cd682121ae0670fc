CREATE OR REPLACE FUNCTION door_purge_report_files(p_before timestamptz) RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ WITH d AS (DELETE FROM report_files f USING report_runs r
                     WHERE r.id = f.run_id AND r.business_id = f.business_id AND r.created_at < p_before
                     RETURNING 1)
          SELECT count(*)::int FROM d $$;
