CREATE OR REPLACE FUNCTION door_weekly_report_businesses()
    RETURNS TABLE (id uuid, time_zone_id text, created_at timestamptz, weekday int, hour int, last_week date)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT b.id, b.time_zone_id, b.created_at, b.reports_weekday, b.reports_hour,
                 (SELECT max(r.week_start) FROM report_runs r WHERE r.business_id = b.id AND r.is_weekly)
          FROM businesses b WHERE b.is_active AND b.reports_weekly_email $$;
