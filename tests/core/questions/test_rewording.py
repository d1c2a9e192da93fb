"""Rewording verdict statements: same meaning, other words, never inside a quotation."""

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
