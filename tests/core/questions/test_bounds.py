"""Verdicts that ask for a figure to be read: a Supported statement gives the figure as a round
number it exceeds, a Contradicted one as more than a round number well above it, and a flipped
qualifier always excludes the figure. Articles of our own."""

from __future__ import annotations

import pytest

from quizapp.core.banks.model import Source
from quizapp.core.claims.figures import extract_figures
from quizapp.core.questions import generate_questions
from quizapp.core.questions.roundings import higher_bound, lower_bound


def _bounds(sentence: str) -> list[tuple[str | None, str | None]]:
    return [(lower_bound(sentence, f), higher_bound(sentence, f))
            for f in extract_figures(sentence)]


@pytest.mark.parametrize(("sentence", "lower", "higher"), [
    ("Inspectors seized at least 14 crates at the port.",
     "Inspectors seized more than 10 crates at the port.", None),
    ("The count stands at 6,012 people, the agency said.",
     "The count stands at more than 6,000 people, the agency said.",
     "The count stands at more than 8,000 people, the agency said."),
    ("The merger is worth $6.3 billion.", "The merger is worth more than $6 billion.",
     "The merger is worth more than $9 billion."),
    ("About 100 huts were flattened.", None, "More than 200 huts were flattened."),
    ("Fares went up 4.2% in a year.", "Fares went up more than 4% in a year.",
     "Fares went up more than 6% in a year."),
    ("Votes were counted at more than 30,000 booths.", None, None),  # the same words, smaller
])
def test_a_figure_is_said_as_a_round_bound(sentence, lower, higher):
    assert _bounds(sentence)[0] == (lower, higher)


@pytest.mark.parametrize("sentence", [
    "The 14 crates were seized.",  # no "The more than 10 crates"
    "Only 14 crates were seized.",
    "Passengers boarded Flight 370 at dawn.",
    "Joblessness fell to 4.3% from 4.8%.",  # a bound in a move misreads
    "A 52-year-old man was held.",
    "Police said the driver told them: “We carried 14 crates.”",
    "Three ports have handled all but 12 of the crates.",
    "Eight crates were opened and a further 15 were sealed.",
    "Exports will reach a record 36 billion tonnes.",
    "He paid with a forged $20 bill at the counter.",
    "Profits fell to €564 million (£444 million) in the half.",
    "The index rose from 94.3% to 94.9% in a year.",
    "The rate per 100,000 residents rose.",
    "She won the final with a run of 9.58 seconds.",
])
def test_no_bound_where_more_than_does_not_read(sentence):
    assert all(pair == (None, None) for pair in _bounds(sentence)), _bounds(sentence)


def test_supported_statements_read_a_figure_and_contradicted_ones_exclude_it():
    text = ("Customs officers seized at least 14 crates of forged watches at the port on "
            "Friday, the harbour authority said.\n\nThe authority said 2,630 crates had been "
            "checked since January.")
    verdicts = [q for q in generate_questions(
        [Source(id="s1", title="Port raid", text=text, date="2025-03-01")])
        if q.type == "verdict"]
    supported = [q.prompt for q in verdicts if q.answer == "Supported"]
    assert any("more than 10 crates" in p for p in supported), supported
    assert any("more than 2,000" in p and "crates" in p for p in supported), supported
    for q in verdicts:
        if q.answer == "Contradicted":  # "at most 14" holds of 14 as "at least 14" does
            assert "at most 14" not in q.prompt and "at least 14" not in q.prompt, q.prompt


def _verdicts(text: str) -> list:
    return [q for q in generate_questions(
        [Source(id="s1", title="Harbour fire", text=text, date="2025-03-01")])
        if q.type == "verdict"]


def test_no_claim_is_given_to_another_of_the_article_sources_and_no_copy_is_supported():
    # Contradicted or Not stated? Reviewers split on a swapped speaker, so none is asked.
    text = ("Harbour master Ines Varga said the fire began in a fuel store.\n\n"
            "Port Authority chief Tomas Lind said the quay would reopen within a week.")
    verdicts = _verdicts(text)
    assert not [q for q in verdicts if q.answer == "Supported"], verdicts
    assert not [q for q in verdicts if "Lind" in q.prompt and "fuel store" in q.prompt]
    assert not [q for q in verdicts if "Varga" in q.prompt and "reopen" in q.prompt]


def test_a_lower_bound_is_contradicted_only_by_its_flip():
    text = ("At least 14 people were hurt in the fire, fire chief Ana Ruiz said.\n\n"
            "At least 30 boats were damaged, the Port Authority said.")
    for q in _verdicts(text):
        if q.answer == "Contradicted" and "hurt" in q.prompt:
            assert "fewer than 14" in q.prompt or "more than 20" not in q.prompt, q.prompt
            assert "at least 30" not in q.prompt, q.prompt


def test_a_claim_is_never_given_to_a_description_that_may_name_its_speaker():
    text = ("The toll has risen to 420, the EU Office for Flood Relief said.\n\n"
            "The EU agency attributed the figures to the Valdor Red Cross.\n\n"
            "The Valdor Red Cross added that 90 more people were missing in the hills.")
    for q in _verdicts(text):
        assert "According to the EU agency" not in q.prompt, q.prompt
        assert "EU agency said" not in q.prompt, q.prompt


def test_a_supported_bound_stays_close_to_the_figure():
    (low, _), = _bounds("The agency said 300,000 people had fled the region.")
    assert low is not None and "more than 250,000" in low, low
