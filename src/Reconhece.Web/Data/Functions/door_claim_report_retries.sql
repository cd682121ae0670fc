CREATE OR REPLACE FUNCTION door_claim_report_retries(p_now timestamptz, p_lease_until timestamptz)
    RETURNS TABLE (business_id uuid, run_id uuid)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ UPDATE report_runs r SET next_attempt_at = p_lease_until
          FROM businesses b
          WHERE r.id IN (SELECT d.id FROM report_runs d
                         WHERE d.status <> {{ReportRunStatus.Sent}} AND d.next_attempt_at <= p_now AND d.attempts < {{ReportSchedule.MaxAttempts}}
                         FOR UPDATE SKIP LOCKED)
            AND b.id = r.business_id AND b.is_active
          RETURNING r.business_id, r.id $$;
