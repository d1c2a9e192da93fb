"""The scorer marks typed answers the way the shared marking policy says a fair instructor does."""

from __future__ import annotations

import pytest

from quizapp.core.scoring import check
from quizapp.core.scoring.conversions import convert, same_after_rounding, step

KIPCHOGE = "Eliud Kipchoge won the London Marathon in 2:03:05, missing the record by 8 seconds."
RYU = (
    "Ryu Seong-hyeon, a former sergeant in the North Korean military who defected in 2019, told "
    "ABC News that the soldiers' families would be executed."
)
WHO = "The WHO on Monday confirmed 19 deaths in Democratic Republic of Congo (DRC)."
NIS = (
    "According to a briefing by South Korea's National Intelligence Service (NIS), North Korea "
    "is likely to send more troops."
)
PESKOV = "Dmitry Peskov, the Kremlin spokesman, avoided comment, while Sergei Lavrov was silent."
SHOIGU = "Russian Security Council Secretary Sergei Shoigu traveled to North Korea on June 17."
DEERE = "Deere agreed to acquire Wirtgen for a total of 4.6 billion euros ($5.2 billion)."
TROOPS = "Approximately 12,000 North Korean soldiers had been dispatched to bolster Russian forces."
LOSSES = "U.K. defense intelligence estimates place North Korean casualties at over 6,000."


def judged(answer: str, expected: str, evidence: str, kind: str) -> bool:
    """Return whether the scorer accepts the answer."""
    return check(answer, expected, evidence, kind).correct


@pytest.mark.parametrize("answer", ["Ryu", "Ryu Seong-hyeon", "Ryu Sung-hyun"])
def test_source_accepts_the_name_without_the_keys_appositive(answer):
    assert judged(answer, "Ryu Seong-hyeon, a former North Korean sergeant", RYU, "source")


def test_source_refuses_the_given_name_alone_when_the_key_has_an_appositive():
    assert not judged("Seong-hyeon", "Ryu Seong-hyeon, a former North Korean sergeant", RYU,
                      "source")


@pytest.mark.parametrize("answer", ["WHO", "World Health Organisation", "the UN health agency"])
def test_source_accepts_a_bodys_acronym_expansion_and_standard_description(answer):
    assert judged(answer, "the WHO (World Health Organization)", WHO, "source")


@pytest.mark.parametrize("answer", ["the UN", "UN refugee agency", "UNICEF"])
def test_source_refuses_a_parent_body_or_another_agency(answer):
    assert not judged(answer, "the WHO (World Health Organization)", WHO, "source")


def test_source_accepts_a_shortened_name_that_keeps_the_country_and_what_it_is():
    key = "South Korea's National Intelligence Service (NIS)"
    assert judged("South Korean intelligence", key, NIS, "source")
    assert not judged("North Korean intelligence", key, NIS, "source")
    assert not judged("the South Korean government", key, NIS, "source")


def test_source_accepts_a_role_the_article_gives_and_refuses_another_persons():
    assert judged("the Kremlin spokesman", "Dmitry Peskov", PESKOV, "source")
    assert not judged("the Kremlin", "Dmitry Peskov", PESKOV, "source")
    assert not judged("the foreign minister", "Dmitry Peskov", PESKOV, "source")


def test_source_refuses_a_right_name_padded_with_a_wrong_title():
    assert not judged("Sergei Shoigu, Russia's defence minister", "Sergei Shoigu", SHOIGU, "source")
    assert judged("Shoigu, the Security Council Secretary", "Sergei Shoigu", SHOIGU, "source")


@pytest.mark.parametrize("answer", ["Qaddafi", "Gadhafi", "Kadhafi"])
def test_text_accepts_alternative_transliterations(answer):
    assert judged(answer, "Gaddafi", "Gaddafi's son was reported killed.", "text")


def test_place_accepts_a_list_in_another_order_and_refuses_a_list_missing_an_item():
    evidence = "Russia has used tunnels in Avdiivka and Toretsk."
    assert judged("Toretsk, Avdiyivka", "Avdiivka and Toretsk", evidence, "place")
    assert not judged("Avdiivka", "Avdiivka and Toretsk", evidence, "place")


def test_place_accepts_the_wider_place_the_sentence_supports():
    evidence = "During the parade in Moscow, Putin greeted troops in Red Square."
    assert judged("Moscow", "Red Square, Moscow", evidence, "place")
    assert judged("the DPRK", "North Korea", "Shoigu traveled to North Korea.", "place")


@pytest.mark.parametrize("answer", ["about 21 days", "3 weeks"])
def test_figure_accepts_a_duration_in_another_unit(answer):
    assert judged(answer, "around three weeks", "not seen for around three weeks", "figure")


@pytest.mark.parametrize(
    ("answer", "expected", "evidence"),
    [
        ("about 518 km²", "200 square miles", "a bridgehead of 200 square miles"),
        ("about 210 km/h", "in excess of 130mph", "winds in excess of 130mph"),
        ("about 101.7°F", "38.7°C", "a temperature of 38.7°C"),
        ("about 2 km", "one and a quarter miles", "a one and a quarter mile pipe"),
        ("7 years", "84 months", "sentenced to 84 months in prison"),
    ],
)
def test_figure_accepts_a_correct_conversion(answer, expected, evidence):
    assert judged(answer, expected, evidence, "figure")


@pytest.mark.parametrize("answer", ["200 km", "about 300 km", "130 km/h", "8 years"])
def test_figure_refuses_the_number_in_another_unit_unconverted_or_misconverted(answer):
    key = {"200 km": "200 miles", "about 300 km": "200 miles", "130 km/h": "130mph",
           "8 years": "84 months"}[answer]
    assert not judged(answer, key, f"It measured {key}.", "figure")


