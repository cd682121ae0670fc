CREATE OR REPLACE FUNCTION goal_reached(balance numeric, goal numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT goal > 0 AND balance >= goal $$;
