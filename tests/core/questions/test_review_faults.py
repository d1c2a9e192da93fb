"""Faults an instructor found in generated questions, each on short articles of our own: a
contradiction built from a repeated date or a flipped duration, a blank a reader can work out
by sums, a statement whose source is only "the official", and a prompt that holds its own
speaker, another figure or a phrase left hanging."""

from __future__ import annotations

from quizapp.core.banks.model import Source
from quizapp.core.questions import generate_questions
from quizapp.core.questions.asking import figure_prompt


def generate(*texts: str, titles: tuple[str, ...] = ()) -> list:
    """Return the questions of articles with the given bodies."""
    sources = [Source(id=f"s{i}", title=titles[i] if i < len(titles) else f"Story {i}",
                      text=text, date="2025-03-0" + str(i + 1)) for i, text in enumerate(texts)]
    return generate_questions(sources)


def test_a_changed_date_never_repeats_a_date_the_statement_holds():
    text = ("The suit claims the lender hid its losses from June 2016 until April 2019, two "
            "pension funds said.\n\nThe lender agreed to settle the suit in April 2019.")
    statements = [q.prompt for q in generate(text) if q.type == "verdict"]
    assert not any("from April 2019 until April 2019" in p for p in statements)


def test_a_duration_s_qualifier_is_not_flipped_into_nonsense():
    text = ("Lena Okoro became the first woman to run the course in under two hours and ten "
            "minutes, race officials said on Sunday.")
    statements = [q.prompt for q in generate(text) if q.type == "verdict"]
    assert not any("more than two hours" in p for p in statements)


def test_no_statement_names_its_source_only_as_the_official():
    text = ("A senior military source in Portville said rebels attacked the town at dawn.\n\n"
            '"We drove the attackers back and several of them died," the official '
            "said.")
    statements = [q.prompt for q in generate(text) if q.type == "verdict"]
    assert not any("The official said" in p for p in statements)


def test_a_prompt_never_holds_its_own_speaker_as_a_pronoun():
    text = ("Mine safety chief Kevin Dorr spoke to reporters at the gate on Monday night.\n\n"
            "Early Tuesday he raised the toll to 14.")
    prompts = [q.prompt for q in generate(text) if q.type == "source"]
    assert prompts and not any("he raised" in p for p in prompts), prompts


def test_a_blank_that_sums_give_away_is_not_asked():
    text = ("Of the 31 people killed in the fires, 17 were found in Harlow, eight in Easton, "
            "four in Marsh and two in Ryde, according to the fire service.")
    blanks = [q.answer for q in generate(text) if q.type == "figure"
              and "closed-book" in q.tags]
    assert not {"17", "31", "eight", "four", "two"} & set(blanks), blanks


def test_no_open_prompt_for_other_things_or_a_phrase_left_hanging():
    text = ("Rescuers found 12 bodies in the mine on Monday, officials said.\n\n"
            "They said 22 other bodies were still inside.")
    prompts = [q.prompt for q in generate(text) if q.type == "figure"]
    assert not any("how many other" in p.lower() for p in prompts)
    assert figure_prompt("a record earlier set by only four other riders", "four",
                         "other riders", "the article", False) is None
    assert figure_prompt("the turnout of 71.2% beat the old record of 69.8% in 1962",
                         "69.8%", "record", "the article", False) is None


def test_a_change_on_the_year_keeps_its_scope_in_the_prompt():
    text = ("The shares have climbed by more than 40 per cent from a year earlier, the company "
            "said on Monday.")
    prompts = [q.prompt for q in generate(text) if q.type == "figure"]
    assert any(p.endswith("climbed from a year earlier?") for p in prompts), prompts


def test_a_denial_is_asked_as_a_denial_and_never_turned_into_a_claim():
    text = ("Defence spokesman Omar Reyes told reporters that special forces raided a compound "
            "in the valley.\n\nBut he denied that aircraft had bombed the village.")
    found = generate(text)
    sources = [q.prompt for q in found if q.type == "source" and "aircraft" in q.prompt]
    assert sources and all(p.startswith("Who denied that aircraft") for p in sources)
    assert not any("aircraft had bombed" in q.prompt and q.type in ("verdict", "attribution")
                   for q in found)


def test_a_thing_expected_is_no_clause_after_the_claim_that():
    text = ("Analysts polled by the wire expected about 85,000 new jobs and a jobless rate of "
            "5.1 percent, before the figures came out on Friday.")
    prompts = [q.prompt for q in generate(text) if q.type in ("source", "attribution")]
    assert prompts and not any("the claim that about 85,000" in p for p in prompts)


