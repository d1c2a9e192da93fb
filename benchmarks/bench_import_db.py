"""Time importing a 10,000-question GIFT file through the import service (parse + DB insert).

Run: .venv/bin/python benchmarks/bench_import_db.py [DATABASE_URL]  (default: a temporary SQLite)
Target: under 10 s. Prints the parse time, the total, and the statements the insert issued.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event, func, select

from quizapp import create_app
from quizapp.core.banks.formats import load_any
from quizapp.core.banks.gift_export import dump_gift
from quizapp.core.banks.model import Bank, Evidence, Question, Source
from quizapp.extensions import db, dispose_engines
from quizapp.models import Evidence as EvidenceRow
from quizapp.models import Question as QuestionRow
from quizapp.services.accounts import create_user
from quizapp.services.bank_files import import_bank_file
from quizapp.services.setup import upgrade_database

COUNT = 10_000
TEXT = (
    "A fire broke out at the harbour on Sunday. About 6,000 people were evacuated, police said. "
    '"We acted fast," said Chief Ana Ruiz. Reuters reported 12 injuries. '
) * 20


def make_gift(count: int) -> bytes:
    """Return a GIFT file of `count` questions of mixed kinds, each citing the article."""
    questions = []
    for i in range(count):
        base = {"id": f"q{i + 1}", "prompt": f"Question {i}: who or how many? #{i}",
                "evidence": [Evidence("s1", 0, 42)], "tags": ["bench"]}  # fmt: skip
        kind = i % 4
        if kind == 0:
            questions.append(Question(type="figure", answer=f"{1000 + i}", **base))
        elif kind == 1:
            questions.append(Question(type="source", answer="Reuters", accept=["AP"], **base))
        elif kind == 2:
            questions.append(Question(type="verdict", answer="Supported",
                                      choices=["Supported", "Contradicted",
                                               "Not stated in the article"], **base))  # fmt: skip
        else:
            questions.append(Question(type="text", answer="True", choices=["True", "False"],
                                      **base))  # fmt: skip
    bank = Bank("Benchmark", sources=[Source("s1", "Fire", TEXT)], questions=questions)
    return dump_gift(bank).encode("utf-8")


def main() -> None:
    """Import the file once into a fresh database and print the figures."""
    url = sys.argv[1] if len(sys.argv) > 1 else None
    folder = Path(tempfile.mkdtemp())
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "LOAD_DEMO": False,
                      "DATABASE_URL": url or f"sqlite:///{folder / 'bench.sqlite'}"})  # fmt: skip
    data = make_gift(COUNT)
    with app.app_context():
        upgrade_database()
        owner = create_user(f"bench{int(time.time())}", "long enough password", "instructor")
        start = time.perf_counter()
        parsed = load_any(data, "bench.gift")
        parse = time.perf_counter() - start
        statements = []
        event.listen(db.engine, "before_cursor_execute",
                     lambda *args: statements.append(args[2]))  # fmt: skip
        start = time.perf_counter()
        result = import_bank_file(owner.id, data, "bench.gift")
        total = time.perf_counter() - start
        rows = db.session.execute(
            select(func.count(QuestionRow.id)).where(QuestionRow.bank_id == result.bank.id)
        ).scalar_one()
        evidence = db.session.execute(
            select(func.count(EvidenceRow.id))
            .join(QuestionRow, QuestionRow.id == EvidenceRow.question_id)
            .where(QuestionRow.bank_id == result.bank.id)
        ).scalar_one()
        assert rows == len(parsed.questions) == COUNT and evidence == COUNT
        print(f"{db.engine.dialect.name}: {COUNT} GIFT questions ({len(data) / 1e6:.1f} MB): "
              f"parse {parse:.2f} s, import (parse + insert) {total:.2f} s, "
              f"{len(statements)} SQL statements; target < 10 s: "
              f"{'OK' if total < 10 else 'MISSED'}")  # fmt: skip
        db.session.remove()
        dispose_engines()


if __name__ == "__main__":
    main()
