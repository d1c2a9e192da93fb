"""Figures as news prose writes them: ranges, ratios, word fractions and scales."""

import pytest

from quizapp.core.claims.figures import extract_figures
from quizapp.core.questions.corpus import quizzable
from quizapp.core.questions.phrasing import figure_variants
from quizapp.core.scoring.marking import check
from quizapp.core.text.numbers import parse_number


def texts(sentence: str) -> list[str]:
    """Return the figure texts of a sentence, checking each is a span of it."""
    found = extract_figures(sentence)
    for f in found:
        assert sentence[f.start : f.end] == f.text
    return [f.text for f in found]


def test_a_range_with_to_is_one_figure_with_both_ends():
    (figure,) = extract_figures("Lawyers expect a sentence of 10 to 12 years in prison.")
    assert figure.text == "10 to 12 years"[: len(figure.text)]
    assert (figure.value, figure.high) == (10, 12)
    assert figure.unit == "years"


def test_between_and_keeps_between_in_the_answer():
    assert texts("Officials said between 3,000 and 5,000 homes were flooded.") == [
        "between 3,000 and 5,000"]


def test_a_money_range_keeps_both_currency_signs():
    assert texts("Petrol now sells for $4 to $4.10 a gallon, the group said.") == ["$4 to $4.10"]


def test_a_dashed_range_takes_the_unit_of_its_high_end():
    (figure,) = extract_figures("Support stood between 15-20% in the spring.")
    assert figure.text == "between 15-20%"
    assert (figure.value, figure.high, figure.unit) == (15, 20, "per cent")


def test_or_between_two_counts_is_a_range():
    assert texts("The boat carried 30 or 40 migrants, a witness said.") == ["30 or 40"]


def test_a_change_and_its_level_stay_two_figures():
    assert texts("Sales rose 8 per cent to $2.1 billion.") == ["8 per cent", "$2.1 billion"]


def test_a_before_and_after_pair_stays_two_figures():
    assert texts("The jobless rate fell from 4.8% to 4.3% in May.") == ["4.8%", "4.3%"]
    assert texts("The jobless rate fell to 4.3% from 4.8% in May.") == ["4.3%", "4.8%"]


def test_a_match_score_is_no_figure():
    assert texts("The home side won 3-2 on Sunday.") == []


def test_four_in_ten_is_never_read_as_ten():
    (figure,) = extract_figures("Almost four in 10 voters backed the plan, the survey found.")
    assert figure.text == "Almost four in 10"
    assert figure.value == 4 and figure.noun == "voters"
    assert check("4 in 10", figure.text, "Almost four in 10 voters backed it", "figure").correct
    assert not check("10", figure.text, "Almost four in 10 voters backed it", "figure").correct


def test_n_goals_in_ten_games_is_not_a_ratio():
    assert all("in 10" not in t for t in texts("She scored 7 goals in 10 games this year."))


def test_half_a_million_is_never_a_million():
    (figure,) = extract_figures("The fossil is at least half a million years older.")
    assert figure.text == "at least half a million"
    assert figure.value == 500_000


def test_a_fraction_closing_its_clause_is_a_figure():
    assert texts("The supplier will raise prices by about a fifth.") == ["about a fifth"]


def test_lakh_and_rupees_are_read():
    (figure,) = extract_figures("The state will pay Rs 5 lakh to each family.")
    assert figure.text == "Rs 5 lakh" and figure.value == 500_000
    assert parse_number("2 crore") == 20_000_000


def test_hyphenated_percent_and_points_are_figures():
    assert texts("They want a 40-percent raise and lead by a 12-point margin.") == [
        "40-percent", "12-point"]


def test_a_range_accepts_both_ends_but_never_one_alone():
    (figure,) = extract_figures("Analysts predicted 20 to 25 years for the crime.")
    variants = figure_variants(figure)
    assert "20-25 years" in variants
    assert "20" not in variants and "25" not in variants and "25 years" not in variants


