"""The format dispatcher: detection, safe decoding, and load/dump in every format."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from quizapp.core.banks.formats import EXTENSIONS, FORMATS, detect_format, dump_any, load_any
from quizapp.core.banks.model import BankError
from quizapp.core.banks.native import load_bank

BANKS = Path(__file__).parents[2] / "data" / "banks"


def data(name: str) -> bytes:
    return (BANKS / name).read_bytes()


@pytest.mark.parametrize(
    ("filename", "fmt"),
    [
        ("small.json", "json"),
        ("small.yaml", "yaml"),
        ("moodle_style.xml", "moodle-xml"),
        ("moodle_examples.gift.txt", "gift"),
        ("small.aiken.txt", "aiken"),
    ],
)
def test_fixtures_are_detected_and_load(filename: str, fmt: str) -> None:
    assert detect_format(filename, data(filename)) == fmt
    assert detect_format("upload.txt", data(filename)) == fmt or fmt not in ("gift", "aiken")
    bank = load_any(data(filename), filename, skip_unsupported=True)
    assert bank.questions and bank.title


def test_every_exporting_format_round_trips_through_bytes() -> None:
    bank = load_bank(data("all_types.json"))
    for fmt in FORMATS:
        if fmt == "aiken":
            with pytest.raises(BankError, match="import-only"):
                dump_any(bank, fmt)
            continue
        name = "export" + EXTENSIONS[fmt][0]
        assert load_any(dump_any(bank, fmt).encode("utf-8"), name) == bank


def test_byte_order_marks_are_handled() -> None:
    text = data("small.aiken.txt").decode("utf-8")
    assert load_any(codecs.BOM_UTF8 + text.encode(), "a.aiken").questions
    assert load_any(text.encode("utf-16"), "a.aiken").questions


def test_title_falls_back_to_the_file_name() -> None:
    assert load_any(data("small.aiken.txt"), "Week 3 quiz.aiken.txt").title == "Week 3 quiz"


@pytest.mark.parametrize(
    ("payload", "filename", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "x.gift", "not UTF-8"),
        (b"Q?{=a}\x00", "x.gift", "binary"),
        (b"Q?{=a}" * 10, "x.gift", "limit is 20"),
        (b"hello", "x.docx", "cannot tell the format"),
    ],
)
def test_bad_uploads_get_clear_errors(payload: bytes, filename: str, reason: str) -> None:
    with pytest.raises(BankError, match=reason):
        load_any(payload, filename, max_bytes=20 if "limit" in reason else 5_000_000)


def test_an_explicit_format_wins_over_the_name() -> None:
    assert load_any(data("small.aiken.txt"), "questions.json", fmt="aiken").questions
    with pytest.raises(BankError, match="unknown format"):
        load_any(b"x", "x.txt", fmt="csv")
