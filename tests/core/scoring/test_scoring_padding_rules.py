"""A correct answer with a false claim tacked on is refused; a correct one in another form is kept.

Made-up sentences, one test per rule.
"""

from __future__ import annotations

import pytest

from quizapp.core.scoring import check

CHIEF = "Hanna Okafor, the city's police chief, said two officers were hurt in the crash."
ARMY = "The ministry said it had sent 15,000 men and 40 tanks to the northern border."
CEO = "Chief Executive Lena Varga told investors the plant would close in May."


def judged(answer: str, expected: str, evidence: str, kind: str) -> bool:
    """Return whether the scorer accepts the answer."""
    return check(answer, expected, evidence, kind).correct


@pytest.mark.parametrize(
    "answer", ["Mayor Okafor", "Deputy Mayor Hanna Okafor", "Okafor, who is the mayor"]
)
def test_source_refuses_a_title_before_or_after_the_name_that_the_article_does_not_give(answer):
    verdict = check(answer, "Hanna Okafor", CHIEF, "source")
    assert not verdict.correct
    assert "title" in verdict.reason


@pytest.mark.parametrize(
    "answer", ["police chief Okafor", "Okafor, who is the police chief", "Ms Okafor", "Dr Okafor"]
)
def test_source_accepts_the_articles_title_or_a_courtesy_title(answer):
    assert judged(answer, "Hanna Okafor", CHIEF, "source")


def test_a_title_in_initials_counts_as_the_one_the_article_spells_out():
    assert judged("CEO Lena Varga", "Lena Varga", CEO, "source")
    assert not judged("CFO Lena Varga", "Lena Varga", CEO, "source")


@pytest.mark.parametrize("answer", ["15,000 brigades", "15,000 battalions", "15,000 divisions"])
def test_figure_refuses_a_count_of_units_for_a_count_of_people(answer):
    assert not judged(answer, "15,000 men", ARMY, "figure")
    assert not judged(answer, "15,000", ARMY, "figure")


def test_figure_refuses_one_kind_of_people_for_another_but_accepts_people_for_a_role():
    evidence = "The army deployed 3,000 troops to the valley after the floods."
    assert not judged("3,000 refugees", "3,000 troops", evidence, "figure")
    assert not judged("3,000 tourists", "3,000 troops", evidence, "figure")
    assert judged("3,000 soldiers", "3,000 troops", evidence, "figure")
    assert judged("3,000 men", "3,000 troops", evidence, "figure")


def test_figure_reads_a_race_time_typed_with_full_stops_keeping_its_order():
    evidence = "The winner crossed the line in 1:58:41 after a late surge."
    assert judged("1.58.41", "1:58:41", evidence, "figure")
    assert not judged("1.41.58", "1:58:41", evidence, "figure")


def test_place_accepts_the_capital_the_sentence_names_for_its_country():
    evidence = "Officials in Hanoi said Vietnam would open two new ports this year."
    assert judged("Hanoi", "Vietnam", evidence, "place")
    assert not judged("Hanoi", "Vietnam", "Vietnam said it would open two new ports.", "place")
    assert not judged("Bangkok", "Vietnam", evidence, "place")


def test_place_accepts_the_town_a_site_is_named_after_but_not_a_word_of_its_name():
    evidence = "The rare orchid flowered at Leeds General Infirmary and at Durham Botanic Garden."
    assert judged("Durham", "Durham Botanic Garden", evidence, "place")
    assert not judged("Leeds", "Durham Botanic Garden", evidence, "place")
    assert not judged("Botanic", "Durham Botanic Garden", evidence, "place")
    assert not judged("Royal", "Royal Festival Hall", "A concert at Royal Festival Hall.", "place")


def test_source_refuses_a_description_naming_another_body_or_another_time():
    evidence = "Omar Reyes, the harbour authority spokesman, said the ferry was late."
    assert not judged("Reyes, the Navy spokesman", "Omar Reyes", evidence, "source")
    assert not judged("Reyes, the former spokesman", "Omar Reyes", evidence, "source")
    assert judged("Reyes, the harbour authority spokesman", "Omar Reyes", evidence, "source")
    assert judged("the spokesman, Omar Reyez", "Omar Reyes", evidence, "source")


