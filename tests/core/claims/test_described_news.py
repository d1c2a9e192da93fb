"""Described sources, documents and chains in made-up news sentences: "the retailer said" after
a ministry, "analysts polled by X", "The report found ... It said", "X said C, according to Y"."""

from quizapp.core.banks.model import Source
from quizapp.core.claims.extract import extract_claims
from quizapp.core.questions import check_integrity, generate_questions
from quizapp.core.scoring import score_answer


def claim_of(text: str, words: str):
    """Return the claim of `text` whose sentence holds `words`."""
    return next(c for c in extract_claims(text) if words in c.text)


def source_answers(text: str, words: str) -> list:
    """Return the source questions citing the sentence that holds `words`, integrity-checked."""
    source = Source(id="d", title="News", date="2025-04-02", text=text)
    found = generate_questions([source])
    assert [(q.id, p) for q in found for p in check_integrity(q, [source])] == []
    return [q for q in found if q.type == "source"
            and any(words in text[e.start : e.end] for e in q.evidence)]


def accepts(questions, answer: str, text: str) -> bool:
    """Tell whether some question's scorer accepts `answer`."""
    return any(score_answer(q, answer, " ".join(text[e.start : e.end] for e in q.evidence)).correct
               for q in questions)


def test_a_business_noun_is_not_the_ministry_named_before():
    text = ("News\n\nThe energy ministry said 14 pipelines would be inspected. The retailer said "
            "its sales rose 6% in the quarter.\n")
    claim = claim_of(text, "retailer")
    assert claim.attribution.speaker.name != "energy ministry"
    assert claim.attribution.strength == "described"


def test_a_council_is_not_the_statistics_office_before_it():
    text = ("News\n\nJobless numbers fell, the statistics office said. The scheme will cost "
            "$40 million, the council said.\n")
    claim = claim_of(text, "council")
    assert "office" not in claim.attribution.speaker.name


def test_a_business_noun_still_refers_to_a_bare_company_name():
    text = ("News\n\nShares in Torvane jumped on Monday after results. The company said profit "
            "rose 12% to $80 million, Torvane said.\n")
    claim = claim_of(text, "The company said")
    assert claim.attribution.speaker.name in ("Torvane", "company")


def test_analysts_polled_by_an_agency_are_a_described_source():
    text = "News\n\nAnalysts polled by Newswire had expected a profit of $2.3 billion.\n"
    claim = claim_of(text, "polled")
    assert claim.attribution.strength == "described"
    found = source_answers(text, "polled")
    assert accepts(found, "analysts polled by Newswire", text)
    assert accepts(found, "analysts", text)


def test_the_report_is_a_source_and_it_points_back_to_it():
    text = ("News\n\nThe hospital trust published its annual report on Monday.\n\nThe report "
            "found that waiting times rose by 12% last year. It said 4,500 patients waited more "
            "than four hours.\n")
    assert claim_of(text, "The report found").attribution.strength == "described"
    assert claim_of(text, "It said").attribution.speaker.name == "report"
    assert accepts(source_answers(text, "It said 4,500"), "the report", text)


def test_reports_said_stays_vague():
    text = "News\n\nEarly reports said 70 people were hurt in the crash.\n"
    assert claim_of(text, "reports").attribution.strength == "vague"


def test_a_speaker_and_the_paper_that_reports_them_are_both_sources():
    text = ("News\n\nThe minister said the budget would rise by 5%, according to the Daily "
            "Courier. Officials at the ministry said about 30 clinics would close, the newspaper "
            "reported.\n")
    first = source_answers(text, "rise by 5%")
    assert accepts(first, "the minister", text) and accepts(first, "the Daily Courier", text)
    second = source_answers(text, "30 clinics")
    assert accepts(second, "officials at the ministry", text)
    assert accepts(second, "the newspaper", text)


def test_a_finding_inside_a_speakers_words_is_no_second_source():
    text = ("News\n\nThe first returns show the opposition doubling its seats, the election board "
            "said.\n")
    claim = claim_of(text, "returns")
    assert [o.speaker.name for o in claim.others if o.speaker] == []


def test_a_line_ending_in_a_colon_hands_the_next_paragraph_to_its_source():
    text = ("News\n\nThe Daily Courier puts the sums in perspective:\nThe deal is worth 40m over "
            "10 years. That is twice the old record.\nIn other news, the club won 3-0.\n")
    claims = extract_claims(text)
    assert claim_of(text, "40m").attribution.speaker.name == "Daily Courier"
    assert claim_of(text, "twice").attribution.frame == "context"
    assert claim_of(text, "other news").attribution.strength == "none"
    assert len(claims) == 5


