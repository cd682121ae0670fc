CREATE OR REPLACE FUNCTION door_find_user(p_normalized_email text, p_user_id uuid)
    RETURNS TABLE (user_id uuid, business_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT u.id, u.business_id FROM users u
          WHERE (p_normalized_email IS NOT NULL AND (u.normalized_email = p_normalized_email OR u.normalized_user_name = p_normalized_email))
             OR u.id = p_user_id
          LIMIT 1 $$;
