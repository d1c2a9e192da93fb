"""Source questions on short articles of our own: quotations whose tag is in another sentence,
chains (who said it, who reports it), acronyms that are also words, described sources."""

from quizapp.core.banks.model import Source
from quizapp.core.questions import check_integrity, generate_questions
from quizapp.core.scoring import score_answer

ARTICLE = Source(
    id="s", title="Storm toll disputed", date="2025-04-02", text=(
        "Storm toll disputed\n\n"
        "The storm killed at least 40 people, the relief agency UNRA said, but other officials "
        "disputed that number and put it far lower.\n\n"
        "Earlier, the World Weather Office (WHO) said almost 700 people with injuries had "
        "been treated in clinics.\n\n"
        "A fisherman named Tomas told the Coastal Aid Group (CAG) that his boat had sunk near the "
        "harbour.\n\n"
        "\"The waves came at night. We lost everything in a few minutes,\" the CAG quoted him as "
        "saying.\n\n"
        "\"Our crews repulsed the water at two dykes,\" a senior engineer said. \"It is hard to "
        "say exactly how many homes were flooded in the valley.\"\n"
    ),
)


def questions():
    """Return the article's questions, each checked by the integrity gate."""
    found = generate_questions([ARTICLE])
    assert [(q.id, p) for q in found for p in check_integrity(q, [ARTICLE])] == []
    return found


def sources_of(found, words: str):
    """Return the source questions whose evidence holds `words`."""
    return [q for q in found if q.type == "source"
            and any(words in ARTICLE.text[e.start : e.end] for e in q.evidence)]


def accepted(question, answer: str) -> bool:
    """Tell whether the scorer accepts an answer typed to a question, or a multiple-choice
    question is keyed to the choice that names it."""
    evidence = " ".join(ARTICLE.text[e.start : e.end] for e in question.evidence)
    if question.choices:
        return answer.lower() in question.answer.lower() and score_answer(
            question, question.answer, evidence).correct
    return score_answer(question, answer, evidence).correct


def test_each_source_of_a_sentence_gets_a_question():
    found = sources_of(questions(), "disputed that number")
    assert any(accepted(q, "UNRA") for q in found)
    assert any(accepted(q, "other officials") for q in found)


def test_an_acronym_that_is_a_word_does_not_block_its_question():
    found = sources_of(questions(), "almost 700 people with injuries")
    assert any(accepted(q, "WHO") or accepted(q, "World Weather Office") for q in found)


def test_the_outlet_that_quoted_a_speaker_is_asked_for():
    found = sources_of(questions(), "quoted him as saying")
    assert any(accepted(q, "Tomas") for q in found)
    assert any(accepted(q, "the Coastal Aid Group") or accepted(q, "CAG") for q in found)
    assert not any(accepted(q, "him") for q in found)


def test_a_quotation_whose_tag_is_in_the_sentence_before_is_asked_as_a_quote():
    found = sources_of(questions(), "hard to say exactly")
    assert any(accepted(q, "senior engineer") for q in found)


def test_described_sources_are_never_keyed_no_source_given():
    for q in questions():
        if q.type == "attribution" and any(
                w in ARTICLE.text[q.evidence[0].start : q.evidence[0].end]
                for w in ("other officials", "a senior engineer")):
            assert q.answer != "No source given", q.prompt


def test_an_acronym_like_us_is_no_dangling_pronoun():
    article = Source(id="u", title="Results", date="2025-04-02", text=(
        "Results\n\nEarnings were 41 US cents a share, topping the average analyst estimate of "
        "38 US cents, while sales grew 12 per cent.\n"))
    found = [q for q in generate_questions([article]) if q.type == "source"]
    assert any("analyst estimate" in q.answer for q in found)


def test_a_benchmark_without_a_figure_of_its_own_is_no_source():
    article = Source(id="u", title="Results", date="2025-04-02", text=(
        "Results\n\nEarnings were 41 US cents a share, topping the average analyst estimate by "
        "three cents, while sales grew 12 per cent.\n"))
    found = [q for q in generate_questions([article]) if q.type == "source"]
    assert not any("estimate" in q.answer for q in found)


def test_a_second_source_without_words_of_its_own_is_asked_by_a_blank_not_the_first_prompt():
    found = sources_of(questions(), "disputed that number")
    prompts = [q.prompt for q in found]
    assert len(prompts) == len(set(prompts))
    assert all("other officials" not in p for p in prompts)