def test_an_acronym_that_spells_a_clause_word_opens_a_described_source():
    text = "News\n\nA CAN spokesperson said it aims to answer 70 percent of calls.\n"
    a = claim_of(text, "spokesperson").attribution
    assert a.strength == "described" and "spokesperson" in a.speaker.name


def test_the_subject_after_a_subordinator_is_the_speaker():
    text = ("News\n\nIt came after economists at broker Tellmark on Monday predicted a rise to "
            "£1,650.\n")
    a = claim_of(text, "Tellmark").attribution
    assert a.strength == "named" and a.speaker.name == "Tellmark"


def test_a_pointer_after_an_estimate_gives_its_sums_the_estimator():
    text = ("News\n\nThe bank Fenwick estimates the average bill could rise from £1,200 to "
            "£2,000. That means a rise of 66pc.\n")
    a = claim_of(text, "That means").attribution
    assert a.frame == "context" and a.speaker.name == "Fenwick"
    assert [f.text for f in claim_of(text, "That means").figures] == ["66pc"]


def test_a_pointer_after_a_plain_statement_stays_unsourced():
    text = "News\n\nThe mayor said 40 homes were lost. That is the worst toll since 2001.\n"
    assert claim_of(text, "That is").attribution.strength == "none"


def test_a_participle_of_revealing_names_the_subject():
    text = ("News\n\nHealth minister Jo Rana made the announcement on Tuesday, revealing that "
            "210 clinics had closed.\n")
    a = claim_of(text, "revealing").attribution
    assert a.strength == "named" and a.speaker.name == "Jo Rana"


def test_a_team_before_a_name_leaves_it_a_person():
    text = "News\n\n\"The search goes on,\" said rescue team Ari Lomax.\n"
    assert claim_of(text, "search").attribution.speaker.kind == "person"


def test_he_said_adding_keeps_the_speaker_not_the_counted_subject():
    text = ("News\n\nMore than 20 people died, villagers said, naming Tariq Bashir as a "
            "witness.\n\n"
            "Seven houses were destroyed in the blast, he said, adding the roads were closed. "
            "He said another four people had been hurt.\n")
    for words in ("Seven houses", "another four"):
        speaker = claim_of(text, words).attribution.speaker
        assert speaker is None or speaker.name != "Seven"


def test_a_pronoun_after_a_conjunction_is_the_speaker_before():
    text = ("News\n\nAnalyst Dana Whitlow said prices would rise by 10%.\n\nBut she warned: "
            "\"Families will struggle to pay these bills.\"\n")
    assert claim_of(text, "she warned").attribution.speaker.name == "Dana Whitlow"


def test_a_team_of_researchers_are_researchers():
    text = "News\n\nA team of researchers found that 40% of the patients recovered.\n"
    assert claim_of(text, "team").attribution.speaker.name == "researchers"


def test_requests_by_a_party_name_the_party():
    text = ("News\n\nA batch of records requests by the Green Party found that three hospitals "
            "missed their targets.\n")
    a = claim_of(text, "requests").attribution
    assert a.strength == "named" and a.speaker.name == "Green Party"


def test_two_places_that_each_reported_are_one_source():
    text = "News\n\nOhio and Kentucky each reported 12 deaths.\n"
    a = claim_of(text, "each").attribution
    assert a.strength == "named" and a.speaker.name == "Ohio and Kentucky"


def test_a_possessive_forecast_cites_its_owner_for_its_clause_only():
    text = ("News\n\nEarnings of 12 cents beat analysts' expectations of 9 cents, and profit fell "
            "to $4 million.\n")
    a = claim_of(text, "beat").attribution
    assert a.speaker.name == "analysts"
    assert "profit fell" not in text[a.content_start : a.content_end]


def test_a_company_beating_its_own_forecast_is_no_source():
    text = "News\n\nSales of $4 billion topped Torvane's own forecast.\n"
    assert claim_of(text, "topped").attribution.strength == "none"


def test_calling_it_in_quotes_names_the_speaker():
    text = ("News\n\nClub chairwoman Ana Ruiz is calling it, \"a turning point for the whole "
            "town.\" The union called the offer \"an insult\" to its members.\n")
    assert claim_of(text, "calling").attribution.speaker.name == "Ana Ruiz"
    assert claim_of(text, "insult").attribution.strength == "described"
    assert claim_of("News\n\nHe called the police at 9pm.\n", "police").attribution.strength \
        == "none"


def test_called_for_by_a_group_and_a_dash_ends_it():
    text = ("News\n\nMinisters could scrap the fuel duty – as has been demanded by many MPs – or "
            "delay the rise.\n")
    a = claim_of(text, "demanded").attribution
    assert a.strength == "described" and a.speaker.name == "many MPs"


