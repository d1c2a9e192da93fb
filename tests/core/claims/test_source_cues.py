"""Sources in news prose: described sources, quotations over several sentences, chains of
attribution and pronouns, on short sentences of our own."""

from quizapp.core.claims.extract import extract_claims
from quizapp.core.reading.sentences import split_sentences


def attributions(text: str):
    """Return the attributions of a text's claims, in order."""
    return [c.attribution for c in extract_claims(text)]


def test_a_vague_cue_inside_a_quotation_over_sentences_does_not_decide_the_source():
    filler = " ".join(f"Costs rose in the {n} quarter of the year." for n in (
        "first", "second", "third", "fourth") * 6)  # a long quotation, split into sentences
    text = (f'Analyst Mara Quinn said: "Prices will keep rising. {filler} It was suggested that '
            'rates stay high for a year. We see no relief."')
    claims = extract_claims(text)
    assert len(claims) > 3
    vague = [c for c in claims if "suggested" in c.text]
    assert vague and vague[0].attribution.strength != "vague"
    assert vague[0].attribution.speaker.name == "Mara Quinn"


def test_a_straight_mark_may_close_a_curly_quotation():
    claim = extract_claims("\"Numbers are expected to rise as crews search the area,” the agency "
                           "OCHR said.")[0]
    assert claim.attribution.strength != "none"


def test_a_quotation_in_the_next_paragraphs_continues_the_speaker_before_it():
    text = ("“This is a proud day,” Lena Brandt told reporters.\n\n"
            "“I have always admired the club. You can feel it in the stands.\n\n"
            "“I want to win trophies here.”")
    named = [a.speaker.name for a in attributions(text)]
    assert named == ["Lena Brandt"] * len(named) and len(named) >= 3


def test_a_quoted_sentence_after_reported_speech_continues_its_speaker():
    text = ("Outside court, his lawyer, Pavel Dorn, said the ruling was a relief.\n"
            "\"This is the first good day in years.\"")
    assert attributions(text)[-1].speaker.name == "Pavel Dorn"


def test_a_new_paragraph_without_a_quote_mark_ends_a_quotation():
    text = ("\"We will appeal the ruling, and we expect to win,\" he began. \"The case is weak\n\n"
            "The company said profits rose 4 per cent.")
    last = extract_claims(text)[-1]
    assert last.attribution.strength in ("named", "described")


def test_a_relative_clause_between_speaker_and_verb_keeps_the_speaker():
    a = attributions('"It was a perfect game," Jose Ruiz, who hopes to stay, told reporters.')[0]
    assert a.speaker.name == "Jose Ruiz"
    b = attributions("The opposition, which accuses the party of fraud, says it won 200 seats.")[0]
    assert b.strength == "described" and b.speaker.name == "opposition"


def test_a_name_with_a_particle_before_an_appositive():
    a = attributions("Samir al-Hakim, spokesman for the health ministry, said 12 people died.")[0]
    assert a.speaker.name == "Samir al-Hakim"


def test_the_subject_of_a_coordinated_verb_is_the_source():
    a = attributions("The palace, however, kept the official count and said it rejected the "
                     "higher figures.")[0]
    assert a.strength in ("named", "described") and "palace" in a.speaker.name.lower()


def test_passive_coordination_is_not_a_source():
    a = attributions("Customers were emailed on Friday and told their data had been stolen.")[0]
    assert a.strength == "none"


def test_described_participles_name_the_source():
    a = attributions("The navy could not confirm that count, while saying only smugglers died.")[0]
    assert a.strength == "described" and a.speaker.name == "navy"
    b = attributions("The blast hit a depot, with the navy confirming it had struck a boat.")[0]
    assert b.strength in ("named", "described") and "navy" in b.speaker.name.lower()


def test_the_army_is_not_whichever_organisation_came_last():
    claims = extract_claims("Rebels of the Liberation Front (LF) attacked a town. "
                            "The army said 14 gunmen died in the fighting.")
    a = claims[-1].attribution
    assert a.speaker is None or "Liberation" not in a.speaker.name


def test_each_speaker_of_a_sentence_gets_its_own_part():
    claim = extract_claims("The count climbed to 300, the relief agency UNRA said, but other "
                           "officials disputed that number and put it lower.")[0]
    assert claim.attribution.speaker.name.endswith("UNRA") or "UNRA" in (
        claim.attribution.speaker.short_forms + (claim.attribution.speaker.name,))
    assert [o.speaker.name for o in claim.others] == ["other officials"]


def test_two_companies_in_one_sentence_split_their_claims():
    claim = extract_claims("Gasco said last night it would raise prices by 20 per cent and rival "
                           "Voltix on Monday said it was lifting tariffs by a tenth.")[0]
    assert "Voltix" not in claim.content
    assert [o.speaker.name for o in claim.others] == ["Voltix"]


