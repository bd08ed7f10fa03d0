"""How fast are `playbook status` and `playbook stats` over many journals, and would DuckDB help?

Run:  pip install duckdb && python bench/bench_team.py [--journals 10000] [--open 1000]

Writes synthetic journals of about 20 events each (walks of tests/fixtures/business-hours.yaml:
calendar clocks, a pausing step, a note, a walk pause, a CSAT input) into a temporary
directory, then measures, each in a fresh process (so memory is that run's peak RSS):

  - stats       `playbook stats DIR --format json`, the whole command as a process
  - status      `playbook status DIR --format json` over a directory of open walks only
  - status-mix  the same over every journal (open and ended) together
  - parse-py    the journals read and decoded into typed events with plain Python
                (`walk.journal.read_journal`), nothing else
  - parse-duckdb  the same rows read by DuckDB (`read_json` over the JSON Lines, one
                query for every file), fetched into Python and decoded into the same events
  - sql-duckdb  what DuckDB can do alone: count walks per outcome in SQL (no clocks: the
                clock model is Python, `walk.sla`, and cannot run inside the database)

Numbers are measured, never asserted: CI does not run this. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAYBOOK = REPO / "tests" / "fixtures" / "business-hours.yaml"
PEOPLE = ("minh", "chi", "lan", "hai", "khoa")
AS_OF = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def journal(number: int, rng: random.Random, *, open_walk: bool) -> list[dict]:
    """One walk of business-hours.yaml as journal events: a complaint or a consultation."""
    # Ended walks over the last quarter; open ones opened in the last three days, as on a real desk.
    window = 3 * 24 * 60 if open_walk else 90 * 24 * 60
    opened = AS_OF - timedelta(minutes=rng.randrange(6 * 60, window))
    at = opened
    who = rng.choice(PEOPLE)
    ticket = f"CS-{rng.randrange(1, int(number * 0.9) + 2)}"  # some cases take several walks

    def later(low: int, high: int) -> str:
        nonlocal at
        at += timedelta(minutes=rng.randrange(low, high))
        return _iso(at)

    events: list[dict] = [
        {"event": "start", "at": _iso(at), "journal": 1, "playbook": "business-hours", "file": str(PLAYBOOK), "path": str(PLAYBOOK),
         "sha256": "", "lang": "vi", "inputs": {"customer": f"Khách {number}", "ticket": ticket}, "opened_at": _iso(opened),
         "channel": "email", "operator": who},
        {"event": "enter", "at": _iso(at), "node": "request-type", "assignee": who},
    ]  # fmt: skip
    complaint = rng.random() < 0.6
    events.append({"event": "answer", "at": later(1, 10), "node": "request-type", "choice": 1 if complaint else 2, "answer": "x"})
    steps = ["reply-complaint", "wait-customer", "send-fix", "follow-up"] if complaint else ["reply-consultation", "follow-up"]
    for index, node in enumerate(steps):
        events.append({"event": "enter", "at": _iso(at), "node": node, "assignee": rng.choice(PEOPLE)})
        if open_walk and index == len(steps) // 2:
            return events  # still here
        events.append({"event": "note", "at": later(1, 5), "node": node, "text": "đã gọi cho khách"})
        if node.startswith("reply-"):
            events.append(
                {
                    "event": "sla-due-soon",
                    "at": later(1, 5),
                    "clock": "first_reply",
                    "target": "1h",
                    "left": "20m",
                    "node": node,
                    "stops_at": [node],
                }
            )
            events.append({"event": "note", "at": later(1, 5), "node": node, "text": "đã gửi email"})  # fmt: skip
        if node == "wait-customer":
            events.append({"event": "pause", "at": later(1, 30), "node": node})
            events.append({"event": "resume", "at": later(10, 600), "node": node, "sha256": "", "playbook_changed": False})
        if node == "follow-up":
            events.append({"event": "input", "at": later(1, 5), "node": node, "name": "satisfaction", "value": str(rng.randint(1, 5))})
        events.append({"event": "done", "at": later(5, 240), "node": node})
    events.append({"event": "enter", "at": _iso(at), "node": "done", "assignee": who})
    events.append({"event": "end", "at": _iso(at), "node": "done", "outcome": "resolved"})
    return events


def write_journals(directory: Path, count: int, *, open_share: float, seed: int) -> None:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        events = journal(number, rng, open_walk=rng.random() < open_share)
        lines = "".join(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n" for event in events)
        (directory / f"business-hours-{number:05d}.jsonl").write_text(lines, encoding="utf-8")


# --- what each measured process runs ------------------------------------------------------


def run_parse_py(directory: Path) -> int:
    from playbook_cli.walk.journal import read_journal

    return sum(len(read_journal(path)[0]) for path in sorted(directory.glob("*.jsonl")))


def run_parse_duckdb(directory: Path) -> int:
    import duckdb

    from playbook_cli.walk.events import decode

    # Every key of every event kind, as JSON text so nested inputs stay what the decoder expects.
    query = f"SELECT filename, json FROM read_ndjson_objects('{directory}/*.jsonl', filename = true)"
    rows = duckdb.sql(query).fetchall()
    events = [decode(json.loads(text)) for _, text in rows]
    return len(events)


def run_sql_duckdb(directory: Path) -> int:
    import duckdb

    # read_json with union_by_name over 10,000 files runs out of memory (DuckDB 2.0 on this
    # machine); reading each line as a JSON object and extracting two keys does not.
    query = (
        "SELECT json_extract_string(json, '$.outcome') AS outcome, count(*) "
        f"FROM read_ndjson_objects('{directory}/*.jsonl') WHERE json_extract_string(json, '$.event') = 'end' GROUP BY outcome"
    )
    return len(duckdb.sql(query).fetchall())


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (worker processes included), in MB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def measured(kind: str, directory: Path) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak MB of the whole process tree, detail) of one run, in a fresh process.

    CPU time (user + system, worker processes included) is what a busy shared machine
    disturbs least; on an idle one a serial run's wall time is about its CPU time.
    """
    if kind in ("stats", "status", "status-mix"):
        command = [sys.executable, "-m", "playbook_cli", kind.split("-")[0], str(directory), "--format", "json", "--as-of", _iso(AS_OF)]
    else:
        command = [sys.executable, __file__, "--inner", kind, str(directory)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:  # files, not pipes: a full pipe would stall it
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        peak = 0.0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)  # usage covers the workers it reaped too
            if pid:
                break
            peak = max(peak, _tree_rss_mb(process.pid))
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        size = out.tell()
        err.seek(0)
        errors = err.read().strip()
    detail = f"exit {process.returncode}, {size:,} bytes out" + (f"; {errors.splitlines()[-1][:160]}" if errors else "")
    return seconds, usage.ru_utime + usage.ru_stime, peak, detail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journals", type=int, default=10_000)
    parser.add_argument("--open", type=int, default=1_000, help="open journals for the status run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--inner", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        kind, directory = args.inner
        runner = {"parse-py": run_parse_py, "parse-duckdb": run_parse_duckdb, "sql-duckdb": run_sql_duckdb}[kind]
        print(runner(Path(directory)))
        return
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        every, open_only = base / "all", base / "open"
        write_journals(every, args.journals, open_share=0.1, seed=12)
        write_journals(open_only, args.open, open_share=1.0, seed=13)
        events = sum(1 for path in every.glob("*.jsonl") for _ in path.open(encoding="utf-8"))
        print(f"{args.journals:,} journals, {events:,} events ({events / args.journals:.1f} a journal); {args.open:,} open journals")
        print(f"{'run':<14} {'best s':>8} {'cpu s':>8} {'peak MB':>8}  detail")
        kinds = [("stats", every), ("status", open_only), ("status-mix", every), ("parse-py", every)]
        try:
            import duckdb  # noqa: F401

            kinds += [("parse-duckdb", every), ("sql-duckdb", every)]
        except ImportError:
            print("(duckdb is not installed: pip install duckdb to compare it)")
        for kind, directory in kinds:
            runs = [measured(kind, directory) for _ in range(args.runs)]
            best = min(runs, key=lambda run: run[0])
            cpu = min(run[1] for run in runs)
            print(f"{kind:<14} {best[0]:8.2f} {cpu:8.2f} {max(run[2] for run in runs):8.0f}  {best[3]}")


if __name__ == "__main__":
    main()
