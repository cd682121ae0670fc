"""An SMTP server on loopback that accepts every message and keeps only a count (for the reports benchmark).
usage: python3 smtp-sink.py PORT COUNT_FILE"""
import asyncore
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import smtpd  # noqa: E402  (Debian's Python 3.11 still ships it)

port, count_file = int(sys.argv[1]), sys.argv[2]


class Sink(smtpd.SMTPServer):
    messages = 0
    size = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        Sink.messages += 1
        Sink.size += len(data)
        with open(count_file, "w") as f:
            f.write(f"{Sink.messages} {Sink.size}\n")


Sink(("127.0.0.1", port), None, data_size_limit=0, decode_data=False)
asyncore.loop()