def test_small_word_counts_with_a_noun_and_bare_tolls_are_quizzable():
    two, = extract_figures("Two men were killed in the raid, medics said.")
    assert quizzable(two)
    toll = [f for f in extract_figures("Rebels claimed 32 were killed in the fighting.")]
    assert [f.text for f in toll] == ["32"] and quizzable(toll[0])


def test_a_noun_read_before_the_figure_is_no_accepted_variant():
    found = extract_figures("Growth is projected with Q3 at 6.0 per cent.")
    assert all("Q3" not in v for f in found for v in figure_variants(f))


def test_new_opens_a_counted_noun():
    (figure,) = extract_figures("The ministry reported two new cases this week.")
    assert figure.noun == "new cases" and quizzable(figure)


def test_other_and_more_open_a_counted_noun_but_are_none_alone():
    (figure,) = extract_figures("The virus has now reached five other countries.")
    assert figure.noun == "other countries"
    (bare,) = extract_figures("The council wants five more.")
    assert bare.noun == ""


def test_a_ratio_has_no_two_number_variants():
    (figure,) = extract_figures("Fewer than one entry in 20 failed, the board said.")
    assert figure_variants(figure) == ["one entry in 20"]  # the qualifier dropped, no digits


def test_a_hyphenated_money_adjective_is_a_figure():
    (figure,) = extract_figures("The city faces a more than half-a-billion-dollar deficit.")
    assert figure.text == "more than half-a-billion-dollar"
    assert figure.value == 500_000_000 and figure.unit == "dollars"


def test_and_joins_word_numbers_only_after_a_scale():
    assert [(f.value, f.high) for f in extract_figures("Between two and three people died.")] \
        == [(2, 3)]
    (figure,) = extract_figures("Some two hundred and five people died.")
    assert figure.value == 205 and figure.high is None
    (zero,) = extract_figures("The margin was between zero and three seats.")
    assert (zero.value, zero.high) == (0, 3)


def test_a_range_keeps_a_noun_read_before_it_out_of_its_variants():
    found = extract_figures("Output was lifted from a range of 4 per cent to 7 per cent.")
    assert all("range" not in v for f in found for v in figure_variants(f))


def test_a_small_word_number_after_the_points_back_and_is_no_figure():
    from quizapp.core.claims.figures import extract_figures

    assert not extract_figures("Ties between the two countries grew.")
    assert [f.value for f in extract_figures("Two men were killed.")] == [2]
    assert [f.value for f in extract_figures("The 12 miners were rescued.")] == [12]


@pytest.mark.parametrize("sentence, text, value", [
    ("He was given six and a half years behind bars.", "six and a half", 6.5),
    ("She was jailed for 22 and a half years.", "22 and a half", 22.5),
    ("The patient waited up to 9 1/2 hours.", "up to 9 1/2", 9.5),
    ("The flight took 3½ hours.", "3½", 3.5),
    ("Sales reached two and a half million units.", "two and a half million", 2_500_000),
])
def test_a_half_after_a_whole_number_is_one_figure(sentence, text, value):
    figures = extract_figures(sentence, 0)
    assert [(f.text, f.value) for f in figures] == [(text, value)]


def test_a_listed_figure_without_its_noun_counts_the_noun_of_the_list():
    sentence = "Fifteen deaths were reported in Ohio, five in Iowa and two in Utah."
    assert [(f.text, f.noun) for f in extract_figures(sentence, 0)] == [
        ("Fifteen", "deaths"), ("five", "deaths"), ("two", "deaths")]
    measured = extract_figures("Prices rose 3% in May, 2% in June and 1% in July.", 0)
    assert all(not f.noun for f in measured)  # a measure is no counted noun