def test_she_said_after_a_described_source_is_that_source_not_an_earlier_name():
    text = ("News\n\nTwelve people died, said Omar Bakri, head of the rebel group.\n\n\"Our forces "
            "held the town,\" a senior army source told reporters.\n\n\"They burned three farms "
            "last month,\" she said.\n")
    a = claim_of(text, "three farms").attribution
    assert a.strength == "described" and "source" in a.speaker.name


def test_he_said_after_a_named_person_stays_with_that_person():
    text = ("News\n\nOfficials said the road was closed.\n\n\"We lost 40 homes,\" said mayor Jon "
            "Petrie.\n\n\"It will take a year,\" he said.\n")
    assert claim_of(text, "a year").attribution.speaker.name == "Jon Petrie"


def test_they_is_never_the_one_person_named_last():
    text = ("News\n\n\"We are working around the clock,\" said director Lena Marsh.\n\n"
            "Residents were angry. They say they were given no warning.\n")
    a = claim_of(text, "They say").attribution
    assert a.speaker is None or a.speaker.name != "Lena Marsh"
    assert a.strength == "described" and a.speaker.name == "Residents"


def test_they_still_refers_to_a_company():
    text = ("News\n\nThe carrier Skyline Air said profit rose 4%. They also forecast revenue of "
            "$3 billion.\n")
    assert "Skyline" in claim_of(text, "They also").attribution.speaker.name


def test_said_in_a_statement_that_is_no_part_of_the_claim():
    text = "News\n\nThe Environment Agency said in a statement that 5 tonnes of fish had died.\n"
    a = claim_of(text, "statement").attribution
    assert text[a.content_start : a.content_end] == "5 tonnes of fish had died"


def test_a_study_published_in_a_journal_is_the_study():
    text = "News\n\nA study published in the journal Pipe Research found that 30% of pipes leak.\n"
    a = claim_of(text, "study").attribution
    assert a.strength == "described" and a.speaker.name == "study"


def test_a_newspaper_name_is_an_organisation():
    text = "News\n\nPolice said 14 people had been arrested, according to The Harlow Gazette.\n"
    a = claim_of(text, "Gazette").attribution
    assert a.speaker.kind == "org"
    assert [o.speaker.name for o in claim_of(text, "Gazette").others] == ["Police"]


def test_nouns_that_look_like_say_verbs_are_no_cues():
    for text in ("News\n\nAs clean-up crews worked through much of six states, officials "
                 "prepared for more rain.\n",
                 "News\n\nCrashes are frequent because drivers ignore road rules at night.\n",
                 "News\n\nPrices may keep rising, given mounting fears of a drought.\n",
                 "News\n\nThe chief gave annual sales forecasts that beat hopes.\n",
                 "News\n\nLast month the fraud squad tracked down a banker accused of moving "
                 "the money.\n",
                 "News\n\nIncome was measured according to region after allowing for prices.\n"):
        assert extract_claims(text)[-1].attribution.strength == "none", text


def test_the_law_states_that_is_a_document_cue():
    a = extract_claims("News\n\nThe law states that 40% of seats go to women.\n")[-1].attribution
    assert a.strength == "described" and a.speaker.name == "law"


def test_the_last_item_of_a_list_is_not_the_speaker():
    text = ("News\n\nFigures from councils in Kent, Surrey and East Sussex suggest a fall in "
            "waste.\n")
    a = extract_claims(text)[-1].attribution
    assert a.speaker.name != "East Sussex"


def test_she_is_never_a_mr():
    text = ("News\n\n\"Results are up again,\" said head teacher Mr Alan Pike.\n\nThe best student "
            "got five grades. \"I worked hard all year,\" she said.\n")
    speaker = claim_of(text, "worked hard").attribution.speaker
    assert speaker is None or speaker.name != "Alan Pike"


def test_a_person_introduced_with_an_age_is_the_next_she():
    text = ("News\n\n\"Results are up again,\" said head teacher Mr Alan Pike.\n\nMaya Olsen (18), "
            "from Kilmore, got three grades. \"I worked hard all year,\" she said.\n")
    assert claim_of(text, "worked hard").attribution.speaker.name == "Maya Olsen"


def test_mr_and_a_surname_is_the_next_he_and_a_company_is_no_person():
    text = ("News\n\nTorvane Systems Inc reported a profit. Torvane said sales rose 14%.\n\n"
            "At a briefing, chief executive Jon Vale spoke. Later, Mr Vale gave forecasts. "
            "He saw "
            "sales growing about 9 per cent this year.\n")
    assert claim_of(text, "Torvane said").attribution.speaker.kind == "org"
    assert claim_of(text, "He saw").attribution.speaker.name == "Jon Vale"