def test_a_prompt_never_names_its_source_as_the_sentence_writes_it():
    article = Source(id="c", title="Rates", date="2025-04-02", text=(
        "Rates\n\nThe Reserve Board (RB) kept the key rate at 6.5 per cent on Friday.\n\n"
        "The central bank also retained the growth forecast for the year at 6.5 per cent.\n"))
    for q in generate_questions([article]):
        if q.type == "source":
            assert "central bank" not in q.prompt.lower(), q.prompt


def test_it_said_of_a_company_gets_a_source_question():
    text = ("Acme results\n\nFor the second quarter, Acme Corp said it expects sales of $2.5 "
            "billion. It also said it expects to gain roughly 2.6 million new customers.\n")
    source = Source(id="it", title="Acme results", date="2025-04-02", text=text)
    found = [q for q in generate_questions([source]) if q.type == "source"]
    asked = [q for q in found if "2.6 million" in q.prompt]
    assert asked and all(q.answer == "Acme Corp" for q in asked)
    assert all(not check_integrity(q, [source]) for q in found)


def _source_prompts(text: str) -> list[tuple[str, str]]:
    source = Source(id="o", title="Oil outlook", date="2025-01-01", text=f"Oil outlook\n\n{text}\n")
    found = [q for q in generate_questions([source]) if q.type == "source"]
    assert all(not check_integrity(q, [source]) for q in found)
    return [(q.prompt, q.answer) for q in found]


def test_the_outlet_a_described_source_told_is_asked_for():
    asked = _source_prompts("Oil was weak last week. The price could jump to $60 by the end of "
                            "the year, if producers extend their cuts, an analyst told CNBC.")
    assert any(answer == "CNBC" and "an analyst" in prompt for prompt, answer in asked)


def test_an_outlet_reporting_a_speakers_words_is_a_second_source():
    asked = _source_prompts("Prices fell on Monday. \"We could see prices fall further,\" said "
                            "Tom Reed, analyst at Energy Group, CNBC reported.")
    assert ("Who does the article say reported Tom Reed's words \"We could see prices fall "
            "further\"?", "CNBC") in asked
    assert any(answer == "Tom Reed" for _prompt, answer in asked)


def test_a_sentence_that_carries_a_documents_figures_asks_for_its_source():
    asked = _source_prompts("Crime rose. Official figures show that forces registered 5.6 "
                            "million offences.\n\nThis was a rise of 9% on the year before.")
    assert ('Whose figures does the article give in this sentence: "This was a rise of 9% on '
            'the year before."?', "Official figures") in asked


def test_a_claim_that_points_back_is_asked_up_to_the_pointer():
    article = Source(id="p", title="Fraud", date="2025-04-02", text=(
        "Fraud\n\n\"We recovered £2m last year,\" the minister said.\n\n"
        "A total of 75 people had been charged with tax fraud in the same period, "
        "with 20 charges in the capital, the minister added.\n"))
    found = generate_questions([article])
    assert [(q.id, p) for q in found for p in check_integrity(q, [article])] == []
    asked = [q for q in found if q.type == "source" and "75 people" in q.prompt]
    assert asked and "same period" not in asked[0].prompt
    evidence = " ".join(article.text[e.start : e.end] for e in asked[0].evidence)
    assert score_answer(asked[0], "the minister", evidence).correct


def test_a_body_is_keyed_as_the_sentence_names_it_and_a_war_s_toll_is_no_event_toll():
    text = ("The London-based monitoring group Coastal Rights Observatory said the blast "
            "killed at least 42 people.\n\nThe Coastal Rights Observatory says over 90,000 "
            "people have died in eight years of conflict in the region.\n\n"
            "Activists said the blast left at least 35 people dead.")
    questions = generate_questions([Source(id="s1", title="Blast", text=text,
                                           date="2025-03-01")])
    keys = [q.answer for q in questions if q.type == "source" and "90,000" in q.prompt]
    assert keys and all("London-based" not in k for k in keys), keys
    assert not [q for q in questions if q.type == "discrepancy" and "90,000" in q.prompt]


def test_a_one_word_name_after_the_company_s_full_name_is_the_company():
    from quizapp.core.claims.extract import extract_claims
    text = ("Acme Corp said on Thursday its profit rose 9 percent.\n\n"
            "Acme Chief Financial Officer Jo Lee said costs fell.\n\n"
            "For the second quarter, Acme forecast revenue of $4.1 billion.")
    speakers = [c.attribution.speaker.name for c in extract_claims(text) if c.attribution.speaker]
    assert speakers[-1] == "Acme Corp", speakers


