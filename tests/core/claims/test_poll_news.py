"""Poll results in made-up news sentences: shares of respondents ("seven in 10 voters said",
"Three-quarters of those surveyed"), and a margin of error that goes with the poll before it."""

from quizapp.core.claims.extract import extract_claims

ARTICLE = (
    "Poll\n\n"
    "A poll of 800 likely voters for the Valley Herald put the mayor ahead.\n\n"
    "The survey found that 52% back the mayor and 41% back her rival.\n\n"
    "Almost seven in 10 voters said the economy was their top issue. Three-quarters of those "
    "surveyed said they would vote. Half of the respondents backed the tram plan.\n\n"
    "It has a margin of error of plus or minus 3.5 percentage points.\n"
)


def speaker_of(words: str):
    """Return the attribution of the sentence holding `words`."""
    return next(c for c in extract_claims(ARTICLE) if words in c.text).attribution


def test_a_share_of_respondents_is_no_speaker_name():
    for words in ("seven in 10", "Three-quarters", "Half of"):
        a = speaker_of(words)
        assert a.strength == "described", words
        assert a.speaker.name in ("voters", "those surveyed", "the respondents", "respondents"), (
            words, a.speaker.name)


def test_a_margin_of_error_goes_with_the_poll_before_it():
    a = speaker_of("margin of error")
    assert a.strength == "described" and a.speaker.name in ("survey", "poll")


def test_a_margin_of_error_without_a_poll_before_it_has_no_source():
    text = "News\n\nIt has a margin of error of plus or minus 4 points.\n"
    assert extract_claims(text)[-1].attribution.strength == "none"


def test_a_count_of_people_still_opens_a_described_source():
    text = "News\n\nTwo officials said 40 people had been arrested.\n"
    a = extract_claims(text)[-1].attribution
    assert a.strength == "described" and "officials" in a.speaker.name


def test_a_further_share_of_the_same_respondents_goes_on_in_the_paragraph():
    text = ("Poll\n\n61% of likely voters say the mayor should run again; 29% say she should not. "
            "8% are undecided.\n\n12% of shops closed.\n")
    claims = extract_claims(text)
    sure = next(c for c in claims if "undecided" in c.text).attribution
    assert sure.frame == "context" and sure.speaker.name == "likely voters"
    assert next(c for c in claims if "shops" in c.text).attribution.strength == "none"


def test_a_group_that_had_predicted_a_figure_is_its_source():
    for text, who in (("News\n\nThe fall surprised markets, which had predicted 3.1 percent.\n",
                       "markets"),
                      ("News\n\nThe rise surprised economists, who had forecast a fall.\n",
                       "economists")):
        a = extract_claims(text)[-1].attribution
        assert a.strength == "described" and a.speaker.name == who


def test_a_relative_clause_after_of_is_no_group_source():
    text = "News\n\nHe met the families of victims, who said 12 were missing.\n"
    assert extract_claims(text)[-1].attribution.speaker is None or \
        extract_claims(text)[-1].attribution.speaker.name != "victims"