def test_the_outlet_that_quotes_a_speaker_is_a_second_source():
    text = ("A farmer named Tomas told the Relief Agency (RA) he had lost his herd. "
            '"The water came at night," the RA quoted him as saying.')
    last = extract_claims(text)[-1]
    assert last.attribution.speaker.name == "Tomas"
    assert [o.frame for o in last.others] == ["medium"]
    assert "RA" in last.others[0].speaker.mention


def test_an_outer_said_beats_a_document_inside_its_content():
    a = attributions("First results show the opposition winning seats, the nation's election "
                     "board said on Monday.")[0]
    assert "election board" in a.speaker.name


def test_sourcing_statements_name_their_source():
    a = attributions("So far the Home Office has not confirmed how many boats arrived.")[0]
    b = attributions("The ministry has so far refused to confirm the number of arrests.")[0]
    assert a.strength == "named" and a.speaker.name == "Home Office"
    assert b.strength in ("named", "described")


def test_a_forecast_revised_by_an_organisation_is_attributed_to_it():
    a = attributions("Mr Ortega also raised the firm's long-term growth target to 12 per cent.")[0]
    assert a.strength == "named" and "Ortega" in a.speaker.name


def test_a_bare_singular_adjective_is_no_speaker():
    a = attributions("Official confirmed deaths rose by 1,000 overnight to 3,621.")[0]
    assert a.strength != "described" or a.speaker.name.lower() != "official"


def test_method_phrases_are_no_source():
    a = attributions("Using data from hospital records, the team identified 5,000 patients.")[0]
    assert a.speaker is None or "hospital" not in a.speaker.name.lower()
    b = attributions("The risk of illness varied according to BMI in the 30 groups studied.")[0]
    assert b.strength == "none"


def test_a_speaker_before_a_time_phrase():
    a = attributions("Prices rose, and rival Voltix last week said they would rise again.")[0]
    assert a.speaker.name == "Voltix"


def test_a_quoted_question_and_its_tag_are_one_sentence():
    text = '"Where do these numbers come from?" Tariq Mansour asked reporters. Then he left.'
    sentences = [s.text for s in split_sentences(text)]
    assert sentences[0].endswith("asked reporters.")
    assert extract_claims(text)[0].attribution.speaker.name == "Tariq Mansour"


def test_it_said_resolves_past_a_sentence_without_a_source():
    text = ("The Water Board said supplies were low. Rain fell in the north on Monday. "
            "It said reservoirs were at 40 per cent.")
    a = attributions(text)[-1]
    assert a.strength == "named" and a.speaker.name == "Water Board"


def test_figures_after_according_to_in_one_paragraph_keep_its_source():
    text = ("According to the port help line, 140 passengers were on board. While 16 boarded "
            "coach A1, 41 got on coach B1. Total 12 were in S1 and 13 in S2.\n"
            "The train left at noon and 30 people waited.")
    claims = extract_claims(text)
    assert [c.attribution.frame for c in claims[1:3]] == ["context", "context"]
    assert all("help line" in c.attribution.speaker.name for c in claims[:3])
    assert claims[3].attribution.strength == "none"  # a new paragraph


def test_poll_respondents_are_the_source_never_the_party_they_back():
    a = attributions("A further 26% of 2019 Labour voters say they would back the Greens.")[0]
    assert a.strength == "described" and a.speaker.name == "2019 Labour voters"
    b = attributions("First, the share of young voters who now say they back Labour is 17%.")[0]
    assert b.speaker is None or b.speaker.name != "share of young voters who now"


def test_a_pronoun_speaker_without_a_referent_is_never_vague():
    a = attributions("He saw revenue growing 16 per cent and forecast growth of 13 per cent.")[0]
    b = attributions("It said 40 homes were damaged in the storm overnight.")[0]
    assert a.strength == b.strength == "none" and a.frame == b.frame == "pronoun"


def test_a_titled_person_mid_sentence_is_the_next_he():
    text = ("The dollar slid after Finance Minister Ana Dorado called the losses 'modest'. "
            "He added that markets should set the rate. She added that rates would hold.")
    claims = extract_claims(text)
    assert claims[-1].attribution.speaker.name == "Ana Dorado"


def test_a_forecast_after_a_relative_clause_keeps_the_company():
    a = attributions("Nortex, which makes pumps, valves and other parts, also raised its target "
                     "for revenue growth to 14 per cent.")[0]
    assert a.strength == "named" and a.speaker.name == "Nortex"


def test_a_result_against_an_estimate_names_the_estimate():
    a = attributions("Earnings came to 52 cents a share, topping the average analyst estimate "
                     "by two cents.")[0]
    assert a.strength == "described" and a.speaker.name == "average analyst estimate"


