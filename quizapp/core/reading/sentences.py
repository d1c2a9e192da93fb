"""Split English news prose into sentences with exact offsets into the source text.

Paragraphs (blank-line separated) are split first, then lines: a line break ends a sentence
unless the paragraph looks hard-wrapped or the next line starts in lower case. Within a run of
text, a boundary is `.`, `!`, `?` or an ellipsis (plus closing quotes and brackets) followed by
space, unless an abbreviation, an initial or an open quotation says otherwise. Linear scanning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """A sentence: `text == source[start:end]`, trimmed of surrounding whitespace."""

    start: int
    end: int
    text: str


#: Titles that precede a name: never a sentence end when a capitalised word follows.
TITLES = frozenset(
    "mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr brig rep reps "
    "sen sens gov govt atty amb rev fr st ste mt ft hon rt pres supt det insp".split()
)
#: Abbreviations that never end a sentence.
CONTINUING = frozenset("vs v e.g i.e cf approx viz al".split())
#: Abbreviations that often precede a number ("No. 5", "Dec. 23", "p. 4").
BEFORE_NUMBER = frozenset(
    "no nos vol vols p pp fig figs art sec ch op ca c pt pts tel ext ref jan feb mar apr jun jul "
    "aug sep sept oct nov dec est rs".split()
)
#: Abbreviations that end a sentence only when a typical sentence opener follows them.
AMBIGUOUS = frozenset(
    "inc corp co ltd llc plc bros jr sr etc dept univ assn intl ave blvd rd hwy a.m p.m jan feb "
    "mar apr jun jul aug sep sept oct nov dec".split()
)
#: Words that typically open a sentence in news prose.
OPENERS = frozenset(
    "a an the this that these those it its he she they we i you his her their our my your there "
    "here but and or so yet if when while after before since as at in on by for from with "
    "however meanwhile still also then now thus indeed instead although though because despite "
    "what why how who where which some many most several all both each no not one two three "
    "four five six seven eight nine ten dozens hundreds thousands "
    "officials police authorities according last next earlier later".split()
)

MAX_QUOTE = 800  # longer "quotations" are mismatched quote marks: do not let them hide boundaries
_WRAP_MIN_WIDTH = 50

_PARA_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_CANDIDATE = re.compile(r"(?:[.!?\u2026]+)[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
_TOKEN_BEFORE = re.compile(r"[A-Za-z](?:[A-Za-z]*|(?:\.[A-Za-z])*)$")
_NEXT = re.compile(r"\s*[\"'\u201c\u2018\u00ab(\[]*(\S)?(\w*)")
_SPEECH_TAG = re.compile(
    r"\s+(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž]|(?:al|el|bin|ibn|abu|de|da|di|van|von|le|la)-)[\w\u2019'.-]*\s+){1,4}"
    r"(?:said|asked|says|asks|added|wrote|told|tweeted|"
    r"shouted|replied|insisted|demanded|wondered)\b")
_QUOTE = re.compile(r"[\"'\u201c\u201d\u2018\u2019]")
_BULLET = re.compile(r"[-*\u2022\u2013\u2014]\s|\d+[.)]\s")
_LIST_MARK = re.compile(r"[\u00b7\u2022\u25aa\u25cf\u2023\u25e6]\s+")
_TERMINAL = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the blank-line separated paragraphs, trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARA_BREAK.finditer(text):
        _add_trimmed(text, pos, match.start(), spans)
        pos = match.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences in order, with offsets into `text`."""
    sentences: list[Sentence] = []
    for p_start, p_end in paragraphs(text):
        for s_start, s_end in _segments(text, p_start, p_end):
            for start, end in _split_segment(text, s_start, s_end):
                marker = _LIST_MARK.match(text, start, end)
                if marker and end - marker.end() > 12:
                    start = marker.end()  # "· In 102 of the 188 authorities ...": a list's mark
                sentences.append(Sentence(start, end, text[start:end]))
    return sentences


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the span of `text[start:end]` without its surrounding whitespace, if not empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Group a paragraph's lines into runs that may hold several sentences but no hard break."""
    lines: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        _add_trimmed(text, pos, stop, lines)
        pos = stop + 1
    if len(lines) < 2:
        return lines
    texts = [text[s:e] for s, e in lines]
    wrapped = is_hard_wrapped(texts)
    runs = [lines[0]]
    for i in range(1, len(lines)):
        if wrapped or continues_line(texts[i - 1], texts[i]):
            runs[-1] = (runs[-1][0], lines[i][1])
        else:
            runs.append(lines[i])
    return runs