def test_a_capitalised_plural_role_opening_a_sentence_is_a_group_not_a_person():
    text = "News\n\nProsecutors said he had stolen from 140 clients over a decade.\n"
    a = claim_of(text, "Prosecutors").attribution
    assert a.strength == "described" and a.speaker.kind != "person"


def test_the_retailer_is_the_business_introduced_as_a_retailer_not_the_broker_cited_last():
    text = ("News\n\nShares in retailer Norland fell 8% after it cut its forecast.\n\nAnalysts at "
            "broker Finch & Co said the warning was worse than feared.\n\nSales fell 3.2%, the "
            "retailer said.\n")
    assert claim_of(text, "Analysts").attribution.speaker.name == "Finch & Co"
    assert claim_of(text, "Sales fell").attribution.speaker.name == "Norland"


def test_an_adverb_after_the_subject_is_no_part_of_the_source():
    text = "News\n\nThe company now expects profit of £120m.\n"
    assert claim_of(text, "expects").attribution.speaker.name == "company"


def test_the_n_year_old_is_the_person_given_that_age():
    text = ("News\n\nThe court heard from Dana Kirk, 58, a former banker. Judge Ann Bell spoke "
            "next.\n\n\"I regret it,\" the 58-year-old told the court.\n")
    assert claim_of(text, "regret").attribution.speaker.name == "Dana Kirk"


def test_the_n_year_old_without_an_age_in_the_text_stays_described():
    text = "News\n\nJudge Ann Bell spoke.\n\n\"I regret it,\" the 58-year-old told the court.\n"
    a = claim_of(text, "regret").attribution
    assert a.strength == "described" and a.speaker.name != "Ann Bell"


def test_outlined_reports_and_the_quote_after_it_goes_on():
    text = ("News\n\nMayor Ida Quist said 40 homes were lost. She also outlined plans to rebuild "
            "the bridge within a year. \"We are pleased with the progress the crews have made.\"\n")
    assert claim_of(text, "outlined").attribution.speaker.name == "Ida Quist"
    assert claim_of(text, "pleased").attribution.speaker.name == "Ida Quist"


def test_encouraged_and_advised_report_the_subjects_advice():
    text = ("News\n\nThe telco Linkra encouraged customers to change their passwords. Police "
            "advised drivers to avoid the road. He was advised by lawyers to stay silent.\n")
    assert claim_of(text, "encouraged").attribution.strength in ("named", "described")
    assert claim_of(text, "Police").attribution.speaker.name == "Police"
    assert claim_of(text, "lawyers").attribution.strength == "none"


def test_it_said_after_a_body_opening_the_sentence_before_is_that_body():
    for text, who in (("News\n\nThe central bank cut rates to 4%. It said inflation would fall.\n",
                       "central bank"),
                      ("News\n\nVolcor Energy slashed its dividend. It said output fell 8%.\n",
                       "Volcor Energy")):
        a = claim_of(text, "It said").attribution
        assert a.strength == "described" and a.speaker.name == who


def test_it_said_after_a_person_opening_the_sentence_before_stays_unsourced():
    text = "News\n\nJohn Smith visited the plant. It said output fell 8%.\n"
    assert claim_of(text, "It said").attribution.strength == "none"


def test_deaths_were_reported_is_a_vague_source():
    text = "News\n\nNine deaths were reported in Ohio and three in Iowa.\n"
    assert claim_of(text, "Nine").attribution.strength == "vague"
    text = "News\n\nNine deaths were reported by the state police.\n"
    assert claim_of(text, "Nine").attribution.strength != "vague"


def test_a_team_that_showed_they_can_win_reports_nothing():
    text = "News\n\nRiverside showed they can still win away with a 3-1 victory.\n"
    assert claim_of(text, "showed").attribution.strength == "none"
    text = "News\n\nVideo shared by the rescue team showed divers searching the lake.\n"
    assert claim_of(text, "Video").attribution.strength != "none"


def test_it_found_after_the_study_was_published_is_the_study():
    text = ("News\n\nThe study, which followed 12,000 patients for five years, was published in a "
            "journal. It found that 4.1% of patients had a heart attack.\n")
    a = claim_of(text, "It found").attribution
    assert a.strength == "described" and a.speaker.name == "study"