def test_a_plan_is_the_source_of_what_happens_under_it():
    a = attributions("Under the budget plan, 340 council staff would lose their jobs in 2027.")[0]
    assert a.strength == "described" and a.speaker.name == "the budget plan"


def test_an_institution_is_the_source_of_its_decision():
    a = attributions("The Monetary Board (MB) at its March session unanimously decided to hold the "
                     "key rate at 4.25 per cent.")[0]
    assert a.strength == "named" and a.speaker.name == "Monetary Board"
    b = attributions("The Central Bank also maintained its inflation projection at 5.4 pc.")[0]
    assert b.strength in ("named", "described")


def test_a_finding_is_not_its_finder():
    a = attributions("A two-million-year-old tooth found in Kenya has opened new lines of work.")[0]
    assert a.strength == "none"
    b = attributions("Using patient records, the researchers identified 5.2 million adults.")[0]
    assert b.strength == "described" and b.speaker.name == "researchers"


def test_wire_copy_double_apostrophes_close_a_quotation():
    text = ("\"Sales look fine in every way,'' said Tom Baker, head of Baker Funds in Leeds. "
            "\"It looks as if they expect less.''")
    named = [a.speaker.name if a.speaker else None for a in attributions(text)]
    assert named == ["Tom Baker", "Tom Baker"]
    assert attributions("``Costs are up,'' Ann Lee said.")[0].speaker.name == "Ann Lee"


def test_and_inside_an_institution_after_for_does_not_cut_its_speaker():
    claim = extract_claims("Joe Marsh from the City Centre for Roads and Rail said: \"Traffic "
                           "is up.\"")[0]
    assert claim.attribution.speaker.name == "Joe Marsh"
    assert extract_claims("The Office for Roads and Rail said traffic rose.")[
        0].attribution.speaker.name == "Office for Roads and Rail"


def test_a_described_speaker_after_a_quotation_keeps_its_name():
    claim = extract_claims("\"We are scared,\" Ann Lee, a 60-year-old farmer, told Reuters "
                           "after a night outside.")[0]
    assert claim.attribution.speaker.name == "Ann Lee"
    assert claim.attribution.medium == "Reuters"
    said = extract_claims("“We are tired,” Tom Ray, a driver, said on Monday.")[0]
    assert said.attribution.speaker.name == "Tom Ray"


def test_two_groups_joined_by_and_are_one_described_source():
    claim = extract_claims("The blast killed nine, according to residents and local officials.")[0]
    assert claim.attribution.speaker.name == "residents and local officials"
    cut = extract_claims("Prices rose, according to analysts and traders were nervous.")[0]
    assert cut.attribution.speaker.name == "analysts"


def test_a_speaker_of_a_relative_clause_with_said():
    claim = extract_claims("City coach Tom Baker, who said he thought the injury was minor, "
                           "praised the team.")[0]
    assert claim.attribution.speaker.name == "Tom Baker"
    assert "praised" not in claim.content and "injury was minor" in claim.content
    assert extract_claims("Voters who said they liked him were few.")[0].attribution.strength \
        == "none"


def test_a_short_form_in_parentheses_may_be_mixed_case():
    text = ("More than 40 shocks were felt, with one of magnitude 5, the National Institute of "
            "Rocks and Soils (Nirsa) said. Nirsa said more would come.")
    named = [a.speaker.name for a in attributions(text)]
    assert named == ["National Institute of Rocks and Soils"] * 2


def test_an_acronym_later_spells_out_a_name_with_a_small_word():
    text = ("Stone in Water reported a higher profit on Monday. SIW said it expects sales of "
            "$5 billion.")
    speakers = [a.speaker for a in attributions(text)]
    assert [s.name for s in speakers] == ["Stone in Water"] * 2
    assert speakers[0].mention == "Stone in Water"
    apart = [a.speaker.name for a in attributions(
        "Stone said prices rose in Water Street. SWS said so too.")]
    assert apart[0] == "Stone"


def test_documents_with_long_subjects_are_the_source_of_what_they_show():
    study = extract_claims("The large study of 400 people in two ongoing Cancer League studies "
                           "showed that there were 150 cases.")[0]
    assert study.attribution.speaker.name == "large study"
    tally = extract_claims("Partial, unofficial city tally as of Nov. 17 showed Lee received "
                           "1,326 votes.")[0]
    assert tally.attribution.speaker.name == "unofficial city tally"
    survey = extract_claims("The other measure, the Crime Survey for Wales (CSW), showed that "
                            "most crime stayed level.")[0]
    assert survey.attribution.speaker.name == "Crime Survey for Wales"
    firm = extract_claims("Economists at the Resolution Foundation said wages fell.")[0]
    assert firm.attribution.speaker.name == "Resolution Foundation"


