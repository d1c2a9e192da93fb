"""Time parse_gift on a generated 10,000-question GIFT file of mixed kinds; print questions/s."""

from __future__ import annotations

import time

from quizapp.core.banks.gift import parse_gift
from quizapp.core.banks.gift_export import dump_gift
from quizapp.core.banks.model import Bank, Evidence, Question, Source

COUNT = 10_000
TEXT = ("A fire broke out at the harbour on Sunday. About 6,000 people were evacuated, police "
        "said. \"We acted fast,\" said Chief Ana Ruiz. Reuters reported 12 injuries.") * 20


def make_bank(count: int) -> Bank:
    """Build a bank cycling through every kind the GIFT exporter writes."""
    questions = []
    for i in range(count):
        qid, kind = f"q{i + 1}", i % 5
        base = {"id": qid, "prompt": f"Question {i}: who, what {{or}} how many? #{i}",
                "evidence": [Evidence("s1", i % 100, i % 100 + 40)], "tags": ["bench"]}
        if kind == 0:
            q = Question(type="figure", answer=f"{1000 + i:,}", tolerance=5, **base)
        elif kind == 1:
            q = Question(type="source", answer="Reuters", accept=["AP", "AFP"], **base)
        elif kind == 2:
            q = Question(type="verdict", answer="Supported", explanation="See: line 2.", **base)
        elif kind == 3:
            q = Question(type="attribution", answer="Chief Ana Ruiz",
                         choices=["Chief Ana Ruiz", "Reuters", "police"], **base)
        else:
            q = Question(type="text", answer="True", choices=["True", "False"], **base)
        questions.append(q)
    return Bank(title="Benchmark", sources=[Source(id="s1", title="Fire", text=TEXT)],
                questions=questions)


def main() -> None:
    """Generate the file, parse it a few times, and print the best time."""
    bank = make_bank(COUNT)
    text = dump_gift(bank)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        parsed = parse_gift(text)
        best = min(best, time.perf_counter() - start)
    assert parsed == bank, "round trip changed the bank"
    print(f"{len(parsed.questions)} questions, {len(text) / 1e6:.1f} MB of GIFT: "
          f"parse_gift {best:.2f} s (best of 3), {len(parsed.questions) / best:,.0f} questions/s")
    plain = "\n\n".join(f"Q{i}?{{=a{i} ~b ~c}}" for i in range(COUNT))
    start = time.perf_counter()
    parse_gift(plain)
    elapsed = time.perf_counter() - start
    print(f"{COUNT} plain Moodle-style questions (no quizapp comments): {elapsed:.2f} s, "
          f"{COUNT / elapsed:,.0f} questions/s")
    # Every question of one name: each gets "name (n)", in linear time (it was quadratic).
    same = "\n\n".join(f"::Same name:: Who said it, #{i}? {{=Reuters =AP}}" for i in range(COUNT))
    start = time.perf_counter()
    ids = [q.id for q in parse_gift(same).questions]
    elapsed = time.perf_counter() - start
    assert len(set(ids)) == COUNT
    print(f"{COUNT} questions all named alike, {len(same) / 1e3:.0f} KB: {elapsed:.2f} s, "
          f"{COUNT / elapsed:,.0f} questions/s")


if __name__ == "__main__":
    main()