def test_a_speaker_who_denied_a_claim_about_themselves_is_asked_as_denying_it():
    text = ("Prosecutors said the former mayor took bribes worth $40,000.\n\n"
            "Mayor Alan Petrov also denied that he had taken any money from the builders.")
    found = [q.prompt for q in generate_questions([Source(id="s", title="Bribes", text=text)])
             if q.type == "source" and "taken any money" in q.prompt]
    assert found and all("said that he" not in p for p in found), found
    assert any("denied that he" in p for p in found), found


def test_a_medium_after_a_closing_tag_leaves_the_claim_before_it():
    from quizapp.core.claims.extract import extract_claims
    text = "Fares will rise by 4% in June, the Valdor Transit Authority said in a statement."
    claim = extract_claims(text)[0]
    assert "Fares will rise" in text[claim.attribution.content_start:
                                     claim.attribution.content_end]


ACTS = Source(id="p", title="Port fees held", date="2025-03-04", text=(
    "Port fees held\n\n"
    "The Harbour Board of Westport unanimously decided to keep the berth fee unchanged at 12 "
    "dollars a day.\n\n"
    "The Westport Water Authority has not yet confirmed how many homes lost power on Monday.\n\n"
    "Harbour master Ana Duarte said 30 boats had been damaged by the storm.\n\n"
    "Duarte encouraged owners to check their moorings before the weekend.\n"))


def test_the_subject_of_an_act_is_asked_for_but_not_as_a_source():
    from quizapp.core.claims.extract import extract_claims
    from quizapp.core.questions.source_prompts import tells

    told = {c.text.split()[1]: tells(c) for c in extract_claims(ACTS.text)
            if c.attribution.speaker is not None}
    assert told == {"Harbour": False, "Westport": False, "master": True, "encouraged": False}
    blanks = {q.answer: q.prompt for q in generate_questions([ACTS])
              if q.type == "source" and "___" in q.prompt}
    assert blanks.keys() >= {"Harbour Board of Westport", "Westport Water Authority"}
    assert all(p.startswith("Who is left out of this sentence") for p in blanks.values())


def test_one_of_many_cut_from_its_description_is_no_choice():
    article = Source(id="d", title="Dam holds", date="2025-03-04", text=(
        "Dam holds after storm\n\n"
        "The Valley Water Board said the dam had held after 300 millimetres of rain fell in two "
        "days.\n\n"
        "Mayor Lina Ortiz said 45 families had been moved to the town hall.\n\n"
        "One resident who lives below the dam told reporters the water rose a metre in an "
        "hour.\n\n"
        "The regional fire service said crews had pumped water from 80 homes.\n"))
    found = [q for q in generate_questions([article]) if q.type == "source"]
    assert any(q.answer == "One resident who lives below the dam" for q in found)
    assert not [q.choices for q in found if "One resident" in (q.choices or [])]


SEARCH = Source(id="m", title="Boat sinks off coast", date="2025-05-06", text=(
    "Boat sinks off coast\n\n"
    "Up to 80 migrants may have drowned when their boat sank off the coast, the UN refugee "
    "agency said late on Tuesday.\n\n"
    "UNHCR spokesperson Maria Lenz said survivors estimated that 120 people had been on board.\n\n"
    "A senior navy source in the capital told reporters that two patrol boats had joined the "
    "search.\n\n"
    "\"Our crews pulled 14 people from the water,\" the official said. \"It is hard to know how "
    "many more were on the boat.\"\n\n"
    "The head of the coastal rescue team Jonas Berg said the search would go on for three "
    "days.\n\n"
    "The agency said arrivals had risen 12.5 percent this year.\n"))


def test_a_quotation_going_on_is_keyed_as_its_tag_and_first_description_name_it():
    found = {q.prompt: q for q in generate_questions([SEARCH]) if q.type == "source"}
    going_on = next(q for p, q in found.items() if "hard to know" in p)
    assert going_on.answer == "the official"
    assert "A senior navy source in the capital" in going_on.accept


def test_a_role_of_a_body_then_a_name_is_that_person():
    found = [q for q in generate_questions([SEARCH]) if q.type == "source"
             and "three days" in q.prompt]
    assert [q.answer for q in found] == ["Jonas Berg"]
    assert "head" not in found[0].accept


