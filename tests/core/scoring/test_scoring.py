"""The answer scorer decides like a fair instructor: one test per rule."""

from __future__ import annotations

import pytest

from quizapp.core.banks.model import VERDICT_CHOICES, Evidence, Question
from quizapp.core.scoring import check, score_answer

INTEL = (
    "Russia has lost over 6,000 troops near the town since March, U.K. defence intelligence "
    "said, while the Ukrainian military put the figure at 600 a day."
)
KOREA = (
    "Ukrainian military spokesperson Col. Oleksandr Kindratenko said 10,000 North Korean troops "
    "were arriving each month, while the Joint Chiefs of Staff (JCS) in Seoul put the total at "
    "15,000."
)


def judged(answer: str, expected: str, evidence: str, kind: str) -> bool:
    """Return whether the scorer accepts the answer."""
    return check(answer, expected, evidence, kind).correct


@pytest.mark.parametrize("answer", ["6000", "six thousand", "6k", "more than 6,000", "over 6,000",
                                    "it was over 6,000 casualties", "6,000+"])
def test_figure_accepts_the_same_number_in_any_writing(answer):
    assert judged(answer, "over 6,000", INTEL, "figure")


@pytest.mark.parametrize("answer", ["600", "60,000", "fewer than 6,000", "under 6000",
                                    "over 6,000 and 600 a day", "7,000", ""])
def test_figure_rejects_other_numbers_and_contradicting_qualifiers(answer):
    assert not judged(answer, "over 6,000", INTEL, "figure")


def test_figure_rejects_the_right_number_for_the_wrong_counted_thing():
    assert judged("10,000 a month", "10,000 each month", KOREA, "figure")
    assert not judged("10,000 in total", "10,000 each month", KOREA, "figure")
    assert not judged("10,000 each year", "10,000 each month", KOREA, "figure")


def test_figure_accepts_a_bare_number_when_the_expected_has_units():
    assert judged("1,300", "1,300 square kilometers", "Fires burned 1,300 square kilometers.",
                  "figure")


def test_figure_rejects_another_unit():
    evidence = "Fires burned 1,300 square kilometers."
    assert judged("1300 sq km", "1,300 square kilometers", evidence, "figure")
    assert judged("1,300 square kilometres", "1,300 square kilometers", evidence, "figure")
    assert not judged("1,300 square miles", "1,300 square kilometers", evidence, "figure")


def test_figure_keeps_decimals_apart_from_their_digits():
    evidence = "The fund raised 6.5 million euros."
    assert judged("6,500,000", "6.5 million", evidence, "figure")
    assert not judged("65 million", "6.5 million", evidence, "figure")


def test_figure_gives_partial_credit_for_a_right_number_with_a_wrong_qualifier():
    verdict = check("fewer than 6,000", "over 6,000", INTEL, "figure")
    assert not verdict.correct
    assert 0 < verdict.credit < 1


def test_figure_reports_the_evidence_span_of_the_number():
    verdict = check("6000", "over 6,000", INTEL, "figure")
    assert verdict.span is not None
    assert INTEL[verdict.span[0] : verdict.span[1]] == "6,000"


@pytest.mark.parametrize("answer", ["UK Defence Intelligence", "British defence intelligence",
                                    "U.K. defense intelligence", "the UK's defence intelligence"])
def test_source_accepts_spelling_and_nationality_variants(answer):
    assert judged(answer, "U.K. defence intelligence", INTEL, "source")


@pytest.mark.parametrize("answer", ["the Ukrainian military", "US defense intelligence",
                                    "UK defence intelligence and the Ukrainian military"])
def test_source_rejects_another_source_or_a_padded_wrong_source(answer):
    assert not judged(answer, "U.K. defence intelligence", INTEL, "source")


@pytest.mark.parametrize("answer", ["Kindratenko", "Col. Oleksandr Kindratenko",
                                    "Colonel Kindratenko", "Kindratneko", "Oleksandr Kindratenko"])
def test_source_accepts_a_surname_a_title_and_a_small_typo(answer):
    assert judged(answer, "Colonel Oleksandr Kindratenko", KOREA, "source")


def test_source_rejects_a_given_name_alone():
    verdict = check("Oleksandr", "Colonel Oleksandr Kindratenko", KOREA, "source")
    assert not verdict.correct
    assert "surname" in verdict.reason


def test_source_accepts_an_acronym_the_evidence_defines():
    assert judged("JCS", "Joint Chiefs of Staff", KOREA, "source")
    assert judged("Joint Chiefs of Staff", "JCS", KOREA, "source")


def test_source_accepts_initials_of_a_name():
    evidence = "The World Health Organization reported a rise."
    assert judged("WHO", "World Health Organization", evidence, "source")
    assert judged("World Health Organisation", "W.H.O.", evidence, "source")


def test_no_typo_tolerance_for_short_words():
    assert not judged("Ban", "BBC", "The BBC said so.", "source")
    assert not judged("Giza", "Gaza", "Officials in Gaza said so.", "place")


@pytest.mark.parametrize("answer", ["June 17", "17 June", "17/6", "Jun. 17", "2025-06-17",
                                    "on Tuesday, June 17", "the 17th of June"])
def test_date_accepts_common_formats(answer):
    assert judged(answer, "June 17, 2025", "It happened on Tuesday, June 17, 2025.", "date")


