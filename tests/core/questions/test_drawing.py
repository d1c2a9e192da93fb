"""Drawing questions for an attempt."""

import random
from collections import Counter

from quizapp.core.questions.drawing import Candidate, draw_balanced


def pool() -> list[Candidate]:
    kinds = ["source"] * 30 + ["figure"] * 10 + ["verdict"] * 5 + ["date"] * 2
    return [Candidate(i, kind, f"prompt {i}") for i, kind in enumerate(kinds)]


def test_draw_takes_the_types_in_turn():
    drawn = draw_balanced(pool(), 8, random.Random(1))
    kinds = Counter(next(c.type for c in pool() if c.id == i) for i in drawn)
    assert len(drawn) == 8 == len(set(drawn))
    assert kinds["date"] == 2 and kinds["verdict"] == 2 and kinds["source"] == 2


def test_draw_avoids_two_variants_of_one_prompt():
    candidates = [Candidate(1, "source", "Who said it?"), Candidate(2, "source", "Who  said it?"),
                  Candidate(3, "figure", "How many?")]
    drawn = draw_balanced(candidates, 2, random.Random(3))
    assert sorted(drawn) == [1, 3] or sorted(drawn) == [2, 3]


def test_draw_fills_up_with_variants_when_nothing_else_is_left():
    candidates = [Candidate(1, "source", "Who?"), Candidate(2, "source", "Who?")]
    assert sorted(draw_balanced(candidates, 2, random.Random(0))) == [1, 2]


def test_draw_never_returns_more_than_there_is():
    assert len(draw_balanced(pool(), 100, random.Random(0))) == len(pool())