def test_a_noun_or_name_in_ly_is_no_adverb_before_a_verb():
    assert extract_claims("The city tally showed Lee won 1,326 votes.")[
        0].attribution.speaker.name == "city tally"
    assert extract_claims("Sen. Kelly said the bill would pass.")[0].attribution.speaker.name \
        == "Kelly"
    assert extract_claims("The firm publicly said it would pay.")[0].attribution.strength \
        == "described"


def test_a_thousands_comma_does_not_cut_a_subject():
    claim = extract_claims("The large study of nearly 430,000 people in two League studies "
                           "showed that there were 15,226 cases.")[0]
    assert claim.attribution.speaker.name == "large study"
    assert extract_claims("In 2019, 400 residents said the water was bad.")[
        0].attribution.speaker.name == "400 residents"


def test_a_paragraph_that_points_back_at_figures_keeps_their_source():
    text = ("Official figures show that forces registered 5.6 million offences.\n\n"
            "This was a rise of 9% on the year before.\n\n"
            "The weather was warm in 2020.")
    found = attributions(text)
    assert found[1].speaker.name == "Official figures" and found[1].frame == "context"
    assert found[2].strength == "none"


def test_a_poll_cited_in_the_lead_is_the_source_of_later_bare_percentages():
    text = ("Lee leads Ray by 11 points, according to a City Herald poll conducted for KTV.\n\n"
            "Of those who back Lee, 54% do so with doubts. 42% say they back him gladly.\n\n"
            "* 77% of Democrats have a \"very poor\" view of Ray.\n\n"
            "\"We saw 40% turnout,\" Ann Ode said.")
    found = attributions(text)
    assert found[0].speaker.name == "City Herald"
    assert [a.speaker.name if a.speaker else None for a in found[1:4]] == [
        "City Herald"] * 3
    assert found[4].speaker.name == "Ann Ode"
    plain = attributions("Prices rose 5%, the bank said.\n\nRents rose 7% in May.")
    assert plain[1].strength == "none"


def test_a_participial_aside_between_a_document_and_its_verb():
    claim = extract_claims("The study, published in The Journal and carried out by staff at the "
                           "City School, estimates that 1,200 cases are linked to weight.")[0]
    assert claim.attribution.speaker.name == "study"
    led = extract_claims("Police, led by Chief Ann Lee, said 4 men were held.")[0]
    assert led.attribution.speaker.name == "Police"


def test_with_and_a_passive_participle_is_no_speaker():
    claim = extract_claims("The city issued a heat warning, with temperatures predicted to hit "
                           "30C across the south.")[0]
    assert claim.attribution.strength == "none"
    said = extract_claims("Prices fell, with analysts saying demand was weak.")[0]
    assert said.attribution.speaker.name == "analysts"


def test_an_organisations_document_with_a_lowercase_adjective_names_the_organisation():
    claim = extract_claims("Partial, unofficial CEB tally as of Nov. 17 showed Lee received "
                           "1,326 votes.")[0]
    assert claim.attribution.speaker.mention == "CEB"


def test_based_on_a_record_at_the_end_of_a_sentence_is_its_source():
    claim = extract_claims("Turnout was the lowest in 70 years, based on CEB data.")[0]
    assert claim.attribution.speaker.name == "CEB"
    assert claim.content == "Turnout was the lowest in 70 years"
    assert extract_claims("Prices are set based on demand.")[0].attribution.strength == "none"


def test_a_document_drawn_from_another_names_the_other():
    claim = extract_claims("However, estimates drawn from the survey did show an 8% rise.")[0]
    assert claim.attribution.speaker.name == "survey"
    assert extract_claims("The firm estimates sales grew by 5%.")[0].attribution.speaker.name \
        == "firm"


def test_an_inverted_cue_is_no_part_of_the_speaker():
    from quizapp.core.claims.extract import extract_claims

    text = ("The river rose twice this week, says regional hydrologist Mara Pell, who has warned "
            "of floods. Pell said it was unusual.")
    mentions = {c.attribution.speaker.mention for c in extract_claims(text)
                if c.attribution.speaker}
    assert mentions and not any(m.lower().startswith("says") for m in mentions)


def test_the_club_is_not_whichever_organisation_came_last():
    text = ("Four in 10 fans backed the plan, according to a poll by the Harlow Institute. "
            "The club said ticket sales rose to 4.3 million. It said prices would not change.")
    claims = extract_claims(text)
    club = [c.attribution.speaker for c in claims[1:]]
    assert all(s is not None and "Harlow" not in s.name for s in club)
    assert claims[0].attribution.speaker.name == "Harlow Institute"


def test_the_company_is_the_business_named_before_it():
    text = ("Vantor Corp said sales rose 4%. The Trade Ministry said it approved the deal. "
            "The company said profit would double.")
    speaker = extract_claims(text)[2].attribution.speaker
    assert speaker is not None and speaker.name == "Vantor Corp"