def test_no_choice_is_the_key_by_an_acronym_or_an_accepted_form():
    for q in generate_questions([SEARCH]):
        choices = [c for c in q.choices or [] if c != q.answer]
        if q.type == "source" and choices:
            words = " ".join([q.answer, *q.accept])
            assert not ("UNHCR" in " ".join(choices) and "refugee agency" in words), q.choices
            assert not ("refugee agency" in " ".join(choices) and "UNHCR" in words), q.choices
            assert not any(c.lower() in words.lower() for c in choices), q.choices


def test_a_share_written_percent_accepts_the_sign():
    q = next(q for q in generate_questions([SEARCH]) if q.type == "figure"
             and q.answer == "12.5 percent")
    assert {"12.5%", "12.5 per cent"} <= set(q.accept)


HEDGED = Source(id="h", title="Ferry deal", date="2025-06-01", text=(
    "Ferry deal\n\n"
    "The ferry operator is believed to be buying three new boats for 90 million euros.\n\n"
    "The new boats reportedly include two with room for 400 cars.\n\n"
    "Kim Min-jun, a port official who left the company in 2023, told reporters that 60 crew "
    "had been hired.\n\n"
    "Kim said the first boat would sail in May.\n"))


def test_an_attribution_prompt_keeps_no_hedge_that_tells_its_answer():
    prompts = [q.prompt for q in generate_questions([HEDGED]) if q.type == "attribution"]
    assert prompts
    assert not [p for p in prompts if "reportedly" in p or "believed to" in p]


def test_a_name_written_family_name_first_accepts_the_family_name_alone():
    found = [q for q in generate_questions([HEDGED]) if q.type == "source"
             and q.answer.endswith("Kim Min-jun")]
    assert found
    assert all("Kim" in q.accept and "Min-jun" not in q.accept for q in found)


def test_a_study_is_never_a_wrong_choice_beside_the_scientists_who_wrote_it():
    text = ("Fossil study\n\nThe new study suggests that the species spread north far earlier "
            "than thought.\n\nScientists claim their analysis \"totally changes\" the timeline, "
            "and, if confirmed, it would change the textbooks.\n\nThe museum's director "
            "Ana Ruiz said the claim would be tested, and the culture ministry said it would fund "
            "the work.\n\nProfessor Tom Hale, who was not involved, said the dating was sound.\n")
    source = Source(id="f", title="Fossil study", text=text)
    offered = [q.choices for q in generate_questions([source]) if q.type == "source" and q.choices]
    assert offered, "no multiple-choice source question"
    for choices in offered:
        heads = {c.lower().split()[-1] for c in choices}
        assert not ({"scientists"} & heads and {"study", "analysis"} & heads), choices


def test_a_described_body_is_never_accepted_as_another_kind_of_body_cited_before():
    text = ("Storm\n\nThe storm travelled 250 kilometres inland before it weakened, the weather "
            "service said.\n\nThe ball flew 420 metres in the test, the club said.\n")
    source = Source(id="w", title="Storm", text=text)
    (q,) = [q for q in generate_questions([source]) if q.type == "source" and "ball" in q.prompt]
    assert q.answer.lower().endswith("club")
    assert not score_answer(q, "the weather service").correct, q.accept


def test_a_joint_name_with_a_slash_is_no_person_with_a_surname():
    text = ("Poll\n\nAn ABC/Ipsos Today poll showed 52% of voters backed the measure, the "
            "pollster said.\n")
    found = [q for q in generate_questions([Source(id="p", title="Poll", text=text)])
             if q.type == "source" and "ABC/Ipsos" in q.answer]
    assert found
    for q in found:
        assert not score_answer(q, "Today").correct and "Today" not in q.accept, q.accept


def test_a_tag_with_a_time_phrase_after_the_name_and_a_panel_on_a_subject():
    text = ("Floods\n\nPresident Ana Vidal toured the coast.\n\n\"These have been hard days for "
            "the country,\" said a visibly tired Vidal during her weekly radio address.\n\nThe "
            "Regional Panel on Flood Risk warns that the defences are failing.\n")
    found = [q for q in generate_questions([Source(id="v", title="Floods", text=text)])
             if q.type == "source"]
    hard = [q for q in found if "hard days" in q.prompt]
    assert hard and all(score_answer(q, "Ana Vidal").correct for q in hard)
    assert all(not any("during" in a for a in q.accept) for q in hard), [q.accept for q in hard]
    panel = [q for q in found if "defences" in q.prompt]
    assert panel and all(q.answer.endswith("Panel on Flood Risk") for q in panel), \
        [q.answer for q in panel]