def test_a_toll_its_source_calls_false_is_not_its_toll():
    first = ("At least 38 people have died in the Portville storm, village heads told "
             "reporters on Tuesday.")
    second = ("The ruling council said on Wednesday that unofficial counts of more than 350 dead "
              "in the Portville storm are false.")
    asked = [q for q in generate(first, second, titles=("Portville storm toll rises to 41",
                                                        "Portville storm toll disputed"))
             if q.type == "discrepancy"]
    assert not any("350" in q.answer or any("350" in c for c in q.choices or ())
                   for q in asked)


def test_a_company_name_s_generic_last_word_is_no_fair_answer():
    from quizapp.core.banks.model import Evidence, Question
    from quizapp.core.questions.consistency import fair_variants
    q = Question("q", "source", "Who announced the cuts?", "Norvale Systems",
                 ["Systems", "Norvale"], None, [Evidence("a", 0, 30)], "", ["source"], 0.5)
    assert fair_variants(q, "Norvale Systems announced the cuts.") == ["Norvale"]


def test_one_of_two_dates_joined_is_not_asked_alone():
    text = ("Fire chief Dana Berg said most of the barns were lost on Aug. 3 and Aug. 4, soon "
            "after the blaze spread across the hills.")
    assert not [q for q in generate(text) if q.type == "date" and q.answer.endswith("Aug. 3")]


def test_a_supported_statement_never_copies_its_sentence_word_for_word():
    text = ("The ferry was carrying 212 passengers when it ran aground near the harbour mouth.\n\n"
            "Turnout increased by 4 per cent to 61 per cent, the electoral board said.")
    verdicts = [q for q in generate(text) if q.type == "verdict" and q.answer == "Supported"]
    assert not [q for q in verdicts if "carrying 212 passengers when it ran aground" in q.prompt
                and "the harbour mouth.\"" in q.prompt]
    assert any("rose by 4% to more than 60%" in q.prompt for q in verdicts)  # read, reworded


def test_no_statement_names_its_source_by_an_age():
    text = ("Former ferry captain Ivo Brandt has been jailed for two years over the crash that "
            'killed 14 people.\n\n"I am sorry for what I have done," the 64-year-old said.')
    statements = [q.prompt for q in generate(text) if q.type == "verdict"]
    assert not any("The 64-year-old said" in p for p in statements)


def test_an_admitted_deed_is_no_report_of_its_speaker():
    text = ("Ivo Brandt, the ferry's former captain, admitted falsifying 12 safety logs over "
            "three years.\n\nHe was jailed on Friday.")
    assert not [q for q in generate(text) if q.type == "source" and q.answer.endswith("Brandt")]


def test_footage_shared_by_a_team_is_the_team_s():
    text = ("Footage shared by the mountain rescue team showed 14 people being lifted from the "
            "water.\n\n"
            "The search went on into the night, officials said.")
    keys = [q.answer for q in generate(text) if q.type == "source" and "lifted" in q.prompt]
    assert keys and all("Footage" not in k for k in keys)


def test_one_word_of_a_title_cut_from_its_owner_is_left_out_of_the_key():
    text = ("The strikers cheered the arrival of the Dockers' Union leader Mara Quist.\n\n"
            '"We will not go back until the deal is fair," Quist said on Friday.')
    keys = {q.answer for q in generate(text) if q.type == "source"}
    assert "leader Mara Quist" not in keys and keys & {"Mara Quist", "Quist",
                                                       "Dockers' Union leader Mara Quist"}


def test_a_toll_raised_by_one_more_is_no_blank():
    text = ("Figures from the port authority suggest 40 ferries were inspected last year.\n\n"
            "At first the toll given by the police was 31, but the head of the rescue team Ana "
            "Lind said one more victim was recovered, bringing the total to 32.")
    assert not [q for q in generate(text) if q.type == "figure" and q.answer in ("31", "32")
                and "___" in q.prompt]


def test_a_count_added_to_another_is_not_asked_as_the_whole():
    text = ("Under the budget plan, 300 council staff would be let go in addition to 150 posts "
            "cut earlier, and staff would be asked to take 12 unpaid days.")
    prompts = [q.prompt for q in generate(text) if q.type == "figure" and q.answer == "300"]
    assert prompts and all("___" in p for p in prompts)


def test_a_blank_never_asks_for_a_document_named_by_its_kind_alone():
    text = ("The study, by the Coastal Trust, examined 40 harbours. It says that in 2021 the "
            "harbours lost around 9,000 jobs, the report says.")
    assert not [q for q in generate(text) if q.type == "source" and "___ says" in q.prompt]


def test_a_size_after_its_measure_is_asked_by_its_adjective():
    text = "The tunnel is 800 metres (2,600ft) long and has 12 exits, the builder said."
    prompts = [q.prompt for q in generate(text) if q.type == "figure" and q.answer.startswith(
        "800")]
    assert any(p.startswith("How long does") for p in prompts)
    assert not figure_prompt("the catch appeared to be over 300", "over 300", "", "the article",
                             False)