def test_a_plural_noun_after_a_number_is_no_say_verb():
    text = ("As rescue work continued across much of nine counties, officials prepared for a "
            "crisis.")
    assert all(a.strength == "none" for a in attributions(text))


def test_a_forecast_noun_ending_the_sentence_is_no_cue():
    text = "Shares rose 4% after the bank's results came in ahead of market forecasts."
    assert all(a.strength == "none" for a in attributions(text))
    said = attributions("Growth will slow next year, the company forecasts.")[0]
    assert said.strength == "described"


def test_the_subject_of_a_say_verb_stops_at_a_subordinator():
    text = "The rallies came two days after officials said 58 people died in the strikes."
    a = attributions(text)[0]
    assert a.speaker is not None and a.speaker.name == "officials"


def test_one_of_two_joint_subjects_is_not_the_source_alone():
    text = "Ohio and Kentucky each reported 34 deaths on Sunday."
    a = attributions(text)[0]
    assert a.speaker is None or "each" not in a.speaker.mention


def test_a_quantity_before_the_source_is_no_part_of_its_name():
    text = "A series of requests by the Green Party revealed figures for response times."
    a = attributions(text)[0]
    assert a.speaker is not None and "series" not in a.speaker.name.lower()


def test_a_number_opening_a_sentence_is_never_a_speaker_for_he():
    text = ("Nine villagers were killed in the raid, the elder Amir Khan said.\n\n"
            "Eleven civilians, among them three children, died when a rocket hit a house, "
            "he said, adding that troops fired first.\n\n"
            "He said another four soldiers had died.")
    speakers = [a.speaker.name for a in attributions(text) if a.speaker]
    assert "Eleven" not in speakers and speakers[-1] == "Amir Khan"


def test_a_participle_after_a_determiner_or_superlative_is_an_adjective():
    for text in ("On a top-priority call, the best expected response time is nine minutes.",
                 "Its reported profit was $3 million.", "The first reported case was in May."):
        assert all(a.strength == "none" for a in attributions(text)), text
    a = attributions("Officials first reported 12 deaths in the town.")[0]
    assert a.speaker is not None and a.speaker.mention == "Officials"


def test_who_rates_or_records_a_figure_is_its_source():
    text = ("Although regional officials described it as a 6.1-magnitude quake, the survey "
            "agency USNGA recorded it as a 5.7-magnitude quake.")
    claim = extract_claims(text)[0]
    sources = {a.speaker.name for a in (claim.attribution, *claim.others) if a.speaker}
    assert "USNGA" in " ".join(sources) and any("officials" in s for s in sources)


def test_which_x_said_gives_x_the_sentence():
    text = "Police logged 31,204 more thefts, which the Statistics Board said was a record."
    a = attributions(text)[0]
    assert a.speaker is not None and a.speaker.name == "Statistics Board"
    assert attributions("Sales rose 4%, which many said was weak.")[0].strength == "none"


def test_court_reporting_gives_the_court_as_the_source():
    told = attributions("Northfield Crown Court was told the boy had said 12 times he would.")[0]
    heard = attributions("A 15-year-old boy stabbed a man in a park, a court has heard.")[0]
    jury = attributions("The jury heard that 40 knives were found at the house.")[0]
    assert told.speaker.name == "Northfield Crown Court" and told.strength == "named"
    assert heard.speaker.name == "court" and heard.strength == "described"
    assert jury.speaker.name == "jury"
    assert attributions("He was told to leave the hall by 9pm.")[0].strength == "none"


def test_commented_and_replied_are_say_verbs_taking_a_that_or_a_quote():
    quoted = attributions('"Her place in club history is assured," commented Ola Berg.')[0]
    replied = attributions("The minister replied that 30 had died in the fire.")[0]
    assert quoted.speaker.name == "Ola Berg" and replied.speaker.name == "minister"
    bare = extract_claims("The minister replied to critics on Monday.")[0]
    assert bare.attribution.content_end == bare.attribution.content_start


def test_a_sentence_naming_its_own_source_by_kind_is_not_the_poll_s():
    text = ("A new Halden Research poll found 55% back the plan. Odds on betting website "
            "Quickbet priced in a 70 percent chance of a yes vote. Some 43% say they oppose it.")
    assert attributions(text)[1].strength == "none"


def test_a_share_and_a_count_added_are_no_speakers():
    share = attributions("After the deadlock, 60 per cent agreed the vote showed a need to act.")
    assert all(a.speaker is None or "per cent" not in a.speaker.name for a in share)
    added = attributions("Telvox added 2.3 million subscribers in the quarter to March.")[0]
    assert added.strength == "none"


