"""Speakers written other than "X said": a name and a colon before a quotation, a view held
("maintained that"), words described ("described the plan on Monday as"), one speaker cued twice
in a sentence, and a given name never accepted alone. Short sentences of our own."""

from __future__ import annotations

import pytest

from quizapp.core.banks.model import Evidence, Question, Source
from quizapp.core.claims.attribution import find_cues
from quizapp.core.claims.extract import extract_claims
from quizapp.core.questions import generate_questions
from quizapp.core.questions.consistency import fair_variants, gate_problems
from quizapp.core.questions.open_levels import without_start
from quizapp.core.text.words import replace_number


def speaker_of(sentence: str, text: str = "") -> str | None:
    """Return the name of the speaker the claim holding `sentence` is attributed to."""
    for claim in extract_claims(text or sentence):
        if sentence in claim.text:
            a = claim.attribution
            return a.speaker.name if a.speaker is not None and a.strength != "none" else None
    raise AssertionError(f"no claim holds {sentence!r}")


def test_a_name_and_a_colon_before_a_quotation_is_its_speaker():
    text = ('Harbour City 2-0 Lakeside\n\nCoach Marta Ilves: "We pressed high and it worked. '
            'Two goals in ten minutes settled it."')
    assert speaker_of("Coach Marta Ilves:", text) == "Marta Ilves"


def test_a_dateline_or_label_and_a_colon_is_no_speaker():
    assert speaker_of('KOLKATA: "Stay calm" signs went up at the station on Monday.') is None
    assert speaker_of('Update: "Road closed" notices were posted at 9 am.') is None


def test_a_colon_after_a_name_without_a_quotation_is_no_speaker():
    assert speaker_of("Marta Ilves: the coach who won three titles in a row.") is None


def test_maintained_is_a_cue_only_for_a_view_held():
    assert speaker_of("The port authority maintained that the cranes were safe to use.") == \
        "port authority"
    assert speaker_of("The water board maintained its position that prices would not rise.") == \
        "water board"
    assert speaker_of("The council maintained the roads through the winter.") is None


def test_described_with_a_day_before_as_is_the_speaker_s_words():
    assert speaker_of('Ortega described the offer on Tuesday as "an insult to workers".') == \
        "Ortega"


def test_one_speaker_cued_twice_keeps_the_first_cue_and_its_clause():
    text = ("Transport minister Ines Varga spoke after the vote. She insisted that the new line "
            "would open next year because \"the money is already there,\" she said.")
    claim = next(c for c in extract_claims(text) if c.text.startswith("She insisted"))
    a = claim.attribution
    assert a.speaker.name == "Ines Varga"
    assert claim.text[a.cue_start - claim.start : a.cue_end - claim.start] == "insisted"
    assert not claim.others  # no second source question for the same speaker


def source_question(answer: str, accept: list[str]) -> Question:
    """Return a typed source question citing its first 40 characters."""
    return Question("q", "source", "Who said the track was fast?", answer, accept, None,
                    [Evidence("a", 0, 40)], "", ["source"], 0.5)


def test_a_given_name_alone_is_dropped_from_the_variants_not_the_question():
    q = source_question("Dana Okafor", ["Okafor", "Dana"])
    assert fair_variants(q, "Dana Okafor said the track was fast.") == ["Okafor"]
    assert any("given name" in p for p in gate_problems(q, "Dana Okafor said the track was fast."))


def test_a_star_called_by_her_given_name_still_gets_her_source_question():
    text = ("Dana Okafor won the final in two sets on Sunday, and fans chanted for Dana. "
            "Okafor said she was delighted to win a third title in front of her home crowd.")
    source = Source(id="a", title="Third crown for Dana", text=text)
    asked = [q for q in generate_questions([source]) if q.type == "source"]
    assert asked and all("Dana" not in q.accept for q in asked)


def test_replace_number_swaps_only_a_whole_number():
    assert replace_number("Sales rose 12% to 1,120 units.", "12", "15") == \
        "Sales rose 15% to 1,120 units."
    assert replace_number("It cost 4.5 million, not 45.", "45", "54") == \
        "It cost 4.5 million, not 54."
    assert replace_number("Only 1,200 came.", "200", "300") is None
    assert replace_number("Just 3,5 left.", "3", "4") is None