def test_a_maker_named_in_apposition_is_a_company_and_its_forecast_cites_it():
    text = ("News\n\nThe drug's maker, Halvex Pharma, said it would apply for approval. The "
            "company expects revenue of £50m next year.\n")
    assert claim_of(text, "maker").attribution.speaker.kind == "org"
    assert claim_of(text, "expects").attribution.speaker.name == "Halvex Pharma"
    text = "News\n\nThe firm Halvex said sales fell. The company expects the drug to cost £500.\n"
    assert claim_of(text, "expects").attribution.strength == "none"


def test_a_possessive_pronoun_makes_no_name_and_the_united_nations_is_a_body():
    text = ("News\n\nThe United Nations said about 2,500 people had fled. Its humanitarian office "
            "put the number of injured at more than 60.\n")
    assert claim_of(text, "United Nations").attribution.speaker.kind == "org"
    a = claim_of(text, "Its humanitarian").attribution
    assert a.strength == "described"


def test_raised_concerns_about_cites_the_subject_but_a_fall_raises_nothing():
    text = "News\n\nThe Green Party raised concerns about the delays in handling urgent calls.\n"
    a = claim_of(text, "concerns").attribution
    assert a.strength == "named" and a.speaker.name == "Green Party"
    assert extract_claims("News\n\nThe fall raised fears about jobs.\n")[-1].attribution.strength \
        == "none"
    assert claim_of("News\n\nThe accused said he was innocent.\n", "accused").attribution \
        .strength == "described"


def test_it_after_a_country_opening_the_sentence_before_is_that_country():
    text = ("News\n\nPortugal has started testing travellers at its border. It has reported "
            "three new cases this week.\n")
    a = claim_of(text, "It has reported").attribution
    assert a.strength in ("named", "described") and a.speaker.name == "Portugal"
    text = "News\n\nNew Zealand has recorded 40 deaths. It said nine more died on Friday.\n"
    a = claim_of(text, "It said").attribution
    assert a.speaker is not None and a.speaker.name == "New Zealand"
    assert claim_of(text, "New Zealand has").attribution.speaker.kind == "org"


def test_she_told_later_in_a_sentence_opened_by_a_named_person_is_that_person():
    text = ("News\n\nThe fire destroyed 40 homes on Tuesday.\n\nMaria Ekdahl wept in the car "
            "park as she told how her family lost the farm they had worked for 30 years.\n")
    a = claim_of(text, "Maria Ekdahl").attribution
    assert a.strength == "named" and a.speaker.name == "Maria Ekdahl"
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import generate_questions
    found = generate_questions([Source(id="s", title="Fire", text=text, date="2025-01-02")])
    assert not [q.prompt for q in found if q.prompt.count("Maria Ekdahl") > 1]


def test_a_body_named_with_and_and_of_is_one_organisation():
    text = ("News\n\nAccording to the Fire Response and Planning Unit of the Office of Rural "
            "Safety or ORS, a total of 4,120 homes were flooded this week.\n")
    a = claim_of(text, "4,120").attribution
    assert a.speaker is not None and a.speaker.kind == "org"
    assert a.speaker.name.startswith("Fire Response and Planning Unit")


def test_a_body_that_releases_figures_is_their_source_but_not_one_that_releases_people():
    text = ("News\n\nValdoria's election board on Sunday released final results of the vote, "
            "which gave the Green Party 41 of the 120 seats.\n\nPolice released 30 protesters "
            "on Monday.\n\nA report released on Tuesday said 12 schools had closed.\n")
    a = claim_of(text, "final results").attribution
    assert a.strength in ("named", "described") and "election board" in a.speaker.mention
    assert claim_of(text, "30 protesters").attribution.strength == "none"
    assert claim_of(text, "12 schools").attribution.speaker.name.lower().endswith("report")
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import generate_questions
    found = generate_questions([Source(id="s", title="Vote", text=text, date="2025-01-02")])
    asked = [q.prompt for q in found if q.type == "source" and "released final" in q.prompt]
    assert asked == ["Who does the article say released final results of the vote?"], asked


def test_ruled_a_city_and_written_comments_are_no_attribution():
    text = ("News\n\nThe Harbour Party, which ruled the city for decades, won just six seats.\n\n"
            "Written comments on the plan are due May 11, and 40 hearings will follow.\n")
    assert claim_of(text, "six seats").attribution.strength == "none"
    assert claim_of(text, "Written comments").attribution.strength == "none"


def test_a_day_between_the_subject_and_its_verb_keeps_the_subject():
    text = "News\n\nThe government Wednesday said 40 people had died in the floods.\n"
    a = claim_of(text, "40 people").attribution
    assert a.strength == "described" and a.speaker.name == "government"


