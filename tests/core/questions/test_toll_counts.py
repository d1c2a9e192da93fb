"""What a casualty figure counts, read past an aside that names some of those counted, and the
words that count people in general ("others", "bodies"). Sentences of our own."""

from quizapp.core.claims.extract import extract_claims
from quizapp.core.questions.tolls import count_kind, same_count


def figure_in(text: str, number: str):
    """Return the claim and the figure written `number`."""
    for claim in extract_claims(text):
        for figure in claim.figures:
            if figure.text.endswith(number) or figure.number_text == number:
                return claim, figure
    raise AssertionError(number)


def test_an_aside_naming_some_of_the_dead_does_not_hide_the_verb():
    claim, figure = figure_in("Six people, including the driver of the bus, died at the scene, "
                              "police said.", "Six")
    assert count_kind(claim, figure) == "deaths"


def test_others_and_bodies_count_people_in_general():
    c1, f1 = figure_in("At least nine people were killed and more than 40 others were injured, "
                       "officials said.", "40")
    c2, f2 = figure_in("Some 25 people were injured, the mayor said.", "25")
    assert count_kind(c1, f1) == "injured" and same_count(f1, f2, c1, c2)
    c3, f3 = figure_in("Fourteen bodies were pulled from the river, police said.", "Fourteen")
    c4, f4 = figure_in("Twenty people died in the flood, the governor said.", "Twenty")
    assert count_kind(c3, f3) == "deaths" and same_count(f3, f4, c3, c4)


def test_a_part_of_a_whole_named_first_is_no_toll():
    claim, figure = figure_in("Of the 31 people killed in the fires, 17 were found in Sonoma, "
                              "officials said.", "17")
    assert count_kind(claim, figure) == ""


def conflict(first: str, number_a: str, second: str, number_b: str) -> bool:
    """Tell whether two counts, each in its own sentence, may conflict."""
    from quizapp.core.questions.conflicts import may_conflict
    return may_conflict(figure_in(first, number_a), figure_in(second, number_b))


def test_an_exact_count_within_a_lower_bound_is_no_conflict():
    assert not conflict("More than 330 people have died, the agency said.", "330",
                        "It said 337 deaths had been reported.", "337")
    assert conflict("At least 42 people died, officials said.", "42",
                    "The toll climbed to 31, the fire service said.", "31")
    assert conflict("Up to 20,000 people may have died, the mayor said.", "20,000",
                    "The government put registered deaths at 3,252.", "3,252")


def test_a_county_toll_beside_the_whole_event_s_toll_is_a_part():
    assert not conflict("At least 42 people died in the fires, officials said.", "42",
                        "Harlow County Sheriff Jo Reyes said 17 people had died.", "17")


def test_a_verb_s_up_before_to_is_no_upper_bound():
    _claim, figure = figure_in("Output growth picked up to 4.2 per cent, the bank said.", "4.2")
    assert figure.qualifier is None and figure.text == "4.2 per cent"
    _claim, figure = figure_in("Up to 200 people may be trapped, rescuers said.", "200")
    assert figure.qualifier == "le"


def test_workers_killed_are_a_toll_and_a_far_higher_later_toll_conflicts():
    claim, figure = figure_in("At least 12 workers were killed in the blast, officials said.", "12")
    assert count_kind(claim, figure) == "deaths"
    assert conflict("At least 12 workers were killed in the blast, officials said.", "12",
                    "The toll in the mine blast reached 29, state officials said.", "29")


def test_a_un_agency_described_and_named_is_one_source():
    from quizapp.core.questions.tolls import same_source
    assert same_source("the UN health agency", "World Health Organization")
    assert same_source("the UN refugee agency", "UNHCR")
    assert not same_source("the UN health agency", "UNICEF")
