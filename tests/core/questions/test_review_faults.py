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


def test_a_committee_of_a_body_named_by_its_acronym_is_linked_to_it():
    from quizapp.core.claims.speakers import Speaker
    from quizapp.core.questions.verdicts import linked
    committee = Speaker("Monetary Policy Committee", "Reserve Bank of Ruritania's",
                        "Reserve Bank of Ruritania's Monetary Policy Committee", (), "org", 0)
    bank = Speaker("RBR", "", "RBR", (), "org", 90)
    assert linked(committee, bank, "") and linked(bank, committee, "")


def test_one_of_two_dates_joined_is_not_asked_alone():
    text = ("Fire chief Dana Berg said most of the barns were lost on Aug. 3 and Aug. 4, soon "
            "after the blaze spread across the hills.")
    assert not [q for q in generate(text) if q.type == "date" and q.answer.endswith("Aug. 3")]
