-- Also a business with a message claimed or sending: its next run plans again what a dead sender held, and marks what it left sending as uncertain.
CREATE OR REPLACE FUNCTION door_message_businesses() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT b.id FROM businesses b WHERE b.is_active AND (b.messages_enabled_triggers <> 0
              OR EXISTS (SELECT 1 FROM outbox_messages o WHERE o.business_id = b.id AND o.status IN ({{OutboxStatus.Planned}}, {{OutboxStatus.Claimed}}, {{OutboxStatus.Sending}}))) ORDER BY b.id $$;
