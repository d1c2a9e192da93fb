"""The consistency gate and the rules that keep a question right, readable and fair: the scorer
agrees with the key, variants and distractors; no two names of one entity; whole-token answers;
no noise variants; prompts that read as English; one question per prompt."""

from __future__ import annotations

import pytest

from quizapp.core.banks.model import VERDICT_CHOICES, Evidence, Question, Source
from quizapp.core.claims.extract import extract_claims
from quizapp.core.questions import check_integrity, generate_questions
from quizapp.core.questions.asking import figure_prompt, plural
from quizapp.core.questions.builders import figure_name, reads_as_question
from quizapp.core.questions.citations import choice_label, key_form
from quizapp.core.questions.consistency import fair_variants, gate_problems, noise, whole_run
from quizapp.core.questions.corpus import Candidate
from quizapp.core.questions.ranking import select, unambiguous
from quizapp.core.questions.statements import (
    claim_phrase,
    lower_first,
    reads_as_clause,
    strip_lead,
)
from quizapp.core.questions.stories import same_story
from quizapp.core.questions.tolls import background, count_kind
from quizapp.core.questions.verdict_figures import fits as _fits
from quizapp.core.questions.verdict_figures import reads as _reads
from quizapp.core.questions.verdicts import _statement, mid_label


def question(kind: str, answer: str, accept=(), choices=None, prompt="Who said it?",
             explanation: str = "") -> Question:
    return Question("q", kind, prompt, answer, list(accept), choices, [Evidence("a", 0, 10)],
                    explanation, [], 0.5)


# -- the scorer and the key ---------------------------------------------------------------

def test_integrity_flags_a_key_missing_from_its_choices_and_its_evidence():
    source = Source(id="a", title="t", text="Maria Lopez said the bridge was closed.")
    q = Question("q", "source", "Who said the bridge was closed?", "Tom Hale", [],
                 ["Maria Lopez", "Ann Ode", "Ben Cole", "Kim Park"],
                 [Evidence("a", 0, len(source.text))], "", [], 0.5)
    problems = check_integrity(q, [source])
    assert "answer is not one of the choices" in problems
    assert "answer does not occur in the cited evidence" in problems


def test_gate_flags_two_choices_that_name_one_entity():
    q = question("source", "the Port Authority",
                 choices=["the Port Authority", "the World Health Organization", "WHO",
                          "Tom Hale"])
    problems = gate_problems(q, "The Port Authority said the pier was shut.")
    assert any("name one entity" in p for p in problems)


def test_gate_passes_a_key_with_distinct_choices():
    q = question("source", "Maria Lopez",
                 choices=["Maria Lopez", "Tom Hale", "the Port Authority", "Ann Ode"])
    assert gate_problems(q, "Maria Lopez said the bridge was closed.") == []


def test_gate_flags_a_contradiction_that_only_renames_the_entity():
    q = question("verdict", "Contradicted", choices=list(VERDICT_CHOICES),
                 explanation="The article attributes this to the World Health Organization, "
                             "not the World Health Organization (WHO): ...")
    assert any("swaps one name" in p for p in gate_problems(q, ""))


@pytest.mark.parametrize(("answer", "evidence", "whole"), [
    ("Feb", "The vote is on Feb. 9 in the capital.", False),
    ("a million", "Some half a million people fled.", False),
    ("12", "At least 12 people were hurt.", True),
    ("Feb. 9", "The vote is on Feb. 9 in the capital.", True),
])
def test_a_figure_or_date_answer_must_be_a_whole_run_of_its_evidence(answer, evidence, whole):
    assert whole_run(answer, evidence) is whole


# -- accepted variants --------------------------------------------------------------------

