"""Rules that keep generated questions fit to publish unedited, each on sentences of our own:
no source read from a manner "according to" or a noun compound, no doubled attribution, no
vague or self-naming evidence prompt, no noise among accepted forms."""

import re

from quizapp.core.banks.model import Source
from quizapp.core.questions import check_integrity, generate_questions


def bank(text: str, title: str = "Harbour report"):
    """Return the checked questions of one made-up article."""
    source = Source(id="m", title=title, date="2025-05-01", text=f"{title}\n\n{text}\n")
    found = generate_questions([source])
    assert [(q.id, p) for q in found for p in check_integrity(q, [source])] == []
    return found, source


def cited_by(found, source, words):
    """Return the questions whose evidence holds `words`."""
    return [q for q in found
            if any(words in source.text[e.start : e.end] for e in q.evidence)]


def test_a_manner_according_to_is_no_source():
    found, source = bank(
        "The harbour board said on Monday that the new quay would open in June.\n\n"
        "Fees at the 14 berths were measured according to LOA, the length of each ship, after "
        "adjusting for the season.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    asked = cited_by(found, source, "measured according to")
    assert asked
    assert not [q for q in asked if q.type == "source"]
    assert not [q for q in asked if "According to LOA" in q.prompt]


def test_a_noun_compound_is_not_a_speaker_and_verb():
    found, source = bank(
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.\n\n"
        "Ferries on the route run late and dock rules often ignored.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    asked = cited_by(found, source, "dock rules often")
    assert not [q for q in asked if q.type == "source"]


def test_a_long_run_of_words_is_no_described_source():
    found, source = bank(
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.\n\n"
        "Stock in Harbour Holdings climbed 12 cents to finish the day at €4.10 after the company "
        "reported profits above forecasts.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    asked = cited_by(found, source, "after the company reported")
    assert not [q for q in asked if q.type == "source" and q.answer.startswith("Stock")]


def statements(found):
    """Return the quoted statements of the verdict questions."""
    return [q.prompt.split('? "', 1)[1] for q in found if q.type == "verdict"]


def test_a_statement_never_names_its_source_twice():
    found, _ = bank(
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.\n\n"
        "The national weather office said on Monday that rainfall measured by the national "
        "weather office rose 12 per cent.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    said = [s for s in statements(found) if "rainfall" in s.lower()]
    assert said
    assert not [s for s in said if s.count("national weather office") > 1]


def test_a_label_opening_with_a_determiner_or_rank_reads_mid_sentence():
    found, _ = bank(
        "A senior official in Valdor said 42 ferries had been cancelled since March.\n\n"
        "Lead engineer Mara Quist said the repairs would cost 12 million euros.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    said = statements(found)
    assert any("According to a senior official in Valdor" in s for s in said)
    assert not [s for s in said if "According to A " in s or "According to Lead " in s]


def test_a_single_figure_is_never_changed_into_a_range():
    found, _ = bank(
        "The rower beat the old record by more than 30 seconds, race officials said.\n\n"
        "The crossing took between 20 and 25 minutes, the ferry operator said.\n\n"
        "Port director Anna Lindqvist said the quay had been shut for 90 minutes.")
    said = statements(found)
    assert not [s for s in said if re.search(r"more than \d+ (?:and|to) \d+", s)]
    assert not [s for s in said if re.search(r"between \d+ to", s)]


def evidence_prompts(found):
    """Return the evidence questions' prompts."""
    return [q.prompt for q in found if q.type == "evidence"]


HARBOUR = (
    "The harbour board said on Monday that the new quay would open in June.\n\n"
    "Port director Anna Lindqvist said 3,200 ships had docked in the past year.\n\n"
    "There are three main reasons for the delays at the port.\n\n"
    "The Coast Office said the number of people who fished in the bay had fallen by 12 per "
    "cent.\n\n"
    "The Coast Office said the Coast Office would hire 40 new inspectors.\n\n"
    "Most of the trawlers stayed in port, the Coast Office said.\n\n"
    "The ferry company said 2 of its boats needed repairs after the storm.\n\n"
    "Fishing crews said the storm had been the worst in 20 years.\n\n"
    "The mayor said the harbour would need 5 million euros of new funding.\n\n"
    "The regional bus left the port at noon with 27 passengers, the ferry company said.\n\n"
    "The first unofficial preliminary returns from the coast show a rise in catches, the "
    "fisheries board said.")


def test_an_evidence_prompt_names_its_claim_without_giving_its_sentence_away():
    found, _ = bank(HARBOUR)
    prompts = evidence_prompts(found)
    assert not [p for p in prompts if "three main reasons" in p]  # most of its sentence
    assert not [p for p in prompts if "the 2 figure" in p]  # a bare small number
    assert not [p for p in prompts if re.search(r"about (?:the )?(?:Coast Office|most\b)", p)]
    assert not [p for p in prompts if re.search(r"\b(?:who|the|of)\?$", p)]  # cut mid-phrase


def test_an_evidence_prompt_names_a_bare_count_by_its_noun():
    found, _ = bank(HARBOUR)
    prompts = evidence_prompts(found)
    assert not [p for p in prompts if re.search(r"the (?:27|20) figure", p)]
    assert not [p for p in prompts if re.search(r"claim about the (?:regional|.*preliminary)\?", p)]


FLEET = (
    "The crew, which was flown to Oslo on March 3, included two divers and a pilot.\n\n"
    "Talks on a new treaty to limit fishing in all northern waters due to take effect from "
    "2030.\n\n"
    "Divers searched 14 wrecks in the bay on Monday, the coast guard said.\n\n"
    "Harbour officials had earlier put the number of missing boats at nine and said that two "
    "piers had collapsed.\n\n"
    "Port director Anna Lindqvist said the storm had first sunk one barge and left 12 others "
    "adrift.\n\n"
    "Profit was 48 cents a share, beating the analysts' consensus estimate by two cents.\n\n"
    "Revenue from the port rose 8 per cent to 90 million euros, the harbour board said.")


def figure_and_date_prompts():
    found, _ = bank(FLEET)
    return [q.prompt for q in found if q.type in ("figure", "date")]


def test_a_date_prompt_asks_of_a_clause_with_a_verb_not_of_an_aside():
    prompts = figure_and_date_prompts()
    assert not [p for p in prompts if "the crew, which was flown to Oslo?" in p]
    assert not [p for p in prompts if p.endswith("due to take effect?")]


def test_a_figure_prompt_names_what_it_measures_and_reads_as_a_question():
    prompts = figure_and_date_prompts()
    assert not [p for p in prompts if re.fullmatch(r"What figure do(?:es)? .+ give for \w+\?", p)]
    assert not [p for p in prompts if p.startswith("What figure had earlier")]
    assert not [p for p in prompts if "sunk one barge and left?" in p]
    assert not [p for p in prompts if "consensus estimate give" in p]


def test_no_accepted_form_carries_words_that_are_no_counted_noun():
    found, _ = bank(
        "Port director Anna Lindqvist said the storm had sunk a barge on Monday.\n\n"
        "Clashes near the docks killed seven sailors according to port records, and "
        "strikers said 30 were hurt.\n\n"
        "Three trainees at the harbour school earned three grade As this year.\n\n"
        "Two cranes collapsed in the gale at the port of Valdor, the harbour board said.")
    accepted = [a for q in found if q.type == "figure" for a in q.accept]
    assert not [a for a in accepted if a.endswith(("according", " grade", " collapsed"))]


def test_a_count_is_asked_without_the_aside_that_holds_another_figure():
    found, _ = bank(
        "According to the coast guard, more than 300 boats have sunk in the bay since 2019, "
        "some 40 of them last winter.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    prompts = [q.prompt for q in found if q.type == "figure"]
    assert "According to the coast guard, how many boats have sunk in the bay since 2019?" \
        in prompts


def test_no_two_choices_name_one_country_s_armed_forces():
    found, _ = bank(
        "According to the army, some 200 shells have landed on the border towns since May.\n\n"
        "The Valdorian military said on Sunday that it had struck a launch site.\n\n"
        "Mayor Jan Holm said 14 homes had been destroyed in the town.\n\n"
        "Health official Rita Berg said 9 people had been treated in hospital.\n\n"
        "Local medics said two children were among the wounded.", "Border shelling")
    for q in found:
        if q.type == "source" and q.choices:
            heads = [c for c in q.choices if re.search(r"\b(?:army|military)$", c)]
            assert len(heads) <= 1, q.choices


def test_no_statement_keeps_only_the_condition_before_a_speaker_s_tag():
    found, _ = bank(
        "The hulk lay by the old pier for ages, so if it went down 300 years ago, say the "
        "divers, the harbour wall must be older too.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    for q in found:
        assert not re.search(r"300 years ago(?:, according to the divers)?[.”\"?’]*$", q.prompt), \
            q.prompt


def test_a_quotation_is_named_as_words_and_a_straight_mark_opens_it():
    found, _ = bank(
        "'The worry is that the ferries could stop running in winter,' said Tom Ek, head of the "
        "ferry union.\n\n"
        "\"I am sorry for the delays,\" the harbour master told reporters.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    prompts = [q.prompt for q in found]
    assert not [p for p in prompts if "the claim that \"" in p or "the claim that '" in p]
    assert not [p for p in prompts if "'The worry" in p and "winter'" not in p]


def test_a_blank_never_cuts_a_noun_that_goes_on():
    found, _ = bank(
        "Three trainees at the harbour school earned three grade As, while 12 more got top "
        "marks in two subjects.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    prompts = [q.prompt for q in found if q.type == "figure"]
    assert not [p for p in prompts if "___ As" in p]


def test_a_quotation_is_never_paraphrased_in_a_supported_statement():
    found, _ = bank(
        "\"The gale struck around 4pm, when about 30 boats were still at sea,\" Anna Lindqvist "
        "said.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    supported = [q.prompt for q in found if q.type == "verdict" and q.answer == "Supported"]
    assert not [p for p in supported if "approximately 30 boats" in p]


def test_no_date_question_on_a_wire_dateline_or_a_clause_full_of_figures():
    found, _ = bank(
        "OSLO May 3 Ferry traffic in the north fell to a record low this spring, a report by "
        "12 port authorities said.\n\n"
        "The harbour index fell 31.2, or 2%, to 1,210.5, its biggest drop since 14 May, "
        "when it lost 40 points.\n\n"
        "The harbour board said on Monday that the new quay would open in June.")
    prompts = [q.prompt for q in found if q.type == "date"]
    assert not [p for p in prompts if "OSLO ___" in p]
    assert not [p for p in prompts if p.startswith("Since when") and "31.2" in p]


def test_a_hyphenated_common_opening_reads_in_lower_case_after_that():
    found, _ = bank(
        "On-loan striker Tom Ek scored twice for the harbour side, who have 42 points.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    prompts = [q.prompt for q in found if q.type == "attribution"]
    assert not [p for p in prompts if "the claim that On-loan" in p]


def test_a_date_is_asked_of_the_clause_it_belongs_to():
    found, _ = bank(
        "Still, the vote was a step forward for the harbour town since the old quay was closed "
        "on March 4, 2021.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    prompts = [q.prompt for q in found if q.type == "date"]
    assert not [p for p in prompts if "say still," in p.lower()]
    assert not [p for p in prompts if "step forward" in p and p.startswith("When")]


def test_a_supported_statement_never_reads_a_gain_more_than():
    found, _ = bank(
        "Engineers warn that a surge above 2 metres would flood the old town.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    said = statements(found)
    assert not [s for s in said if "a surge more than 2 metres" in s]


def test_what_a_figure_is_compared_with_is_not_cited_for_it():
    found, source = bank(
        "Quarterly profit rose 12 per cent to 80 million euros, topping both the average "
        "analyst forecast of 75 million euros and the board's own estimate.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    asked = cited_by(found, source, "topping both")
    assert not [q for q in asked if q.type == "source" and "cited as the source" in q.prompt]
    assert not [q for q in asked if q.type == "attribution"]


def test_a_blank_source_is_keyed_to_the_words_the_blank_replaces():
    found, source = bank(
        "The harbour judge, Ingrid Falk, rejected the appeal, saying both ferry firms shared the "
        "blame.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    for q in cited_by(found, source, "rejected the appeal"):
        if q.type == "source" and "judge, ___," in q.prompt:
            assert q.answer == "Ingrid Falk"


def test_accepted_forms_are_no_pronoun_cut_with_a_quote_mark_nor_a_year_in_thousands():
    found, _ = bank(
        "'Traders want a breather,' said Jim Rowe, head of equities at Harbour Bank.\n\n"
        "'Prices fell because they had risen so fast,' he added.\n\n"
        "Boat prices fell at the fastest pace since at least 1987, the Harbour Building "
        "Society said today.")
    accepted = [a for q in found for a in q.accept]
    assert not [a for a in accepted if a.strip(" '\"‘’“”").lower() == "he"]
    assert "1,987" not in accepted and "at least 1,987" not in accepted


def test_no_two_choices_share_a_noun_compound_and_no_compound_head_is_accepted_alone():
    found, _ = bank(
        "According to the Valdor help line, as many as 140 passengers were on the ferry.\n\n"
        "Most of the passengers were going to Oslo or Bergen, said the help line personnel.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.\n\n"
        "Deckhand Per Moen said the ferry had left two hours late.")
    for q in found:
        if q.type == "source":
            assert "line" not in q.accept
            if q.choices:
                assert sum("help line" in c for c in q.choices) <= 1, q.choices


def test_a_name_the_article_only_writes_as_part_of_a_longer_one_is_no_choice():
    from quizapp.core.questions.source_choices import cut_name
    text = ("The figures came from the Coastal Risk Reduction and Management Council, which "
            "said 140 remain missing. The Coastal Risk Reduction and Management Council said so.")
    assert cut_name("the Coastal Risk Reduction", text)
    assert not cut_name("the Coastal Risk Reduction and Management Council", text)


def test_no_clause_is_the_tail_after_a_cue_and_a_time():
    found, _ = bank(
        "Harbour fees rose 4 per cent in May, the fastest rate since 2009, the Harbour Building "
        "Society said today, in another sign the port is busier than ever.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    assert not [q.prompt for q in found if "that today, in another sign" in q.prompt
                or "According to the Harbour Building Society, today" in q.prompt]


def test_no_question_on_half_of_a_number_split_by_a_space():
    found, _ = bank(
        "Inspectors checked more than 40 000 mooring posts around the coast, the harbour board "
        "said.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    prompts = [q.prompt for q in found]
    assert not [p for p in prompts if "___ 000" in p or "000 mooring posts?" in p]


def test_no_accepted_unit_cut_from_a_compound_unit():
    found, _ = bank(
        "Each 3 kg/m² rise in weight was tied to a higher injury risk among dockers, the harbour "
        "board said.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    assert not [a for q in found for a in q.accept if a == "3 kg"]


def test_a_partly_quoted_phrase_is_no_quotation():
    found, _ = bank(
        "A docker told me it was \"a circus\" as ferry after ferry arrived.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    assert not [q.prompt for q in found if "saying \"a circus\" as" in q.prompt
                or "claim that \"a circus\" as" in q.prompt]


def test_a_paraphrased_statement_opens_with_a_capital_and_no_figure_twice():
    found, _ = bank(
        "About 700 workers walked off the job at the port on Friday, the union said.\n\n"
        "Among the 30 berths inspected by the board, 12 were in the old harbour, the harbour "
        "board said.\n\n"
        "Port director Anna Lindqvist said 17,200 ships had docked in the past year.")
    said = statements(found)
    assert not [s for s in said if s[:1].islower()]
    assert not [s for s in said if "among the 12 berths" in s.lower()]


def test_a_past_put_is_asked_with_did():
    found, _ = bank(
        "Late on Friday, the government based in the north put the number of sunken boats at "
        "42.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    prompts = [q.prompt for q in found if q.type == "figure"]
    assert not [p for p in prompts if p.startswith("What figure do the government")]


def test_a_further_source_is_asked_of_its_own_words_and_an_acronym_is_not_named_twice():
    found, source = bank(
        "The number of homes flooded along the river valley has climbed to roughly 1,300 in the "
        "hardest-hit village of Norby alone, the Valley Emergency Management Authority (VEMA) "
        "said, though other officials disputed the tally and put it far lower.\n\n"
        "The VEMA has reported 380 homes destroyed in the valley.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    for q in cited_by(found, source, "other officials disputed"):
        if q.type == "source" and "officials" in q.answer:
            assert "___" in q.prompt, q.prompt
    assert not [s for s in statements(found) if "Authority, the VEMA" in s]


def test_a_name_inside_a_document_subject_is_not_the_source():
    found, source = bank(
        "Figures from the main port authorities in Norway, Sweden and Denmark suggest that ferry "
        "traffic grew this spring.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    for q in cited_by(found, source, "ferry traffic grew"):
        if q.type == "source":
            assert q.answer.lower().startswith("figures"), q.answer
        assert "Denmark said" not in q.prompt and "According to Denmark" not in q.prompt


def test_the_tail_of_an_organisation_s_name_is_no_accepted_form():
    from quizapp.core.banks.model import Question
    from quizapp.core.questions.consistency import noise
    q = Question("q", "source", "Who?", "Regional Bureau for the Supervision of Harbour Affairs",
                 [], None, [], "", [], 0.5)
    assert noise(q, "Supervision of Harbour Affairs", "")
    assert noise(q, "Affairs", "")
    assert not noise(q, "Regional Bureau", "")
    kept = Question("q", "source", "Who?", "Bank of Valdor policymakers", [], None, [], "", [],
                    0.5)
    assert not noise(kept, "policymakers", "")


def test_a_document_and_its_author_are_never_two_choices():
    from quizapp.core.questions.source_choices import _authored
    text = "The report by the Harbour Data Project was published on Tuesday."
    assert _authored("report by 40 researchers", "Harbour Data Project", text)
    assert not _authored("report by 40 researchers", "Anna Lindqvist", text)


def test_no_figure_is_given_by_a_source_that_only_hedges_it_and_no_counterfactual_is_asked():
    found, _ = bank(
        "The Harbour Office would not say how many boats sank on Monday, but the number is "
        "believed to be about 60.\n\n"
        "The 2 per cent gain in port income would have been 9 per cent but for a one-off storm "
        "charge.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.\n\n"
        "Deckhand Per Moen said the ferry had left two hours late.\n\n"
        "The mayor said 14 piers would be rebuilt by the summer.")
    prompts = [q.prompt for q in found]
    assert not [p for p in prompts if "60 figure given by the Harbour Office" in p]
    assert not [p for p in prompts if p.startswith("What figure does the article give for the 2 "
                                                   "per cent gain")]


def test_no_figure_is_asked_by_a_noun_the_whole_article_shares():
    found, _ = bank(
        "Harbour profits rose sharply this year, the board said.\n\n"
        "Ferry profits were lower, but a 28 per cent increase in profits at the cargo terminal "
        "made up for it.\n\n"
        "Profits at the marina were unchanged, and there was a 12 per cent increase in the "
        "winter dividend.")
    prompts = [q.prompt for q in found if q.type == "figure"]
    assert "What increase in profits does the article give?" not in prompts


def test_no_blank_cuts_a_name_in_two():
    found, _ = bank(
        "Its tallies were drawn from the Coastal Risk Reduction and Management Council (CRRMC), "
        "which counted 140 boats still missing.\n\n"
        "Lead author Jane Roe of the Harbour Institute said 3,200 ships had docked in the past "
        "year.")
    prompts = [q.prompt for q in found if q.type == "source"]
    assert not [p for p in prompts if "___ and Management Council" in p]
    assert [p for p in prompts if "3,200 ships" in p]  # "X of the Institute" is no cut name


def test_an_affiliation_does_not_make_a_name_cut():
    from quizapp.core.questions.source_choices import cut_name
    assert not cut_name("Jane Roe", "Lead author Jane Roe of the Harbour Institute said so.")
    assert cut_name("the Coastal Risk Reduction",
                    "It came from the Coastal Risk Reduction and Management Council.")


def test_a_pronoun_of_the_other_gender_is_not_read_as_a_titled_speaker():
    found, source = bank(
        "Mr Tom Ek said the gale had damaged 14 boats in the harbour.\n\n"
        "\"They had just left the pier when the wave hit,\" she said.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    for q in cited_by(found, source, "They had just left the pier"):
        assert not (q.type == "source" and "Ek" in q.answer), q.prompt


def test_a_change_is_not_asked_as_the_level_of_what_changed():
    found, _ = bank(
        "Ferry ticket sales were 12 per cent higher, while cargo fees were 8 per cent higher on "
        "40 million euros.\n\n"
        "Port director Anna Lindqvist said 3,200 ships had docked in the past year.")
    prompts = [q.prompt for q in found if q.type == "figure"]
    assert not [p for p in prompts if p.startswith("What figure does the article give for cargo")]


def test_a_plural_noun_is_no_verb_to_ask_when_of():
    from quizapp.core.questions.asking import date_prompt
    from quizapp.core.text.dates import extract_dates
    content = "Regional talks on a new treaty to limit trawling in all northern waters due to " \
              "take effect from 2030"
    date = extract_dates(content, 0, 2025)[0]
    assert date_prompt(content, date, "the article", False) is None


def test_no_choice_is_the_body_a_speaker_speaks_for_and_no_paraphrase_after_the():
    found, _ = bank(
        "\"Prices will stay weak,\" said Ingrid Falk, Harbourwide chief analyst.\n\n"
        "Harbourwide said boat prices slipped 2.4 per cent in July.\n\n"
        "The Bank of Valdor said rates would stay at 5 per cent.\n\n"
        "Deckhand Per Moen said the ferry had left two hours late.\n\n"
        "The current rise matches the around 12% rise seen in 1994, the harbour board said.")
    for q in found:
        if q.type == "source" and q.answer == "Ingrid Falk" and q.choices:
            assert "Harbourwide" not in q.choices, q.choices
    assert not [s for s in statements(found) if "the about 12%" in s]


def test_no_how_many_of_a_span_after_a_passive_and_no_level_of_an_is_that_clause():
    from quizapp.core.questions.asking import figure_prompt
    assert figure_prompt("the crews had been warned less than 12 hours before the storm",
                         "less than 12", "hours", "the mayor", False, "") is None
    assert figure_prompt("the main reason for the delay is that a further 14% of crews are "
                         "still at sea", "14%", "", "the article", False, "") is None
    assert figure_prompt("dockers would be asked to take 12 unpaid days", "12",
                         "unpaid days", "the port plan", False, "") is not None


QUAY = (
    "The harbour board said on Monday that the new quay would open in June after two years of "
    "work.\n\n"
    "Port director Anna Lindqvist said revenue from berth fees rose 14 per cent to 40 million "
    "euros last year, helped by a busy summer season.\n\n"
    "Lindqvist added that the storm in March had first sunk one barge and left 12 others "
    "adrift.\n\n"
    "Fishing crews said the storm had been the worst in 20 years and had damaged 40 boats along "
    "the northern shore.\n\n"
    "The mayor said the city would need 5 million euros of new funding for the quay.\n\n"
    "The regional bus left the port at noon with 27 passengers, the ferry company said.\n\n"
    "Freight volumes at the terminal fell 3 per cent in the first half, the harbour board said.\n\n"
    "Revenue from berth fees at the old pier rose 2 per cent, the city council said.\n\n"
    "The harbour board counted 27 passengers on the last ferry of the night.")


def test_an_evidence_prompt_asks_what_is_measured_without_the_figure():
    found, _ = bank(QUAY)
    asked = [q for q in found if q.type == "evidence" and "answers this question" in q.prompt
             and "Lindqvist" in q.prompt]
    (question,) = asked
    assert "revenue from berth fees rose" in question.prompt
    assert "14" not in question.prompt and "40 million" not in question.prompt
    assert question.answer.startswith("Port director")
    assert not [c for c in question.choices if c.startswith("Lindqvist added")]  # her other
    # figure could answer it too
    assert any("old pier" in c for c in question.choices)  # each word naming it is in two


def test_an_evidence_question_has_choices_that_share_the_words_naming_its_claim():
    found, _ = bank(QUAY)
    evidence = [q for q in found if q.type == "evidence"]
    named = [q for q in evidence if "the figure of 27 passengers given by the ferry company" in
             q.prompt]
    assert named and any("27 passengers" in c for c in named[0].choices if c != named[0].answer)
    assert not [q for q in evidence if "5 million euros" in q.prompt]  # no other 5 million:
    # the figure alone would find its sentence


def test_the_span_of_a_record_is_no_figure_of_its_subject():
    found, _ = bank(QUAY)
    figures = [q.prompt for q in found if q.type == "figure"]
    assert not [p for p in figures if "give for the storm" in p]
    assert not [p for p in figures if re.search(r"how many boats along", p, re.I)]


def test_a_counted_noun_stops_at_a_preposition():
    from quizapp.core.claims.figures import extract_figures
    (figure,) = extract_figures("The gale damaged 40 boats along the shore.")
    assert figure.noun == "boats"


def test_an_evidence_question_is_dropped_when_one_word_of_its_prompt_finds_the_answer():
    found, _ = bank(
        "Shares in Lisport Ferries rose 12 cents to $8.40 on Monday, the exchange said.\n\n"
        "Harbour Line stock was up 5 cents at $3.10 by noon, traders said.\n\n"
        "The index fell 0.4 per cent, the exchange said.\n\n"
        "Volumes were light as trading slowed before the holiday, dealers said.")
    assert not [q for q in found if q.type == "evidence"]  # "12 cents", "Lisport": one each


def test_a_body_and_its_spokesperson_are_one_voice_among_evidence_choices():
    from quizapp.core.claims.speaker import Speaker
    from quizapp.core.questions.builders import _one_voice
    board = Speaker("Harbour Board", "", "Harbour Board", ("HB",), "org")
    lind = Speaker("Ana Lind", "HB spokesperson", "HB spokesperson Ana Lind", ("Lind", "Ana"),
                   "person")
    agency = Speaker("UN refugee agency", "", "UN refugee agency", (), "org")
    spindler = Speaker("Ola Berg", "UNHCR spokesperson", "UNHCR spokesperson Ola Berg",
                       ("Berg", "Ola"), "person")
    council = Speaker("city council", "", "city council", (), "vague")
    assert _one_voice(lind, board) and _one_voice(board, lind)
    assert _one_voice(spindler, agency)
    assert not _one_voice(lind, council)
