-- The business's local day of an instant: the SQL twin of Domain/Periods.LocalDay (CalendarTests checks both
-- agree at midnight, at month ends and across a historical daylight-saving period of America/Sao_Paulo).
CREATE OR REPLACE FUNCTION local_day(ts timestamptz, zone text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (ts AT TIME ZONE zone)::date $$;
