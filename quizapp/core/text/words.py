r"""Whole words in text without compiling a pattern per word: `(?<!\w)WORD(?!\w)` by `str.find`,
for the checks that look up a different name or number in every sentence."""

from __future__ import annotations

import re


def _wordy(char: str) -> bool:
    """Tell whether a character is a word character as `re` reads `\\w`."""
    return char.isalnum() or char == "_"


def word_spans(text: str, word: str, before_only: bool = False) -> list[tuple[int, int]]:
    """Return where `word` stands in `text` with no word character right before it, nor right
    after it unless `before_only`."""
    found: list[tuple[int, int]] = []
    if not word:
        return found
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _wordy(text[at - 1])) and (
                before_only or end == len(text) or not _wordy(text[end])):
            found.append((at, end))
        at = text.find(word, at + 1)
    return found


def same_length_lower(text: str) -> str:
    """Return `text` in lower case with its offsets kept: a letter whose lower case is longer
    ("İ" is "i" and a dot) stays as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def has_word(text: str, word: str, ignore_case: bool = False) -> bool:
    """Tell whether `word` stands in `text` as whole words (`(?<!\\w)word(?!\\w)`)."""
    if ignore_case:
        low, low_word = text.lower(), word.lower()
        if len(low) != len(text) or len(low_word) != len(word):  # "İ": lower case is longer
            return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None
        text, word = low, low_word
    return bool(word_spans(text, word))


def replace_number(text: str, number: str, new: str) -> str | None:
    """Return `text` with the first whole `number` replaced by `new`, or None when it has none:
    a whole number has no digit, comma or point right before it, and no digit nor decimal or
    thousands part right after it (`(?<![\\d,.])NUMBER(?![\\d]|[,.]\\d)`)."""
    at = text.find(number) if number else -1
    while at >= 0:
        end = at + len(number)
        before = text[at - 1] if at else " "
        after, then = text[end : end + 1], text[end + 1 : end + 2]
        if not (before.isdecimal() or before in (",", ".")) and not (
                after.isdecimal() or (after in (",", ".") and then.isdecimal())):
            return text[:at] + new + text[end:]
        at = text.find(number, at + 1)
    return None