def test_a_change_is_asked_without_its_starting_level():
    assert without_start("support climbed from 61 per cent to 74 per cent", "74 per cent") == \
        "support climbed to 74 per cent"
    assert without_start("support climbed to 74 per cent", "74 per cent") is None
    assert without_start("fell from 5, then rose to 7", "7") is None  # a comma cuts the change


def test_an_appositive_may_open_with_a_title_or_hold_a_second_description():
    assert speaker_of('"Nine are hurt," Lena Ortiz, Deputy Superintendent of Police for the '
                      "Harlow District, told reporters.") == "Lena Ortiz"
    assert speaker_of("Twelve bodies were recovered, Lena Ortiz, a police officer in Harlow, the "
                      "site of the crash, told reporters.") == "Lena Ortiz"
    assert speaker_of('"The work is done," Ada Brook, chair of the Harbour Board told reporters.') \
        == "Ada Brook"


def cue_speaker(sentence: str) -> str | None:
    """Return the speaker phrase of a sentence's first cue, as read."""
    cues = find_cues(sentence)
    return cues[0].phrase.name if cues and cues[0].phrase is not None else None


def test_a_pronoun_ending_the_words_before_said_is_the_speaker():
    assert cue_speaker("Ibsen named the seven managers he said had ignored the warnings.") == "he"


def test_a_share_written_in_words_is_no_speaker_but_its_respondents_are():
    assert cue_speaker("Nine per cent of respondents said they had not decided.") == \
        "respondents"
    assert cue_speaker("Forty-two percent said no.") is None


def test_a_sentence_opening_on_a_place_has_no_subject_for_a_participle():
    assert cue_speaker("In Kent and Surrey, the two worst-hit counties, 40 homes were flooded, "
                       "suggesting the defences failed.") is None
    assert cue_speaker("Norvale cut 300 jobs, saying demand had fallen.") == "Norvale"


def test_told_a_news_conference_is_the_outlet_not_the_content():
    cue = find_cues("Minister Ada Lund told a news conference three bridges had been closed.")[0]
    assert cue.phrase.name == "Ada Lund" and cue.medium == "a news conference"


def test_a_long_role_description_stays_a_source_cut_before_its_second_phrase():
    text = ("The head of an independent inquiry into the collapse of the stand at the stadium said "
            "40 people were hurt and 12 were taken to hospital on Saturday.")
    asked = [q for q in generate_questions([Source(id="a", title="Stand collapse", text=text)])
             if q.type == "source"]
    assert [q.answer for q in asked] == ["The head of an independent inquiry"]


def name_of(phrase: str) -> tuple[str, str]:
    """Return the name and kind read from a speaker phrase."""
    from quizapp.core.claims.speakers import read_speaker
    found = read_speaker(phrase)
    return (found.name, found.kind) if found else ("", "")


def test_an_office_of_a_body_before_a_name_is_a_title_not_the_name():
    assert name_of("Secretary of State Ana Ruiz") == ("Ana Ruiz", "person")
    assert name_of("Governor of the Bank of Ruritania Piet de Wit")[0] == "Piet de Wit"
    assert name_of("President of the Harbour Commission Ulla von der Berg")[0] == \
        "Ulla von der Berg"
    assert name_of("the Office of the Deputy First Minister") == (
        "Office of the Deputy First Minister", "org")
    assert name_of("The United Nations High Commissioner for Refugees (UNHCR)")[1] == "org"


def test_a_dateline_before_a_source_is_no_part_of_it():
    assert cue_speaker("PORTVILLE -- Officials said 12 homes burned.") == "Officials"
    assert cue_speaker("EASTON, Pa. (AP) - Officials said 12 homes burned.") == "Officials"


def test_a_participle_compound_may_name_a_described_source():
    assert cue_speaker("The team took three hours to reach the men, mining officials said.") == \
        "mining officials"


def test_the_body_that_published_a_document_is_its_source():
    assert cue_speaker("The data, published by the Office for Harbour Statistics, showed prices "
                       "rose 9 per cent.") == "Office for Harbour Statistics"


def test_figures_that_appear_to_show_are_cited():
    assert cue_speaker("The figures released on Monday appear to show a sharp rise.") == "figures"


def test_raising_a_count_or_recording_a_number_cites_its_subject():
    assert cue_speaker("Officials have raised the number of barns lost in the blaze to "
                       "nearly 7,000.") == "Officials"
    assert cue_speaker("The agency also recorded about two million displaced people.") == \
        "agency"
    assert cue_speaker("The airline cut the number of flights to 20 a day.") is None
    assert cue_speaker("Kiptum recorded 2:01:25 in Chicago.") is None


