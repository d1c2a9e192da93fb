"""Articles: add one from text or a file, fix its details, and show its claims by kind."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..core.banks import model as core
from ..core.claims.extract import extract_claims
from ..core.reading.sentences import Sentence, split_sentences
from ..core.reading.sources import SourceError, read_source
from ..extensions import db
from ..models import Source
from . import ServiceError, storable
from .banks import find_or_add_source
from .sharing import source_for

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

#: Claim kinds as the article page marks them: (css class suffix, abbreviation, label).
CLAIM_KINDS = {
    "source": ("S", "named source"),
    "figure": ("F", "attributed figure"),
    "vague": ("V", "vague attribution"),
    "unsourced": ("U", "figure with no source"),
    "date": ("D", "date"),
}


@dataclass(frozen=True)
class Metadata:
    """Details an instructor gives for an article; None leaves what was read from the text."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Segment:
    """A run of article text, marked with a claim kind or plain (kind None)."""

    text: str
    kind: str | None = None


def decode_article(data: bytes, filename: str) -> str:
    """Return an uploaded article's text, refusing other file types and undecodable bytes."""
    if not filename.lower().endswith(ARTICLE_SUFFIXES):
        raise ServiceError("Upload a .txt, .md or .html file.")
    try:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ServiceError("The file is not UTF-8 text: save it as UTF-8 and try again.") from None


def add_source(
    owner_id: int, text: str, filename: str = "", meta: Metadata = Metadata()
) -> tuple[Source, bool]:
    """Read an article, let given details win over inferred ones; return it and whether new."""
    if "\x00" in text:
        raise ServiceError("This article holds NUL characters, which text never does: "
                           "is it a binary file? Save it as plain text and try again.")
    try:
        doc = read_source(text, filename)
    except SourceError as exc:
        raise ServiceError(f"This article cannot be read: {exc}") from None
    doc = replace(  # typed details were checked by the form; inferred ones are cut to fit
        doc,
        title=storable.clip(meta.title or doc.title or _title_from(filename), Source.title)
        or "Untitled article",
        publisher=storable.clip(meta.publisher or doc.publisher, Source.publisher),
        author=storable.clip(meta.author or doc.author, Source.author),
        date=meta.published.isoformat() if meta.published else doc.date,
        url=(meta.url or doc.url) if not storable.fault(meta.url or doc.url,
                                                        storable.limit(Source.url)) else None,
    )
    source = find_or_add_source(doc, owner_id)
    created = source in db.session.new
    db.session.commit()
    return source, created


def _title_from(filename: str) -> str:
    """Return a title made from a file name."""
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").strip().capitalize()[:500]


def update_source(user_id: int, source_id: int, meta: Metadata) -> Source:
    """Set an article's details; its text (which evidence offsets index) never changes."""
    source = source_for(user_id, source_id)
    if not (meta.title or "").strip():
        raise ServiceError("An article needs a title.")
    source.title = meta.title.strip()[:500]
    source.publisher = (meta.publisher or "").strip()[:200] or None
    source.author = (meta.author or "").strip()[:200] or None
    source.published = meta.published
    source.url = (meta.url or "").strip()[:2000] or None
    db.session.commit()
    return source


def claim_spans(text: str, year: int | None = None) -> list[tuple[int, int, str]]:
    """Return the (start, end, kind) spans to mark in an article, sorted and non-overlapping."""
    spans: list[tuple[int, int, str]] = []
    for claim in extract_claims(text, year=year):
        a = claim.attribution
        if a.strength == "named" and a.mention_start >= 0:
            spans.append((a.mention_start, a.mention_end, "source"))
        elif a.strength == "vague" and a.cue_start >= 0:
            lo = min(a.cue_start, a.mention_start if a.mention_start >= 0 else a.cue_start)
            hi = max(a.cue_end, a.mention_end)
            spans.append((lo, hi, "vague"))
        kind = "unsourced" if a.strength == "none" else "figure"
        spans.extend((f.start, f.end, kind) for f in claim.figures)
        spans.extend((d.start, d.end, "date") for d in claim.dates)
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if start < end and (not kept or start >= kept[-1][1]):
            kept.append((start, end, kind))
    return kept


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut a text into plain and marked segments."""
    out: list[Segment] = []
    at = 0
    for start, end, kind in spans:
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], kind))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def article_view(user_id: int, source_id: int) -> tuple[Source, list[Segment], dict[str, int]]:
    """Return an article with its claims marked by kind, and how many of each kind."""
    source = source_for(user_id, source_id)
    year = source.published.year if source.published else None
    spans = claim_spans(source.text, year)
    counts = {kind: sum(1 for s in spans if s[2] == kind) for kind in CLAIM_KINDS}
    return source, segments(source.text, spans), counts


def sentences_of(source: Source) -> list[Sentence]:
    """Return the sentences of a stored article."""
    return split_sentences(source.text)


def to_core_source(source: Source) -> core.Source:
    """Return a stored article as a core source keyed by its database id."""
    return core.Source(
        id=str(source.id),
        title=source.title,
        text=source.text,
        publisher=source.publisher,
        author=source.author,
        date=source.published.isoformat() if source.published else None,
        url=source.url,
    )