@pytest.mark.parametrize(("answer", "form", "evidence", "is_noise"), [
    ("16%", "16 voters", "About 16% of voters switched.", True),
    ("€28 million", "28 million cent", "Profits rose 17 per cent to €28 million.", True),
    ("more than 1,400", "1,400 overnight", "Deaths climbed by more than 1,400 overnight.", True),
    ("2008", "2,008", "The plan dates from 2008.", True),
    ("4.10", "4.10 4", "Prices were $4 to $4.10.", True),
    ("16%", "16 per cent", "About 16% of voters switched.", False),
    ("40", "40 people", "Some 40 people arrived.", False),
    ("31", "31 injured", "Police said 31 injured were treated.", False),
])
def test_noise_figure_variants_are_refused(answer, form, evidence, is_noise):
    q = question("figure", answer, [form], prompt="How many?")
    assert noise(q, form, evidence) is is_noise


@pytest.mark.parametrize(("answer", "form", "is_noise"), [
    ("Chief Kelly Moss", "Chief Kelly Moss on Friday", True),
    ("The judge, Amy St Eve", "The judge, Amy St Eve,", True),
    ("D.K. Rao", "the D.K.", True),
    ("Judge Amy St Eve", "Eve", True),
    ("the council based in the north", "based", True),
    ("Judge Amy St Eve", "Amy St Eve", False),
    ("railway officials", "officials", False),
])
def test_noise_source_variants_are_refused(answer, form, is_noise):
    q = question("source", answer, [form])
    assert noise(q, form, f"{answer} said on Friday.") is is_noise


def test_generation_repairs_noise_variants_instead_of_keeping_them():
    q = question("figure", "16%", ["16", "16 per cent", "16 voters"], prompt="What share?")
    assert fair_variants(q, "About 16% of voters switched.") == ["16", "16 per cent"]


# -- prompts ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "cut", "ok"), [
    ("how the pair had paid themselves large fees", False, False),
    ("20 to 25 years", True, False),
    ("at recent meetings that the city faced layoffs", True, False),
    ("is the most serious crisis in the city's history", True, False),
    ("the toll rose sharply, the regional governor said on Monday", False, False),
    ("the court was not swayed “It is not a message,” he said", False, False),
    ("the city could face a shortfall of $1 billion", True, True),
    ("at least 14 people were injured in the crash", True, True),
    ("In 2016, a ferry sank off the coast", False, True),
])
def test_a_clause_must_open_with_a_subject_and_say_more_than_a_figure(text, cut, ok):
    assert reads_as_clause(text, cut) is ok


@pytest.mark.parametrize(("sentence", "rest"), [
    ("PORTVILLE, Ruritania—A ferry sank on Monday near the port.", "A ferry"),
    ("PORTVILLE (Coast) • At least 9 people died when a ferry sank.", "At least"),
    ("PORTVILLE Nov 19 Global exports will rise to a record this year.", "Global"),
    ("Portville - Weekend storms left dozens of homes without power.", "Weekend"),
    ("More ferries are arriving - the day after a storm closed the port.", "More"),
    ("PORTVILLE: Five sailors and at least 21 passengers were rescued on Monday.", "Five"),
    ("PORTVILLE (Agency): At least 9 people died when a ferry sank.", "At least"),
    ("UN: Aid is needed.", "UN:"),
])
def test_datelines_are_dropped_from_statements(sentence, rest):
    assert strip_lead(sentence).startswith(rest)


def test_a_common_opening_word_is_lowered_by_the_articles_own_usage():
    article = "Mortgage approvals fell. Banks said mortgage demand was weak."
    assert lower_first("Mortgage approvals fell", article) == "mortgage approvals fell"
    assert lower_first("Using new data, analysts found gaps") == \
        "using new data, analysts found gaps"
    assert lower_first("Ruritania said exports fell", "Ruritania said so. Ruritania agreed.") \
        == "Ruritania said exports fell"


def test_an_opening_word_the_article_never_writes_mid_sentence_is_quoted_not_lowered():
    article = "Ambulances arrived later. The road was closed."
    assert claim_phrase("Ambulances arrived later", article) == \
        "this claim: “Ambulances arrived later”"
    assert claim_phrase("the road was closed", article) == "the claim that the road was closed"