def test_pence_and_a_hyphenated_magnitude_are_figures_and_a_decimal_is_never_cut():
    quake = extract_figures("Officials called it a 6.6-magnitude quake; others said 5.9.", 0)
    assert [(f.text, f.value) for f in quake][:1] == [("6.6-magnitude", 6.6)]
    fuel = extract_figures("Diesel is now 9.42p a litre dearer than in May.", 0)
    assert [(f.text, f.unit) for f in fuel] == [("9.42p", "pence")]
    assert [f.text for f in extract_figures("The talks start at 4p.m. with 30 delegates.", 0)] \
        == ["30"]
    assert "6" not in [f.text for f in extract_figures("Growth of 6.2-fold was seen.", 0)]


def test_degrees_written_after_the_number_are_a_temperature():
    found = extract_figures("Current pledges point to 2.8C (5F) of warming, the agency said.")
    assert [(f.text, f.unit, f.topic) for f in found][0] == ("2.8C", "degrees", "temperature")
    assert [f.text for f in extract_figures("Temperatures reached 43°C on Sunday.")] == ["43°C"]
    assert not extract_figures("The shares were up 12c in early trade.")  # cents, not degrees


def test_a_magnitude_counts_no_quakes_and_a_counted_noun_ends_before_its_verb():
    found = {f.text: f for f in extract_figures(
        "A magnitude 5.9 tremor shook the valley, and two landslides struck the road.")}
    assert found["5.9"].noun == "" and found["5.9"].unit == "magnitude"
    assert found["two"].noun == "landslides"


def test_thousands_set_apart_by_spaces_are_one_figure_but_not_after_a_month():
    assert texts("So far 12 480 people have died and 31 207 were hurt, he said.") == [
        "12 480", "31 207"]
    assert texts("Between 4 000 and 5 000 homes were lost.") == ["Between 4 000 and 5 000"]
    assert "5 300" not in texts("On May 5 300 workers marched in the capital.")


def test_a_race_over_metres_is_no_sum_of_millions():
    assert all(f.value != 400_000_000 for f in extract_figures(
        "She won the women's 400m final in 49.2 seconds."))
    assert texts("The club paid £63m for the striker.") == ["£63m"]


def test_a_list_that_names_each_place_or_party_before_its_count_counts_them_all():
    found = extract_figures("In Avon 189 schools are closing, in Deeside 142 and in Marlow 122.")
    assert [(f.text, f.noun) for f in found] == [("189", "schools"), ("142", "schools"),
                                                 ("122", "schools")]
    found = extract_figures("The Green Party got 2,530,452 votes, Unity Front 2,191,679 and "
                            "the Farmers 171,441 votes, the board said.")
    assert "2,191,679" in [f.text for f in found]
    assert [f.text for f in extract_figures("The plane, a Boeing 737, landed safely.")] == []


def test_a_figure_after_who_gave_it_measures_the_noun_before_them():
    nouns = {f.text: f.noun for s in (
        "The death toll given by the fire service was 31 on Tuesday.",
        "The turnout reported by the election board was 62%.")
        for f in extract_figures(s)}
    assert nouns == {"31": "death toll", "62%": "turnout"}


def test_currency_marks_of_other_countries_stay_with_their_sums():
    for text, want, value, unit in (
            ("The Treasury cut the budget to Sh3.87 trillion.", "Sh3.87 trillion", 3.87e12,
             "shillings"),
            ("Fares rose to KSh 500 a trip.", "KSh 500", 500, "shillings"),
            ("The mine was sold for R2.5 billion.", "R2.5 billion", 2.5e9, "rand"),
            ("The bank was fined CHF 40 million.", "CHF 40 million", 4e7, "francs"),
            ("The state paid A$3 billion for the ships.", "A$3 billion", 3e9, "dollars"),
            ("Each trader was fined N50,000.", "N50,000", 50_000, "naira")):
        (figure,) = extract_figures(text)
        assert (figure.text, figure.value, figure.unit) == (want, value, unit), text


def test_a_scale_word_after_a_sum_in_an_unread_currency_is_no_figure():
    assert extract_figures("The dam cost Br3.2 billion to build.") == []
    assert extract_figures("Nurses wore N95 masks on the R2 road.") == []
