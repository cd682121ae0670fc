CREATE OR REPLACE FUNCTION door_stuck_report_runs()
    RETURNS TABLE (business_id uuid, business_name text, run_id uuid, week_start date, attempts int, status int,
                   last_error text, created_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT b.id, b.name, r.id, r.week_start, r.attempts, r.status, r.last_error, r.created_at
          FROM report_runs r JOIN businesses b ON b.id = r.business_id
          WHERE r.status <> {{ReportRunStatus.Sent}} AND r.attempts >= {{ReportSchedule.MaxAttempts}}
          ORDER BY r.created_at DESC LIMIT 200 $$;
