"""Figure questions on news prose: ranges asked whole, pronoun sentences quoted with their
context, the second figure of a sentence, and keys that are spans of the evidence."""

import re

from quizapp.core.banks.model import Source
from quizapp.core.questions import check_integrity, generate_questions
from quizapp.core.questions.statements import dangling
from quizapp.core.scoring import score_answer

ARTICLE = Source(
    id="p", title="Port strike", date="2025-04-02", text=(
        "Port strike enters second week\n\n"
        "The dockers' union said between 3,000 and 5,000 workers had joined the walkout.\n\n"
        "The Harbour Board published its own count on Tuesday. It said 2,400 workers stayed "
        "away and 38 ships waited offshore.\n\n"
        "Analysts expect the dispute to cost the region 10 to 12 weeks of trade.\n"
    ),
)


def figure_questions():
    questions = generate_questions([ARTICLE])
    for q in questions:
        assert check_integrity(q, [ARTICLE]) == []
    return [q for q in questions if q.type == "figure"]


def evidence_of(q) -> str:
    return " ".join(ARTICLE.text[e.start : e.end] for e in q.evidence)


def test_a_range_is_asked_whole_and_one_end_is_not_enough():
    (q,) = [q for q in figure_questions() if q.answer == "between 3,000 and 5,000"]
    ev = evidence_of(q)
    assert score_answer(q, "3,000 to 5,000", ev).correct
    assert not score_answer(q, "5,000", ev).correct
    assert not score_answer(q, "3,000", ev).correct


def test_every_figure_of_a_pronoun_sentence_gets_a_question():
    answers = {q.answer for q in figure_questions()}
    assert {"2,400", "38"} <= answers


def test_a_sentence_leaning_on_the_one_before_is_quoted_with_it():
    source = Source(id="c", title="Harbour costs", date="2025-04-03", text=(
        "Harbour costs\n\n"
        "The Harbour Board blamed storms and a shortage of pilots for the delays.\n\n"
        "In the same period, it said, losses could reach 14 per cent.\n"))
    questions = [q for q in generate_questions([source]) if q.answer == "14 per cent"]
    assert questions and all(check_integrity(q, [source]) == [] for q in questions)
    closed = [q for q in questions if "closed-book" in q.tags]
    assert closed and all("shortage of pilots" in q.prompt for q in closed)


def test_figure_answers_are_spans_of_the_evidence():
    for q in figure_questions():
        assert q.answer in evidence_of(q)


def test_those_who_and_those_polled_do_not_dangle():
    assert not dangling("Only 37% of those who voted for the party would do so again")
    assert not dangling("Some 17% of those polled said they would switch")
    assert dangling("Those figures were revised on Monday")


def test_such_as_is_an_example_not_a_pointer():
    assert not dangling("The risk was computed after controlling for things such as income or diet")


def test_a_quoted_context_resolves_there_and_the_number():
    source = Source(id="d", title="Quake", date="2025-05-01", text=(
        "Quake\n\n"
        "A strong earthquake struck the northern province of Varna on Monday night.\n\n"
        "The mayor said up to 900 homes had collapsed there, taking the number of homeless "
        "to 4,000.\n"))
    answers = {q.answer for q in generate_questions([source]) if q.type == "figure"}
    assert {"up to 900", "4,000"} <= answers


def test_a_number_written_twice_is_asked_with_its_counted_noun():
    source = Source(id="e", title="Rescue", date="2025-06-01", text=(
        "Rescue\n\n"
        "The coastguard said 11 men, two women and a two-year-old girl were rescued.\n"))
    questions = [q for q in generate_questions([source]) if q.type == "figure"]
    assert "two women" in {q.answer for q in questions} or any(
        q.answer == "two" and "how many women" in q.prompt for q in questions)  # open book
    for q in questions:
        assert check_integrity(q, [source]) == []