def test_a_claim_is_never_named_by_a_phrase_without_its_clause():
    text = ("In the return fire from the border guards, the colonel said, the four raiders were "
            "killed.\n\nThe port is due to reopen on Friday, with analysts forecasting a 20% fall "
            "in trade this month.")
    prompts = [q.prompt for q in generate(text) if q.type in ("source", "attribution")]
    assert not any("the claim that in the return fire" in p or "the claim that a 20% fall" in p
                   for p in prompts)


def test_what_survivors_told_the_authorities_is_theirs():
    text = ("Two men were found alive on the boat, the coast guard said on Saturday.\n\n"
            "The survivors told investigators there were 41 migrants in the dinghy, which left the "
            "coast on the night of May 3.")
    statements = [q.prompt for q in generate(text) if q.type == "verdict"]
    assert not any("investigators there were" in p for p in statements)
    assert any("According to the survivors, there were more than 40" in p for p in statements)


def test_a_blank_that_was_the_whole_subject_is_not_asked():
    text = ("The regulator will set the new price cap on Thursday, officials said.\n\n"
            "Seven in ten are now cutting back on heating, a survey found.")
    assert not [q for q in generate(text) if q.type == "figure" and q.prompt.endswith(
        "“___ are now cutting back on heating, a survey found.”?")]


def test_put_without_a_figure_put_at_is_no_source_and_a_cut_subject_no_claim():
    text = ("Weak metal prices weighed on the index on Tuesday, while a firm pound put more "
            "pressure on exporters.\n\n"
            "More than 120 rallies are planned, up from 90 last month, a rise that union leader "
            "Ada Brook said proved there was \"wider support than ever\".")
    questions = generate(text)
    assert not [q for q in questions if q.type == "attribution" and "more pressure" in q.prompt]
    assert not [q for q in questions if "the claim that proved" in q.prompt]


def test_a_verdict_prompt_never_quotes_a_title_holding_a_figure():
    text = ("Runner Ana Ruiz broke the course record by at least 43 seconds on Sunday, officials "
            "said.")
    verdicts = [q.prompt for q in generate(text, titles=("Ruiz smashes record by 43 seconds",))
                if q.type == "verdict"]
    assert verdicts and not any("43 seconds" in p for p in verdicts)


def test_a_change_of_per_cent_sign_alone_is_still_a_copy():
    text = "Ferry fares were 12 per cent higher than a year earlier."
    assert not [q for q in generate(text) if q.type == "verdict" and q.answer == "Supported"
                and ("12 per cent higher" in q.prompt or "12% higher" in q.prompt)]


def test_a_number_put_at_a_figure_stands_in_the_singular():
    text = ("Earlier, the WHO said 4,000 had died. Yet on Sunday, the cabinet based in the "
            "north of the nation put the number of registered deaths at 3,100.")
    statements = [q.prompt for q in generate(text) if q.type == "verdict"]
    assert not any("deaths stand at" in p for p in statements)
    assert any("deaths stands at" in p for p in statements)


def test_a_bare_head_that_drops_whose_it_is_is_not_accepted():
    text = ('An Ardanian navy spokeswoman confirmed there had been "a strike on a launch site" '
            "near the port.\n\nThe port's mayor said 12 people were hurt.")
    for q in generate(text):
        if q.type == "source" and "spokeswoman" in q.answer:
            assert "spokeswoman" not in q.accept


def test_a_count_of_cases_elsewhere_with_no_deaths_is_no_dispute():
    text = ("The fever has killed 16 people in Ardania, Health Minister Lila Moreno said.\n\n"
            "Across the border, Eastland and Westmark have reported seven cases of the fever, but "
            "no deaths as of yet, regional health officials said Thursday.")
    assert not [q for q in generate(text) if "dispute" in q.tags]


def test_a_plural_possessive_keeps_its_apostrophe_and_a_byline_is_no_part_of_a_sentence():
    from quizapp.core.questions.statements import balance_quotes, strip_lead
    assert balance_quotes("lower than the unions' count of 2mn") == (
        "lower than the unions' count of 2mn")
    assert strip_lead("Harbour Wire | A judge jailed the trader for ten years on Monday.") == (
        "A judge jailed the trader for ten years on Monday.")


def test_no_two_choices_where_one_label_holds_the_other_and_no_toll_as_a_source():
    from quizapp.core.questions.source_choices import not_a_source, subsumed
    assert subsumed("a rebel leader", "rebel leader Ali Hissen")
    assert not subsumed("the army", "a rebel leader")
    assert not_a_source("an official toll") and not_a_source("Theft or burglaries")
    assert not not_a_source("the Office for National Statistics")


def test_an_evidence_question_never_names_a_claim_about_its_own_source():
    from quizapp.core.questions.evidence_names import topic
    label = "the EU Office for Flood Relief"
    assert topic("the EU agency attributed the figures to the Red Cross", "", label, []) is None
    assert topic("the new harbour walls were finished in May", "", label, []) is not None


