"""Question generation: each type, answers backed by evidence, coverage and robustness."""

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.banks.model import VERDICT_CHOICES, Source
from quizapp.core.questions import check_integrity, generate_bank, generate_questions

DATA = Path(__file__).resolve().parents[2] / "data" / "generation"
SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"  # beside the checkout

ARTICLE_A = Source(
    id="a", title="Flood damage rises", date="2025-03-01", text=(
        "Flood damage rises\n\n"
        "More than 1,200 homes were flooded after the river burst its banks, according to the "
        "Regional Water Authority (RWA).\n\n"
        "RWA director Helen Brandt said repairs would cost about $40 million. \"We have never "
        "seen water this high,\" she said.\n\n"
        "At least 14 people were injured, said fire chief Marco Silva.\n\n"
        "Reports indicate that roughly 3,000 residents were evacuated on March 1.\n"
    ),
)
ARTICLE_B = Source(
    id="b", title="River flood toll revised", date="2025-03-05", text=(
        "River flood toll revised\n\n"
        "At least 30 people were injured in the flooding, according to the Red Cross.\n\n"
        "Hospital spokesperson Irene Kowal said about 12 patients remained in care on Tuesday.\n"
    ),
)


def labelled() -> list[Source]:
    """Return the labelled articles, and the seeds when present."""
    sources = []
    for path in sorted(DATA.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "text" in data:
            sources.append(Source(id=path.stem, title=data["title"], text=data["text"],
                                  date=str(data["date"])))
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []:
        sources.append(Source(id=path.stem, title=path.stem, text=path.read_text("utf-8")))
    return sources


def by_type(questions, kind):
    """Return the questions of one type."""
    return [q for q in questions if q.type == kind]


def test_source_question_answers_with_the_described_speaker_and_accepts_short_forms():
    questions = generate_questions([ARTICLE_A])
    source = [q for q in by_type(questions, "source") if q.answer.endswith("Marco Silva")]
    assert source and "Silva" in source[0].accept
    assert "Silva" not in source[0].prompt


def test_source_question_is_asked_once_per_claim_with_choices_from_its_own_article():
    questions = generate_questions([ARTICLE_A, ARTICLE_B])
    sources = by_type(questions, "source")
    assert sources
    prompts = [q.prompt for q in sources]
    assert len(prompts) == len(set(prompts))
    texts = {"a": ARTICLE_A.text, "b": ARTICLE_B.text}
    for q in sources:
        for choice in q.choices or []:
            assert choice.lower() in texts[q.evidence[0].source].lower(), choice


def test_figure_question_asks_how_many_and_accepts_the_bare_number():
    questions = generate_questions([ARTICLE_A])
    figure = [q for q in by_type(questions, "figure") if q.answer == "At least 14"]
    assert figure[0].prompt.startswith("According to fire chief Marco Silva, how many")
    assert "14" in figure[0].accept


def test_date_question_asks_when_the_claim_happened_without_quoting_a_blank():
    date = [q for q in by_type(generate_questions([ARTICLE_A]), "date")]
    assert date and date[0].answer == "March 1"
    assert date[0].prompt.startswith("When does the article say") and "___" not in date[0].prompt


def test_verdict_questions_use_the_fixed_choices_and_all_three_answers_appear():
    verdicts = by_type(generate_questions([ARTICLE_A, ARTICLE_B]), "verdict")
    assert all(tuple(q.choices) == VERDICT_CHOICES for q in verdicts)
    assert {q.answer for q in verdicts} == set(VERDICT_CHOICES)


def test_attribution_question_tells_named_from_vague():
    answers = {q.answer for q in by_type(generate_questions([ARTICLE_A]), "attribution")}
    assert {"A named or described source", "Vague reports, no source named or described"} <= answers


def test_evidence_question_offers_the_supporting_sentence_among_others():
    for q in by_type(generate_questions([ARTICLE_A]), "evidence"):
        assert q.answer in q.choices and len(q.choices) == 4
        assert q.answer == ARTICLE_A.text[q.evidence[0].start : q.evidence[0].end]


def test_discrepancy_question_cites_both_sources():
    questions = by_type(generate_questions([ARTICLE_A, ARTICLE_B]), "discrepancy")
    assert questions
    assert all({e.source for e in q.evidence} == {"a", "b"} for q in questions)


def test_bank_numbers_questions_and_carries_sources():
    bank = generate_bank([ARTICLE_A], "Floods")
    assert [q.id for q in bank.questions] == [f"q{i}" for i in range(1, len(bank.questions) + 1)]
    assert bank.sources == [ARTICLE_A]


def test_limit_per_source_caps_each_source():
    questions = generate_questions([ARTICLE_A, ARTICLE_B], limit_per_source=3)
    assert len(questions) <= 6


def test_integrity_check_rejects_an_answer_missing_from_its_evidence():
    question = by_type(generate_questions([ARTICLE_A]), "figure")[0]
    question.answer = "9,999"
    assert "answer does not occur in the cited evidence" in check_integrity(question, [ARTICLE_A])


def test_every_question_on_labelled_articles_and_seeds_keeps_integrity():
    sources = labelled()
    questions = generate_questions(sources)
    assert len(questions) > 100
    assert [p for q in questions for p in check_integrity(q, sources)] == []


def test_prompts_never_contain_their_answer():
    for q in generate_questions(labelled()):
        if q.type in ("source", "figure", "date", "evidence"):
            assert q.answer.lower() not in q.prompt.lower(), q.prompt


@settings(deadline=None, max_examples=60)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600))
def test_generation_never_crashes_on_arbitrary_text_and_keeps_integrity(text):
    sources = [Source(id="x", title="t", text=text)]
    for q in generate_questions(sources):
        assert check_integrity(q, sources) == []