def test_a_clause_that_leans_outside_is_cut_after_the_figure():
    source = Source(id="f", title="Study", date="2025-07-01", text=(
        "Study\n\n"
        "Higher sugar intake raised the risk of gout by 14 per cent over ten years of study, "
        "but the effects on these varied with age.\n"))
    questions = [q for q in generate_questions([source]) if q.answer == "14 per cent"]
    assert questions
    for q in questions:
        assert check_integrity(q, [source]) == []
        assert "these varied" not in q.prompt


def test_a_long_quotation_is_asked_one_sentence_at_a_time():
    source = Source(id="g", title="Bank", date="2025-08-01", text=(
        "Bank\n\n"
        "\"Output for the year is forecast at 5.2 per cent, with the second quarter at 5.2 per "
        "cent and the third at 4.9 per cent. The risks to this outlook are broadly balanced "
        "between a weaker world economy, higher food prices and a volatile monsoon season, "
        "and we will watch them closely in the months ahead. Inflation is now seen at "
        "4.8 per cent for the year,\" governor Maria Lund said.\n"))
    questions = {q.answer: q for q in generate_questions([source]) if q.type == "figure"}
    assert "4.8 per cent" in questions
    prompt = questions["4.8 per cent"].prompt
    assert "4.9 per cent" not in prompt and "Maria Lund" in prompt
    for q in questions.values():
        assert check_integrity(q, [source]) == []


def test_an_open_quotation_is_closed_not_stripped():
    source = Source(id="h", title="Exams", date="2025-08-02", text=(
        "Exams\n\n"
        "Asked about grades, head teacher Ann Ross said: \"I do not think anyone can compare "
        "the exams we sat with the ones they sat 30 years ago.\n"))
    questions = [q for q in generate_questions([source]) if q.type == "figure"]
    assert questions and all(check_integrity(q, [source]) == [] for q in questions)
    assert any("“I do not think" in q.prompt or '"I do not think' in q.prompt for q in questions)


def test_these_before_a_counted_noun_is_resolved():
    from quizapp.core.questions.statements import leans_outside
    assert not leans_outside("nearly 9,000 cases of these 8 illnesses a year are tied")
    assert leans_outside("these were linked to 12,000 cases")


def test_the_articles_own_we_is_its_authors():
    source = Source(id="i", title="Poll", date="2025-09-01", text=(
        "Poll\n\n"
        "Support for the plan has risen to 41%, up from 30% in our survey published in May.\n"))
    answers = {q.answer for q in generate_questions([source]) if q.type == "figure"}
    assert {"41%", "30%"} <= answers


def test_two_of_them_is_asked_with_the_sentence_naming_the_group():
    source = Source(id="j", title="Derailment", date="2025-10-01", text=(
        "Derailment\n\n"
        "All 12 coaches of the night train left the tracks near the river, an official said.\n\n"
        "Two of them tipped over and lay on their sides.\n"))
    questions = [q for q in generate_questions([source]) if q.answer == "Two"]
    assert questions and all(check_integrity(q, [source]) == [] for q in questions)
    assert all("12 coaches" in q.prompt for q in questions)


def test_a_before_and_after_pair_asks_each_end_in_plain_words():
    source = Source(id="l", title="Jobs", date="2025-01-01", text=(
        "Jobs\n\nThe unemployment rate fell to 4.3% from 4.8% in March, the statistics office "
        "said.\n\nThree-quarters of farmers opposed the plan, a survey found.\n"))
    questions = {q.answer: q for q in generate_questions([source]) if q.type == "figure"}
    assert {"4.3%", "4.8%"} <= set(questions)
    assert "fell to from" not in questions["4.8%"].prompt
    ev = " ".join(source.text[e.start : e.end] for e in questions["4.8%"].evidence)
    assert not score_answer(questions["4.8%"], "4.3%", ev).correct


def test_a_level_passed_is_not_asked_as_the_size_of_a_change():
    from quizapp.core.questions.asking import figure_prompt

    content = "the number of people treated has risen above 16,000"
    assert figure_prompt(content, "above 16,000", "", "the ministry", False) is None
    change = "the number of people treated has risen 16,000"
    assert figure_prompt(change, "16,000", "", "the ministry", False).startswith("By how much")


