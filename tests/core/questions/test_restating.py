"""Verdict statements that restate their claim instead of copying its sentence with one figure
changed: a setting moved to the end, a clause cut after its figure, a count said as the number
it is. Sentences of our own."""

from __future__ import annotations

import pytest

from quizapp.core.banks.model import Source
from quizapp.core.questions import generate_questions
from quizapp.core.questions.restating import count_restated, restated, setting_last


@pytest.mark.parametrize(("content", "moved"), [
    ("On Tuesday, 140 ferries were held in port by the strike",
     "140 ferries were held in port by the strike on Tuesday"),
    ("in March, at least 31 people drowned when a ferry sank off the northern cape",
     "at least 31 people drowned when a ferry sank off the northern cape in March"),
    ("In Norland, where the chain has been closing its smaller shops, sales fell 9 per cent "
     "to £40 million", "sales fell 9 per cent to £40 million in Norland"),
    ("last year, takings at the port rose 12% to $8 million",
     "takings at the port rose 12% to $8 million last year"),
])
def test_a_setting_that_opens_the_clause_goes_to_its_end(content, moved):
    assert setting_last(content, ["140", "31", "9", "12%"]) == moved


@pytest.mark.parametrize("content", [
    "at least 14 boats sank in the storm",  # no opening phrase
    "In addition, 40 boats were lost at sea in the storm",  # a connective, no setting
    "In all, 40 boats were lost at sea in the storm",
    "In total, 40 boats were lost at sea in the storm",
    "In a statement, the board said 40 boats were lost",  # no time or place
    "On Monday, boats sank",  # too short to end on its setting
    "In Norland, where 40 boats sank, the fleet shrank by a third to 80 vessels",  # a figure
    "On Friday, the minister said: “We lost 40 boats in the storm this week”",  # a quotation
])
def test_no_other_opening_is_moved(content):
    assert setting_last(content, ["14", "40"]) == content


@pytest.mark.parametrize(("content", "cut"), [
    ("sales at the chain climbed more than 9% to €60 million, with a 4% rise in online orders",
     "sales at the chain climbed more than 9% to €60 million"),
    ("the index closed down 40.1, or more than 2 per cent, at 3910.2, having gained 1% last week",
     "the index closed down 40.1, or more than 2 per cent, at 3910.2"),
    ("Ek has scored more than 20 goals in 31 games for the club and will be expected to lead "
     "the attack", "Ek has scored more than 20 goals in 31 games for the club"),
    ("ferry revenue climbed more than 10% in the quarter, while freight revenue rose 18%",
     "ferry revenue climbed more than 10% in the quarter"),
])
def test_a_clause_is_cut_after_its_bounded_figure(content, cut):
    assert restated(content, content.find("more than")) == cut


@pytest.mark.parametrize("content", [
    "more than 30 ferries sank",  # nothing after the figure
    "the fleet lost (more than 30 ships, with crews) in a storm",  # inside a bracket
    'the mayor said more than 30 ships sank "with all hands, while we watched"',  # quotation
    "ek scored more than 20, while Lund scored 19",  # too short once cut
])
def test_no_clause_is_cut_where_the_cut_would_not_read(content):
    assert restated(content, content.find("more than")) == content


@pytest.mark.parametrize(("content", "said"), [
    ("more than 60 passengers were injured", "the number of passengers injured was more than 60"),
    ("more than 100 people were picked up off the coast",
     "the number of people picked up off the coast was more than 100"),
    ("more than 20 foreign workers have been evacuated",
     "the number of foreign workers evacuated is more than 20"),
    ("more than 500 migrants drowned in the strait",
     "the number of migrants who drowned in the strait was more than 500"),
    ("more than 40 people have died since the spring",
     "the number of people who have died since the spring is more than 40"),
    ("Fewer than 68 boats were sunk", "the number of boats sunk was fewer than 68"),
    ("at least 12 officers were hurt", "the number of officers hurt was at least 12"),
])
def test_a_count_opening_its_clause_is_said_as_the_number_it_is(content, said):
    assert count_restated(content) == said


@pytest.mark.parametrize("content", [
    "more than 60 passengers were not injured",
    "more than 60 passengers were present at the hearing",
    "more than 60 passengers were injured and 12 crew members were missing at sea",  # and ...
    "the crash injured more than 60 passengers",  # the count is no subject
    "more than 60 passengers were injured when the bus left the road at a bend on the coastal "
    "road between two villages in the hills",  # too long a tail
])
def test_other_counts_keep_their_clause(content):
    assert count_restated(content) == content


def test_generated_supported_statements_are_restated():
    text = ("On Sunday, at least 68 passengers were injured when a ferry hit the pier at "
            "Valdor, the coastguard said.\n\n"
            "Harbour revenue climbed 14% to €52 million in the year, with a 6% rise in "
            "cargo, the port authority said.")
    verdicts = [q for q in generate_questions(
        [Source(id="s1", title="Ferry strikes pier", text=text, date="2025-03-01")])
        if q.type == "verdict"]
    supported = [q.prompt for q in verdicts if q.answer == "Supported"]
    assert any("the number of passengers injured when a ferry hit the pier at Valdor on "
               "Sunday was more than 60" in p for p in supported), supported
    assert any("revenue rose more than 10 per cent to €52 million in the year," in p
               for p in supported), supported
    for q in verdicts:
        assert "6% rise" not in q.prompt, q.prompt
        if "passengers" in q.prompt:  # a Contradicted count is said as its Supported one is
            assert "the number of passengers injured" in q.prompt, q.prompt
