"""Numbers as news prose writes them."""

from __future__ import annotations

import pytest

from quizapp.core.text.numbers import (
    QUALIFIERS,
    Number,
    find_numbers,
    parse_number,
    split_qualifier,
)


@pytest.mark.parametrize("text,value", [
    ("6,000", 6000), ("6000", 6000), ("six thousand", 6000), ("6k", 6000), ("10 million", 1e7),
    ("6.5 million", 6.5e6), ("a dozen", 12), ("two dozen", 24), ("a hundred", 100),
    ("fifteen hundred", 1500), ("sixty-five thousand", 65000), ("2.5bn", 2.5e9),
    ("two hundred and sixty-eight thousand", 268000), ("two and a half million", 2.5e6),
    ("half a million", 5e5), ("1 000 000", 1e6),
])
def test_parse_number_reads_digits_words_and_scales(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "  ", "many", "dozens", "six apples"])
def test_parse_number_returns_none_for_non_numbers(text):
    assert parse_number(text) is None


def test_split_qualifier_keeps_working_for_the_generator():
    assert split_qualifier("more than 6,000") == ("gt", "6,000")
    assert split_qualifier("6,000") == (None, "6,000")
    assert QUALIFIERS["nearly"] == "lt~"
    assert Number(6000.0, "gt").qualifier == "gt"


@pytest.mark.parametrize("text,value,qualifier", [
    ("more than 6,000 people", 6000, "gt"), ("over 6k", 6000, "gt"), ("nearly 20%", 20, "lt~"),
    ("at least 2,500 migrants", 2500, "ge"), ("up to 10 feet", 10, "le"),
    ("fewer than 50,000", 50000, "lt"), ("6,000+ troops", 6000, "gt"),
    ("an estimated 5,000", 5000, "approx"), ("£2.5m", 2.5e6, None),
])
def test_find_numbers_reads_values_and_qualifiers(text, value, qualifier):
    (mention,) = find_numbers(text)
    assert (mention.value, mention.qualifier) == (value, qualifier)


def test_find_numbers_gives_spans_into_the_text():
    text = "Turnout was 67.3 per cent, the highest since 1992."
    spans = [text[m.start : m.end] for m in find_numbers(text)]
    assert spans == ["67.3", "1992"]
    assert find_numbers(text)[1].is_year


def test_find_numbers_tells_metres_from_millions():
    assert find_numbers("her 1,500m world record")[0].value == 1500
    assert find_numbers("a £1,500m deal")[0].value == 1.5e9


def test_find_numbers_reads_ordinals_and_ignores_lone_articles():
    (tenth,) = find_numbers("its tenth increase in a row")
    assert tenth.value == 10 and tenth.ordinal
    assert find_numbers("a man and an idea") == []


def test_labels_glued_to_digits_are_no_numbers():
    assert [m.value for m in find_numbers("16 in S4 and 21 in coach B12 in Q4")] == [16, 21]


def test_lakh_and_crore_are_scales():
    assert parse_number("5 lakh") == 500_000
    assert parse_number("1.5 crore") == 15_000_000


def test_half_a_million_is_half_a_million():
    assert [m.value for m in find_numbers("at least half a million years")] == [500_000]