def test_a_number_that_stands_twice_is_asked_with_the_words_before_it():
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import check_integrity, generate_questions
    text = ("Outlook\n\n\"Exports for the year are projected at 4.2 per cent with Q3 at 4.2 per "
            "cent and Q4 at 3.9 per cent,\" the governor said.\n")
    source = Source(id="t", title="Outlook", date="2025-04-02", text=text)
    found = generate_questions([source])
    assert [(q.id, p) for q in found for p in check_integrity(q, [source])] == []
    answers = {q.answer for q in found if q.type == "figure"}
    assert "Q3 at 4.2 per cent" in answers or any(
        q.answer == "4.2 per cent" and q.prompt.endswith(" in Q3?") for q in found)  # open book


def test_zero_in_words_is_asked_and_a_plural_acronym_takes_a_plural_verb():
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import check_integrity, generate_questions
    text = ("Bills\n\nThe council could cut parking charges to zero, as has been demanded "
            "by many MPs.\n")
    source = Source(id="z", title="Bills", date="2025-04-02", text=text)
    found = generate_questions([source])
    assert [(q.id, p) for q in found for p in check_integrity(q, [source])] == []
    asked = [q for q in found if q.type == "figure" and q.answer == "zero"]
    assert asked and all(" does many MPs" not in q.prompt for q in asked)


def test_a_figure_prompt_never_names_a_place_and_a_pronoun_as_what_it_measures():
    from quizapp.core.questions.asking import figure_prompt

    content = "In Halden a bridge stood, while in Marsk it was built – almost two miles long"
    assert figure_prompt(content, "almost two miles", "", "the article", False) is None
    rise = "officials reported a 12% increase in cattle killed compared to 2019"
    prompt = figure_prompt(rise, "12%", "", "the agency", False) or ""
    assert "compared does" not in prompt


def test_a_figure_prompt_never_names_a_verb_alone_as_what_it_measures():
    from quizapp.core.questions.asking import _NO_SUBJECT

    assert _NO_SUBJECT.search("has") and _NO_SUBJECT.search("were")
    assert not _NO_SUBJECT.search("the official toll")


def test_a_share_in_brackets_after_a_count_is_asked_too():
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import generate_questions
    text = ("The final count gave the No side 2,001,926 (55.30%) votes and the Yes side "
            "1,617,989 (44.70%) votes, officials said on Friday.")
    answers = {q.answer for q in generate_questions([Source(id="a", title="Vote", text=text)])
               if q.type == "figure"}
    assert {"55.30%", "44.70%"} <= answers


def test_a_standfirst_without_a_stop_is_asked_about():
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import generate_questions
    text = ("Outbreak claims at least 337 lives, the World Health Organization says as the virus "
            "spreads across three countries\n\nHealth workers are struggling to contain it.")
    asked = generate_questions([Source(id="a", title="Outbreak", text=text)])
    assert any(q.type == "figure" and q.answer.endswith("337") for q in asked)


def test_a_blank_told_apart_by_its_verb_lists_the_figure_alone_as_accepted():
    text = ('"Output for the year is forecast at 3.2 per cent with Q2 at 3.2 per cent and Q3 at '
            '2.9 per cent," finance minister Lena Dahl said.')
    found = [q for q in generate_questions([Source(id="s", title="Outlook", text=text)])
             if q.type == "figure" and q.answer.endswith("3.2 per cent")
             and q.answer != "3.2 per cent"]
    assert found, "no blank told apart by its words"
    for q in found:
        assert "3.2 per cent" in q.accept and score_answer(q, "3.2 per cent").correct, q.accept
        # the instructor's review shows every form the scorer takes


def test_no_figure_question_asks_how_many_of_a_pair_met_or_collided():
    text = "In May 2001, two ferries collided off Valdor, killing 41 people, the coastguard said."
    found = [q for q in generate_questions([Source(id="s", title="Ferry crash", text=text)])
             if q.type == "figure"]
    assert found and not [q for q in found if q.answer.lower().startswith("two")], found


