"""Properties of the scorer that must hold for any text at all."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizapp.core.scoring import KINDS, check
from quizapp.core.text.numbers import find_numbers, parse_number

NEWSY = st.sampled_from(
    ["over 6,000", "U.K.", "June 17", "17/6", "(JCS)", "Col.", "a dozen", "6.5m", "£2bn", "–",
     "’s", "Joint Chiefs of Staff", "per cent", "each month", "2025-06-17", "not stated", "and"]
)
TEXT = st.text(max_size=60) | st.lists(NEWSY | st.text(max_size=8), max_size=12).map(" ".join)
KIND = st.sampled_from(KINDS) | st.text(max_size=6)


@settings(deadline=None, max_examples=400)
@given(answer=TEXT, expected=TEXT, evidence=TEXT, kind=KIND)
def test_check_never_raises_and_credit_is_a_fraction(answer, expected, evidence, kind):
    verdict = check(answer, expected, evidence, kind)
    assert 0.0 <= verdict.credit <= 1.0
    assert isinstance(verdict.reason, str) and verdict.reason
    if verdict.correct:
        assert verdict.credit > 0
    if verdict.span is not None:
        assert 0 <= verdict.span[0] <= verdict.span[1] <= len(evidence)


@settings(deadline=None, max_examples=400)
@given(expected=TEXT, evidence=TEXT, kind=KIND)
def test_an_answer_equal_to_the_expected_one_is_always_right(expected, evidence, kind):
    assume(expected.strip())
    assert check(expected, expected, evidence, kind).correct


@settings(deadline=None, max_examples=200)
@given(expected=TEXT, evidence=TEXT, kind=KIND, pad=st.sampled_from(["", " ", "  \n"]))
def test_case_and_surrounding_space_never_change_the_verdict_of_the_expected(
    expected, evidence, kind, pad
):
    assume(expected.strip())
    assert check(pad + expected.upper() + pad, expected, evidence, kind).correct


@settings(deadline=None)
@given(n=st.integers(min_value=0, max_value=10**12))
def test_numbers_written_with_separators_parse_back(n):
    assert parse_number(f"{n:,}") == n
    assert [m.value for m in find_numbers(f"about {n:,} people")] == [n]


@settings(deadline=None)
@given(text=st.text(max_size=200))
def test_find_numbers_never_raises_and_spans_index_the_text(text):
    for mention in find_numbers(text):
        assert 0 <= mention.start < mention.end <= len(text)


def test_a_key_of_marks_only_matches_itself_whatever_the_space_around_it():
    # found by Hypothesis: a key that is a control character and a backtick
    assert check("\r`", "\r`", "", "source").correct
    assert check(" \r` ", "\r`", "", "source").correct
