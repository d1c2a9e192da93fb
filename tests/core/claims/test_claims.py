"""Claims: attributions, speakers, figures, dates and topics on sentences of our own."""

from quizapp.core.claims.extract import extract_claims, named_speakers
from quizapp.core.claims.figures import extract_figures
from quizapp.core.text.dates import extract_dates


def only(text: str):
    """Return the single claim of a one-sentence text."""
    claims = extract_claims(text)
    assert len(claims) == 1
    return claims[0]


def test_according_to_names_the_source_and_keeps_the_content():
    claim = only("According to the Port Authority, cargo volumes rose 12 per cent in May.")
    assert claim.attribution.strength == "named"
    assert claim.attribution.speaker.name == "Port Authority"
    assert claim.content == "cargo volumes rose 12 per cent in May"


def test_preposed_said_keeps_the_description_with_the_name():
    claim = only("Senior fire official Captain Maria Lopez said 300 homes were evacuated.")
    speaker = claim.attribution.speaker
    assert speaker.name == "Maria Lopez"
    assert speaker.mention == "Senior fire official Captain Maria Lopez"
    assert "Lopez" in speaker.short_forms


def test_postposed_said_x_and_x_said_both_find_the_speaker():
    a = only("About 40 flights were cancelled, said airport spokesman Tom Reyes.")
    b = only("About 40 flights were cancelled, Tom Reyes said.")
    assert a.attribution.speaker.name == b.attribution.speaker.name == "Tom Reyes"
    assert a.content == "About 40 flights were cancelled"


def test_told_outlet_makes_the_speaker_not_the_outlet():
    claim = only("Mayor Ana Ruiz told The Daily Courier that 2,000 jobs were at risk.")
    assert claim.attribution.speaker.name == "Ana Ruiz"
    assert claim.attribution.medium == "The Daily Courier"


def test_quoted_as_saying_names_the_quoted_person():
    claim = only("Traffic rose sharply, the Gazette quoted Lena Novak, a planner, as saying.")
    assert claim.attribution.speaker.name == "Lena Novak"


def test_briefing_by_an_organisation_and_its_acronym_later():
    claims = extract_claims(
        "According to a briefing by the National Weather Agency (NWA), rain will fall. "
        "The NWA said winds could reach 90 km/h."
    )
    first, second = (c.attribution.speaker for c in claims)
    assert first.name == "National Weather Agency" and "NWA" in first.short_forms
    assert second == first


def test_pronoun_speaker_resolves_to_the_last_named_person():
    claims = extract_claims(
        "Coach Petra Holm said the team was ready. \"We trained hard,\" she said."
    )
    assert claims[1].attribution.speaker.name == "Petra Holm"
    assert claims[1].attribution.strength == "named"


def test_surname_maps_to_the_speaker_introduced_earlier():
    claims = extract_claims(
        "Economist Daniel Park said prices would fall. Park added that rents may rise."
    )
    assert claims[1].attribution.speaker.mention == "Economist Daniel Park"


def test_estimates_place_names_the_estimating_body():
    claim = only("The Fisheries Institute estimates place the cod stock at 40,000 tonnes.")
    assert claim.attribution.strength == "named"
    assert claim.attribution.speaker.name.endswith("Fisheries Institute")


def test_as_x_put_it_is_an_attribution():
    claim = only("As Judge Alan Brooks put it, the law is clear.")
    assert claim.attribution.speaker.name == "Alan Brooks"


def test_vague_markers_give_vague_strength():
    for text in (
        "Reports indicate 200 people were hurt.",
        "It is estimated that 5,000 fans attended.",
        "The suspect reportedly fled abroad.",
        "The drug is believed to cut the risk by half.",
        "Early reports said 70 people were hurt.",
    ):
        assert only(text).attribution.strength == "vague", text


def test_described_sources_give_described_strength():
    for text, source in (
        ("Officials speculate the fire started in a kitchen.", "Officials"),
        ("At least 25 people died, a rescuer said.", "rescuer"),
        ('"We told the press about it before anyone," the carrier wrote.', "carrier"),
        ("His lawyers argued that the sentence was too harsh.", "lawyers"),
    ):
        attribution = only(text).attribution
        assert attribution.strength == "described", text
        assert attribution.speaker.mention.endswith(source), text