def test_verdict_statements_name_described_sources_mid_sentence():
    article = "Railway officials said six died. Other railway officials disagreed."
    assert mid_label("Railway officials", article, described=True) == "railway officials"
    assert mid_label("Scientists", "Scientists said so.", described=True) == "scientists"
    assert mid_label("telco", "") == "the telco"
    assert mid_label("some legal experts", "") == "some legal experts"
    assert _statement("railway officials", "the toll stands at six", article) == \
        "According to railway officials, the toll stands at six."


def test_a_statement_opening_on_an_unsure_word_names_its_source_after_it():
    article = "Ambulances arrived later. The road was closed."
    assert _statement("the police", "Ambulances arrived later", article) == \
        "Ambulances arrived later, according to the police."


def test_the_gate_refuses_a_doubled_attribution_and_an_evidence_prompt_echoing_its_answer():
    doubled = question("verdict", "Supported", choices=list(VERDICT_CHOICES),
                       prompt="According to Ruritania, Ruritania reported 40 cases.")
    assert "the prompt doubles its attribution" in gate_problems(doubled, "")
    sentence = "The ministry said 40 cases were found in the north of the country."
    echo = question("evidence", sentence, choices=[sentence, "a", "b", "c"],
                    prompt=f"Which sentence is the evidence for this: {sentence}?")
    assert "the prompt repeats its answer sentence" in gate_problems(echo, "")


def test_an_evidence_question_names_the_claim_by_its_figure_in_a_few_words():
    text = "The county may face a deficit as large as $3 billion, the governor said."
    claim = extract_claims(text)[0]
    money = next(f for f in claim.figures if "billion" in f.text)
    assert figure_name(claim, money) == "the $3 billion figure"


@pytest.mark.parametrize(("prompt", "fixed"), [
    ("How many coaches do officials say five people were killed when?", None),
    ("When does the article say in its past meetings held?", None),
    ("By how much does the article say Shares in the bank rose?",
     "By how much does the article say shares in the bank rose?"),
    ("By how much does the article say the index fell?",
     "By how much does the article say the index fell?"),
])
def test_figure_and_date_prompts_have_no_loose_end(prompt, fixed):
    assert reads_as_question(prompt, "Shares in the bank rose. Its shares fell.") == fixed


def test_a_verb_that_governs_another_figure_is_not_borrowed():
    content = "the striker has scored 23 goals in 19 league appearances"
    assert figure_prompt(content, "19", "league appearances", "the article", False) is None


def test_plural_reads_the_head_noun_before_a_prepositional_phrase():
    assert plural("a study by 37 scientists from 12 nations") is False
    assert plural("railway officials") is True


# -- choices and distractors --------------------------------------------------------------

class _Speaker:
    def __init__(self, mention: str, name: str = "", kind: str = "unknown") -> None:
        self.mention, self.name, self.kind = mention, name or mention, kind
        self.definite = False


@pytest.mark.parametrize(("mention", "shown"), [
    ("65-year-old", None),
    ("Official", None),
    ("road", None),
    ("council based", None),
    ("Port judge, Amy Holt", "Amy Holt"),
    ("the harbour master", "harbour master"),
    ("Tom Hale", "Tom Hale"),
])
def test_source_choices_are_fit_to_stand_beside_the_key(mention, shown):
    name = "Amy Holt" if "," in mention else mention
    assert choice_label(_Speaker(mention, name), "An official said the road was shut.") == shown


def test_no_choice_stands_out_by_a_leading_article():
    assert key_form("The new study") == "new study"
    assert key_form("an official") == "official"


def test_no_source_choice_stands_out_by_its_case():
    from quizapp.core.questions import generate_questions
    text = ("Launch\n\nThe space agency said the rocket would launch on 12 May. The ministry "
            "said 40 satellites were in orbit. ORBITA said the mission cost $2 billion. "
            "Officials said 300 engineers worked on it. Analysts said the market grew 12%.\n")
    found = [q for q in generate_questions([Source(id="s", title="Launch", text=text)])
             if q.type == "source" and q.choices]
    assert found
    for q in found:
        assert all(c[:1].isupper() for c in q.choices), q.choices
        assert q.answer in q.choices