def test_a_person_the_article_introduces_with_a_keeps_the_article_in_a_statement():
    found = generate("An Estonian fisherman named Tarmo told the coastguard that 14 boats had "
                     "sunk in the storm.\n\nHarbour master Ines Varga said 30 boats were damaged.")
    labels = [q.prompt for q in found if q.type == "verdict" and "Tarmo" in q.prompt]
    assert labels and all("n Estonian fisherman named Tarmo" in p for p in labels), labels


def test_a_lede_opening_word_in_capitals_is_written_as_a_first_word():
    text = ("THE toll from the storm in Valdor rose to 42 on Monday, the regional fire "
            "service said.\n\nNHS staff treated 12 people at the scene, the hospital said.")
    prompts = [q.prompt for q in generate(text)]
    assert prompts and not [p for p in prompts if "THE toll" in p], prompts
    assert any("the toll from the storm" in p for p in prompts), prompts
    assert not [p for p in prompts if "Nhs staff" in p], prompts  # an acronym stays


def test_a_body_told_a_story_is_no_outlet_and_its_acronym_is_accepted():
    from quizapp.core.scoring import score_answer
    found = generate("A Sudanese farmer named Idris told the World Relief Agency (WRA) that his "
                     "brother and two cousins had drowned off the coast.\n\nThe coastguard "
                     "said 40 people were rescued.")
    told = [q for q in found if q.type == "source" and "told ___" in q.prompt]
    assert told, [q.prompt for q in found]
    assert all("outlet" not in q.prompt for q in told)
    assert all(score_answer(q, "WRA").correct for q in told)
    found = generate("A fisherman named Tarmo told Reuters that his brother had drowned off the "
                     "coast.\n\nThe coastguard said 40 people were rescued.")
    assert [q for q in found if q.type == "source" and "the outlet left out" in q.prompt], [
        q.prompt for q in found]


def test_a_threshold_of_a_general_rule_is_never_flipped_or_swapped():
    found = generate("Climate scientists at the Nordhavn Institute have warned that a gain above "
                     "3 degrees would bring severe floods, heatwaves and crop failures.\n\nThe "
                     "institute said sea levels rose 9 centimetres in 20 years.")
    verdicts = [q.prompt for q in found if q.type == "verdict"]
    assert not [p for p in verdicts if "gain below 3" in p or "gain above" in p and "3 " not in p]


def test_a_year_used_as_a_name_is_never_swapped_for_a_day():
    found = generate("Many dock workers say the port must pay better to make up for the pay cuts "
                     "after the 2011 strike, when both terminals closed.\n\nThe union said on "
                     "14 September that 2,000 members would walk out.")
    verdicts = [q.prompt for q in found if q.type == "verdict"]
    assert not [p for p in verdicts if "after 14 September strike" in p], verdicts


def test_a_statement_drops_a_connective_set_inside_its_clause_and_a_fall_is_not_bounded():
    found = generate("Support for the Greens meanwhile has dropped to 17 per cent of current vote "
                     "intention, the latest Norvell poll found.\n\nThe poll of 1,600 adults was "
                     "taken on Monday.")
    verdicts = [q.prompt for q in found if q.type == "verdict"]
    assert not [p for p in verdicts if "meanwhile" in p], verdicts
    assert not [p for p in verdicts if "dropped to more than" in p], verdicts


def test_a_claim_named_in_a_prompt_loses_a_time_counted_from_the_sentence_before():
    found = generate("Police said three men were arrested at the harbour on Friday.\n\nSeveral "
                     "hours later, officers seized 40 kilograms of cocaine from a boat moored at "
                     "the pier.")
    prompts = [q.prompt for q in found if "seized" in q.prompt]
    assert prompts and not [p for p in prompts if "hours later" in p], prompts


def test_a_change_restated_in_per_cent_is_accepted_beside_its_points():
    from quizapp.core.scoring import score_answer
    found = generate("The Lindmark index closed down 92.40, or 1.8%, at 5,120.66 on Monday, "
                     "traders said.\n\nVolumes were thin.")
    asked = [q for q in found if q.type == "figure" and q.answer == "92.40"]
    assert asked, [(q.prompt, q.answer) for q in found]
    for q in asked:
        if q.prompt.startswith("Which figure completes"):
            continue
        assert score_answer(q, "1.8%").correct and not score_answer(q, "2.8%").correct