def test_a_tag_inside_a_sentence_is_never_cut_out_of_an_open_prompt():
    text = "Ferry crossings, the harbour report said, had however fallen by 14% since 2019."
    found = [q for q in generate_questions([Source(id="s", title="Ferries", text=text)])
             if q.type == "figure"]
    assert found and all("say had" not in q.prompt and "Ferry crossings" in q.prompt
                         for q in found), [q.prompt for q in found]


def _questions_of(body: str, title: str = "News") -> list:
    source = Source(id="n", title=title, date="2025-04-02", text=f"{title}\n\n{body}\n")
    questions = generate_questions([source])
    for q in questions:
        assert check_integrity(q, [source]) == [], q
    return questions


def test_a_described_source_opening_the_sentence_is_lower_case_in_a_put_prompt():
    prompts = [q.prompt for q in _questions_of(
        "Aid groups put the number of displaced at 300,000.") if q.type == "figure"]
    assert "What figure did aid groups put the number of displaced at?" in prompts


def test_a_bound_above_a_thousand_is_written_with_a_comma():
    statements = [q.prompt for q in _questions_of(
        "Health officials said the number of cases stood at 900.") if q.type == "verdict"]
    assert any("2,000" in s or "1,000" in s for s in statements), statements
    assert not any("2000" in s or "1000" in s for s in statements)


def test_a_broadcaster_whose_name_holds_a_number_is_the_outlet_told():
    questions = _questions_of("The coach told Channel 4 News the club lost $5 million.\n\nThe "
                              "minister told broadcaster La 1 that 200 soldiers would be sent.")
    keys = {q.answer for q in questions if q.type == "source"}
    assert {"Channel 4 News", "broadcaster La 1"} <= keys, keys
    assert not any("that 4 News" in q.prompt or q.answer == "4" for q in questions)


def test_over_before_a_period_spans_it_and_is_no_bound():
    questions = _questions_of("Food prices rose by 12% over five years, the statistics office "
                              "said.\n\nHe was jailed for over six years, the court said.")
    keys = {q.answer for q in questions if q.type == "figure"}
    assert "over five" not in keys and "12%" in keys, keys
    from quizapp.core.claims.figures import extract_figures
    (jailed,) = [f for f in extract_figures("He was jailed for over six years, the court said.")
                 if f.value == 6]
    assert jailed.qualifier_text == "over"


def test_media_give_a_figure_in_the_plural():
    prompts = [q.prompt for q in _questions_of(
        "Twelve people were killed in the storm, the disaster agency said, while local media "
        "put the toll at 15.") if q.type == "discrepancy"]
    assert prompts and all("do local media give" in p for p in prompts), prompts


def test_a_length_written_before_its_noun_is_a_figure():
    questions = _questions_of("Prosecutors had sought a 12-year sentence, the court heard.\n\n"
                              "The club said the striker signed a five-year deal.\n\nThe "
                              "30-year-old striker scored twice.")
    keys = {q.answer for q in questions if q.type == "figure"}
    assert {"12-year", "five-year"} <= keys, keys
    assert not any("30" in k for k in keys), keys
    (q,) = [q for q in questions if q.type == "figure" and q.answer == "12-year"]
    assert score_answer(q, "12 years", "Prosecutors had sought a 12-year sentence").correct


def test_a_share_or_a_sum_is_less_than_never_fewer_than():
    statements = [q.prompt for q in _questions_of(
        "Over 40% of voters backed the plan, the poll found.") if q.type == "verdict"]
    assert statements and not any("fewer than 40" in s for s in statements), statements


def test_a_figure_in_a_second_sources_words_is_asked_as_that_sources():
    questions = _questions_of("The ministry said 23 people died, while a rights group said at "
                              "least 41 people had died.")
    for q in questions:
        if q.type == "figure" and q.answer == "at least 41":
            assert "ministry" not in q.prompt, q.prompt
    assert not [q for q in questions if q.type == "figure" and q.answer == "23"
                and q.prompt.startswith("According to a rights group")]