def test_a_figure_measured_by_a_body_is_its_figure_and_the_name_ends_before_at():
    text = "News\n\nThe quake was measured by the Valdorian Seismic Survey at 6.1 on Monday.\n"
    a = claim_of(text, "6.1").attribution
    assert a.strength == "named" and a.speaker.name == "Valdorian Seismic Survey"
    found = source_answers(text, "6.1")
    assert accepts(found, "the Valdorian Seismic Survey", text)
    assert found and not [f for q in found for f in [q.answer, *q.accept] if " at " in f]


def test_a_statement_posted_saying_c_is_its_senders_claim():
    text = ("News\n\nIts governor, Maria Lopez, managed to post a statement saying 300 homes "
            "were lost.\n\nThe embassy sent a complaint saying 20 fishermen were held.\n\n"
            "A video showing the crash was shared 300 times.\n")
    assert claim_of(text, "300 homes").attribution.speaker.name == "Maria Lopez"
    assert claim_of(text, "20 fishermen").attribution.speaker.name == "embassy"
    assert claim_of(text, "A video").attribution.strength == "none"


def test_they_after_a_group_of_people_is_that_group():
    text = ("News\n\nThe researchers studied 5,000 patients. They calculate that 3,500 cases "
            "could be avoided each year.\n\nPolice arrested 12 men on Friday. They said the men "
            "had carried 40 kg of cocaine.\n")
    assert claim_of(text, "3,500").attribution.speaker.name == "researchers"
    assert claim_of(text, "40 kg").attribution.speaker.name == "Police"
    found = source_answers(text, "3,500")
    assert accepts(found, "the researchers", text) and not accepts(found, "they", text)
    # the sentence that names the group is shown with the one that says "they"
    assert any("studied 5,000" in text[e.start : e.end] for q in found for e in q.evidence)


def test_they_is_no_group_named_long_before_or_a_body_named_since():
    text = ("News\n\nPolice arrested 12 men on Friday. Harbour Freight said 30 crates were "
            "seized. They said the haul was worth $2 million.\n")
    speaker = claim_of(text, "$2 million").attribution.speaker
    assert speaker is None or speaker.name != "Police"


def test_already_between_the_subject_and_said_keeps_the_subject():
    text = ("News\n\nNinety people remain missing and officials had already said they had found "
            "eight other bodies.\n")
    a = claim_of(text, "eight other").attribution
    assert a.strength == "described" and a.speaker.name == "officials"


def test_a_family_pair_speaks_together():
    text = ("News\n\nThe victim's mother and father, who said they forgave him, asked for a "
            "10-year term.\n\nHis lawyers and family said he would appeal the 12-year term.\n")
    assert claim_of(text, "mother").attribution.speaker.name == "victim's mother and father"
    assert claim_of(text, "appeal").attribution.speaker.name == "His lawyers and family"


def test_a_report_citing_a_source_gives_that_source_but_not_a_reason():
    text = ("News\n\nThe toll rose to 11 after another woman died, a local media report said, "
            "citing the state health minister.\n\nFive people died, reports said, citing "
            "hospital officials.\n\nPrices rose 4%, the report said, citing rising costs.\n")
    assert claim_of(text, "toll rose").attribution.speaker.name == "state health minister"
    assert claim_of(text, "Five people").attribution.speaker.name == "hospital officials"
    assert claim_of(text, "Prices").attribution.speaker.name == "report"
    found = source_answers(text, "toll rose")
    assert accepts(found, "the state health minister", text)


def test_who_asked_is_the_group_before_who_not_the_phrase_that_holds_it():
    text = ("News\n\nThe penalty is a win for defence lawyers, who had asked that the former "
            "mayor be sentenced to community service.\n\nThe union urged that 300 jobs be "
            "saved.\n")
    assert claim_of(text, "penalty").attribution.speaker.name == "defence lawyers"
    found = source_answers(text, "penalty")
    assert [q.prompt for q in found] == [
        "Who asked that the former mayor be sentenced to community service?"]
    source = Source(id="d", title="News", date="2025-04-02", text=text)
    prompts = [q.prompt for q in generate_questions([source])]
    assert "Who urged that 300 jobs be saved?" in prompts
    assert not [p for p in prompts if "jobs be saved?" in p and "how many" in p.lower()]


def test_prosecutors_who_recommended_a_term_are_its_source():
    text = ("News\n\nProsecutors initially recommended a prison sentence of seven to nine "
            "years last week.\n")
    assert claim_of(text, "seven").attribution.speaker.name == "Prosecutors"