def test_posted_is_a_cue_only_for_words_posted():
    assert cue_speaker("Prices in Kent and Essex posted the biggest gains.") is None
    assert cue_speaker("The minister posted on X that 40 people had died.") == "minister"


def test_a_poll_cited_after_its_respondents_is_the_source():
    cue = find_cues("Some 56 percent of adults who watched the debate said Lee won, according to "
                    "a Harbour/Polls survey released on Wednesday.")
    from quizapp.core.claims.extract import extract_claims as claims_of
    claim = claims_of("Some 56 percent of adults who watched the debate said Lee won, according "
                      "to a Harbour/Polls survey released on Wednesday.")[0]
    assert cue and claim.attribution.speaker.name.endswith("survey")
    assert "released" not in claim.text[claim.attribution.mention_start:
                                        claim.attribution.mention_end]


def test_a_day_before_a_source_is_no_part_of_it():
    assert cue_speaker("On Wednesday police said 178 people were missing.") == "police"
    assert cue_speaker("Monday Properties said sales rose.") == "Monday Properties"


def test_two_groups_joined_by_and_speak_together():
    cues = find_cues("The toll climbed to 19 as rescuers found more victims, local officials and "
                     "media reports said Tuesday.")
    assert any(c.phrase and c.phrase.name == "local officials and media reports"
               and c.frame == "postposed" for c in cues)


def test_initial_estimates_ending_a_sentence_are_a_noun():
    cues = find_cues("Some 90 climbers are missing, police said Thursday, nearly doubling "
                     "initial estimates.")
    assert [c.phrase.name for c in cues if c.phrase] == ["police"]
    assert cues[0].frame == "postposed"


def test_the_maker_of_a_list_of_goods_is_one_subject():
    assert cue_speaker("The maker of Zest soap, Glim polish and other cleaning goods "
                       "also raised its outlook.") == "maker"


def test_an_acronym_in_mixed_case_stands_for_its_name():
    from quizapp.core.claims.entities import same_entity
    from quizapp.core.claims.speaker import Speaker
    from quizapp.core.claims.speaker_names import capitals
    assert capitals("DfE") == "DE" and capitals("MoD") == "MD" and capitals("Acme") == "Acme"
    short = Speaker("DfT", "", "DfT", (), "org")
    full = Speaker("Department for Transport", "", "Department for Transport", (), "org")
    assert same_entity(short, full)
    assert not same_entity(Speaker("DfT", "", "DfT", (), "org"),
                           Speaker("Dover Harbour", "", "Dover Harbour", (), "org"))


def test_a_described_source_reads_mid_sentence_with_a_small_article():
    from quizapp.core.questions.verdicts import mid_label
    assert mid_label("A DfT spokesman") == "a DfT spokesman"
    assert mid_label("An FBI agent") == "an FBI agent"


def test_a_hyphenated_title_stays_whole_before_a_name():
    from quizapp.core.claims.extract import extract_claims
    text = ("News\n\nUN Secretary-General Ana Ruiz called for calm at the talks.\n\n"
            "Ruiz said the talks \"must not fail\" and urged a deal by Friday.\n")
    speaker = [c for c in extract_claims(text) if "must not fail" in c.text][0].attribution.speaker
    assert speaker.name == "Ana Ruiz" and speaker.mention == "UN Secretary-General Ana Ruiz"


def _speakers(text: str) -> list[str]:
    from quizapp.core.claims.extract import named_speakers
    return [s.name for s in named_speakers(extract_claims(text))]


def test_a_particle_surname_opening_a_sentence_is_the_person_named_before():
    text = ('"Who counted them?" Karim el-Haddad asked reporters.\n\n'
            "El-Haddad of the Valdor Relief Society said on Monday that the roads were open.")
    assert _speakers(text) == ["Karim el-Haddad"]


def test_a_capitalised_description_names_the_body_named_before_it():
    text = ("The toll has risen to 420, the EU Office for Flood Relief (EUOFR) said.\n\n"
            "The EU agency said a further 90 people were missing.\n\n"
            "The Harbour Company said 40 boats had sunk.\n\n"
            "The EU company said its ferries had stopped.")
    names = _speakers(text)
    assert "EU agency" not in names and names[0] == "EU Office for Flood Relief", names
    assert "EU company" in names  # a company is no office: another body