def test_no_open_prompt_repeats_its_source_or_asks_for_a_verb():
    questions = _questions_of("Health authorities in the north reported 1,240 new cases on "
                              "Monday, up from 860 a week earlier, and said hospitals were "
                              "running at 90% capacity.\n\nOne nurse said staff were working "
                              "16-hour shifts.")
    for q in questions:
        if q.type == "figure":
            assert q.prompt.lower().count("health authorities in the north") <= 1, q.prompt
            assert "for said" not in q.prompt and "for staff" not in q.prompt, q.prompt


def test_an_expectation_to_act_is_no_statement_and_a_described_teller_is_lower_case():
    questions = _questions_of("Officials expect to vaccinate 200,000 people by June.\n\nLocal "
                              "doctors told the BBC the real number of infections was likely "
                              "to be much higher.")
    assert not [q for q in questions if q.type == "verdict" and ", to vaccinate" in q.prompt]
    told = [q for q in questions if q.type == "source" and q.answer.endswith("BBC")]
    assert told and all("did local doctors tell" in q.prompt for q in told), told


def test_a_common_noun_before_a_name_is_lower_case_mid_sentence_but_a_place_is_not():
    questions = _questions_of("Grid operator Ukrenergo said 1.5 million households were without "
                              "power.\n\nThe grid was badly damaged.\n\nKarsh resident Ivo Lenz "
                              "said 40 homes burned down.")
    prompts = [q.prompt for q in questions if q.type == "figure"]
    assert any("According to grid operator Ukrenergo" in p for p in prompts), prompts
    assert not any("karsh resident" in p for p in prompts), prompts


def test_a_filing_to_a_body_is_how_it_was_said_and_an_adjective_keeps_its_figure():
    questions = _questions_of("The club said in a filing to the stock market regulator that the "
                              "fee was 85 million euros.\n\nUnited will pay an initial 80 million "
                              "euros, the club said.")
    prompts = [q.prompt for q in questions]
    assert not any("for filing" in p or "that filing" in p for p in prompts), prompts
    assert any("that the fee was 85 million euros" in p for p in prompts), prompts
    assert not any("initial more than" in p for p in prompts), prompts


def test_an_age_closing_a_sentence_is_no_figure_and_state_television_takes_no_article():
    questions = _questions_of("Sixty-two people were on board, the aviation authority said. "
                              "Earlier, state television had reported that 71 people were on "
                              "board.\n\n\"We saw smoke,\" said farmer Ali Demir, 54.")
    assert not [q for q in questions if q.type == "figure" and q.answer == "54"]
    assert not [q for q in questions if "the state television" in q.prompt]


def test_a_document_written_with_its_is_named_as_the_document():
    questions = _questions_of("The bank employs 62,000 people, according to its annual report.")
    assert questions and not any(" its annual report" in q.prompt or q.answer ==
                                 "its annual report" for q in questions)


def test_a_blank_in_one_sentence_of_a_quotation_keys_the_figure_without_its_verb():
    text = ('"Output for the year is forecast at 3.2 per cent, with Q2 at 3.4 per cent, Q3 at 3.1 '
            'per cent and Q4 at 2.9 per cent, and the risks on both sides are broadly balanced '
            'for now. Prices for the first quarter of next year are forecast at 2.9 per cent," '
            'finance minister Lena Dahl added.')
    found = [q for q in generate_questions([Source(id="s", title="Outlook", text=text)])
             if q.type == "figure" and "first quarter of next year are" in q.prompt
             and "Output" not in q.prompt]
    assert found, "no blank in the quotation's last sentence"
    for q in found:
        assert q.answer == "2.9 per cent" and "forecast at ___" in q.prompt, (q.prompt, q.answer)