def speaker_of(text: str) -> tuple[str, str] | None:
    """Return the strength and speaker name of a text's last claim."""
    a = extract_claims(text)[-1].attribution
    return (a.strength, a.speaker.name) if a.speaker else (a.strength, "")


def test_a_body_and_a_role_after_a_name_are_its_description():
    assert speaker_of("Mira Holt, Northfield Trust chief executive, said: “We are pleased.”") \
        == ("named", "Mira Holt")
    assert speaker_of("Omar Vance, Brightwater’s chief economist, said rates would fall.") \
        == ("named", "Omar Vance")
    assert speaker_of("Omar Vance, Harbour Line spokesman, told reporters the pier was safe.") \
        == ("named", "Omar Vance")


def test_a_body_that_thinks_a_figure_gives_its_forecast():
    assert speaker_of("Lumen Analytics, a small research firm, thinks the fare cap will be set "
                      "at £2,150 next year.") == ("named", "Lumen Analytics")
    assert speaker_of("The club thinks the ground is safe.")[0] == "none"  # no figure: a view


def test_according_to_without_a_comma_ends_before_a_share():
    assert speaker_of("According to the survey 61 per cent of tenants want longer leases.") \
        == ("described", "survey")


def test_a_subject_never_reaches_back_over_a_missed_sentence_end():
    from quizapp.core.claims.attribution import find_cues
    cues = find_cues("The mayor put the toll at 12 four guards and eight visitors. the officer "
                     "said that up to five more were missing.")
    assert [c.phrase.name for c in cues if c.phrase][-1] == "officer"  # not "visitors. the
    # officer"


def test_details_shared_by_a_body_are_its_own():
    assert speaker_of("Further details shared by the regional health office revealed that two "
                      "of the victims were brothers.")[1] == "regional health office"


def test_research_from_a_named_pollster_is_the_pollster_s():
    assert speaker_of("New research from pollster Kestrel Insight shows the share of people who "
                      "say they will vote Yes has fallen to 41 per cent.") == (
        "named", "Kestrel Insight")


def test_two_names_sharing_one_plural_head_are_one_subject():
    assert speaker_of("The Green and Liberal parties said the count was wrong.")[1] == (
        "Green and Liberal parties")


def test_a_time_clause_that_reports_no_claim_is_no_source_of_the_sentence():
    assert speaker_of("Kestrel interviewed 1,200 adults in May, largely before the two "
                      "campaigns announced rival plans for the port.")[0] in ("none", "named")
    assert speaker_of("Kestrel interviewed 1,200 adults in May, largely before the two "
                      "campaigns announced rival plans for the port.")[1] != "campaigns"


def test_a_plural_subject_speaks_with_a_plain_present_verb():
    assert speaker_of("Engineers warn that 30 bridges need repairs.") == ("described", "Engineers")
    assert speaker_of("Critics argue the scheme will cost £4 billion.") == ("described", "Critics")
    assert speaker_of("Note that 30 bridges need repairs.")[0] == "none"  # an order, no one
    assert speaker_of("A new report warns that 30 bridges need repairs.")[0] != "none"


def test_a_document_states_its_claim_in_a_parenthesis():
    assert speaker_of("The deficit grew, the spending review states, because tax receipts fell "
                      "by £3 billion.")[0] != "none"


def test_an_office_of_two_portfolios_joined_by_and_is_one_title():
    claims = extract_claims("Trade and Industry Secretary Ana Ruiz said exports fell 3 per cent.")
    assert claims[0].attribution.speaker.mention == "Trade and Industry Secretary Ana Ruiz"


def test_a_progressive_say_verb_is_active():
    assert speaker_of("The mayor is projecting the levy would raise £40 million.") == (
        "described", "mayor")
    assert speaker_of("It is estimated that 300 homes were lost.")[0] == "vague"


def test_a_group_of_the_opinion_that_c_holds_c():
    assert speaker_of("Reporters and outside analysts are of the view that no fewer than "
                      "90,000 people marched.") == ("described", "Reporters and outside analysts")


def test_he_after_a_role_named_before_is_that_person():
    text = ("News\n\nPort commissioner Omar Brook said the quay would reopen.\n\n"
            "Brook said Mayor Ivan Lind had ordered an inquiry into the collapse.\n\n"
            "The commissioner stated that the inquiry would report in June.\n\n"
            "He disclosed that nine workers were pulled out alive.\n")
    claims = [c for c in extract_claims(text) if "nine workers" in c.text]
    assert claims[0].attribution.speaker.name == "Omar Brook"


def _content(text: str, claim) -> str:
    """Return the reported content of a claim of a one-sentence text."""
    a = claim.attribution
    return text[a.content_start - claim.start : a.content_end - claim.start]