def test_conversion_rounding_follows_the_digits_the_student_typed():
    assert step(210.0) == 10 and step(518.0) == 1 and step(101.7) == pytest.approx(0.1)
    assert same_after_rounding(210, "kmh", 130, "mph")
    assert not same_after_rounding(200, "kmh", 130, "mph")
    assert convert(1, "h", "min") == pytest.approx(60)
    assert convert(1, "h", "km") is None


def test_figure_accepts_either_of_two_equivalent_forms_in_the_key():
    key = "4.6 billion euros ($5.2 billion)"
    assert judged("$5.2 billion", key, DEERE, "figure")
    assert judged("4.6bn euros", key, DEERE, "figure")
    assert not judged("4.6 billion dollars", key, DEERE, "figure")


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("7/10", "70 percent"), ("three-quarters", "75%"), ("1¼ mi", "1.25 miles"),
     ("6 000", "6,000"), ("6\u00a0000", "6,000"), ("2,5%", "2.5%"),
     ("125 bn dollars", "$125 billion"),
     ("more than a hundred", "over 100"), ("ninety-one point six per cent", "91.6%"),
     ("90-160 billion dollars", "$90 billion to $160 billion")],
)
def test_figure_accepts_numbers_as_people_type_them(answer, expected):
    assert judged(answer, expected, f"The figure was {expected}.", "figure")


def test_figure_refuses_a_bare_decimal_for_a_percentage():
    assert not judged("0.7", "70 percent", "Mobileye accounts for 70 percent.", "figure")


def test_figure_accepts_a_whole_the_article_gives_but_not_another():
    evidence = "The League won 232 seats in the 300-seat Parliament."
    assert judged("232 of 300", "232", evidence, "figure")
    assert not judged("232 of 400", "232", evidence, "figure")


def test_figure_refuses_a_wrong_quantity_noun():
    assert not judged("12,000 killed", "approximately 12,000", TROOPS, "figure")
    assert judged("12,000 soldiers", "approximately 12,000", TROOPS, "figure")
    assert not judged("6,000+ dead", "over 6,000", LOSSES, "figure")
    assert judged("6,000+ casualties", "over 6,000", LOSSES, "figure")


def test_figure_accepts_up_to_where_the_article_gives_a_possibility():
    evidence = "The transfer could eventually cost the club £12m."
    assert judged("up to £12 million", "£12m", evidence, "figure")
    assert not judged("up to £12 million", "£12m", "The transfer cost the club £12m.", "figure")


def test_figure_reads_a_range_in_years_and_months():
    evidence = "They were each sentenced to 8-1/3 to 25 years in prison."
    assert judged("eight years four months to 25 years", "8-1/3 to 25 years", evidence, "figure")
    assert not judged("25 years", "8-1/3 to 25 years", evidence, "figure")


@pytest.mark.parametrize(
    "answer", ["2:03:05", "2:03.05", "2 hours 3 minutes 5 seconds", "2h 3m 5s"]
)
def test_figure_accepts_a_race_time_in_any_writing(answer):
    assert judged(answer, "2:03:05", KIPCHOGE, "figure")


@pytest.mark.parametrize("answer", ["2:05:03", "2:03:50", "2:30:05"])
def test_figure_refuses_a_race_time_with_its_parts_reordered(answer):
    assert not judged(answer, "2:03:05", KIPCHOGE, "figure")


def test_a_time_short_of_its_seconds_is_a_near_miss_for_review():
    verdict = check("2:03", "2:03:05", KIPCHOGE, "figure")
    assert not verdict.correct and verdict.unsure and 0 < verdict.credit < 1


@pytest.mark.parametrize(
    ("answer", "expected", "right"),
    [("3rd place", "third", True), ("2nd", "No. 2", True), ("number two", "No. 2", True),
     ("second", "No. 2", True), ("No. 3", "No. 2", False), ("fourth", "third", False)],
)
def test_text_reads_ranks_and_positions(answer, expected, right):
    assert judged(answer, expected, "He finished third and is now No. 2 all time.", "text") is right


@pytest.mark.parametrize(
    ("answer", "right"),
    [("two days before Christmas", True), ("Dec. 23", True), ("Christmas Eve", False),
     ("Christmas", False)],
)
def test_date_reads_a_date_given_as_a_description(answer, right):
    assert judged(answer, "December 23", "It was reported on December 23.", "date") is right


def test_date_accepts_iso_form():
    evidence = "The vote took place on June 17, 2024."
    assert judged("2024-06-17", "June 17, 2024", evidence, "date")
    assert not judged("2024-06-18", "June 17, 2024", evidence, "date")


def test_verdict_accepts_a_right_verdict_with_a_short_reason_the_article_supports():
    assert judged("false - it confirmed 19 deaths", "false", WHO, "verdict")
    assert judged("no, the WHO confirmed only 19", "false", WHO, "verdict")
    wrong_figure = check("false - it confirmed 39 deaths", "false", WHO, "verdict")
    assert not wrong_figure.correct and wrong_figure.unsure


def test_true_false_questions_are_told_true_or_false_not_the_three_labels():
    assert check("maybe", "false", WHO, "verdict").reason == "Answer true or false."
    assert check("true", "false", WHO, "verdict").reason == "The answer is false, not true."


def test_a_dollar_answer_is_never_told_the_article_is_not_about_money():
    verdict = check("$19", "19", WHO, "figure")
    assert verdict.reason == "The number is right, but the article gives no currency for it."