def test_a_person_after_a_body_s_words_is_asked_by_name_with_the_body_left_in_the_sentence():
    found = generate("At first, the toll given by the police was 12, but the leader of the coastal "
                     "search and rescue team Anna Lindqvist said a further body was recovered, "
                     "bringing the count to 13.\n\n"
                     '"Divers are still searching the lake," Ms Lindqvist told reporters.')
    asked = [q for q in found if q.type == "source" and "Lindqvist" in q.answer]
    assert asked, [(q.prompt, q.answer) for q in found]
    assert all(q.answer == "Anna Lindqvist" for q in asked), [q.answer for q in asked]
    assert all("team ___" in q.prompt for q in asked if "___" in q.prompt)


def test_a_count_after_a_condition_is_never_asked_with_the_condition_as_its_subject():
    found = generate("Talks failed on Friday.\n\nIf the walkout is extended to all counties, up "
                     "to 9,000 clinics will be affected by the closures.")
    assert not [q.prompt for q in found if "say if the walkout" in q.prompt]


def test_he_after_police_had_warned_is_the_minister_named_before():
    from quizapp.core.claims.extract import extract_claims
    text = ('Interior Minister Karl Ostrander said 457 people were arrested.\n\nPolice had warned '
            "that rioters would join the march.\n\nOstrander, a hardliner, dismissed calls to drop "
            'the reform.\n\n"We will not drop this reform over one night of riots," he said.')
    said = [c for c in extract_claims(text) if "one night" in c.text][0]
    assert said.attribution.speaker.name == "Karl Ostrander"


def test_a_dateline_with_its_date_and_agency_is_never_part_of_a_prompt():
    found = generate("OSLO, May 10, 2024 -- The toll from the storm could rise to 40, the fire "
                     "service told the minister.\n\nBergen, May 10, (dpa/NTB) – More than 200 "
                     "homes lost power, the grid operator reported on Monday.")
    prompts = [q.prompt for q in found]
    assert prompts and not [p for p in prompts if "May 10" in p], prompts


def test_a_signed_change_is_never_bounded_and_a_cut_leaves_no_dash():
    found = generate("Prices rose fastest in Avonford, +17.9%, Deeside, +13.4% and Marlow, "
                     "+11.9%, the Homes Index report said.\n\nThe ministry said the levy would "
                     "apply to 106 products in 14 groups – but the start date is not yet set.")
    verdicts = [q.prompt for q in found if q.type == "verdict"]
    assert not [p for p in verdicts if "+more" in p or "+fewer" in p], verdicts
    assert not [p for p in verdicts if "–." in p or "– ." in p], verdicts


def test_the_data_after_a_body_s_report_is_that_body_s_and_never_its_distractor():
    from quizapp.core.scoring import score_answer
    found = generate("According to a new report from Telvant, Orca overtook Pelion as the top "
                     "phone maker in the last quarter.\n\nThe data also shows that phone "
                     "shipments fell 6.3 percent compared with the same quarter a year earlier.\n\n"
                     "Pelion chief Ana Ruiz said sales would recover.\n\nAn earlier report from "
                     "Marklin said 29 million units were sold.")
    asked = [q for q in found if q.type == "source" and "6.3 percent" in q.prompt]
    assert asked, [q.prompt for q in found]
    for q in asked:
        assert score_answer(q, "Telvant").correct
        assert "Telvant" not in (q.choices or ())
        assert not q.prompt.rstrip("?").rstrip(" …").endswith(("to", "compared"))


def test_another_report_is_a_vague_source_and_a_paper_keeps_its_the():
    from quizapp.core.claims.extract import extract_claims
    text = ("Riot police charged marchers in the city and 60 people were detained, the Herald "
            "reported.\n\nAnother report said 21 marchers were held in the city.")
    claim = [c for c in extract_claims(text) if "Another" in c.text][0]
    assert claim.attribution.strength == "vague"
    from quizapp.core.questions.verdicts import mid_label
    article = "A survey run by the council and the Guardian reveals: 40 schools shut."
    assert mid_label("Guardian", article) == "the Guardian"
    assert mid_label("Smith", "the Smith family said 4 rooms flooded.") == "Smith"



def test_final_review_faults_hyphenated_billions_deadlines_closing_levels_and_days():
    from quizapp.core.claims.figures import extract_figures
    from quizapp.core.questions.phrasing import figure_variants
    figure = extract_figures("The fund was worth about 3-billion euros.")[0]
    assert "3 billion" in figure_variants(figure)
    found = generate("Lawyers said the firm must repay the $41 million within 15 days, the court "
                     "heard.\n\nShares of the firm closed the day down 25 cents at $139, traders "
                     "said.\n\nThe number of cases has risen above 12,000, the health agency "
                     "said.\n\nBefore last Sunday's vote, the party held only 12 seats, the "
                     "election board said.")
    verdicts = [q.prompt for q in found if q.type == "verdict"]
    assert not [p for p in verdicts if "within more than" in p or "at more than $" in p
                or "risen below" in p], verdicts
    from quizapp.core.scoring import score_answer
    days = [q for q in found if q.type == "date" and q.answer == "last Sunday"]
    assert all(score_answer(q, "Sunday").correct for q in days)


