#!/usr/bin/env python3
"""Purchase load for the fault scripts: N clients post "Registrar compra" for a few hundred customers,
with random double submits (the same form key twice), and record what each was told.

Usage: purchase_load.py BASE_URL COOKIE TOKEN CLIENTS SECONDS CUSTOMERS OUT.json
Writes: acknowledged purchases (key, phone, amount, purchase id), outage answers (status, whether the page
said "tente de novo" in pt-BR), and the double submits that came back with another purchase (must be 0).
"""
import json, random, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid

base, cookie, token, clients, seconds, customers, out = sys.argv[1:8]
clients, seconds, customers = int(clients), float(seconds), int(customers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)
lock = threading.Lock()
acked, outages, mismatched = {}, [], []
stop_at = time.time() + seconds


def post(key, phone, amount):
    # NotSame: phones here are drawn from a dense range, so a new one is often one typo away from a customer;
    # staff answer "another person" to the "É a mesma pessoa?" question, as this load stands for many people.
    body = urllib.parse.urlencode({"IdempotencyKey": key, "Phone": phone, "Amount": amount, "NotSame": "true",
                                   "__RequestVerificationToken": token}).encode()
    req = urllib.request.Request(base + "/registrar", data=body, method="POST",
                                 headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with opener.open(req, timeout=30) as r:
            return r.status, r.headers.get("Location"), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location"), e.read().decode("utf-8", "replace")
    except Exception as e:  # connection refused, reset: the app itself is down, not just the database
        return 0, None, repr(e)


def worker():
    rnd = random.Random()
    while time.time() < stop_at:
        key = str(uuid.uuid4())
        phone = "1199%07d" % rnd.randint(1, customers)
        amount = "%d,%02d" % (rnd.randint(1, 300), rnd.randint(0, 99))
        taps = 2 if rnd.random() < 0.2 else 1
        for _ in range(taps):
            status, location, text = post(key, phone, amount)
            if status == 302 and location and "/compras/" in location:
                purchase = location.split("/compras/")[1].split("?")[0]
                with lock:
                    if key in acked and acked[key]["purchase"] != purchase:
                        mismatched.append(key)
                    acked[key] = {"phone": "+55" + phone, "amount": amount, "purchase": purchase}
            else:
                with lock:
                    outages.append({"status": status, "ptbr": "Tente de novo" in text or "tente de novo" in text})


threads = [threading.Thread(target=worker) for _ in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
json.dump({"acked": acked, "outages": outages, "mismatched": mismatched}, open(out, "w"))
print("acknowledged %d purchases; %d answers during the outage (%d in pt-BR); %d double submits answered with another purchase"
      % (len(acked), len(outages), sum(1 for o in outages if o["ptbr"]), len(mismatched)))
