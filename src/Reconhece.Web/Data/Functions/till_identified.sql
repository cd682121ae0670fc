CREATE OR REPLACE FUNCTION till_identified(p_business uuid, p_branch uuid, p_day date, p_zone text) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT COALESCE(sum(amount), 0) FROM purchases
          WHERE business_id = p_business AND branch_id = p_branch AND reversed_at IS NULL
            AND at >= local_day_start(p_day, p_zone) AND at < local_day_start(p_day + 1, p_zone) $$;
