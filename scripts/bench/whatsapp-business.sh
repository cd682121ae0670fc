# Sourced by scripts/bench/messages-bench.sh and scripts/faults/message-kill.sh (needs PSQL, APP_PORT, a started app).
# whatsapp_business DB N: the demo business gets a WhatsApp number through its owner's page (so the token is
# protected by the app's own key ring), a template for Meta atingida, sending hours 0–24 and a daily limit
# that does not bind; then N new customers, each with one Meta atingida message planned and due now.
whatsapp_business() {
  local db="$1" n="$2" base="http://127.0.0.1:$APP_PORT" jar token
  jar=$(mktemp)
  token_from() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
  token=$(curl -s -c "$jar" -b "$jar" "$base/entrar" | token_from)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=dono@demo.reconhece.app" --data-urlencode "Password=demo12345" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/entrar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/acoes/automaticas/whatsapp" | token_from)
  curl -s -o /dev/null -w "  WhatsApp set-up page: HTTP %{http_code}\n" -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "PhoneNumberId=106540352242922" --data-urlencode "Token=EAAG-benchmark-token-not-a-secret-0000" \
    --data-urlencode "Templates[0].Trigger=GoalReached" --data-urlencode "Templates[0].Name=meta_atingida" \
    --data-urlencode "Templates[0].Language=pt_BR" --data-urlencode "Templates[0].Parameters={nome}, {premio}, {cartao}" \
    "$base/acoes/automaticas/whatsapp"
  rm -f "$jar"
  "${PSQL[@]}" -d "$db" -v n="$n" <<'SQL'
UPDATE businesses SET messages_send_from_hour = 0, messages_send_until_hour = 24, messages_daily_limit = 1000000 WHERE name = 'Sorveteria Demo';
CREATE TEMP TABLE ctx AS SELECT b.id AS business, br.id AS branch FROM businesses b JOIN branches br ON br.business_id = b.id WHERE b.name = 'Sorveteria Demo' LIMIT 1;
CREATE TEMP TABLE fresh AS SELECT gen_random_uuid() AS id, g FROM generate_series(1, :n) g;
INSERT INTO customers (id, business_id, phone, name, balance, lifetime_points, lifetime_spend, visits, first_branch_id, created_at)
SELECT f.id, ctx.business, '+551198' || lpad(f.g::text, 7, '0'), 'Cliente ' || f.g, 0, 0, 0, 0, ctx.branch, now() FROM fresh f, ctx;
INSERT INTO outbox_messages (business_id, id, customer_id, trigger, occasion, status, planned_at, due_at)
SELECT ctx.business, gen_random_uuid(), f.id, 1, 'meta:bench', 0, now(), now() - interval '1 minute' FROM fresh f, ctx;
SQL
}
