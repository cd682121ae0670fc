CREATE OR REPLACE FUNCTION door_expiry_businesses() RETURNS TABLE (business_id uuid, months integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT p.business_id, p.points_expiry_months FROM loyalty_programs p JOIN businesses b ON b.id = p.business_id
          WHERE p.points_expiry_months IS NOT NULL AND b.is_active ORDER BY p.business_id $$;