@pytest.mark.parametrize("answer", ["June 18", "17 July", "2024-06-17", "Wednesday, June 17"])
def test_date_rejects_another_day_month_year_or_weekday(answer):
    assert not judged(answer, "June 17, 2025", "It happened on Tuesday, June 17, 2025.", "date")


def test_date_gives_partial_credit_for_a_month_without_its_day():
    verdict = check("June 2025", "June 17, 2025", "", "date")
    assert not verdict.correct
    assert 0 < verdict.credit < 1


def test_date_accepts_month_and_year():
    assert judged("Mar 2025", "March 2025", "", "date")
    assert not judged("March 2024", "March 2025", "", "date")


@pytest.mark.parametrize("answer,expected", [
    ("true", "Supported"), ("Yes", "Supported"), ("correct", "Supported"),
    ("false", "Contradicted"), ("no", "Contradicted"), ("incorrect", "Contradicted"),
    ("not mentioned", "Not stated in the article"), ("unknown", "Not stated in the article"),
    ("not in the article", "Not stated in the article"),
])
def test_verdict_accepts_synonyms(answer, expected):
    assert judged(answer, expected, "", "verdict")


def test_verdict_rejects_another_verdict():
    assert not judged("true", "Contradicted", "", "verdict")
    assert not judged("not stated", "Supported", "", "verdict")


@pytest.mark.parametrize("kind", ["source", "figure", "date", "place", "verdict", "text"])
@pytest.mark.parametrize("answer", ["", "   ", "\n\t"])
def test_empty_answers_are_wrong_with_a_reason(kind, answer):
    verdict = check(answer, "over 6,000", INTEL, kind)
    assert not verdict.correct
    assert verdict.credit == 0
    assert verdict.reason


def test_huge_inputs_are_scored_quickly():
    verdict = check("6,000 " * 50_000, "over 6,000", INTEL * 2_000, "figure")
    assert verdict.reason


def make_question(**fields) -> Question:
    """Build a question with defaults for the fields a test does not care about."""
    values = {"id": "q1", "type": "source", "prompt": "Who said it?", "answer": "x"}
    return Question(**{**values, **fields})


def test_score_answer_accepts_any_listed_variant():
    question = make_question(answer="U.K. defence intelligence", accept=["MI6"])
    assert score_answer(question, "MI6", INTEL).correct
    assert score_answer(question, "British defence intelligence", INTEL).correct


def test_score_answer_takes_a_choice_text_letter_or_number():
    question = make_question(
        type="figure", answer="6,000", choices=["600", "6,000", "60,000"],
        evidence=[Evidence("s1", 0, 10)],
    )
    assert score_answer(question, "6000").correct
    assert score_answer(question, "B").correct
    assert score_answer(question, "2").correct
    assert not score_answer(question, "600").correct
    assert not score_answer(question, "c").correct


def test_score_answer_maps_verdict_synonyms_to_choices():
    question = make_question(type="verdict", answer="Contradicted", choices=list(VERDICT_CHOICES))
    assert score_answer(question, "false").correct
    assert not score_answer(question, "true").correct


def test_score_answer_rejects_an_empty_answer():
    assert not score_answer(make_question(answer="Reuters"), " ").correct


def test_an_answer_that_denies_the_expected_one_is_wrong():
    evidence = "Moscow said the engineers would do restoration work in Kursk."
    assert judged("to do restoration work", "restoration work", evidence, "text")
    assert not judged("not restoration work", "restoration work", evidence, "text")
    assert not judged("not 6,000", "over 6,000", INTEL, "figure")


def test_a_second_name_joined_by_and_or_or_is_a_wrong_extra_claim():
    evidence = "Lee Sung-kwon told ABC News that the soldiers were told to fight."
    assert judged("ABC", "ABC News", evidence, "source")
    assert not judged("ABC News or the New York Times", "ABC News", evidence, "source")


def test_a_korean_name_accepts_its_family_name_first():
    evidence = "At least 100 soldiers were killed, said South Korean lawmaker Lee Sung-kwon."
    assert judged("Lee", "South Korean lawmaker Lee Sung-kwon", evidence, "source")
    assert not judged("Sung-kwon", "South Korean lawmaker Lee Sung-kwon", evidence, "source")


def test_place_accepts_its_head_but_not_another_direction_or_country():
    evidence = "Floods in northern Pakistan killed 1,200 people near the border with India."
    assert judged("Pakistan", "northern Pakistan", evidence, "place")
    assert not judged("southern Pakistan", "northern Pakistan", evidence, "place")
    assert not judged("India", "northern Pakistan", evidence, "place")


def test_a_typo_never_turns_one_country_into_another():
    evidence = "Bushfires in Australia destroyed homes, and Austria sent firefighters."
    assert judged("Australa", "Australia", evidence, "place")
    assert not judged("Austria", "Australia", evidence, "place")


def test_figure_keeps_the_minus_sign():
    assert judged("-5C", "-5C", "It fell to -5C overnight.", "figure")
    assert not judged("5C", "-5C", "It fell to -5C overnight.", "figure")


def test_figure_rejects_a_unit_or_currency_the_article_does_not_use():
    evidence = "Bushfires destroyed 3,000 homes."
    assert judged("3000 houses", "3,000 homes", evidence, "figure")
    assert not judged("$3,000", "3,000 homes", evidence, "figure")
    assert not judged("3,000 km", "3,000 homes", evidence, "figure")