def test_data_or_figures_from_a_body_name_the_body_as_source():
    text = ("News\n\nData from the statistics office showed that prices rose 4% in May.\n\n"
            "Figures released by the health ministry on Friday put the number of cases at "
            "3,400.\n\nData from Valdor Statistics has shown that 12% of homes are empty.\n\n"
            "The film was shown on television 40 times.\n")
    assert "office" in claim_of(text, "4%").attribution.speaker.mention
    assert "ministry" in claim_of(text, "3,400").attribution.speaker.mention
    assert claim_of(text, "12%").attribution.speaker.name == "Valdor Statistics"
    assert claim_of(text, "film").attribution.strength == "none"
    found = source_answers(text, "4%")
    assert accepts(found, "the statistics office", text) and not accepts(found, "data", text)


def test_an_unnamed_source_described_by_what_it_knows_is_a_described_source():
    text = ("News\n\nPeople familiar with the talks said the deal was worth about $2 billion.\n\n"
            "Sources close to the board said 400 staff would go.\n\nSources said the plant "
            "would close.\n")
    for words, name in (("$2 billion", "People familiar with the talks"),
                        ("400 staff", "Sources close to the board")):
        claim = claim_of(text, words)
        assert claim.attribution.speaker.name == name
        assert claim.attribution.strength == "described"
        assert accepts(source_answers(text, words), name.lower(), text)
    assert claim_of(text, "plant").attribution.strength == "vague"


def test_a_group_speaking_with_another_source_is_both_of_them():
    text = ("News\n\nLocal officials and the Red Cross say at least 45 people died in the "
            "floods.\n\nPolice and firefighters said 12 homes were destroyed.\n\nThe Food and "
            "Drug Administration said 30 products were recalled.\n\nTroops shelled the town and "
            "officials said 30 people died.\n")
    assert claim_of(text, "45").attribution.speaker.name == "Local officials and the Red Cross"
    for words, each in (("45", ("the Red Cross", "local officials")),
                        ("12 homes", ("police", "firefighters"))):
        found = source_answers(text, words)
        assert all(accepts(found, answer, text) for answer in each), words
    assert claim_of(text, "products").attribution.speaker.name == "Food and Drug Administration"
    assert claim_of(text, "shelled").attribution.speaker.name == "officials"


def test_retorted_countered_and_a_statement_released_to_clarify_attribute():
    text = ("News\n\nTeachers have retorted that class sizes rose by 12 per cent.\n\nThe "
            "ministry countered that only 300 schools were affected.\n\nThe army countered the "
            "attack with 40 tanks.\n\nThe Grayline group released a statement on Tuesday to "
            "clarify that it had taken 300 gigabytes of data.\n")
    assert claim_of(text, "class sizes").attribution.speaker.name == "Teachers"
    assert claim_of(text, "only 300").attribution.speaker.name == "ministry"
    assert claim_of(text, "tanks").attribution.strength == "none"
    assert claim_of(text, "gigabytes").attribution.speaker.name == "Grayline group"


def test_a_tag_after_an_opening_time_reports_the_words_after_it():
    text = ("News\n\nShortly after 7 p.m., Inspector Dana Whitlow said, officers found two men "
            "injured near the station.\n")
    claim = claim_of(text, "officers")
    assert claim.attribution.speaker.name == "Dana Whitlow"
    assert claim.content.startswith("officers found two men")
    found = source_answers(text, "officers")
    assert found and accepts(found, "Whitlow", text) and not accepts(found, "officers", text)


def test_it_after_a_plural_group_is_the_body_named_before():
    text = ("News\n\nAcme Corp reported revenue of $4 billion on Tuesday. Analysts polled by "
            "the agency had expected $3.8 billion. It said profit rose 12%.\n\nThe Valdor "
            "ministry of health published its figures. Doctors said 40 wards were closed. It "
            "said 900 beds were empty.\n")
    assert claim_of(text, "12%").attribution.speaker.name == "Acme Corp"
    assert "ministry" in claim_of(text, "900").attribution.speaker.name


def test_a_relational_head_alone_is_no_answer_and_a_career_role_keeps_its_head():
    text = ("News\n\nThe head of the agency said 300 staff would go.\n\nA person at the scene "
            "said 12 cars burned.\n\nCareer federal prosecutors recommended a sentence of 15 "
            "years.\n")
    assert not accepts(source_answers(text, "300 staff"), "head", text)
    assert not accepts(source_answers(text, "12 cars"), "person", text)
    assert accepts(source_answers(text, "15 years"), "prosecutors", text)