WORDS = st.sampled_from(
    "said according to Reuters officials about more than 1,200 people were killed in 2019 "
    "June 17 Anna Berg he she they reportedly the police . , \" ‘ ’ $4.5 billion per cent "
    "told The Times that estimates place at over 6,000 (NWA) National Weather Agency".split()
)


@settings(deadline=None, max_examples=80)
@given(st.lists(WORDS, min_size=0, max_size=80))
def test_generation_keeps_integrity_on_news_like_word_salad(words):
    text = " ".join(words)
    sources = [Source(id="x", title="t", text=text), Source(id="y", title="u", text=text[::-1])]
    for q in generate_questions(sources):
        assert check_integrity(q, sources) == []


def test_source_answers_never_accept_a_given_name_alone():
    text = (
        "Regional health director Dr. Amelia Watson said 240 cases had been confirmed. "
        "Watson added that more testing was needed. "
        "Ryu Seong-hyeon, a former sergeant, told reporters the units were exhausted. "
        "Ryu said morale was low."
    )
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import generate_questions

    questions = generate_questions([Source("s1", "Outbreak", text)])
    accepted = {a for q in questions if q.type == "source" for a in [q.answer, *q.accept]}
    assert "Amelia" not in accepted
    assert any("Watson" in a for a in accepted)


def test_not_stated_statements_come_only_from_articles_of_the_same_story():
    from quizapp.core.banks.model import Source
    from quizapp.core.questions import generate_questions

    flood = Source("a", "Floods in Valdora kill 40",
                   "Floods in Valdora killed 40 people on Monday, the interior ministry said. "
                   "Rescuers found 12 more bodies, police chief Ana Ruiz said.")
    flood_too = Source("b", "Valdora flood toll rises",
                       "The toll from floods in Valdora rose to 52, the Red Cross said on Tuesday. "
                       "Mayor Tomas Veit said 300 homes were destroyed.")
    airport = Source("c", "Airport passenger numbers fall",
                     "Passenger numbers at Kestrel airport fell 12% in May, its operator said. "
                     "Chief executive Lena Ward said 4.1 million people flew.")

    def not_stated(sources):
        return [q for q in generate_questions(sources)
                if q.type == "verdict" and q.answer.startswith("Not stated")]

    assert not not_stated([flood, airport])
    assert not_stated([flood, flood_too])
