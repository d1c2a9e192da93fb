"""GIFT: Moodle's examples import, quizapp round trips exactly, bad input names its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.banks.gift import parse_gift
from quizapp.core.banks.gift_export import dump_gift
from quizapp.core.banks.model import Bank, BankError, Question
from quizapp.core.banks.native import load_bank

BANKS = Path(__file__).parents[2] / "data" / "banks"


def read(name: str) -> str:
    return (BANKS / name).read_text(encoding="utf-8")


def one(text: str) -> Question:
    bank = parse_gift(text)
    assert len(bank.questions) == 1
    return bank.questions[0]


def error(text: str) -> BankError:
    with pytest.raises(BankError) as caught:
        parse_gift(text)
    return caught.value


def test_every_question_type_round_trips_exactly() -> None:
    bank = load_bank(read("all_types.json"))
    text = dump_gift(bank)
    assert parse_gift(text) == bank


def test_export_writes_plain_numbers_and_escapes_specials() -> None:
    bank = load_bank(read("all_types.json"))
    text = dump_gift(bank)
    assert "{#\n\t=6000:100\n\t=6000:100\n\t####About 6,000" in text  # "6,000", "six thousand"
    assert "6,000:" not in text and "{#6,000" not in text
    assert "Name the place\\: \\~ \\= \\# \\{ \\} \\: \\\\ all special." in text
    assert "$CATEGORY: $course$/top/Harbour fire" in text


def test_moodle_examples_file_imports_when_unsupported_kinds_are_skipped() -> None:
    bank = parse_gift(read("moodle_examples.gift.txt"), skip_unsupported=True)
    assert len(bank.questions) == 40  # the two multiple-response questions are kept
    assert [s.split(":")[0] for s in bank.skipped] == ["line 55", "line 61", "line 178"]
    assert {s.kind for s in bank.skips} == {"matching"}
    multi = [q for q in bank.questions if q.type == "multi"]
    assert [q.weights for q in multi] == [[0, 50, 50, 0], [-50, 50, 50, -50]]
    grant = bank.questions[1]
    assert grant.prompt == "Grant is _____ in Grant's tomb."
    assert (grant.answer, grant.choices) == ("entombed", ["buried", "entombed", "living"])
    by_id = {q.id: q for q in bank.questions}
    assert by_id["GIFT Control Characters"].choices == ["~", "=", "#", "{", "}", "\\"]
    assert by_id["GIFT Control Characters"].answer == "\\"
    assert by_id["Kanji Origins"].answer == "China"
    assert by_id["Numerical example"].explanation == "Correct! 100% credit"


def test_moodle_examples_file_is_rejected_strictly_at_its_first_matching_question() -> None:
    exc = error(read("moodle_examples.gift.txt"))
    assert (exc.line, exc.reason) == (55, "matching question is not supported")


def test_moodle_category_fixture_names_the_bank_and_reads_html() -> None:
    bank = parse_gift(read("moodle_questions_in_category.gift.txt"), skip_unsupported=True)
    assert bank.title == "Default for New Features"
    greeting = bank.questions[0]
    assert greeting.prompt == "Listen to this greeting:\n\nWhat language is being spoken?"
    assert (greeting.answer, greeting.explanation) == ("French", "Yes, well done!")
    assert bank.questions[2].choices == ["True", "False"]


@pytest.mark.parametrize(
    ("text", "answer", "tolerance", "accept"),
    [
        ("How many?{#6000}", "6000", 0.0, []),
        ("How many?{#6000:500}", "6000", 500.0, []),
        ("How many?{#5..10}", "7.5", 2.5, []),
        ("Pi?{#3.141..3.142}", "3.1415", 0.0005, []),
        ("How many?{#=6000:0 =%50%6100:100}", "6000", 0.0, []),
        ("How many?{#=6000 =6100 ~#wrong}", "6000", 0.0, ["6100"]),
        ("How many?{#-1.5e3}", "-1500", 0.0, []),
    ],
)
def test_numerical_questions_become_figures(
    text: str, answer: str, tolerance: float, accept: list[str]
) -> None:
    q = one(text)
    assert (q.type, q.answer, q.tolerance, q.accept) == ("figure", answer, tolerance, accept)


def test_kinds_map_to_quizapp_questions() -> None:
    mc = one("::m::Who?{=Reuters#right ~AP ~%50%AFP####Wire story.}")
    assert (mc.id, mc.type, mc.answer, mc.choices, mc.explanation) == (
        "m", "text", "Reuters", ["Reuters", "AP", "AFP"], "Wire story.")
    tf = one("The sun is hot.{TRUE#No!#Yes, hot.}")
    assert (tf.answer, tf.choices, tf.explanation) == ("True", ["True", "False"], "Yes, hot.")
    assert one("Cold?{F}").answer == "False"
    sa = one("Two plus two is {=four =4 =%50%for}.")
    assert (sa.prompt, sa.answer, sa.accept) == ("Two plus two is _____.", "four", ["4", "for"])
    assert sa.weights == [100, 100, 50]
    verdict = one("Claim?{=Supported ~Contradicted ~Not stated in the article}")
    assert verdict.type == "verdict"
    assert one("[html]<p>Is <b>this</b> &amp; that?</p>{=yes}").prompt == "Is this & that?"
    assert one("[markdown]Is **this**?{=yes}").prompt == "Is **this**?"
    assert one("// a comment\n$CATEGORY: x\n\nQ?{=a}").id == "q1"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Q1?{=a}\n\nHow many?\n{#6,000}", 4, "numerical answer '6,000' is not a plain number"),
        ("Q?{#6000:five hundred}", 1, "numerical answer 'five hundred' is not a plain number"),
        ("Q?{#10..5}", 1, "numerical range 10..5 runs backwards"),
        ("Q?{#%50%6000}", 1, "numerical question has no fully right answer"),
        ("Q?\n{\n~a\n~b\n}", 2, "multiple choice has no right answer (="),
        ("Q?{=a ~}", 1, "multiple choice needs at least 2 choices"),
        ("Q?{=%50%a ~b}", 1, "multiple choice has no fully right answer"),
        ("Q?{~%50%a ~%30%b ~c}", 1, "positive weights of a multiple-response question add up "
         "to 80%, not 100%"),
        ("Q?{~%33%a ~%67%b}", 1, "answer weight 33% is not a grade Moodle accepts"),
        ("Q?{=a\n\nQ2?{=b}", 1, "'{' is never closed by '}'"),
        ("Q?\n=a}", 2, "'}' without an opening '{'"),
        ("Q?{=a} and {=b}", 1, "unbalanced braces"),
        ("Q?{=a}\nQ2?{=b}", 2, "unbalanced braces"),
        ("::name Q?{=a}", 1, "question title has no closing '::'"),
        ("::t::{=a}", 1, "question text is empty"),
        ("Q?{=%50%a}", 1, "short answer has no fully right answer"),
        ("Q?{=*}", 1, "answer '*' would accept anything"),
        ("Q?{text =a}", 1, "answer text before the first ="),
        ("Q?{~%150%a =b}", 1, "answer weight %150% is not between"),
        ("Q?{}", 1, "essay question (empty answer section) is not supported"),
        ("Just some text.", 1, "description (text without an answer section)"),
        ("Q?{=a->1 =b->2}", 1, "matching question is not supported"),
        ("// quizapp: {\"id\": \"x\", \"type\": \"essay\"}\nQ?{=a}", 2,
         "question x: unknown type 'essay'"),
        ("// quizapp: {\"id\": \"x\", \"evidence\": [{\"source\": \"s9\", \"start\": 0, "
         "\"end\": 1}]}\nQ?{=a}", 2, "question x: evidence points at unknown source s9"),
        ("// quizapp: {not json}\nQ?{=a}", 1, "quizapp comment is not valid JSON"),
        ("// quizapp: {\"id\": \"x\"}\nA?{=a}\n\n// quizapp: {\"id\": \"x\"}\nB?{=b}", 5,
         "duplicate question id x"),
        ("// quizapp-bank: {\"format\": \"quizapp-bank\", \"version\": 2}", 1,
         "version 2 is not supported"),
    ],
)
def test_malformed_questions_reject_the_file_naming_line_and_reason(
    text: str, line: int, reason: str
) -> None:
    exc = error(text)
    assert reason in exc.reason
    assert exc.line == line


def test_stale_metadata_does_not_override_an_edited_answer() -> None:
    bank = load_bank(read("all_types.json"))
    text = dump_gift(bank).replace("=6000:100\n\t=6000:100", "=7000:100\n\t=6000:100")
    q2 = parse_gift(text).questions[1]
    assert (q2.answer, q2.accept) == ("7000", ["six thousand"])


def test_metadata_comment_is_optional_and_titles_become_ids() -> None:
    bank = parse_gift("::dup::A?{=a}\n\n::dup::B?{=b}\n\nC?{=c}")
    assert [q.id for q in bank.questions] == ["dup", "dup (2)", "q3"]


def test_windows_line_endings_and_bom_are_read() -> None:
    assert one("\ufeff// c\r\nQ?\r\n{=a}\r\n").answer == "a"


@settings(deadline=None, max_examples=400)
@given(st.text(alphabet=list("ab #=~{}:\\\n%.-/>0123456789[]TF")) | st.text())
def test_arbitrary_text_only_ever_raises_bank_error(text: str) -> None:
    try:
        parse_gift(text)
    except BankError:
        pass


_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1).map(str.strip).filter(lambda s: s and not s.startswith(("//", "$CATEGORY")))


@settings(deadline=None, max_examples=200)
@given(_text, _text, st.lists(_text, max_size=3), _text)
def test_any_short_answer_or_choice_text_round_trips(
    prompt: str, answer: str, others: list[str], explanation: str
) -> None:
    choices = list(dict.fromkeys([answer, *others]))
    questions = [Question(id="q1", type="text", prompt=prompt, answer=answer,
                          explanation=explanation)]
    if len(choices) >= 2:
        questions.append(Question(id="q2", type="evidence", prompt=prompt, answer=answer,
                                  choices=choices))
    bank = Bank(title="t", questions=questions)
    if "->" in answer:  # Moodle would read the short answer as a matching pair: refused
        with pytest.raises(BankError, match="matching"):
            dump_gift(bank)
        return
    assert parse_gift(dump_gift(bank)) == bank


def test_text_that_looks_like_a_weight_or_marker_round_trips() -> None:
    q = Question(id="q1", type="text", prompt="[html] p", answer="%50%x", choices=["%50%x", "y"])
    bank = Bank(title="t", questions=[q])
    assert parse_gift(dump_gift(bank)) == bank


def test_a_short_answer_with_an_arrow_cannot_be_exported() -> None:
    bank = Bank(title="t", questions=[Question(id="q1", type="text", prompt="p", answer="a->b")])
    with pytest.raises(BankError, match="matching"):
        dump_gift(bank)


def test_a_literal_asterisk_answer_round_trips_as_moodle_escapes_it() -> None:
    bank = Bank(title="t", questions=[Question(id="q1", type="text", prompt="p", answer="*",
                                               accept=["a*b"])])
    text = dump_gift(bank)
    assert "=\\*" in text
    assert parse_gift(text) == bank
def test_questions_of_one_name_are_numbered_in_order_around_taken_names() -> None:
    text = "\n\n".join(["::Same:: A? {=a}", "::Same (3):: B? {=b}", "::Same:: C? {=c}",
                        "::Same:: D? {=d}", "::Same:: E? {=e}"])  # fmt: skip
    assert [q.id for q in parse_gift(text).questions] == [
        "Same", "Same (3)", "Same (2)", "Same (4)", "Same (5)"]  # fmt: skip
