CREATE OR REPLACE FUNCTION earns_today(day date, day_count integer, today date, max_per_day integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT max_per_day IS NULL OR (CASE WHEN day = today THEN day_count ELSE 0 END) < max_per_day $$;