def test_a_one_word_name_before_its_officers_or_customers_is_a_body():
    from quizapp.core.claims.extract import named_speakers
    text = ("Prices fell 2% in May, Harrowgate said.\n\n"
            "Harrowgate chief economist Ruth Mboya said the fall would slow.")
    kinds = {s.name: s.kind for s in named_speakers(extract_claims(text))}
    assert kinds.get("Harrowgate") == "org", kinds


def test_a_double_surname_after_an_honorific_is_the_person_named_in_full():
    text = ("Chief executive Maria de la Cruz Fontaine said the stores would reopen.\n\n"
            "Ms Cruz Fontaine said 40 jobs would go.")
    assert _speakers(text) == ["Maria de la Cruz Fontaine"], _speakers(text)


def test_an_office_before_a_title_named_mid_sentence_stays_with_it():
    from quizapp.core.claims.extract import extract_claims
    text = ("Bond prices fell after US Labor Secretary Jane Marrow on Sunday called the losses "
            "small.\n\nShe added that 40 banks were under review.\n")
    speaker = [c for c in extract_claims(text) if "40 banks" in c.text][0].attribution.speaker
    assert speaker.name == "Jane Marrow" and speaker.mention == "US Labor Secretary Jane Marrow"


def _sources(text: str) -> list[Question]:
    source = Source(id="c", title="Results", date="2025-01-30", text=text)
    return [q for q in generate_questions([source]) if q.type == "source"]


def test_a_company_named_with_its_legal_form_is_a_body_known_without_it():
    text = ("Results\n\nHarwell & Finch Co. said on Thursday quarterly profit rose 12 percent."
            "\n\nH&F said it now expects to earn 60 cents a share.\n\nThe maker of Brightwash "
            "soap, Glint polish and other household goods also raised its outlook.\n")
    claims = extract_claims(text)
    first = next(c for c in claims if "12 percent" in c.text).attribution.speaker
    assert first.kind == "org" and "Co." not in first.short_forms
    assert "Harwell & Finch" in first.short_forms
    found = _sources(text)
    assert all(q.answer != "Co." and "Co." not in q.accept for q in found)
    for q in found:  # "H&F" is the same company: never a distractor beside it
        assert not (q.choices and "H&F" in q.choices and "Harwell & Finch Co." in q.choices)
    maker = next(c for c in claims if "Brightwash" in c.text).attribution.speaker
    assert maker is not None and maker.name in ("Harwell & Finch Co.", "H&F")


def test_expected_x_to_earn_is_the_analysts_forecast_not_a_speaker_x():
    text = ("Results\n\nAnalysts, on average, expected Harwell to earn 72 cents a share, "
            "according to Ledger Estimates.\n")
    claim = extract_claims(text)[-1]
    names = {claim.attribution.speaker.name, *(o.speaker.name for o in claim.others)}
    assert "Harwell" not in names
    assert {"Analysts", "Ledger Estimates"} <= names


def test_told_the_markets_to_expect_is_the_tellers_forecast():
    text = "Results\n\nIn March, Harwell told the markets to expect revenue of $780 million.\n"
    assert speaker_of("told the markets", text) == "Harwell"
    claim = extract_claims(text)[-1]
    assert claim.content.strip() != "In March"  # no "C, X told Y" read backwards
    prompts = [q.prompt for q in _sources(text)]
    assert prompts and not any("the claim that revenue" in p for p in prompts), prompts


def test_a_name_written_with_slashes_is_a_source():
    text = ("Results\n\nThat is higher than the average forecast of $8.34 billion, according to "
            "Ledger Data I/B/E/S.\n")
    assert speaker_of("average forecast", text) == "Ledger Data I/B/E/S"


def test_review_faults_of_blind_set_aa_in_sentences_of_our_own():
    text = ("Strike\n\nThe agency obtained 4,000 doses and was preparing to send them to "
            "Valdoria, its Africa director, Mara Lenz, told reporters on Sunday.\n\nRussia denied "
            "carrying out the strike. Moscow said the missile was not its own. Officials said the "
            "toll was 30. Rear Admiral Ana Holt said 12 ships were sent. The Harbour Guard said "
            "40 crew were rescued.\n\nAccording to the survey, 94% of voters say their choice is "
            "final.\n")
    source = Source(id="r", title="Strike", date="2025-01-30", text=text)
    found = generate_questions([source])
    prompts = [q.prompt for q in found]
    assert not [p for p in prompts if "its Africa director?" in p], prompts
    for q in found:
        if q.type == "source" and q.choices:
            assert not {"Russia", "Moscow"} <= set(q.choices), q.choices
            assert q.answer != "Officials", q.choices  # a bare kind beside named officials
        if q.type == "verdict":
            assert "more than 200" not in q.prompt and "more than 100 per" not in q.prompt
    attribution = [q for q in found if q.type == "attribution"]
    assert all("Vague reports, no source named or described" in q.choices for q in attribution)


