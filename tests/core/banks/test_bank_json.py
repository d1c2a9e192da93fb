"""The quizapp bank format (JSON and YAML): strict, all-or-nothing, errors name line and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.banks.model import BankError
from quizapp.core.banks.native import dump_bank, load_bank

BANKS = Path(__file__).parents[2] / "data" / "banks"


def read(name: str) -> str:
    return (BANKS / name).read_text(encoding="utf-8")


def error(text: str, fmt: str = "json", **kwargs: int) -> BankError:
    with pytest.raises(BankError) as caught:
        load_bank(text, fmt, **kwargs)
    return caught.value


def edited(**changes: object) -> str:
    """Return small.json with some question fields changed, pretty-printed."""
    data = json.loads(read("small.json"))
    for key, value in changes.items():
        qid, field = key.split("__")
        next(q for q in data["questions"] if q["id"] == qid)[field] = value
    return json.dumps(data, indent=2)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_small_json_and_yaml_fixtures_load() -> None:
    bank = load_bank(read("small.json"))
    assert [q.id for q in bank.questions] == ["q1", "q2"]
    assert bank.questions[1].status == "draft"
    assert bank.questions[0].evidence[0].end == 77
    yaml_bank = load_bank(read("small.yaml"), "yaml")
    assert yaml_bank.sources[0].date == "2025-02-02"  # an unquoted YAML date stays ISO text


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_every_question_type_round_trips(fmt: str) -> None:
    bank = load_bank(read("all_types.json"))
    text = dump_bank(bank, fmt)
    assert load_bank(text, fmt) == bank
    assert load_bank(text.encode("utf-8"), fmt) == bank


def test_json_dump_is_pretty_utf8_in_stable_key_order() -> None:
    bank = load_bank(read("all_types.json"))
    text = dump_bank(bank)
    assert "ünïcode" in text and text.startswith('{\n  "format": "quizapp-bank",\n  "version": 1')
    assert dump_bank(load_bank(text)) == text


def test_evidence_past_the_end_of_its_source_names_line_and_sizes() -> None:
    text = edited(q1__evidence=[{"source": "s1", "start": 43, "end": 5000}])
    exc = error(text)
    assert exc.reason == ("question q1: evidence end 5000 is past the end of source s1 "
                          "(90 characters)")
    assert exc.line == line_of(text, '"end": 5000')


@pytest.mark.parametrize(
    ("changes", "reason", "needle"),
    [
        ({"q1__type": "essay"}, "question q1: unknown type 'essay'", '"essay"'),
        ({"q1__difficulty": 1.5}, "question q1: difficulty must be between 0 and 1", "1.5"),
        ({"q1__status": "live"}, "question q1: status must be 'draft' or 'approved'", '"live"'),
        ({"q1__choices": ["a", "b"]}, "question q1: multiple choice answer is not among the "
         "choices", '"6,000"'),
        ({"q1__choices": ["6,000"]}, "question q1: choices must be at least 2", '"choices"'),
        ({"q1__evidence": [{"source": "s9", "start": 0, "end": 1}]},
         "question q1: evidence points at unknown source s9", '"s9"'),
        ({"q1__accept": "6000"}, "question q1: 'accept' must be a list", '"accept"'),
        ({"q1__colour": "red"}, "question q1: unknown field 'colour'", '"colour"'),
        ({"q1__difficulty": True}, "question q1: 'difficulty' must be a number", '"difficulty"'),
    ],
)
def test_question_errors_name_the_question_line_and_reason(
    changes: dict, reason: str, needle: str
) -> None:
    text = edited(**changes)
    exc = error(text)
    assert exc.reason.startswith(reason)
    assert exc.line == line_of(text, needle)


def test_missing_field_names_the_question_object_line() -> None:
    data = json.loads(read("small.json"))
    del data["questions"][1]["prompt"]
    text = json.dumps(data, indent=2)
    exc = error(text)
    assert exc.reason == "question q2: missing field 'prompt'"
    assert exc.line == line_of(text, '"id": "q2"') - 1  # the line of the object's "{"


def test_duplicate_question_id_is_refused() -> None:
    text = edited(q2__id="q1")
    exc = error(text)
    assert exc.reason == "duplicate question id q1"
    assert exc.line == text.count("\n", 0, text.rindex('"id": "q1"')) + 1


@pytest.mark.parametrize(
    ("top", "reason"),
    [
        ({"format": "quizlet"}, "format must be 'quizapp-bank'"),
        ({"version": 2}, "version 2 is not supported"),
        ({"title": 7}, "'title' must be a string"),
    ],
)
def test_header_errors(top: dict, reason: str) -> None:
    data = json.loads(read("small.json")) | top
    text = json.dumps(data, indent=2)
    exc = error(text)
    assert exc.reason == reason
    assert exc.line == line_of(text, json.dumps(next(iter(top.values()))))


def test_bad_source_date_is_refused() -> None:
    data = json.loads(read("small.json"))
    data["sources"][0]["date"] = "02/02/2025"
    text = json.dumps(data, indent=2)
    exc = error(text)
    assert "is not an ISO date" in exc.reason and exc.line == line_of(text, "02/02/2025")


def test_json_syntax_error_names_its_line() -> None:
    text = read("small.json").replace('"version": 1,', '"version": 1')
    exc = error(text)
    assert exc.reason.startswith("invalid JSON") and exc.line == 4


def test_json_duplicate_key_names_its_line() -> None:
    text = '{\n  "format": "quizapp-bank",\n  "format": "x"\n}'
    exc = error(text)
    assert exc.reason == "duplicate key 'format'" and exc.line == 3


def test_deeply_nested_json_is_refused_without_recursing() -> None:
    text = '{"questions": ' + "[" * 100_000 + "]" * 100_000 + "}"
    exc = error(text)
    assert "nested deeper" in exc.reason and exc.line == 1


def test_nan_is_refused() -> None:
    assert "NaN" in error(edited(q1__difficulty=float("nan"))).reason


def test_oversize_file_is_refused_before_parsing() -> None:
    exc = error(read("small.json"), max_bytes=100)
    assert "limit is 100" in exc.reason


def test_too_many_questions_are_refused() -> None:
    data = json.loads(read("small.json"))
    data["questions"] = [dict(data["questions"][0], id=f"q{i}") for i in range(20_001)]
    assert "more than 20000 questions" in error(json.dumps(data), max_bytes=50_000_000).reason


def test_yaml_errors_name_their_line() -> None:
    text = read("small.yaml").replace("type: verdict", "type: essay")
    exc = error(text, "yaml")
    assert exc.reason == "question q1: unknown type 'essay'" and exc.line == line_of(text, "essay")
    text = read("small.yaml").replace("end: 42", "end: 5000")
    exc = error(text, "yaml")
    assert "evidence end 5000 is past the end of source s1 (42 characters)" in exc.reason
    assert exc.line == line_of(text, "end: 5000")


def test_yaml_alias_bomb_is_refused() -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    exc = error(bomb, "yaml")
    assert exc.reason == "YAML anchors and aliases are not allowed" and exc.line == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("!!python/object:os.system {}", "YAML tag"),
        ("a: !!python/name:os.system x", "invalid YAML"),
        ("a: 1\n---\nb: 2\n", "single YAML document"),
        ("a: [1\n", "invalid YAML"),
        ("? [a]\n: 1\n", "keys must be strings"),
        ("a: 2025-02-30\n", "invalid YAML value"),
    ],
)
def test_unsafe_or_malformed_yaml_is_refused(text: str, reason: str) -> None:
    assert reason in error(text, "yaml").reason


def test_deep_yaml_is_refused() -> None:
    # Either quizapp's depth check or the YAML parser's own limit (PyYAML >= 6.0.4) refuses it
    # first; both come out as quizapp's one-line, located refusal.
    exc = error("a: " + "[" * 10_000 + "]" * 10_000, "yaml")
    assert exc.line == 1 and "\n" not in exc.reason
    assert exc.reason.startswith(("nested deeper than a bank allows", "invalid YAML: "))


def test_undecodable_bytes_are_refused() -> None:
    assert "not UTF-8" in error(b'{"title": "\xff"}').reason


@settings(deadline=None, max_examples=300)
@given(st.text(), st.sampled_from(["json", "yaml"]))
def test_arbitrary_text_only_ever_raises_bank_error(text: str, fmt: str) -> None:
    try:
        load_bank(text, fmt)
    except BankError:
        pass


@settings(deadline=None, max_examples=200)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=12))
def test_arbitrary_json_values_only_ever_raise_bank_error(value: object) -> None:
    data = {"format": "quizapp-bank", "version": 1, "title": "t", "questions": [value]}
    try:
        load_bank(json.dumps(data))
    except BankError:
        pass


def test_bank_tags_and_quiz_settings_round_trip():
    from quizapp.core.banks.model import Bank, QuizSettings
    from quizapp.core.banks.native import dump_bank, load_bank

    bank = Bank(title="T", tags=["elections"], quiz=QuizSettings(mode="test", questions=10))
    again = load_bank(dump_bank(bank, "json"), "json")
    assert again.tags == ["elections"]
    assert again.quiz == QuizSettings(mode="test", questions=10)


def test_bank_quiz_settings_are_checked_with_their_line():
    import pytest

    from quizapp.core.banks.model import BankError
    from quizapp.core.banks.native import load_bank

    text = '{"format": "quizapp-bank", "version": 1, "title": "T",\n "quiz": {"mode": "exam"}}'
    with pytest.raises(BankError) as info:
        load_bank(text, "json")
    assert info.value.line == 2 and "mode" in info.value.reason