def test_the_owner_of_figures_named_by_it_is_a_right_answer():
    text = ("Crime\n\nThe Statistics Board's latest crime figures show that thefts rose 12 per "
            "cent.\n\nPolice figures show robberies rose 5 per cent.\n")
    found = [q for q in generate_questions([Source(id="c", title="Crime", text=text)])
             if q.type == "source"]
    thefts = [q for q in found if "thefts" in q.prompt]
    robberies = [q for q in found if "robberies" in q.prompt]
    assert thefts and robberies
    assert all(score_answer(q, "the Statistics Board").correct for q in thefts)
    assert all(score_answer(q, "the police").correct for q in robberies)
    assert not any(score_answer(q, "the police").correct for q in thefts)


def test_officials_described_by_a_bodys_own_words_are_never_its_distractor():
    text = ("Wildfire\n\nThe Northvale Fire Protection Agency said the blaze had burned 4,000 "
            "acres.\n\nState fire officials said 300 homes were under threat.\n\nGovernor Lena "
            "Ortiz said the state would send 200 more crews.\n\nThe National Weather Office said "
            "winds would ease on Friday.\n\nResident Tom Reyes said he had lost his barn.\n")
    offered = [q.choices for q in generate_questions([Source(id="f", title="Wildfire", text=text)])
               if q.type == "source" and q.choices and "State fire officials" in q.choices]
    assert offered
    for choices in offered:
        assert "Northvale Fire Protection Agency" not in choices, choices


def test_a_list_of_bodies_speaks_whole_and_a_department_takes_the():
    text = ("Rescues\n\nMore than 9,000 people were rescued at sea in the past week, the Valdor "
            "Navy, Coast Guard and Transport Ministry said.\n\nTransport Department data showed "
            "fares rose 4% in a year.\n\nThe Transport Department said bus fares rose 2.5%.\n")
    found = generate_questions([Source(id="r", title="Rescues", text=text)])
    rescued = [q for q in found if q.type in ("figure", "source") and "rescued" in q.prompt]
    assert rescued
    for q in rescued:
        assert "Valdor Navy?" not in q.prompt and "Navy, Coast Guard" in q.prompt + q.answer, \
            (q.prompt, q.answer)
    assert not [q.prompt for q in found if "to Transport Department" in q.prompt
                or "does Transport Department" in q.prompt]


def test_the_spokeswoman_named_before_has_no_other_spokeswoman_or_her_body_as_distractor():
    text = ("Shipwrecks\n\nAt least 300 migrants died at sea this week, the UN refugee agency "
            "(UNHCR) said.\n\nUNHCR spokeswoman Ana Costa told reporters that 200 people were "
            "missing.\n\n\"Our count puts the dead at 300 or more,\" the spokeswoman "
            "said.\n\nThe Sea Aid Group said it had rescued 90 people.\n\nThe coastguard said "
            "two boats sank.\n\n\"Each death is a tragedy for us all,\" a spokeswoman for the "
            "European Commission, Eva Lind, told reporters.\n")
    found = [q for q in generate_questions([Source(id="m", title="Shipwrecks", text=text)])
             if q.type == "source" and "our count" in q.prompt.lower()]
    assert found
    for q in found:
        assert score_answer(q, "Ana Costa").correct, q.accept
        for choice in q.choices or []:
            assert choice not in ("Eva Lind", "UN refugee agency", "UNHCR"), q.choices


def test_a_role_of_a_field_before_a_name_accepts_the_name():
    text = ("Waits\n\nHSE national director of acute operations Liam Woods said 500 patients were "
            "waiting for beds.\n")
    from quizapp.core.claims.extract import extract_claims
    (claim,) = [c for c in extract_claims(text) if "patients" in c.text]
    assert claim.attribution.speaker.name == "Liam Woods", claim.attribution.speaker
    found = [q for q in generate_questions([Source(id="h", title="Waits", text=text)])
             if q.type in ("source", "figure")]
    assert found and all(score_answer(q, "Liam Woods").correct for q in found
                         if q.type == "source"), [(q.answer, q.accept) for q in found]


def test_the_company_accepts_the_one_company_its_sentence_names():
    text = "Sales\n\nSales at Valdor Motor Works rose 12% in May, the company said.\n"
    found = [q for q in generate_questions([Source(id="v", title="Sales", text=text)])
             if q.type == "source"]
    assert found and all(score_answer(q, "Valdor Motor Works").correct for q in found), \
        [(q.answer, q.accept) for q in found]
    assert not any(score_answer(q, "Works").correct for q in found)
