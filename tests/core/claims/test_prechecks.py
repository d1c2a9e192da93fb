"""The cheap pre-checks before costly patterns (a word a pattern needs, where a date can start)
skip no match: made-up sentences that each need one pattern still read as before."""

from __future__ import annotations

import pytest

from quizapp.core.claims.attribution import find_cues
from quizapp.core.claims.extract import extract_claims
from quizapp.core.claims.figures import extract_figures
from quizapp.core.text.dates import extract_dates


@pytest.mark.parametrize(
    ("sentence", "frame", "mention"),
    [
        ("The agency quoted the minister as saying the talks had failed.", "quoted", "minister"),
        ("According to the ministry, 40 people died.", "according", "ministry"),
        ("The count released by the police was 31.", "by", "police"),
        ("Annual profit topped the mean analyst forecast by two cents.", "by",
         "mean analyst forecast"),
        ("She faces a long wait, with several doctors predicting 6 to 8 months.",
         "preposed", "several doctors"),
        ("The merger was announced by the company on Monday.", "passive", "company"),
    ],
)
def test_a_cue_needing_a_word_is_still_found(sentence: str, frame: str, mention: str) -> None:
    assert (frame, mention) in [(c.frame, c.phrase and c.phrase.mention)
                                for c in find_cues(sentence)]


def test_a_sentence_without_those_words_has_no_such_cue() -> None:
    assert find_cues("Heavy rain fell across the valley overnight.") == []


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [("Casualties at 6,000 were reported.", "Casualties"),
     ("The death toll stood at 32 on Friday.", "death toll")],
)
def test_a_noun_before_its_figure_is_read(sentence: str, noun: str) -> None:
    (figure,) = extract_figures(sentence)
    assert figure.noun == noun and figure.noun_before


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The vote is due next week.", "next week"),
        ("It happened yesterday.", "yesterday"),
        ("The plant opened in spring.", "in spring"),
        ("Talks resume on Monday.", "on Monday"),
        ("He arrived in the city three days ago.", "three days ago"),
        ("Prices peaked in the 1990s.", "the 1990s"),
        ("The festival returns this summer.", "this summer"),
        ("The deal was signed on 4 March 2021.", "4 March 2021"),
    ],
)
def test_every_kind_of_date_passes_the_pre_check(sentence: str, date: str) -> None:
    assert [d.text for d in extract_dates(sentence, 0, 2024)] == [date]


def test_a_sentence_without_a_date_word_has_no_date() -> None:
    assert extract_dates("Nobody knew what would come of it.") == []


def test_a_titled_name_mid_sentence_is_the_next_he() -> None:
    claims = extract_claims("The move came after Treasury Secretary John Snow called for calm. "
                            "He said markets would recover.")
    assert claims[1].attribution.speaker is not None
    assert claims[1].attribution.speaker.name == "John Snow"