def test_figure_refuses_families_for_people():
    evidence = "The landslide forced 800 people from their homes."
    assert not judged("800 families", "800 people", evidence, "figure")
    assert judged("800 residents", "800 people", evidence, "figure")


@pytest.mark.parametrize(
    ("answer", "expected", "right"),
    [
        ("a third", "33%", True), ("one in four", "25%", True), ("1 in 5", "20%", True),
        ("a third", "30%", False), ("two thirds", "70%", False), ("one in four", "40%", False),
    ],
)
def test_figure_reads_a_share_said_in_words_as_the_key_rounds_it(answer, expected, right):
    evidence = f"Officials said {expected} of the wells had run dry by August."
    assert judged(answer, expected, evidence, "figure") is right


def test_figure_reads_half_hours_said_in_words():
    evidence = "The hearing lasted 90 minutes before the judge adjourned it."
    assert judged("an hour and a half", "90 minutes", evidence, "figure")
    assert not judged("an hour", "90 minutes", evidence, "figure")
    assert judged("half an hour", "30 minutes", "It took 30 minutes.", "figure")


def test_source_accepts_a_paper_without_the_word_newspaper():
    evidence = "The Daily Courier newspaper first reported the leak on Sunday."
    assert judged("the Daily Courier", "The Daily Courier newspaper", evidence, "source")
    assert not judged("the Courier Mail", "The Daily Courier newspaper", evidence, "source")


def test_figure_reads_spaced_thousands_with_a_decimal_comma():
    evidence = "The index closed at 4,817.6 points on Friday."
    assert judged("4 817,6", "4,817.6", evidence, "figure")
    assert not judged("4 817,9", "4,817.6", evidence, "figure")


def test_figure_accepts_the_country_that_names_a_currency():
    evidence = "The ministry paid $7 million for the two ferries."
    assert judged("US$7 million", "$7 million", evidence, "figure")
    assert judged("7 million US dollars", "$7 million", evidence, "figure")
    assert not judged("$7 million from Canada", "$7 million", evidence, "figure")


def test_figure_reads_a_count_per_hundred_as_a_percentage_only_for_a_percentage_key():
    assert judged("64 out of 100", "64%", "Some 64% of members voted to strike.", "figure")
    assert not judged("46 out of 100", "64%", "Some 64% of members voted to strike.", "figure")
    evidence = "Of 100 patients, 64 recovered within a week."
    assert judged("64 out of 100", "64", evidence, "figure")


@pytest.mark.parametrize(
    "answer", ["<b>450</b>", "{{450}}", "450; DROP TABLE answers", "450' UNION SELECT 1"]
)
def test_an_answer_with_markup_or_code_is_refused_and_told_so(answer):
    verdict = check(answer, "450", "The council approved 450 new homes.", "figure")
    assert not verdict.correct
    assert "markup or code" in verdict.reason


def test_a_right_answer_that_mentions_tables_or_selection_is_not_code():
    assert judged("450 homes", "450", "The council approved 450 new homes.", "figure")
    evidence = "The select committee met on Tuesday."
    assert judged("The Select Committee.", "the select committee", evidence, "text")


def test_place_refuses_a_part_or_neighbour_of_the_place():
    evidence = "Floods cut roads across Malawi, the agency said."
    assert not judged("Malawi's capital", "Malawi", evidence, "place")
    assert not judged("the Malawi border", "Malawi", evidence, "place")
    assert judged("Malawi", "Malawi", evidence, "place")


@pytest.mark.parametrize(
    ("answer", "right"),
    [("the ninth of March", True), ("March the ninth", True), ("the nineteenth of March", False),
     ("the twenty-ninth of March", False)],
)
def test_date_reads_a_day_written_as_an_ordinal_word(answer, right):
    evidence = "The dam gave way on March 9 after a week of rain."
    assert judged(answer, "March 9", evidence, "date") is right


def test_source_accepts_the_articles_own_description_of_the_only_body_it_names():
    evidence = "Chile's state broadcaster TVN said the vote would be delayed."
    assert judged("the state broadcaster", "TVN", evidence, "source")
    assert not judged("the state news agency", "TVN", evidence, "source")
    two = "Chile's state broadcaster TVN cited the Daily Herald as saying the vote would wait."
    assert not judged("the state broadcaster", "the Daily Herald", two, "source")
