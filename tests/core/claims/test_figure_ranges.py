"""Figures as news writes them, in made-up sentences: halves added to a number, ranges whose
high end carries the scale or the currency, large ranges with a dash, per cent as "pc"."""

import pytest

from quizapp.core.claims.figures import extract_figures


def figures(sentence: str) -> list[tuple[str, float, float | None]]:
    """Return (text, value, high) of each figure of a sentence."""
    return [(f.text, f.value, f.high) for f in extract_figures(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The trial lasted three and a half hours.", [("three and a half", 3.5, None)]),
    ("She was jailed for seven and a half years.", [("seven and a half", 7.5, None)]),
    ("He got 14 and a half years.", [("14 and a half", 14.5, None)]),
    ("Two and a half million people voted.", [("Two and a half million", 2_500_000, None)]),
])
def test_a_half_adds_to_the_number_before_it(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Rivals sought a deal worth 20-25m a year.", [("20-25m", 20_000_000, 25_000_000)]),
    ("A deal worth $12.5-18.5m a year.", [("$12.5-18.5m", 12_500_000, 18_500_000)]),
    ("The repairs cost $5-7 billion.", [("$5-7 billion", 5e9, 7e9)]),
    ("Tickets cost £40-£60 each.", [("£40-£60", 40, 60)]),
    ("Sales of 400,000-500,000 units.", [("400,000-500,000", 400_000, 500_000)]),
    ("Prices were 15-20% higher.", [("15-20%", 15, 20)]),
    ("Officials think anywhere from 40-90 people were killed.", [("40-90", 40, 90)]),
    ("A report says 150-400 killed in the raid.", [("150-400", 150, 400)]),
])
def test_a_dash_range_is_one_figure_with_the_scale_of_its_high_end(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", ["Chelsea won 3-2 at home.", "The 2009-10 season ended.",
                                      "The Hawks won 112-104 on Tuesday.",
                                      "The Hawks lost 98-104 at home."])
def test_a_score_or_a_season_is_no_range(sentence):
    assert all(high is None for _text, _value, high in figures(sentence))


def test_pc_is_per_cent():
    found = extract_figures("Bills went up 48pc last year.")
    assert [(f.text, f.value, f.unit) for f in found] == [("48pc", 48, "per cent")]
    assert [f.text for f in extract_figures("The maker sold 3 PCs.")] == ["3"]


def test_or_even_joins_a_range():
    assert figures("Traders had expected 3.1 percent or even 3.2 percent.") == [
        ("3.1 percent or even 3.2 percent", 3.1, 3.2)]


def test_a_range_around_a_conversion_is_one_figure():
    found = figures("Revenue may reach $4.1 billion (€3.8 billion) to $4.3 billion this year.")
    assert found[0] == ("$4.1 billion (€3.8 billion) to $4.3 billion", pytest.approx(4.1e9),
                        pytest.approx(4.3e9))
    assert ("€3.8 billion", 3.8e9, None) in found


def test_a_list_gives_its_noun_to_the_figures_that_leave_it_out():
    found = extract_figures("Police arrested 12 men in Leeds, 4 in York and 3 in Hull.")
    assert [(f.text, f.noun) for f in found] == [("12", "men"), ("4", "men"), ("3", "men")]
    found = extract_figures("He scored 20 goals, and 5 in the cup.")
    assert [f.noun for f in found] == ["goals", ""]