def test_sentence_without_a_cue_has_no_source():
    assert only("The bridge opened in 2019 after six years of work.").attribution.strength == "none"


def test_figures_read_qualifier_value_unit_and_topic():
    figures = extract_figures("More than 1,200 people were killed and 3,000 injured.")
    assert [(f.text, f.value, f.qualifier, f.topic) for f in figures] == [
        ("More than 1,200", 1200, "gt", "casualties"),
        ("3,000", 3000, None, "casualties"),
    ]
    assert figures[0].noun == "people"


def test_figures_know_measures_money_and_words():
    texts = [f.text for f in extract_figures(
        "The fire burned 1,300 square kilometers, cost $4.5 billion and up to ten thousand "
        "homes, nearly 60 per cent of them, with 240mm rocket launchers."
    )]
    assert texts == ["1,300 square kilometers", "$4.5 billion", "up to ten thousand",
                     "nearly 60 per cent", "240mm"]


def test_figures_skip_years_dates_ages_times_ordinals_and_models():
    text = ("In 2019, Anna Berg, 28, flew a Boeing 737 on June 17 at 7:45 a.m., "
            "finishing 3rd in a five-year plan.")
    assert extract_figures(text) == []


def test_figure_spans_point_at_their_text():
    sentence = "Police said about 40 cars were stolen."
    for figure in extract_figures(sentence, offset=10):
        assert (" " * 10 + sentence)[figure.start : figure.end] == figure.text


def test_dates_absolute_and_relative():
    found = {(d.text, d.iso) for d in extract_dates(
        "Talks began on June 17, 2024, resumed in March 2025 and have run since January; "
        "a vote came last year, on Tuesday, in 2019.", year=2025)}
    assert ("June 17, 2024", "2024-06-17") in found
    assert ("March 2025", "2025-03") in found
    assert ("January", None) in found
    assert ("last year", None) in found and ("on Tuesday", None) in found
    assert ("2019", "2019") in found


def test_named_speakers_are_distinct_and_ordered():
    claims = extract_claims("Ana Ruiz said yes. Tom Reyes said no. Ruiz said maybe.")
    assert [s.name for s in named_speakers(claims)] == ["Ana Ruiz", "Tom Reyes"]


def test_a_date_without_a_year_takes_the_year_it_most_likely_has():
    def iso(sentence, month):
        (d,) = [d for d in extract_dates(sentence, year=2011, month=month) if not d.relative]
        return d.iso
    assert iso("The town was retaken by the army on December 1.", 4) == "2010-12-01"
    assert iso("The town fell on March 3, officials said.", 4) == "2011-03-03"
    assert iso("The vote will be held on December 1, officials said.", 4) == "2011-12-01"
    assert iso("The talks will resume on January 9, the envoy said.", 12) == "2012-01-09"
    assert iso("The talks collapsed on January 9, the envoy said.", 12) == "2011-01-09"
    assert iso("The town was retaken by the army on December 1.", None) == "2011-12-01"


def test_he_after_a_sentence_about_another_named_person_is_that_person():
    text = ("Race\n\nAna Ruiz of Spain won in 2:21, and her closest rival was Mara Cole of Kenya."
            "\n\n\"I was ready for this,\" Ruiz said.\n\nCole's time was a national record.\n\n"
            "\"I am proud of my run,\" she said.\n\nUsain showed us that it is possible.\n")
    claims = extract_claims(text)
    proud = next(c for c in claims if "proud" in c.text)
    assert proud.attribution.speaker is not None and proud.attribution.speaker.name == "Mara Cole"
    showed = next(c for c in claims if "showed" in c.text)
    assert showed.attribution.strength == "none"


def test_a_speakers_fear_after_what_it_said_is_its_next_act():
    (claim,) = [c for c in extract_claims("Officials said 40 people had died and feared the toll "
                                          "would rise further.")]
    assert claim.content == "40 people had died"


def test_a_number_naming_a_grade_is_never_asked_how_many():
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import generate_questions
    text = "Cholera\n\nThe agency declared a Stage Three health emergency in 12 regions.\n"
    for q in generate_questions([Source(id="g", title="Cholera", text=text)]):
        assert not q.prompt.startswith("How many health emergency"), q.prompt
