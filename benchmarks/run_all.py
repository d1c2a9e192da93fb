"""Run the benchmarks that matter for capacity and print one table (a few minutes; --quick: ~1).

Each figure comes from the benchmark script that owns it, run as a subprocess and read from its
output, so the figures here are the same as running the scripts by hand:

  answer POSTs/s vs a bare Flask hello world   benchmarks/bench_answer.py (same gunicorn settings)
  generation, articles/s                      benchmarks/bench_generate.py
  scoring checks/s                            benchmarks/bench_scoring.py
  import questions/s (parse only; into DB)    benchmarks/bench_import.py, bench_import_db.py

Run: .venv/bin/python benchmarks/run_all.py [--quick] [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run(script: str, *args: str, timeout: float = 900) -> str:
    """Run a benchmark script and return its output (failing loudly)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if done.returncode:
        raise SystemExit(f"{script} failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    print(
        f"  ran {script} {' '.join(args)} in {time.perf_counter() - started:.0f} s", file=sys.stderr
    )
    return done.stdout


def number(pattern: str, text: str) -> float:
    """Return the number the pattern's group captures (commas allowed)."""
    found = re.search(pattern, text)
    if not found:
        raise SystemExit(f"no match for {pattern!r} in:\n{text}")
    return float(found.group(1).replace(",", ""))


def machine() -> str:
    """Return nproc, the CPU model and the memory of this machine."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem = re.search(r"MemTotal:\s*(\d+) kB", meminfo)
    return (
        f"{os.cpu_count()} CPUs, {model.group(1).strip() if model else platform.processor()}, "
        f"{int(mem.group(1)) / 1024 / 1024:.0f} GB RAM, Python {platform.python_version()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, about a minute")
    parser.add_argument("--database-url", help="PostgreSQL URL for the DB import benchmark")
    args = parser.parse_args()
    seconds, rounds = ("3", "1") if args.quick else ("6", "5")
    articles = "100" if args.quick else "400"
    calls = "10000" if args.quick else "60000"

    rows: list[tuple[str, str, str]] = []
    out = run("bench_answer.py", "--seconds", seconds, "--rounds", rounds)
    hello = number(r"\(a\) hello world:\s*([\d.]+)", out)
    answer = number(r"\(b\) answer question:\s*([\d.]+)", out)
    ratio = number(r"ratio: ([\d.]+)%", out)
    rows.append(
        (
            "bare Flask hello world (GET)",
            f"{hello:,.0f} requests/s",
            "gunicorn 1 worker gthread 4 threads, 4 keep-alive clients",
        )
    )
    rows.append(
        (
            "answer POST (CSRF on, scored, saved)",
            f"{answer:,.0f} requests/s",
            f"{ratio:.1f}% of hello world (median of the rounds' ratios); SQLite, "
            "synchronous=NORMAL",
        )
    )

    out = run("bench_generate.py", "--max", articles)
    last = out.strip().splitlines()[-2]
    size = number(r"^\s*(\d+) articles", last)
    wall = number(r"wall\s+([\d.]+) s", last)
    cpu = number(r"cpu\s+([\d.]+) s", last)
    rows.append(
        (
            "question generation",
            f"{size / cpu:,.1f} articles/s",
            f"{int(size)} articles of ~5 KB, one core ({size / wall:,.1f}/s wall)",
        )
    )

    out = run("bench_scoring.py", calls)
    checks = number(r"per CPU second \(one core\):\s*([\d,]+)", out)
    rows.append(("answer scoring", f"{checks:,.0f} checks/s", f"{calls} varied answers, one core"))

    out = run("bench_import.py")
    parse = number(r"parse_gift [\d.]+ s \(best of 3\), ([\d,]+) questions/s", out)
    rows.append(("GIFT parsing", f"{parse:,.0f} questions/s", "10,000 mixed questions, best of 3"))

    for label, url in (("SQLite", None), ("PostgreSQL", args.database_url)):
        if label == "PostgreSQL" and not url:
            continue
        out = run("bench_import_db.py", *([url] if url else []))
        total = number(r"import \(parse \+ insert\) ([\d.]+) s", out)
        rows.append(
            (
                f"bank import into {label}",
                f"{10_000 / total:,.0f} questions/s",
                f"10,000 GIFT questions: {total:.2f} s parse + insert",
            )
        )

    print(f"\nMachine: {machine()}\n")
    print("| benchmark | result | notes |\n|---|---|---|")
    for name, value, note in rows:
        print(f"| {name} | {value} | {note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