# -- one question per prompt --------------------------------------------------------------

def _candidate(prompt: str, answer: str, choices=None) -> Candidate:
    q = Question("", "figure", prompt, answer, [], choices, [Evidence("a", 0, 5)], "", [], 0.5)
    return Candidate(q, "a", 1.0, (f"figure:a:{answer}",))


def test_a_prompt_asked_with_two_answers_is_dropped():
    kept = unambiguous([_candidate("What figure does it give for games?", "89"),
                        _candidate("What figure does it give for games?", "three"),
                        _candidate("How many goals?", "23")])
    assert [c.question.answer for c in kept] == ["23"]


def test_typed_and_multiple_choice_twins_of_one_prompt_are_never_both_kept():
    chosen = select([_candidate("How many goals?", "23"),
                     Candidate(Question("", "figure", "How many goals?", "23", [],
                                        ["23", "4", "7", "9"], [Evidence("a", 0, 5)], "", [],
                                        0.5), "a", 0.9, ("figure:a:other",))])
    assert len(chosen) == 1


# -- verdicts and discrepancies -----------------------------------------------------------

def test_a_contradicted_figure_still_reads():
    three, one, twenty = (extract_claims(t)[0].figures[0] for t in (
        "There are three key factors.", "There is 1 key factor.", "There are 20 key factors."))
    assert not _fits(three, one)
    assert _fits(three, twenty)
    figure = extract_claims("The party won 22 of the 27 seats.")[0].figures[0]
    assert not _reads("the party won 65 of the 27 seats", "the party won 22 of the 27 seats",
                      figure)
    assert not _reads("between 30 and 22 people arrived", "between 30 and 40 people arrived",
                      figure)
    day = extract_claims("Ferries stopped on March 18 after 38 crossings.")[0].figures
    assert not _reads("ferries stopped on March 38", "ferries stopped on March 18", day[0])
    assert _reads("ferries stopped in May 2024", "ferries stopped in May 2023", day[0])


def test_background_sentences_and_changes_are_no_tolls():
    assert background("In March, at least 17 people died when a ferry capsized.")
    assert background("Several months earlier, 9 people died in a fire.")
    assert not background("At least 25 passengers died when the coach crashed.")
    claim = extract_claims("Confirmed deaths climbed by over 1,400 overnight, officials said.")[0]
    assert count_kind(claim, claim.figures[0]) == ""


def test_discrepancies_across_articles_need_one_story():
    from quizapp.core.questions.corpus import Corpus
    corpus = Corpus.read([
        Source(id="a", title="Flood in Portville", text="Floods hit Portville on Monday."),
        Source(id="b", title="Portville toll revised", text="The toll in Portville rose."),
        Source(id="c", title="Outbreak spreads", text="Cases rose in Eastland."),
    ])
    a, b, c = corpus.articles
    assert same_story(a, b)
    assert not same_story(a, c)


# -- end to end ---------------------------------------------------------------------------

def test_generated_questions_keep_integrity_and_carry_no_noise():
    article = Source(id="n", title="Harbour storm", date="2025-02-01", text=(
        "Harbour storm\n\n"
        "PORTVILLE, Ruritania — At least 14 people were injured when a storm hit the harbour, "
        "the Port Authority said on Monday.\n\n"
        "About 16% of residents lost power, according to the grid operator Volta.\n\n"
        "Harbour master Lena Ortiz said repairs would cost about $40 million.\n\n"
        "In September, 21 people died when a ferry sank, officials said.\n"))
    questions = generate_questions([article])
    assert questions
    for q in questions:
        assert check_integrity(q, [article]) == [], q
        assert not q.prompt.startswith("According to") or "PORTVILLE" not in q.prompt
        assert "16 residents" not in q.accept


