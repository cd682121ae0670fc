-- The instant a local day starts in the business's zone: the SQL twin of Domain/Periods.DayStart. On a day
-- whose midnight was skipped by daylight saving, it is the first instant that day had (PostgreSQL reads a
-- skipped local time with the offset in force before the change, and so does Periods.DayStart).
CREATE OR REPLACE FUNCTION local_day_start(day date, zone text) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT day::timestamp AT TIME ZONE zone $$;
