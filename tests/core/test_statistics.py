"""Item statistics: facility, spread and Moodle's discrimination index."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.statistics import (
    correlation,
    discrimination,
    item_statistics,
    mean,
    most_missed,
    sample_sd,
)


def test_facility_is_the_mean_mark():
    stats = item_statistics([{"q1": 1.0, "q2": 0.0}, {"q1": 0.5, "q2": 0.0}, {"q1": 1.0}])
    assert stats["q1"].facility == pytest.approx(2.5 / 3)
    assert stats["q1"].count == 3
    assert stats["q2"].facility == 0.0
    assert stats["q2"].count == 2


def test_discrimination_correlates_the_item_with_the_rest_of_the_test():
    attempts = [
        {"a": 1.0, "b": 1.0, "c": 1.0},
        {"a": 1.0, "b": 1.0, "c": 0.0},
        {"a": 0.0, "b": 0.0, "c": 1.0},
        {"a": 0.0, "b": 0.0, "c": 0.0},
    ]
    stats = item_statistics(attempts)
    # a: marks 1,1,0,0; rest of test (b+c) 2,1,1,0 -> r = 0.7071
    assert stats["a"].discrimination == pytest.approx(1 / math.sqrt(2))
    # c: marks 1,0,1,0; rest (a+b) 2,2,0,0 -> r = 0
    assert stats["c"].discrimination == pytest.approx(0.0)


def test_discrimination_uses_the_rest_not_the_total():
    # An item that is the whole test correlates perfectly with the total but has no rest.
    assert discrimination([1.0, 0.0, 1.0], [1.0, 0.0, 1.0]) is None
    marks, totals = [1.0, 0.0, 1.0, 0.0], [3.0, 2.0, 1.0, 0.0]
    assert discrimination(marks, totals) == pytest.approx(correlation(marks, [2, 2, 0, 0]))


def test_negative_discrimination_flags_an_item_the_weak_get_right():
    attempts = [{"x": 0.0, "y": 1.0, "z": 1.0}, {"x": 1.0, "y": 0.0, "z": 0.0}]
    attempts += [{"x": 0.0, "y": 1.0, "z": 0.0}, {"x": 1.0, "y": 0.0, "z": 1.0}]
    assert item_statistics(attempts)["x"].discrimination < 0


def test_no_variance_gives_no_discrimination():
    stats = item_statistics([{"q": 1.0, "r": 0.0}, {"q": 1.0, "r": 1.0}])
    assert stats["q"].discrimination is None
    assert stats["q"].facility == 1.0


def test_small_samples():
    assert mean([]) is None
    assert sample_sd([1.0]) is None
    assert sample_sd([0.0, 1.0]) == pytest.approx(math.sqrt(0.5))
    assert correlation([1.0], [2.0]) is None
    assert item_statistics([]) == {}
    with pytest.raises(ValueError):
        correlation([1.0, 2.0], [1.0])


def test_most_missed_orders_by_facility_and_skips_perfect_items():
    stats = item_statistics(
        [{"easy": 1.0, "hard": 0.0, "mid": 1.0}, {"easy": 1.0, "hard": 0.0, "mid": 0.0}]
    )
    assert [s.key for s in most_missed(stats.values())] == ["hard", "mid"]
    assert [s.key for s in most_missed(stats.values(), limit=1)] == ["hard"]


marks = st.lists(
    st.dictionaries(st.sampled_from("abcde"), st.sampled_from([0.0, 0.5, 1.0]), min_size=1),
    max_size=30,
)


@given(marks)
def test_statistics_stay_in_range(attempts):
    for item in item_statistics(attempts).values():
        assert 0.0 <= item.facility <= 1.0
        assert item.discrimination is None or -1.0 <= item.discrimination <= 1.0
        assert item.count >= 1