def test_a_stray_closing_quote_left_by_a_cut_is_dropped():
    from quizapp.core.questions.statements import balance_quotes
    assert balance_quotes("the harbour was calmer” now with more crews") == \
        "the harbour was calmer now with more crews"
    assert balance_quotes("“We are here,” she said") == "“We are here,” she said"


def test_who_estimates_is_not_what_is_estimated():
    content = "the villagers estimated that up to 300 people could have drowned"
    assert figure_prompt(content, "up to 300", "people", "the agency", False) is None
    assert figure_prompt("growth was projected at 6.5 per cent", "6.5 per cent", "",
                         "the bank", False) == "What figure does the bank give for growth?"


def test_a_part_of_a_toll_is_no_toll():
    claim = extract_claims("An estimated 170 other people died in nearby towns, it said.")[0]
    assert count_kind(claim, claim.figures[0]) == ""


def test_a_figure_form_with_a_link_word_is_noise():
    q = question("figure", "12", ["12 points behind the leaders"], prompt="How many?")
    assert noise(q, "12 points behind the leaders", "It sat 12 points behind the leaders.")


def test_a_level_reached_is_not_asked_as_a_change():
    content = "output will rise to a record 41 million barrels"
    assert figure_prompt(content, "41 million barrels", "", "the report", False) is None


def test_a_statement_never_names_its_source_twice():
    label = "the Office for Relief and Refugee Affairs (ORRA)"
    assert _statement(label, "the ORRA has reported 40 deaths") == \
        "The ORRA has reported 40 deaths."


def test_a_clause_with_the_cues_second_verb_is_refused():
    assert not reads_as_clause("the toll stands at six and said that two coaches derailed", True)


def test_an_evidence_figure_is_never_named_with_an_adverb_for_its_noun():
    claim = extract_claims("The toll rose by a thousand overnight, officials said.")[0]
    figure = claim.figures[0]
    assert "overnight" not in figure_name(claim, figure)


def test_a_figure_after_another_is_still_asked_through_its_preposition():
    content = "profits at the unit fell 18 per cent to €37 million"
    assert figure_prompt(content, "€37 million", "", "the article", False) == \
        "What figure does the article say profits at the unit fell to?"


def test_a_capitalised_group_noun_is_no_given_name():
    evidence = "Doctors at a clinic in Leeds said they were tired. Mark Reed said so."
    described = question("source", "Doctors at a clinic in Leeds", ["Doctors"])
    assert not any("given name" in p for p in gate_problems(described, evidence))
    person = question("source", "Mark Reed", ["Mark"])
    assert any("given name" in p for p in gate_problems(person, evidence))


def test_whole_word_lookups_agree_with_the_patterns_they_replace():
    import random
    import re

    from quizapp.core.questions.verdicts import _stands
    from quizapp.core.text.words import has_word

    rng = random.Random(5)
    letters = list("ab U.S-_é1,'’İ")
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 12)))
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 3)))
        for fold in (False, True):
            pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
            assert has_word(text, word, fold) == bool(re.search(pattern, text, re.I * fold))
        number = "".join(rng.choice("12.,") for _ in range(rng.randint(1, 3)))
        digits = "".join(rng.choice("12,. a") for _ in range(rng.randint(0, 10)))
        pattern = rf"(?<![\d,.]){re.escape(number)}(?![\d]|[,.]\d)"
        assert _stands(number, digits) == bool(re.search(pattern, digits))


def test_two_stories_sharing_only_a_common_title_word_are_two_stories():
    from quizapp.core.questions.corpus import Corpus
    corpus = Corpus.read([
        Source(id="a", title="Harbour Bank Results Beat Forecasts",
               text="Profit at Harbour Bank rose 12% on Monday, the lender said."),
        Source(id="b", title="Valdora Poll Results Show Opposition Ahead",
               text="The opposition won 22 seats in Valdora, the election board said."),
    ])
    assert not same_story(*corpus.articles)