def is_hard_wrapped(lines: list[str]) -> bool:
    """Tell whether a paragraph's trimmed lines were wrapped at a fixed width."""
    body = lines[:-1]
    if len(body) < 2:
        return False
    widths = sorted(len(line) for line in body if not _TERMINAL.search(line))
    width = widths[-1] if widths else 0
    if width < _WRAP_MIN_WIDTH or width > 100 or widths[len(widths) // 5] < 0.6 * width:
        return False  # the lines left open share one width (a short byline or dateline line
        # may open the block, and paragraphs may end short within it)
    if any(_BULLET.match(line) for line in lines):
        return False
    open_ends = sum(1 for line in body if not _TERMINAL.search(line))
    return open_ends * 2 >= len(body)


def continues_line(prev: str, line: str) -> bool:
    """Tell whether `line` continues the sentence of `prev`: a lower-case start after no stop,
    or any start after a line that ends on a comma or on a word no sentence or heading ends
    with ("growth of" / "2.7 percent", "for the" / "U.N.'s")."""
    if _BULLET.match(line) or _TERMINAL.search(prev):
        return False
    words = prev.split()
    return line[:1].islower() or prev.rstrip().endswith((",", ";")) or bool(words) and (
        words[-1].lower() in _GLUE)  # ("... from January to March," / "£5,341 from April")


#: Words a sentence or a heading never ends with: articles, prepositions, conjunctions.
_GLUE = frozenset(
    "the a an of to for and or nor but in on at by from with as than that into onto over under "
    "between among its their his her our your my whose".split()
)


def _split_segment(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one run of text (no hard breaks inside) into sentence spans."""
    quotes = _quote_spans(text, start, end)
    spans: list[tuple[int, int]] = []
    q = 0
    sent_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        stop = match.end()
        if stop >= end:
            break
        while q < len(quotes) and quotes[q][1] <= stop:
            q += 1
        if q < len(quotes) and quotes[q][0] < match.start():
            continue  # inside an open quotation
        if _is_boundary(text, match.start(), match.group(), stop, end):
            _add_trimmed(text, sent_start, stop, spans)
            sent_start = stop
    _add_trimmed(text, sent_start, end, spans)
    return spans


def _is_boundary(text: str, punct_at: int, punct: str, stop: int, end: int) -> bool:
    """Decide whether the punctuation at `punct_at` ends a sentence, from its two neighbours."""
    after = _NEXT.match(text, stop, end)
    first = after.group(1) if after else None
    if not first:
        return True
    word = first + after.group(2)
    upper = first.isupper() or (first.islower() and any(c.isupper() for c in word[1:]))
    if first.islower() and not upper:
        return False
    if punct != "." and punct[-1] in "\"\u201d\u2019'" and _SPEECH_TAG.match(text, stop, end):
        return False  # '"Who counted them?" Ana Ruiz asked.': the tag ends the sentence
    if punct != ".":
        return True  # "?", "!", an ellipsis, or `."` `.)`: no abbreviation reading
    token_match = _TOKEN_BEFORE.search(text, max(0, punct_at - 20), punct_at)
    if not token_match or (token_match.start() > 0 and text[token_match.start() - 1].isalnum()):
        return True  # after a digit or a symbol: "in 2024. The" ends
    token = token_match.group()
    key = token.lower()
    if key in CONTINUING:
        return False
    if first.isdigit():
        return not (key in BEFORE_NUMBER or key in AMBIGUOUS or key in TITLES or "." in key)
    if not upper:
        return True  # a symbol or a digit-less oddity: "$5bn", "#1", "- item"
    if key in TITLES and token[0].isupper():
        return False
    if (len(token) == 1 and token.isupper()) or "." in key or key in AMBIGUOUS:
        return word.lower() in OPENERS
    return True


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the (open, close + 1) spans of matched quotations in `text[start:end]`, merged."""
    spans: list[tuple[int, int]] = []
    double: list[int] = []
    single: list[int] = []
    for match in _QUOTE.finditer(text, start, end):
        i = match.start()
        mark = match.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opens = not before.isalnum() and not after.isspace() and before not in ".,!?;"
        closes = not before.isspace() and not after.isalnum()
        if mark in '\u201c\u201d"':
            if double and (mark == "\u201d" or (mark == '"' and closes)):
                spans.append((double.pop(), i + 1))
            elif mark == "\u201c" or (mark == '"' and opens):
                double.append(i)
        elif mark != "\u2019" and opens and not after.isdigit():  # not "the '90s"
            single.append(i)
        elif single and closes:
            spans.append((single.pop(), i + 1))
    return _merge([s for s in spans if s[1] - s[0] <= MAX_QUOTE])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping spans, sorted by start."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