def test_a_body_named_by_a_list_of_its_fields_is_read_whole():
    for text in ("The Bureau of Ports, Harbours, Canals and Locks said 14 barges sank.",
                 "Crews raised 14 barges, the Bureau of Ports, Harbours, Canals and Locks said.",
                 "Crews raised 14 barges, according to the Ministry of Roads, Rail and Ferries."):
        speaker = attributions(text)[0].speaker
        assert speaker is not None and speaker.name in (
            "Bureau of Ports, Harbours, Canals and Locks", "Ministry of Roads, Rail and Ferries"
        ), (text, speaker)


def test_news_reports_name_no_one():
    for opening in ("News reports", "Press reports", "Television reports"):
        a = attributions(f"{opening} said at least 14 barges sank in the storm.")[0]
        assert a.strength == "vague", (opening, a)


def test_placed_at_and_documented_name_a_source_but_placed_under_does_not():
    assert attributions("Since the leak began, the operator's engineers placed the flow at "
                        "900 barrels a day.")[0].speaker.name.endswith("engineers")
    assert attributions("The UN documented a steep rise in raids on clinics.")[0].speaker.name \
        in ("UN", "The UN")
    assert attributions("Police placed the driver under arrest on Monday.")[0].strength == "none"


def test_a_number_s_comma_in_a_relative_clause_keeps_its_subject():
    a = attributions("The lender, which employs 120,000 people, said half of those affected "
                     "had been told.")[0]
    assert a.strength == "described" and a.speaker.name.endswith("lender")


def test_a_quote_s_speaker_is_who_relays_it_not_whom_they_cite():
    text = ("“The first count was about 400 dead with 90 missing,” a Lisbon-based envoy told "
            "the Courier in Porto, summarizing a briefing from Interior Minister Rui Sampaio.")
    claim = extract_claims(text)[0]
    assert claim.attribution.speaker.name.endswith("envoy")
    content = _content(text, claim)
    assert content.startswith("“The first count")


def test_a_rank_a_base_or_an_hour_between_a_source_and_its_verb():
    cases = {
        "Navy Lt. Cmdr. Ana Ruiz, a fleet spokeswoman, said the drill ended early.": "Ana Ruiz",
        "The Harbour Command based in Portville, Eastland, said separately that two boats sank.":
            "Harbour Command",
        "Acme Corp late Thursday said profit for the quarter rose 9 percent.": "Acme Corp",
        "Seawatch, an independent, Lisbon-based group, says at least 240 boats sank.":
            "Seawatch",
    }
    for text, name in cases.items():
        speaker = attributions(text)[0].speaker
        assert speaker is not None and speaker.name.endswith(name), (text, speaker)


def test_told_by_a_source_that_c_reports_c_but_advice_to_act_does_not():
    a = attributions("The mayor was advised by senior officers that the plan would cost "
                     "£2 million.")[0]
    assert a.strength == "described" and a.speaker.name.endswith("officers")
    assert attributions("He was told by his lawyers to stay silent.")[0].strength == "none"


def test_an_agency_relaying_a_group_s_words_is_not_their_source():
    text = ("The Coast news agency reports that the rebel group Harbour Front said Friday the "
            "navy was behind the attack.")
    claim = extract_claims(text)[0]
    assert claim.attribution.speaker.name.endswith("Harbour Front")
    content = _content(text, claim)
    assert content.startswith("the navy"), content


def test_a_benchmark_beaten_and_a_mourning_declared_are_no_sources():
    assert all(a.speaker is None or "Street" not in a.speaker.name for a in attributions(
        "Profits topped Wall Street estimates, but shares fell as analysts said costs rose."))
    assert attributions("Ardania declared a week of mourning for those who died in the "
                        "flood.")[0].strength == "none"
    assert attributions("Mayor Ada Brook declared that the bridge would reopen in May.")[
        0].strength == "named"


def test_an_aside_or_a_bracket_between_a_source_and_its_verb():
    for text, name in (("The union, for its part, said 400 jobs would go.", "union"),
                       ("Acme (search) said on Tuesday that 400 jobs would go.", "Acme"),
                       ("Analysts, on average, have forecast revenue of $4.1 billion.",
                        "Analysts")):
        speaker = attributions(text)[0].speaker
        assert speaker is not None and speaker.name.endswith(name), (text, speaker)


def test_a_poll_conducted_over_days_is_no_part_of_its_name():
    a = attributions("Support stood at 31%, according to a Harbour Gazette poll conducted "
                     "from Friday to Sunday.")[0]
    assert a.speaker is not None and "conducted" not in a.speaker.name, a.speaker


def test_a_colon_hands_over_to_the_subject_s_words():
    text = ("Ada Brook, NUS vice-chair (Finance), said: ‘Harbour’s numbers show a steep fall in "
            "night classes.")
    claim = extract_claims(text)[0]
    assert claim.attribution.speaker.name == "Ada Brook"
    assert _content(text, claim).startswith("‘Harbour’s numbers")