def test_a_writers_count_of_their_own_points_is_never_a_figure_question():
    text = ("There are two main reasons for the party's gain, the pollster said. Support among "
            "retired voters rose to 41% from 33%, the pollster said.")
    found = [q for q in generate_questions([Source(id="s", title="Poll", text=text)])
             if q.type == "figure"]
    assert found and not [q.prompt for q in found if q.answer in ("two", "2")]


def test_a_conversion_in_brackets_a_web_note_and_a_doubled_word_never_reach_a_prompt():
    text = ("Storm\n\nThe storm travelled 320 kilometres (199 miles) inland before it weakened, "
            "the weather office said.\n\nThe the agency said 40 people had died (see below).\n")
    source = Source(id="c", title="Storm", text=text)
    found = generate_questions([source])
    assert [(q.id, p) for q in found for p in check_integrity(q, [source])] == []
    assert any("320" in q.prompt or q.answer == "320 kilometres" for q in found)
    for q in found:
        shown = " ".join([q.prompt, q.answer, *(q.choices or [])])
        assert "199" not in shown and "see below" not in shown and "the the" not in \
            shown.lower(), shown


def test_a_sources_first_word_is_never_stated_without_it():
    text = ("Quake\n\nThe government originally reported that 64,000 people had died, but the "
            "figure was later revised to fewer than 10,000.\n\nOfficials initially said 300 "
            "homes were destroyed.\n")
    found = generate_questions([Source(id="q", title="Quake", text=text)])
    assert any(q.answer == "300" for q in found)
    for q in found:
        if q.type in ("figure", "verdict") and ("300" in q.prompt + q.answer or "64,000" in (
                q.prompt + q.answer) or "homes" in q.prompt):
            assert re.search(r"originally|initially|___", q.prompt), q.prompt


def test_a_count_before_may_is_a_figure_and_a_semicolon_ends_a_prompt():
    text = ("Shipwrecks\n\nA UN spokeswoman, Ana Costa, said that 420 people were lost when a "
            "ferry capsized on Friday; about 80 may be trapped in a second ship; and more were "
            "feared lost on a third.\n")
    found = [q for q in generate_questions([Source(id="s", title="Shipwrecks", text=text)])
             if q.type == "figure"]
    assert any(q.answer.lower() == "about 80" for q in found), [q.answer for q in found]
    assert all(";" not in q.prompt for q in found if "___" not in q.prompt), \
        [q.prompt for q in found]


def test_a_figure_before_a_clause_that_names_a_source_is_the_articles_own():
    text = ("Crash\n\nSix people died in the crash, and police said the driver had been drinking."
            "\n\nAt least 40 workers have been hurt this month, and officials fear that number "
            "could climb above 300.\n")
    found = generate_questions([Source(id="c", title="Crash", text=text)])
    for q in found:
        if q.type == "figure" and q.answer.lower() in ("six", "at least 40"):
            assert "police" not in q.prompt and "officials" not in q.prompt, q.prompt
        assert "claim that number" not in q.prompt and "climb below" not in q.prompt, q.prompt
    assert any(q.type == "figure" and q.answer == "Six" for q in found)


def test_a_share_said_twice_side_by_side_or_its_base_is_never_a_giveaway_blank():
    text = ("Strike\n\nNearly four in ten teachers (38%) went on strike on Thursday, the ministry "
            "said.\n")
    for q in generate_questions([Source(id="t", title="Strike", text=text)]):
        if q.type == "figure" and "___" in q.prompt:
            assert "38%" not in q.prompt and "(___)" not in q.prompt and "in ___" not in \
                q.prompt, q.prompt


def test_two_figures_of_one_measure_in_a_sentence_are_never_asked_by_the_measure_alone():
    text = ('Cholera\n\nDr Ana Ruiz, who leads the response, spoke on Monday.\n\nRuiz said: '
            '"Without any kind of care, the CFR of the fever can be up to 40%. However, with '
            'proper treatment, the CFR should be below 2%."\n')
    for q in generate_questions([Source(id="c", title="Cholera", text=text)]):
        assert not (q.type == "figure" and q.prompt.startswith("What figure") and "CFR" in
                    q.prompt), q.prompt