def test_the_official_said_after_a_described_source_accepts_the_first_description():
    from quizapp.core.scoring import score_answer
    found = generate("A senior army source in Portville told reporters that rebels attacked the "
                     "base twice on Sunday.\n\n"
                     '"Our troops drove back both attacks and nine rebels died," the official '
                     "said.")
    asked = [q for q in found if q.type == "source" and "drove back" in q.prompt]
    assert asked, [q.prompt for q in found]
    assert all(score_answer(q, "a senior army source").correct for q in asked if not q.choices)
    assert all("A senior army source in Portville" in q.accept for q in asked if not q.choices)


def test_the_telco_after_a_one_word_company_accepts_the_company_and_never_offers_it():
    from quizapp.core.scoring import score_answer
    found = generate("Telvora began emailing customers hit by the breach on Friday.\n\n"
                     "Telvora also told customers why the news broke before its own emails.\n\n"
                     '"We chose the fastest way to warn 9 million of you," the telco wrote.\n\n'
                     "Chief executive Ana Ruiz said 2.1 million licence numbers were taken.\n\n"
                     "Police said 14 arrests had been made.")
    asked = [q for q in found if q.type == "source" and "fastest way" in q.prompt]
    assert asked, [q.prompt for q in found]
    for q in asked:
        assert "Telvora" not in (q.choices or ())
        if not q.choices:
            assert score_answer(q, "Telvora").correct


def test_what_a_source_says_is_a_noun_phrase_is_no_source_of_the_sentence():
    text = ("Facing what union leaders say is the worst strike in a decade, the board met for "
            "nine hours before approving the deal on Friday.")
    for q in generate(text):
        assert "union leaders" not in q.prompt.split("“")[0], q.prompt  # (a quoted sentence
        assert q.answer.lower() not in ("union leaders", "a named or described source"), q.prompt
        # may hold them, as the article writes it)


def test_a_prompt_keeps_no_also_and_never_asks_how_many_others():
    text = ("At least 12 people died and 30 others were injured after a lorry hit a market "
            "stall, a police spokesman said.\n\nMore than 40 homes were also damaged when the "
            "river burst its banks on Sunday, council officials said.")
    prompts = [q.prompt for q in generate(text) if q.type == "figure"]
    assert prompts and not any(" also " in p or "how many others" in p for p in prompts), prompts


def test_a_year_after_at_least_is_neither_a_count_nor_flipped():
    text = "Rents rose at the fastest rate since at least 1994, the letting agency said on Monday."
    questions = generate(text)
    assert not any("fewer than 1994" in q.prompt for q in questions)
    assert not any("no fewer than 1994" in q.accept for q in questions)


def test_a_person_named_after_a_body_s_words_is_asked_by_name():
    text = ("A ferry sank off the coast on Monday, killing at least 31 people, a coast guard "
            "officer said.\n\nAt first the toll given by the police was 31, but the head of the "
            "rescue team Ana Lind said one more victim was recovered, bringing the total to 32.")
    prompts = [q.prompt for q in generate(text)]
    assert any("Ana Lind" in p for p in prompts)
    assert not any("rescue team Ana Lind" in p.split("“")[0].split('"')[0] for p in prompts), [
        p for p in prompts if "rescue team Ana Lind" in p]


def test_a_sentence_opened_by_this_is_blanked_with_the_sentence_before():
    text = ("The port's deficit rose to $76 million from $59 million, the harbour board said.\n\n"
            "This will mostly affect borrowing, which the board expects to rise to $40.6 million "
            "from an earlier $26.3 million.")
    blanks = [q for q in generate(text) if q.type == "figure" and q.answer == "$40.6 million"]
    assert blanks and "passage" in blanks[0].prompt and "$76 million" in blanks[0].prompt, [
        q.prompt for q in generate(text) if q.type == "figure"]


def test_a_range_around_a_conversion_is_never_blanked():
    text = ("Lena Ortiz saw sales reaching $2.1 billion (€1.9 billion) to $2.3 billion (€2.1 "
            "billion) in the first quarter, the chief executive said.")
    for q in generate(text):
        if q.type == "figure" and "___" in q.prompt:
            assert "(" not in q.answer and q.answer not in ("€1.9 billion",), q.prompt


def test_a_sentence_opened_by_total_and_a_number_reads_as_a_total_of():
    text = ("According to the help line, as many as 140 travellers were on the train. Total 14 "
            "travellers were in coach B1, 9 in B2 and 11 in B3.")
    prompts = [q.prompt for q in generate(text)]
    assert not any("that total 14" in p for p in prompts), prompts


def test_a_phrase_opened_by_among_is_no_source():
    text = ("The vote was marred by ballot stuffing by Vale supporters, among other alleged "
            "abuses, and 40 polling stations closed early.")
    assert not any(q.answer.lower().startswith("among") for q in generate(text))


