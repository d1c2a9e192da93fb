"""Rewording verdict statements: same meaning, other words, never inside a quotation."""

import re

from quizapp.core.questions.rewording import reword


def test_a_movement_verb_before_its_measure_takes_a_synonym():
    assert reword("Sales rose 4 per cent to $3 billion.") == "Sales climbed 4% to $3 billion."
    assert reword("Output fell to 2.1% from 2.6%.") == (
        "Output dropped to 2.1 per cent from 2.6 per cent.")
    assert reword("Turnout increased by a third.") == "Turnout rose by a third."


def test_an_adjective_or_a_verb_without_a_measure_stays():
    assert reword("An increased risk was found.") == "An increased risk was found."
    assert reword("The council dropped the plan.") == "The council dropped the plan."


def test_a_change_noun_after_its_size_takes_a_synonym():
    assert reword("A 3 per cent rise in fares.") == "A 3% increase in fares."
    assert reword("A 12% drop in orders.") == "A 12 per cent fall in orders."
    assert reword("It followed a fall in demand.") == "It followed a fall in demand."


def test_a_quotation_keeps_its_words():
    said = 'The mayor said: "Crime fell 8% this year."'
    assert reword(said) == said
    assert reword("Fares rose 5%, the mayor said: ‘Costs rose 9%.’") == (
        "Fares climbed 5 per cent, the mayor said: ‘Costs rose 9%.’")


def test_a_verb_after_have_keeps_its_participle():
    assert reword("Sales have dropped to 21 per cent.") == "Sales have dropped to 21%."
    assert reword("Costs had increased by 5%.") == "Costs had increased by 5 per cent."


def test_a_statement_drops_a_connective_and_a_clause_added_after_its_figure():
    from quizapp.core.questions.rewording import trimmed
    assert trimmed("However, takings were 41 cents a share, beating the forecast by a cent",
                   ["41"]) == "takings were 41 cents a share"
    assert trimmed("two days later, 9 boats were lost and dozens more damaged in the gale",
                   ["9"]) == "9 boats were lost and dozens more damaged in the gale"
    kept = "costs such as rent, heating and power rose 12% in the year to May"
    assert trimmed(kept, ["12"]) == kept  # a list item ending in -ing is no added clause
    dated = "in March 2019, 40 people died when the bridge fell"
    assert trimmed(dated, ["40"]) == dated  # a date may tell one event from another


def test_no_contradicted_share_of_a_whole_is_above_one_hundred_per_cent():
    from quizapp.core.claims.figures import extract_figures
    from quizapp.core.questions.roundings import higher_bound
    sentence = "The 12 banks, which hold 90% of the deposits in the region, were tested."
    said = [higher_bound(sentence, f) or "" for f in extract_figures(sentence) if f.unit]
    assert said and not [s for s in said if re.search(r"more than [1-9]\d\d", s)], said
