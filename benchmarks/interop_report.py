"""Import every real question file in ../shared/interop/ and print the import table.

Per file: format, questions found (imported + left out), imported, left out by kind, changes,
and whether the bank round-trips through GIFT and Moodle XML unchanged; refused files show
their line and reason. Totals at the end. Nothing is written anywhere.

    .venv/bin/python benchmarks/interop_report.py [FOLDER]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from quizapp.core.banks.formats import detect_format, dump_any, load_any
from quizapp.core.banks.model import BankError
from quizapp.core.banks.schema import bank_to_data
from quizapp.core.banks.summary import kind_of

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "interop"


def round_trips(bank) -> str:
    """Tell whether a bank comes back the same through GIFT and Moodle XML."""
    if not bank.questions:
        return "-"
    same = []
    for fmt, name in (("gift", "x.gift"), ("moodle-xml", "x.xml")):
        again = load_any(dump_any(bank, fmt).encode(), name)
        same.append(bank_to_data(again) == bank_to_data(bank))
    return "yes" if all(same) else "NO"


def main() -> None:
    """Print the table."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    files = sorted(p for p in folder.glob("*/*") if p.is_file())
    if not files:
        sys.exit(f"no files under {folder}")
    totals: Counter = Counter()
    skipped_kinds: Counter = Counter()
    imported_kinds: Counter = Counter()
    print(f"{'file':52} {'fmt':10} {'found':>5} {'imp.':>5} {'left':>5} {'chg':>4} {'trip':>4}"
          "  left out by kind / refusal")
    for path in files:
        name = f"{path.parent.name}/{path.name}"
        data = path.read_bytes()
        try:
            fmt = detect_format(path.name, data)
            bank = load_any(data, path.name, fmt, skip_unsupported=True)
        except BankError as exc:
            totals["refused"] += 1
            print(f"{name:52} {'':10} {'':>5} {'':>5} {'':>5} {'':>4} {'':>4}  REFUSED {exc}")
            continue
        kinds = Counter(s.kind for s in bank.skips)
        skipped_kinds.update(kinds)
        imported_kinds.update(kind_of(q) for q in bank.questions)
        found = len(bank.questions) + len(bank.skips)
        trip = round_trips(bank)
        totals.update(files=1, found=found, imported=len(bank.questions),
                      skipped=len(bank.skips), changes=len(bank.changes),
                      trips=trip == "yes", broken_trips=trip == "NO")
        left = ", ".join(f"{k} {n}" for k, n in kinds.most_common())
        print(f"{name:52} {fmt:10} {found:5} {len(bank.questions):5} {len(bank.skips):5} "
              f"{len(bank.changes):4} {trip:>4}  {left}")
    print()
    print(f"files {len(files)}: imported {totals['files']}, refused {totals['refused']}")
    print(f"questions found {totals['found']}: imported {totals['imported']}, "
          f"left out {totals['skipped']}; changes noted {totals['changes']}")
    print("imported by kind: " + ", ".join(f"{k} {n}" for k, n in imported_kinds.most_common()))
    print("left out by kind: " + ", ".join(f"{k} {n}" for k, n in skipped_kinds.most_common()))
    print(f"round trips through GIFT and Moodle XML: {totals['trips']} banks unchanged, "
          f"{totals['broken_trips']} changed")


if __name__ == "__main__":
    main()
