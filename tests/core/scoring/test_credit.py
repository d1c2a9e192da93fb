"""Moodle's credit: multiple response sums the ticks (0..1), weighted choices, wildcards."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.banks.model import Question
from quizapp.core.scoring import score_answer
from quizapp.core.scoring.credit import encode_picks

MULTI = Question(id="m", type="multi", prompt="Which?", answer="A; B", choices=["A", "B", "C"],
                 weights=[50, 50, -100])


@pytest.mark.parametrize(
    ("ticked", "credit", "correct"),
    [(["A", "B"], 1.0, True), (["A"], 0.5, False), (["A", "C"], 0.0, False),
     (["A", "B", "C"], 0.0, False), (["C"], 0.0, False)],
)
def test_multiple_response_credit_is_the_sum_floored_and_capped(ticked, credit, correct):
    verdict = score_answer(MULTI, encode_picks(ticked))
    assert (verdict.credit, verdict.correct) == (pytest.approx(credit), correct)


def test_moodles_thirds_add_up_to_full_credit():
    q = Question(id="t", type="multi", prompt="?", answer="", choices=["A", "B", "C", "D"],
                 weights=[33.33333, 33.33333, 33.33333, -100])
    assert score_answer(q, encode_picks(["A", "B", "C"])).correct


@given(st.lists(st.sampled_from(["A", "B", "C", "Z"]), max_size=5))
def test_multi_credit_is_always_between_0_and_1(ticked):
    verdict = score_answer(MULTI, encode_picks(ticked))
    assert 0 <= verdict.credit <= 1
    assert verdict.correct == (set(ticked) == {"A", "B"})


def test_a_weighted_choice_earns_its_share():
    q = Question(id="c", type="text", prompt="?", answer="A", choices=["A", "B", "C"],
                 weights=[100, 50, -25])
    assert [score_answer(q, c).credit for c in ("A", "B", "C")] == [1.0, 0.5, 0.0]


def test_short_answer_patterns_and_partial_answers():
    q = Question(id="s", type="text", prompt="?", answer="Ir* Sukarno", accept=["Bung", "5\\*3"],
                 weights=[100, 50, 100], wildcards=True)
    assert score_answer(q, "Ir. Sukarno").correct
    assert score_answer(q, "ir sukarno").correct
    assert not score_answer(q, "Sukarno").correct
    assert score_answer(q, "Bung").credit == 0.5
    assert score_answer(q, "5*3").correct and not score_answer(q, "513").correct