@pytest.mark.parametrize(("sentence", "name"), [
    ('"Inflation has eased to 58%," said Özlem Şahin.', "Özlem Şahin"),
    ("Łucja Nowak said 40 people were hurt in the blast.", "Łucja Nowak"),
    ("Émile Garnier, a spokesman for the prefecture, said 12 roads were closed.", "Émile Garnier"),
    ("The İzmir Chamber of Industry said exports rose 7% in May.", "İzmir Chamber of Industry"),
    ("According to the Ankara Bureau of Prices (AnkStat), prices rose 3% in July.",
     "Ankara Bureau of Prices"),
])
def test_a_name_with_a_capital_outside_ascii_is_a_speaker(sentence, name):
    claim = extract_claims(sentence)[0]
    assert claim.attribution.speaker is not None, claim.attribution
    assert claim.attribution.speaker.name == name


@pytest.mark.parametrize(("sentence", "name"), [
    ("The National Union of Drivers (NUD), one of the largest unions, said 500,000 marched.",
     "National Union of Drivers"),
    ("In contrast, the Price Watch Group (PWG), an independent body, reported a rate of 120%.",
     "Price Watch Group"),
])
def test_a_body_with_its_acronym_and_a_description_before_its_verb_is_the_speaker(sentence,
                                                                                    name):
    speaker = extract_claims(sentence)[0].attribution.speaker
    assert speaker is not None and speaker.name == name, speaker


def test_a_sector_that_reported_a_rate_is_no_source():
    claim = extract_claims("On a yearly basis, the transport sector reported the highest "
                           "inflation at 88.1%, while furniture recorded the lowest.")[0]
    assert claim.attribution.speaker is None, claim.attribution


def test_it_believes_a_figure_after_a_consultancy_is_the_consultancy_forecast():
    claims = extract_claims("Harrowgate Insight said bills would jump by 40 per cent this "
                            "winter.\n\nThis is the largest rise yet.\n\nIt believes that bills "
                            "will average £4,100 from January.\n\nIt believes in fair markets.")
    assert claims[2].attribution.speaker is not None
    assert claims[2].attribution.speaker.name == "Harrowgate Insight"
    assert claims[3].attribution.speaker is None


def test_it_said_after_a_sentence_opened_by_a_body_cited_before_is_that_body():
    claims = extract_claims(
        "Prices fell 0.3% in June, the lender Fenmoor said.\n\nAnalyst Ruth Pale said: \"The pattern is "
        "mixed.\"\n\nAt the same time, the pickup in sales last year has encouraged more sellers."
        "\n\nFenmoor gave a cautious reading of the market.\n\nIt said prices are now 6.1% above "
        "their 2023 low.")
    assert claims[2].attribution.speaker is None, claims[2].attribution
    assert claims[4].attribution.speaker is not None
    assert claims[4].attribution.speaker.name == "Fenmoor"


def test_him_after_a_capital_and_an_office_holder_is_the_office_holder():
    claims = extract_claims(
        "Moscow said the strike killed 600 soldiers.\n\nEarlier on Sunday, the head of the "
        "Varna regional administration Ivan Petrov said that seven missiles hit the city.\n\n"
        "According to him, \u201ca school and a garage were damaged.\u201d")
    assert claims[1].attribution.speaker.name == "Ivan Petrov"
    assert claims[2].attribution.speaker is not None
    assert claims[2].attribution.speaker.name == "Ivan Petrov"


def test_a_firm_that_expected_a_figure_past_an_aside_forecast_it():
    claim = extract_claims("Skyvale initially expected, in March, a figure of 90 million "
                           "passengers before its jet deliveries slipped.")[0]
    assert claim.attribution.speaker is not None and claim.attribution.speaker.name == "Skyvale"
    assert extract_claims("Ortiz expected a tough game.")[0].attribution.speaker is None
