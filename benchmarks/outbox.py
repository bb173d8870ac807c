"""Benchmark: 5,000 queued messages through the sender to a local SMTP server, and a page while it sends.

Queues the messages in one transaction, then lets `send_due` deliver them to an aiosmtpd server in
a process of its own (counting every Message-ID it receives), and prints the throughput, the peak
memory of this process and whether every message arrived exactly once. Then it times the *People*
page (a full script run through AppTest) without the sender, and again while the app's own
background sender thread delivers another 5,000 in the same process, as it would in the app.
Run: python -m benchmarks.outbox [--messages N] [--runs N] [--database sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from incubator.accounts.authentication import sign_in_with_password
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import OutboxMessage
from incubator.exchange.demo import DEMO_PASSWORD, load_demo
from incubator.mail.outbox import queue_message
from incubator.mail.sender import BackgroundSender, new_holder, send_due
from tests.e2e.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
COUNTING_SERVER = textwrap.dedent(
    """
    import signal, sys, threading
    from aiosmtpd.controller import Controller
    ids = []
    class Counter:
        async def handle_DATA(self, server, session, envelope):
            for line in envelope.original_content.split(b"\\r\\n"):
                if line.lower().startswith(b"message-id:"):
                    ids.append(line.split(b":", 1)[1].strip())
                    break
            return "250 OK"
    controller = Controller(Counter(), hostname="127.0.0.1", port=int(sys.argv[1]))
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    print(len(ids), len(set(ids)), flush=True)
    """
)


def _queue(database: Database, count: int, tag: str) -> None:
    with database.write() as session:
        for number in range(count):
            queue_message(session, kind="notice", recipient=f"person{number}@bench.example", name=f"Person {number}",
                          language=("en", "fr", "nl")[number % 3],
                          values={"summary": f"{tag} news {number}", "link": "https://incubator.example.org/canvas"})  # fmt: skip


def _sent(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).where(OutboxMessage.state == "sent")) or 0)


def _page_times(database_url: str, token: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.session_state["_sign_in_token"] = token
        at.run()
        started = time.perf_counter()
        at.switch_page("pages/people.py").run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    port = free_port()
    os.environ.update({"INCUBATOR_SMTP_HOST": "127.0.0.1", "INCUBATOR_SMTP_PORT": str(port),
                       "INCUBATOR_SMTP_TLS": "none", "INCUBATOR_MAIL_FROM": "Bench <bench@bench.example>",
                       "INCUBATOR_URL": "https://incubator.example.org"})  # fmt: skip
    server = subprocess.Popen([sys.executable, "-c", COUNTING_SERVER, str(port)], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None and server.stdout.readline().strip() == "ready"
    with tempfile.TemporaryDirectory() as folder:
        if args.database == "postgresql":
            from tests.conftest import empty_postgres_schema

            schema = empty_postgres_schema()
            database_url = schema.__enter__()
        else:
            database_url = f"sqlite:///{Path(folder) / 'outbox.sqlite3'}"
        os.environ["DATABASE_URL"] = database_url
        database = Database.from_url(database_url)
        upgrade_database(database)
        with database.write() as session:
            load_demo(session)

        started = time.perf_counter()
        _queue(database, args.messages, "first")
        queued = time.perf_counter() - started
        started = time.perf_counter()
        holder = new_holder()
        while _sent(database) < args.messages:
            send_due(database, holder)
        sending = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{args.messages} messages ({args.database}): queued in {queued:.2f} s; sent in {sending:.1f} s, "
              f"{args.messages / sending:.0f} a second; peak memory of this process {peak:.0f} MiB")  # fmt: skip

        _actor, token = sign_in_with_password(database, "nadia@demo.incubator.example", DEMO_PASSWORD)
        _page_times(database_url, token, 2)  # the first runs import and cache: not part of the figures
        quiet = _page_times(database_url, token, args.runs)
        _queue(database, args.messages, "second")
        sender = BackgroundSender(database, interval=0.1)
        sender.start()
        busy = _page_times(database_url, token, args.runs)
        while _sent(database) < 2 * args.messages:
            time.sleep(0.2)
        sender.stop()
        print(f"People page, one script run: median {statistics.median(quiet):.0f} ms (max {max(quiet):.0f}) "
              f"without the sender; {statistics.median(busy):.0f} ms (max {max(busy):.0f}) while it sends")  # fmt: skip
        database.dispose()
    server.terminate()
    out, _err = server.communicate(timeout=30)
    received, distinct = (int(part) for part in out.split()[-2:])
    print(f"the server received {received} messages, {distinct} distinct Message-IDs "
          f"(expected {2 * args.messages} of each)")  # fmt: skip


if __name__ == "__main__":
    main()
