"""An SMTP server on loopback that accepts every message (the reports benchmark and the job fault scripts).
It keeps a count and the total size in COUNT_FILE and, when IDS_FILE is given, appends each message's
arrival time (Unix seconds) and Message-ID to it, one per line, so a resent email shows up as a repeated
Message-ID.
usage: python3 smtp-sink.py PORT COUNT_FILE [IDS_FILE]"""
import asyncore
import re
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import smtpd  # noqa: E402  (Debian's Python 3.11 still ships it)

port, count_file = int(sys.argv[1]), sys.argv[2]
ids_file = sys.argv[3] if len(sys.argv) > 3 else None
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>\r\n]*>)", re.IGNORECASE | re.MULTILINE)


class Sink(smtpd.SMTPServer):
    messages = 0
    size = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        Sink.messages += 1
        Sink.size += len(data)
        if ids_file:
            headers = data.split(b"\r\n\r\n", 1)[0]
            found = MESSAGE_ID.search(headers)
            with open(ids_file, "a") as f:
                f.write(f"{time.time():.3f} " + (found.group(1).decode() if found else "(sem Message-ID)") + "\n")
        with open(count_file, "w") as f:
            f.write(f"{Sink.messages} {Sink.size}\n")


Sink(("127.0.0.1", port), None, data_size_limit=0, decode_data=False)
asyncore.loop()