def test_the_firm_after_a_union_is_the_company_named_before_it():
    text = ("News\n\nOrvane Motors said its profit fell 20% to $1.8 billion.\n\nChief executive "
            "Ada Holm said 3,000 jobs would go.\n\n\"It is hard,\" she said.\n\nThe Metal "
            "Workers union said the cuts could affect 5,000 workers.\n\nShares fell 6%.\n\nThe "
            "firm also lowered its margin forecast to 5%, from 7%.\n")
    assert claim_of(text, "Orvane").attribution.speaker.kind == "org"
    found = [q for q in generate_questions([Source(id="f", title="News", text=text)])
             if q.type == "source" and "margin forecast" in q.prompt]
    assert found
    for q in found:
        ev = " ".join(text[e.start : e.end] for e in q.evidence)
        assert not score_answer(q, "the Metal Workers union", ev).correct, q.accept
        assert score_answer(q, "Orvane Motors", ev).correct, q.accept


def test_the_speakers_next_act_is_not_part_of_what_it_said():
    text = ("News\n\nThe union said the cuts could affect 5,000 workers and vowed to fight "
            "them.\n\nThe minister said 40 people had died but declined to comment on the "
            "cause.\n\nPolice said the man had shot 3 people and warned 2 others.\n")
    assert claim_of(text, "vowed").content == "the cuts could affect 5,000 workers"
    assert claim_of(text, "declined").content == "40 people had died"
    assert "warned 2 others" in claim_of(text, "shot").content  # a figure: kept
    noted = "News\n\nObservers said voting was orderly but noted \"serious flaws\".\n"
    assert claim_of(noted, "orderly").content == "voting was orderly"


def test_a_state_put_on_someone_a_thing_found_and_a_leader_of_a_named_union():
    text = ("News\n\nA defeat could put the coalition at a disadvantage, especially as funds "
            "ran out.\n\nDivers searching the lake and its shores found the bodies near the "
            "dam, said Rosa Imrie, a police inspector.\n\nThe stoppage must be a warning to "
            "ministers, said the leader of the Transport and General Staff union.\n\n"
            "Opposition leader Ed Mill was criticised for staying silent on the stoppage.\n")
    assert claim_of(text, "defeat").attribution.strength == "none"
    assert claim_of(text, "bodies").attribution.speaker.name == "Rosa Imrie"
    found = source_answers(text, "warning to")
    assert found and accepts(found, "the leader of the Transport and General Staff union",
                             text)
    assert not accepts(found, "Ed Mill", text) and not accepts(found, "leader", text)


def test_a_goal_added_is_nothing_said_and_a_broadcaster_told_is_an_outlet():
    text = ("News\n\nStriker Marco Silva scored twice before substitute Leo Hart added a third "
            "in stoppage time.\n\nOrhan Demir, a dockers' leader, told Valkan television "
            "that the port would stay shut.\n\nThe head of the nurses' college, "
            "speaking for some 90,000 members, warned that 3,000 nurses could quit.\n")
    assert claim_of(text, "stoppage").attribution.strength == "none"
    assert claim_of(text, "Valkan").others[0].speaker.name == "Valkan television"
    assert "head" in claim_of(text, "90,000").attribution.speaker.mention


def test_a_cost_estimated_at_a_sum_reads_as_a_clause_and_the_airline_is_its_subject():
    text = ("News\n\nValdor Air grounded all 24 of its aircraft on Tuesday, the airline said in "
            "a statement.\n\nAn analyst, John Marsh of Skyline Consulting, estimated the cost "
            "to the airline at up to $5 million a day.\n")
    questions = generate_questions([Source(id="c", title="News", text=text)])
    assert any("the cost to the airline stands at up to $5 million a day" in q.prompt
               for q in questions if q.type == "source"), [q.prompt for q in questions]
    from quizapp.core.questions.citations import _document_owner
    from quizapp.core.questions.corpus import Corpus
    article = Corpus.read([Source(id="c", title="News", text=text)]).articles[0]
    claim = next(c for c in article.sentence_claims() if "grounded" in c.text)
    assert _document_owner(article, claim, claim.attribution.speaker).name == "Valdor Air"


def test_a_monitor_described_after_its_name_is_that_body_and_never_its_own_distractor():
    text = ("News\n\nAir strikes killed at least 35 civilians, the Syrian Observatory for Human "
            "Rights said on Thursday.\n\nThe Britain-based war monitor said the strikes were "
            "probably carried out by the coalition.\n\nThe UN said more than 6,000 people had "
            "fled.\n\nA coalition spokesman, Colonel Ryan Dillon, said it had made 17 strikes.\n")
    found = source_answers(text, "Britain-based")
    assert found and accepts(found, "the Syrian Observatory for Human Rights", text)
    for q in source_answers(text, "35 civilians"):
        assert not any("monitor" in c for c in q.choices or ()), q.choices