def test_those_one_rescuer_pulled_out_are_no_rival_count_of_the_injured():
    text = ("At least 1,800 people were injured in the quake, the state news agency said.\n\n"
            "Volunteer Ma Lin said he had helped carry out at least 40 wounded people from "
            "flattened homes.")
    assert not [q for q in generate(text) if q.type == "discrepancy"]


def test_a_quotation_opening_a_sentence_holds_no_subject_for_adding():
    text = ("Sprinter Jon Abara set a world record on Sunday.\n\n"
            '"I knew I was ready," the sprinter said after the race, adding that he had trained '
            "for 40 weeks.")
    keys = [q.answer for q in generate(text) if q.type == "source"]
    assert keys and not any(k.startswith("I ") for k in keys), keys


def test_a_described_source_accepts_the_one_person_named_with_its_role():
    text = ("Fighting left 19 dead across the valley, a militia commander said on Tuesday.\n\n"
            '"There were 11 deaths among their fighters," militia commander Ivo Marek said.')
    asked = [q for q in generate(text) if q.type == "source" and q.answer == "a militia commander"]
    assert asked and {"Ivo Marek", "Marek"} <= set(asked[0].accept), [q.accept for q in asked]


def test_review_26_faults_pollster_place_opener_mixed_marks_two_trains_and_tallies():
    from quizapp.core.scoring import score_answer
    poll = ("The latest Ipsos/Herald voting intention poll shows the Greens on 14% of the vote, "
            "up two points.\n\nElsewhere, the Liberals have dropped to 9% of vote intention, and "
            "the Centre Party is on 6%.")
    sourced = [q for q in generate(poll) if q.type == "source" and "Liberals" in q.prompt]
    assert sourced and all(score_answer(q, "Ipsos").correct for q in sourced)
    place = ("Group profits rose 2 per cent to €900 million.\n\nIn Spain, where the unit has "
             "been cutting costs, pre-tax profits fell 9 per cent to €71 million.")
    asked = [q.prompt for q in generate(place) if q.type == "figure" and q.answer == "9 per cent"]
    assert asked and all("Spain" in p for p in asked), asked
    marks = 'Red Cross official Ana Ruiz said on Sunday that the search in Vado was "better” now.'
    for q in generate(marks):
        assert '"better" now' in q.prompt or "better" not in q.prompt, q.prompt
    trains = ("In May, the country had its worst rail disaster in years, a crash involving two "
              "freight trains that left 40 dead and 100 hurt, officials said.")
    assert not [q for q in generate(trains) if q.type == "figure" and q.answer == "two"]
    tally = ("The help line said 9 riders were in C1, 11 in C2, 14 in C4, 20 in C5 and 8 in "
             "C6.")
    assert not [q.prompt for q in generate(tally) if q.type == "verdict" and q.answer ==
                "Supported"]


def test_a_figure_after_a_comparative_is_never_swapped_in_a_verdict():
    text = ("A 7.1-magnitude quake struck on Saturday, the geological survey said.\n\nThe quake "
            "hit about an hour after a smaller 4.2-magnitude tremor shook the coast, "
            "the geological survey said.")
    for q in generate(text):
        if q.type == "verdict":
            assert "smaller 7.1" not in q.prompt, q.prompt


def test_review_25_faults_object_before_a_subject_memo_tail_and_a_figure_for_a_name():
    text = ("Valdor Motors will cut \"just over 9,000 roles\" at the company, chief executive Ana "
            "Holm wrote in a memo to staff Wednesday, well more than analysts had expected.\n\n"
            "The cuts represent about 6% of the 150,000 permanent employees the group "
            "counted as of June 30.\n\nAt the time, the Daily Ledger reported that Valdor Motors "
            "was cutting about 5,000 jobs.")
    found = generate(text)
    for q in found:
        shown = " ".join([q.prompt, q.answer, *(q.choices or [])])
        assert "employees the group" not in q.answer and "claim that memo" not in q.prompt, shown
        assert not q.prompt.endswith("give for Valdor Motors?"), q.prompt
    assert any(q.type == "source" and "Holm" in q.answer and "9,000" in q.prompt for q in found)


def test_another_body_is_written_in_lower_case_mid_sentence():
    text = ("The disaster agency said 40 people died.\n\nAnother Valdorian government agency said "
            "52 people had died.")
    for q in generate(text):
        assert "Another Valdorian" not in q.prompt.split("“")[0].split('"')[0][1:], q.prompt
        assert "According to Another" not in q.prompt and "does Another" not in q.prompt


def test_a_hedged_past_reads_as_a_past_in_an_attribution_prompt():
    text = "The fire is thought to have started in the kitchen of the hotel on the third floor."
    prompts = [q.prompt for q in generate(text) if q.type == "attribution"]
    assert prompts and all("has started" not in p for p in prompts), prompts


