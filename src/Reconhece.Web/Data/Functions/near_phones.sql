-- Typos of a mobile number staff make at the counter: every valid-looking mobile one digit changed or two
-- neighbours swapped away from e164 (+55 DDD 9XXXX-XXXX), about 100. The DDD never starts with 0 and the
-- mobile's leading 9 stays (another digit there is not a mobile). purchase.sql probes these on the phone
-- index only when the phone typed is new, so the list is made only then (issue 21: it was made in C# and
-- sent with every purchase).
CREATE OR REPLACE FUNCTION near_phones(e164 text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT array_agg(DISTINCT v) FROM (
        SELECT '+55' || overlay(n placing d::text from i for 1) AS v
        FROM (SELECT substr(e164, 4) AS n) s, generate_series(1, length(n)) i, generate_series(0, 9) d
        WHERE i <> 3 AND d::text <> substr(n, i, 1) AND NOT (i = 1 AND d = 0)
        UNION ALL
        SELECT '+55' || overlay(n placing substr(n, i + 1, 1) || substr(n, i, 1) from i for 2)
        FROM (SELECT substr(e164, 4) AS n) s, generate_series(1, length(n) - 1) i
        WHERE substr(n, i, 1) <> substr(n, i + 1, 1) AND i NOT IN (2, 3)) variants $$;
