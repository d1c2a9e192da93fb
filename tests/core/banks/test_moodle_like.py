"""Importing like Moodle: what Moodle accepts is accepted (with a note), alike in GIFT and XML."""

from __future__ import annotations

import pytest

from quizapp.core.banks.formats import dump_any, load_any
from quizapp.core.banks.gift import parse_gift
from quizapp.core.banks.model import Bank, BankError, Question
from quizapp.core.banks.moodle_xml import parse_moodle_xml
from quizapp.core.banks.schema import bank_to_data, question_from_data
from quizapp.core.banks.summary import summarise


def gift(text: str) -> Bank:
    return parse_gift(text, skip_unsupported=True)


def xml(questions: str) -> Bank:
    return parse_moodle_xml(f"<quiz>{questions}</quiz>".encode(), skip_unsupported=True)


def answer(fraction: str, text: str, feedback: str = "") -> str:
    return (f'<answer fraction="{fraction}" format="html"><text>{text}</text>'
            f"<feedback><text>{feedback}</text></feedback></answer>")


def multichoice(single: str, *answers: str) -> str:
    return (f'<question type="multichoice"><name><text>Q</text></name><questiontext format="html">'
            f"<text>Which?</text></questiontext><single>{single}</single>{''.join(answers)}"
            "</question>")


def test_an_empty_choice_before_equals_is_ignored_as_moodle_does() -> None:
    (q,) = gift("Who?{~=Reuters ~AP}").questions
    assert (q.answer, q.choices) == ("Reuters", ["Reuters", "AP"])


def test_a_repeated_choice_is_merged_with_a_note_naming_its_line() -> None:
    bank = gift("Who?{\n=Reuters\n~AP\n~AP\n}")
    assert bank.questions[0].choices == ["Reuters", "AP"]
    assert [c.what for c in bank.changes] == ["line 4: choice 'AP' appears twice; kept once"]
    same = xml(multichoice("true", answer("100", "Reuters"), answer("0", "AP"), answer("0", "AP")))
    assert same.questions[0].choices == ["Reuters", "AP"]
    assert "appears twice" in same.changes[0].what


def test_several_full_credit_choices_make_a_multiple_response_question() -> None:
    (g,) = gift("Who?{=Reuters =AP ~AFP}").questions
    (x,) = xml(multichoice("true", answer("100", "Reuters"), answer("100", "AP"),
                           answer("0", "AFP"))).questions
    for q in (g, x):
        assert (q.type, q.choices, q.weights) == ("multi", ["Reuters", "AP", "AFP"], [100, 100, 0])
        assert q.answer == "Reuters; AP"


def test_multiple_response_is_the_same_in_gift_and_xml() -> None:
    g = gift("Which?{~%50%A#yes ~%50%B ~%-100%C#no}").questions[0]
    x = xml(multichoice("false", answer("50", "A", "yes"), answer("50", "B"),
                        answer("-100", "C", "no"))).questions[0]
    assert (g.type, g.choices, g.weights, g.feedback) == (
        "multi", ["A", "B", "C"], [50, 50, -100], ["yes", "", "no"])
    assert (x.type, x.choices, x.weights, x.feedback) == (g.type, g.choices, g.weights, g.feedback)


def test_html_answers_of_an_html_question_lose_their_tags() -> None:
    (q,) = gift("[html]<p>Who led?</p>{=<p>Ir. Sukarno</p> ~<p>Hatta</p>}").questions
    assert (q.prompt, q.answer, q.choices) == ("Who led?", "Ir. Sukarno", ["Ir. Sukarno", "Hatta"])


def test_unsafe_html_is_removed_and_noted() -> None:
    bank = gift("[html]Who<script>alert(1)</script> <b onclick='x()'>led</b>?{=A ~B}")
    assert bank.questions[0].prompt == "Who led?"
    assert bank.changes[0].what == "unsafe HTML removed (onclick, script)"


def test_short_answer_wildcards_and_partial_credit_are_kept() -> None:
    (q,) = gift("Who?{=Ir* Sukarno#close =%50%Sukarno =\\*star}").questions
    assert (q.answer, q.accept, q.weights, q.wildcards) == (
        "Ir* Sukarno", ["\\*star", "Sukarno"], [100, 100, 50], True)
    assert q.feedback == ["close", "", ""]
    plain = gift("Who?{=5\\*3}").questions[0]
    assert (plain.answer, plain.wildcards) == ("5*3", False)


def test_categories_become_tags_the_first_names_the_bank() -> None:
    bank = gift("$CATEGORY: $course$/top/Course\n\nA?{=a}\n\n$CATEGORY: $course$/top/Course/Unit 2"
                "\n\nB?{=b}")
    assert bank.title == "Course"
    assert [q.tags for q in bank.questions] == [[], ["Unit 2"]]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Q?{~%50%a ~%40%b}", 1, "add up to 90%, not 100%"),
        ("Q?\n{=a\n~%33%b}", 3, "answer weight 33% is not a grade Moodle accepts"),
        ("Q?{1:SA:=a} and {1:SA:=b}", None, None),  # a cloze: left out, not refused
    ],
)
def test_what_moodle_refuses_is_refused_naming_the_line(text, line, reason) -> None:
    if reason is None:
        assert [s.kind for s in gift(text).skips] == ["cloze"]
        return
    with pytest.raises(BankError) as caught:
        gift(text)
    assert (caught.value.line, reason in caught.value.reason) == (line, True)


def test_a_multi_question_round_trips_through_every_format() -> None:
    questions = [
        Question(id="m1", type="multi", prompt="Which?", answer="", choices=["A", "B", "C"],
                 weights=[33.33333, 66.66667, -100], feedback=["a", "b", "c"]),
        Question(id="m2", type="multi", prompt="Either?", answer="", choices=["A", "B", "C"],
                 weights=[100, 100, -50]),
        Question(id="s1", type="text", prompt="Who?", answer="Ir* Sukarno", accept=["Bung"],
                 weights=[100, 50], feedback=["", "close"], wildcards=True),
        Question(id="c1", type="text", prompt="Pick", answer="A", choices=["A", "B", "C"],
                 weights=[100, 50, -25], feedback=["", "half", ""]),
    ]
    bank = Bank(title="Mixed", questions=[question_from_data(
        {k: v for k, v in bank_to_data(Bank(title="x", questions=[q]))["questions"][0].items()
         if k != "answer" or q.type != "multi"}, {}) for q in questions])
    for fmt, name in (("gift", "b.gift"), ("moodle-xml", "b.xml"), ("json", "b.json"),
                      ("yaml", "b.yaml")):
        again = load_any(dump_any(bank, fmt).encode(), name)
        assert bank_to_data(again) == bank_to_data(bank), fmt


def test_the_summary_lists_imports_skips_and_changes_with_lines() -> None:
    bank = gift("A?{=a ~b ~b}\n\nB?{}\n\nText only.")
    summary = summarise(bank, "f.gift")
    assert [(r.line, r.kind) for r in summary.rows] == [(1, "multiple choice")]
    assert summary.skipped_by_kind == {"essay": 1, "description": 1}
    assert summary.headline() == ("f.gift: 1 questions to import, 2 left out "
                                  "(essay 1, description 1), 1 changes")
    assert "  line 3  [essay]  essay question (empty answer section) is not supported" in (
        summary.lines())