def test_a_second_clause_with_its_own_subject_is_not_the_sources_claim():
    text = ("The company said profits rose 5% to $2 billion on strong sales in Asia, and its "
            "shares jumped 3% in early trading.")
    for q in generate(text):
        if q.type in ("source", "attribution", "verdict") and "___" not in q.prompt:
            assert "shares jumped" not in q.prompt, q.prompt


def test_a_date_prompt_never_opens_its_clause_with_if():
    text = ("If neither candidate wins a majority, a run-off will be held in June.\n\nThe run-off "
            "will be held on June 9, officials said.")
    for q in generate(text):
        assert not q.prompt.startswith("When does the article say if"), q.prompt


def test_figures_compared_with_another_time_are_never_asked_whose_they_are():
    text = ("The latest Ipsos poll shows the Greens on 24% of the vote, up four points.\n\nThese "
            "figures are higher than in the winter, when the party stood at 12% to 15%.")
    for q in generate(text):
        assert not q.prompt.startswith("Whose figures") or "winter" not in q.prompt, q.prompt


def test_a_writers_opening_link_is_no_part_of_a_claim():
    text = ("The ministry said 40% of nurses joined the strike.\n\nIn detail, 42% of teachers "
            "walked out and 35% of doctors stayed home, according to data from the ministry.")
    for q in generate(text):
        assert "claim that in detail" not in q.prompt.lower(), q.prompt


def test_a_business_described_after_the_sentence_it_opens_is_accepted_by_name():
    from quizapp.core.scoring import score_answer
    found = generate("Brenmark Motors will cut 3,500 jobs as demand for its vans falls.\n\n"
                     "The carmaker said the cuts would fall mostly on two plants in the south.\n\n"
                     "Union leaders said 400 workers would walk out on Monday.")
    asked = [q for q in found if q.type == "source" and "two plants" in (q.prompt + str(
        q.choices))]
    assert asked, [q.prompt for q in found]
    for q in asked:
        assert "Brenmark Motors" not in (q.choices or ())
        if not q.choices:
            assert score_answer(q, "Brenmark Motors").correct
            assert score_answer(q, "the carmaker").correct
            assert not score_answer(q, "union leaders").correct


def test_what_a_source_expects_something_to_do_is_asked_as_a_clause():
    found = generate("Economists at the bank expect the central bank to cut rates twice this "
                     "year.\n\nAnalysts expected profits at the lender to rise 10% next year.")
    prompts = [q.prompt for q in found if "claim that" in q.prompt]
    assert any("the central bank will cut rates twice" in p for p in prompts), prompts
    assert any("profits at the lender would rise 10%" in p for p in prompts), prompts
    assert not any(" to cut rates" in p or " to rise" in p for p in prompts), prompts


def test_a_company_and_a_union_whose_name_opens_with_the_company_stay_apart():
    from quizapp.core.scoring import score_answer
    found = generate("A union for Brewly baristas said 4,000 workers would walk out on Friday.\n\n"
                     "Brewly, which runs 6,000 cafes, said 97% of its cafes would stay open.\n\n"
                     "The union said that more than 250 cafes were shut on Friday morning.\n\n"
                     "The Brewly Baristas United Workers Union said the strike would last a week."
                     "\n\nBrewly previously said that union negotiators had walked out of talks.")
    for q in found:
        if q.type != "source" or q.choices:
            continue
        if "walked out of talks" in q.prompt:
            assert q.answer == "Brewly" and score_answer(q, "Brewly").correct, q
        if "250 cafes" in q.prompt:
            assert not score_answer(q, "Brewly").correct, q
    assert any("walked out of talks" in q.prompt for q in found), [q.prompt for q in found]


def test_a_figure_in_a_sentence_with_a_dotted_capital_i_is_asked():
    from quizapp.core.scoring import score_answer
    found = generate("The İzmir Chamber of Industry (İSO) published data for the province, "
                     "noting that factory prices rose by 3.17% in May, taking the annual rate "
                     "to 58.40% in the region.")
    answers = [q.answer for q in found if q.type == "figure"]
    assert "3.17%" in answers or "58.40%" in answers, [q.prompt for q in found]
    asked = [q for q in found if q.type == "source" and not q.choices]
    assert asked and all(score_answer(q, "Izmir Chamber of Industry").correct for q in asked)


def test_a_body_whose_count_opens_its_own_words_is_it_in_the_prompt():
    found = generate("The National Confederation of Dockers (NCD), one of the main unions, "
                     "called the strike a success.\n\nThe NCD counted 300,000 participants in the "
                     "capital, while the police reduced them to 41,000 attendees.")
    prompts = [q.prompt for q in found]
    assert any("does the NCD say it counted" in p for p in prompts), prompts
