"""Reading panes: an article's clean text as HTML, split into paragraphs and sentences, once.

An article's text never changes once stored (evidence offsets index it), so each source's pane is
rendered once per process and kept: the plain pane (paragraphs) and the sentence picker (each
sentence a radio input in a label, for evidence questions). Nothing in a pane marks a claim, a
span or an answer: every sentence is rendered alike. Pure functions over text, plus a bounded
in-process cache; no Flask, no database.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from markupsafe import Markup, escape

from .core.reading.sentences import paragraphs, split_sentences

MAX_CACHED = 512  # panes kept per process (an article's pane is a few kilobytes)
ANSWER_FORM = "answer-form"  # the id of the question's form, which the radios belong to


@dataclass(frozen=True)
class Pane:
    """One article's text as HTML: plain, and as a sentence picker."""

    plain: Markup
    picker_parts: tuple[str, ...]  # HTML around each radio's closing ">" (one more than values)
    values: tuple[str, ...]  # the sentences, in order: each radio's value

    def picker(self, selected: str | None = None, focus: bool = True) -> Markup:
        """Return the sentence picker, `selected` checked; focus on it, or on the first one."""
        parts = self.picker_parts
        if selected is None or selected not in self.values:
            if not focus or not self.values:
                return Markup(">".join(parts))
            return Markup(parts[0] + " autofocus>" + ">".join(parts[1:]))
        out = [parts[0]]
        mark = " checked autofocus>" if focus else " checked>"
        for value, part in zip(self.values, parts[1:], strict=True):
            out.append(mark if value == selected else ">")
            out.append(part)
        return Markup("".join(out))


def render_pane(source_id: int, text: str) -> Pane:
    """Render an article's text as paragraphs of sentences (plain and as radio inputs)."""
    sentences = split_sentences(text)
    plain: list[str] = []
    parts: list[str] = []
    values: list[str] = []
    current: list[str] = []  # the picker HTML being built, up to the next radio's ">"
    index = 0
    for p_start, p_end in paragraphs(text):
        plain.append(f"<p>{escape(text[p_start:p_end])}</p>")
        current.append("<p>")
        at = p_start
        while index < len(sentences) and sentences[index].start < p_end:
            s = sentences[index]
            gap = text[at : s.start]
            if gap.strip():
                current.append(str(escape(gap)))
            elif gap and at > p_start:
                current.append(" ")
            current.append(
                f'<label class="sentence"><input type="radio" name="answer" '
                f'id="s{source_id}-{index}" form="{ANSWER_FORM}" value="{escape(s.text)}"'
            )
            parts.append("".join(current))
            current = [f"<span>{escape(s.text)}</span></label>"]
            values.append(s.text)
            at = s.end
            index += 1
        if text[at:p_end].strip():
            current.append(str(escape(text[at:p_end])))
        current.append("</p>")
    parts.append("".join(current))
    return Pane(Markup("".join(plain)), tuple(parts), tuple(values))


_panes: dict[tuple[int, str], Pane] = {}
_lock = threading.Lock()


def cached_pane(source_id: int, text_hash: str) -> Pane | None:
    """Return the pane of a source (by id and text hash) rendered earlier in this process."""
    return _panes.get((source_id, text_hash))


def keep_pane(source_id: int, text_hash: str, text: str) -> Pane:
    """Render a source's pane and keep it (forgetting every pane when the cache is full).

    Keyed by the text's hash too, so that an id reused after a delete gets its own pane.
    """
    pane = render_pane(source_id, text)
    with _lock:
        if len(_panes) >= MAX_CACHED:
            _panes.clear()
        _panes[(source_id, text_hash)] = pane
    return pane


def forget_panes() -> None:
    """Forget every kept pane."""
    with _lock:
        _panes.clear()


_THE_ARTICLE = re.compile(r"\b([Tt])he article\b(?! [“\"])")
_QUOTATION = re.compile(r"(\"[^\"]*\"|“[^”]*”)")


def name_article(prompt: str, title: str | None) -> str:
    """Name the article by its title where a prompt says "the article" (several in a quiz).

    Only the prompt's own words change: quoted statements are the article's words, kept as
    they are; "the article" already followed by a quoted title is left alone.
    """
    if not title:
        return prompt
    quoted = [m.span() for m in _QUOTATION.finditer(prompt)]

    def named(m: re.Match) -> str:
        if any(start <= m.start() < end for start, end in quoted):
            return m.group(0)
        return f"{m.group(1)}he article “{title}”"

    return _THE_ARTICLE.sub(named, prompt)