def test_a_say_noun_verb_is_never_read_as_inverted_and_a_release_day_is_no_name():
    for text in ('The agency\'s "green scenario" forecasts rising use of heat pumps and '
                 "a wider use of biofuels, so gas demand falls.",
                 "Published Tuesday in a medical journal, doctors from the Lisbon Institute "
                 "looked at deaths caused by the storm, estimating that there were 300 more."):
        a = attributions(text)[0]
        assert a.speaker is None or not a.speaker.name.startswith(("rising", "Published")), a


def test_informed_that_c_reports_c_over_a_count_released_by_another():
    text = ("A senior harbour official informed the Coast Gazette that the toll from the blast "
            "is far below the figure published by the city council.")
    a = attributions(text)[0]
    assert a.speaker is not None and a.speaker.name.endswith("official"), a
    assert attributions("Police informed the families on Monday.")[0].strength == "none"


def test_a_document_provided_to_an_outlet_is_the_subject():
    a = attributions("A confidential navy report, provided to the Courier by a Senate aide, "
                     "estimates the number of sailors lost at 40.")[0]
    assert a.speaker is not None and "sailors" not in a.speaker.name, a


def test_told_reporters_after_a_hearing_keeps_the_claim_whole():
    text = "Ana Ruiz told reporters after the hearing that ten years was a fair term."
    claim = extract_claims(text)[0]
    assert claim.attribution.medium == "reporters"
    assert _content(text, claim).startswith("ten years")


def _source_of(sentence: str) -> str | None:
    claim = extract_claims(sentence)[0]
    a = claim.attribution
    return a.speaker.name if a.speaker is not None and a.strength != "none" else None


def test_a_date_after_a_second_say_verb_is_no_speaker():
    assert _source_of("“We never left the port,” said one navy officer, reported Sept. 3 in "
                      "the Valdor Times.") == "one navy officer"


def test_a_say_verb_read_as_a_noun_gives_no_source():
    assert _source_of("Leading the cut in harvest forecasts is the Valdor Grain Board.") is None
    assert _source_of("That new estimate given on Friday is 5,000 higher than before.") is None
    assert _source_of("Valdor's rice harvest estimates have been lowered to 12 million "
                      "tonnes.") is None


def test_added_with_a_count_or_a_thing_says_nothing():
    assert _source_of("The harbour report added pressure on the ferry firms, which carry "
                      "40,000 people a day.") is None
    assert _source_of("The Valdor economy added 12,000 jobs in May, the statistics office "
                      "said.") == "statistics office"


def test_an_aside_after_an_auxiliary_is_no_inverted_cue():
    assert _source_of("Acme has, meanwhile, announced plans to open 40 stores.") != "plans"


def test_a_site_named_with_its_dot_is_named_whole():
    assert _source_of("About 90,000 homes were without power, according to GridWatch.us.") == \
        "GridWatch.us"


def test_a_body_named_as_an_object_then_which_said_is_the_source():
    assert _source_of("The ruling put pressure on the Valdor Navy, which has maintained that "
                      "only 12 sailors were hurt.") == "Valdor Navy"
    assert _source_of("The deal was signed by Ana Ruiz, who said it would bring 400 jobs.") == \
        "Ana Ruiz"


def test_a_body_that_expects_a_figure_to_move_gives_a_forecast():
    assert _source_of("The Valdor central bank expects inflation to fall back to 3 percent "
                      "next year.") == "Valdor central bank"
    assert _source_of("The club expects to win the league.") is None


def test_he_after_a_titled_role_is_that_role_not_the_person_named_before():
    text = ("News\n\nHarbour master Lena Varga said the quay would reopen in May.\n\n"
            "\"We are doing what we can,\" the governor said. He added that 80 guards were sent.\n")
    claims = [c for c in extract_claims(text) if "80 guards" in c.text]
    speaker = claims[0].attribution.speaker
    assert speaker is not None and speaker.name == "governor", speaker


def test_a_body_whose_name_holds_for_and_and_is_read_whole():
    for text in ("The Centers for Pest Control and Eradication said 40 farms were hit.",
                 "According to the Institute for Soil Science and Drainage, 40 farms were hit."):
        speaker = attributions(text)[0].speaker
        assert speaker is not None and speaker.name == (
            "Centers for Pest Control and Eradication" if text.startswith("The")
            else "Institute for Soil Science and Drainage"), (text, speaker)


def test_a_title_of_one_common_word_keeps_its_article():
    text = "The Beacon reported that 12 councillors had signed the letter."
    speaker = attributions(text)[0].speaker
    assert speaker is not None and speaker.name == "Beacon" and speaker.kind == "org"
    assert speaker.definite
