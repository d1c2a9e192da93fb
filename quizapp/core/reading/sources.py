"""Read a news article (plain text, Markdown or HTML) into a `bank.Source` with clean text.

The clean text is what evidence offsets index: the article's own characters, paragraphs separated
by one blank line, and none of the page around it (headline, byline, dates, captions, credits,
"Read more" lines). Metadata comes from header lines, YAML front matter or HTML meta tags when
present, and is otherwise inferred from the lines at the top of the article.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from quizapp.core.banks.model import Source
from quizapp.core.reading.boilerplate import drop_furniture, drop_repeats, strip_markdown, tidy_line
from quizapp.core.reading.metadata import header_fields, is_date_line, parse_byline, parse_date
from quizapp.core.reading.sentences import continues_line, is_hard_wrapped, split_sentences
from quizapp.core.reading.webpage import extract_article

FORMATS = ("text", "markdown", "html")
EXTENSIONS = {
    "txt": "text", "text": "text", "md": "markdown", "markdown": "markdown", "mdown": "markdown",
    "mkd": "markdown", "html": "html", "htm": "html", "xhtml": "html", "shtml": "html",
}  # fmt: skip
MAX_TEXT = 2_000_000  # characters of article text
MAX_HTML = 5_000_000  # characters of a web page, scripts and all
MAX_TAGS = 150_000  # html.parser takes seconds per hundred thousand tags; news pages hold far fewer
HEADER_LINES = 12  # how far down the top of an article (headline, byline, dates) may reach

_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)", re.I)
_HTML_TAG = re.compile(
    r"<(?:p|div|article|body|head|h[1-6]|br|span|section|ul|li|a|table|meta|title)\b[^>]*>", re.I
)
_MARKDOWN_HINT = re.compile(r"^(?:#{1,6} |---\s*$)|\*\*\S|\]\(\S", re.M)
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0c\x85]")
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_PROSE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_FILE_WORD = re.compile(r"[A-Za-z]{2,}")


class SourceError(ValueError):
    """The input cannot be read as an article."""


#: A quote mark escaped by the page it was copied from: "Apple\'s", "\"We".
_ESCAPED_QUOTE = re.compile(r"\\(['\"’‘“”])")


def read_source(data: str | bytes, filename: str = "", *, fmt: str | None = None) -> Source:
    """Read an article from text or bytes and return its metadata and clean text."""
    text = _decode(data)
    kind = _format(text, filename, fmt)
    limit = MAX_HTML if kind == "html" else MAX_TEXT
    if len(text) > limit:
        raise SourceError(f"article too large: {len(text):,} characters (limit {limit:,})")
    text = _ESCAPED_QUOTE.sub(r"\1", _INVISIBLE.sub("", _NEWLINES.sub("\n", text)))
    if kind == "html":
        if text.count("<") > MAX_TAGS:
            raise SourceError(f"web page too large: over {MAX_TAGS:,} tags")
        body, fields = extract_article(text)
    else:
        fields, body = header_fields(text.strip())
        body = strip_markdown(body, escapes=kind == "markdown")
    lines = drop_repeats(drop_furniture(body.split("\n"), fields))
    lines = _take_header(lines, fields)
    clean = _paragraphs(lines)
    if not clean:
        raise SourceError("empty article: no article text found")
    if len(clean) > MAX_TEXT:
        raise SourceError(f"article too large: {len(clean):,} characters (limit {MAX_TEXT:,})")
    return _source(clean, fields, filename)


def _decode(data: str | bytes) -> str:
    """Turn input into text, refusing what is not text."""
    if isinstance(data, bytes | bytearray):
        if len(data) > MAX_HTML * 4:
            raise SourceError(f"article too large: {len(data):,} bytes")
        if data[:4] == b"%PDF" or data[:4] == b"PK\x03\x04" or data[:8] == b"\x89PNG\r\n\x1a\n":
            raise SourceError("not a text article: this looks like a PDF, ZIP or image file")
        text = _bytes_to_text(bytes(data))
    elif isinstance(data, str):
        text = data
    else:
        raise SourceError(f"cannot read an article from {type(data).__name__}")
    sample = text[:100_000]
    if "\x00" in sample or len(_BINARY.findall(sample)) > len(sample) // 100:
        raise SourceError("not a text article: the input looks like binary data")
    if not text.strip():
        raise SourceError("empty article: the input is blank")
    return text


def _bytes_to_text(data: bytes) -> str:
    """Decode bytes as UTF-8 (or UTF-16 with a byte-order mark), else as Windows-1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError("not a text article: invalid UTF-16") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _format(text: str, filename: str, fmt: str | None) -> str:
    """Choose the input format: the one asked for, else from the extension, else the content."""
    if fmt:
        kind = EXTENSIONS.get(fmt.lower().lstrip("."), fmt.lower())
        if kind not in FORMATS:
            raise SourceError(f"unknown article format {fmt!r}: use one of {', '.join(FORMATS)}")
        return kind
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if EXTENSIONS.get(extension) in ("html", "markdown"):
        return EXTENSIONS[extension]
    head = text[:5000]
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 3:
        return "html"
    return "markdown" if _MARKDOWN_HINT.search(head) else "text"


def _take_header(lines: list[str], fields: dict[str, str]) -> list[str]:
    """Take the headline, byline, dates and section labels off the top of the article."""
    lines = list(lines)
    filled = [i for i, line in enumerate(lines) if line]
    top, last = filled[:HEADER_LINES], (filled[-1] if filled else -1)
    zone_end = next((i for i in top if _is_prose(lines[i])), len(lines))
    title_known = "title" in fields
    labels: list[int] = []
    found_meta = title_known
    for i in top:
        line = lines[i]
        author = parse_byline(line)
        if author or is_date_line(line):
            if author:
                fields.setdefault("author", author)
            elif not parse_date(fields.get("date", "")):
                fields["date"] = line
            lines[i] = ""
            found_meta = True
        elif i >= zone_end:
            continue
        elif title_known and _same_title(line, fields["title"]):
            lines[i], title_known = "", False
        elif _is_label(line):
            labels.append(i)
        elif "title" not in fields and _is_headline(line, first=i == top[0]) and i != last:
            fields["title"] = line
            lines[i], found_meta = "", True
    if "title" not in fields and labels and labels[0] == top[0] != last:
        fields["title"] = lines[labels.pop(0)]
        lines[top[0]], found_meta = "", True
    if found_meta:
        for i in labels:
            lines[i] = ""
    return lines


def _is_prose(line: str) -> bool:
    """Tell whether a line reads as article prose: a sentence of several words, or long."""
    return len(line) > 200 or (bool(_PROSE_END.search(line)) and len(line.split()) >= 6)


def _is_headline(line: str, *, first: bool) -> bool:
    """Tell whether a line reads as a headline: no final full stop, and not too long."""
    words = len(line.split())
    return line[-1] not in ".:;," and words <= 40 and (words >= 4 or first)


def _is_label(line: str) -> bool:
    """Tell whether a line is a section label such as "News" or "World News"."""
    words = line.split()
    if not 1 <= len(words) <= 3 or len(line) > 30:
        return False
    return all(w[0].isupper() or w in ("&", "and", "of") for w in words if w.isalpha()) and all(
        w.replace("&", "").isalpha() or w == "&" for w in words
    )


def _same_title(line: str, title: str) -> bool:
    """Tell whether a body line repeats the title (or the title repeats it with a suffix)."""
    a, b = line.casefold().split(), title.casefold().split()
    return a == b or (len(a) >= 4 and b[: len(a)] == a) or (len(b) >= 4 and a[: len(b)] == b)


_ENDED = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def _paragraphs(lines: list[str]) -> str:
    """Join lines into paragraphs separated by one blank line, unwrapping hard-wrapped ones."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        line = tidy_line(line)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    wrapped = [is_hard_wrapped(block) for block in blocks]
    # A document wrapped at some width wraps its two-line paragraphs at that width too.
    width = max(
        (len(line) for b, w in zip(blocks, wrapped, strict=True) if w for line in b[:-1]), default=0
    )
    paragraphs: list[str] = []
    for block, is_wrapped in zip(blocks, wrapped, strict=True):
        own = max((len(line) for line in block[:-1]), default=0)
        for i, text in enumerate(block):
            prev = block[i - 1] if i else ""
            ended = is_wrapped and _ENDED.search(prev) is not None and len(prev) < 0.8 * own
            if i and not ended and (  # a short line with a stop ends a wrapped paragraph
                is_wrapped or continues_line(prev, text) or 0.6 * width <= len(prev) <= width
            ):
                paragraphs[-1] += " " + text
            else:
                paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _source(text: str, fields: dict[str, str], filename: str) -> Source:
    """Build the Source from the clean text and the metadata found."""
    title = tidy_line(fields.get("title", "")) or _fallback_title(text, filename)
    url = fields.get("url") or None
    publisher = fields.get("publisher") or (_site(url) if url else None)
    author = fields.get("author")
    if author and re.match(r"(?i)by\s", author):
        author = parse_byline(author) or author[3:].strip()
    date = parse_date(fields["date"]) if fields.get("date") else None
    slug = "-".join(_SLUG_WORD.findall(title.lower())[:6])[:48].strip("-")
    return Source(
        id=slug or "s1",
        title=title,
        text=text,
        publisher=tidy_line(publisher) if publisher else None,
        author=tidy_line(author) if author else None,
        date=date,
        url=url,
    )


def _fallback_title(text: str, filename: str) -> str:
    """Make a title from a worded filename, else from the first sentence."""
    stem = Path(filename).stem if filename else ""
    words = _FILE_WORD.findall(stem) if not re.search(r"[0-9a-f]{8,}", stem) else []
    if len(words) >= 2:
        return " ".join(words).capitalize()
    sentences = split_sentences(text[:2000])
    first = sentences[0].text if sentences else text[:100]
    if len(first) <= 100:
        return first
    return first[:100].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _site(url: str) -> str | None:
    """Return the host of a URL without "www.", as a stand-in for the publisher."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed URL, such as an unclosed IPv6 bracket
        return None
    return host.removeprefix("www.") or None


def read_source_file(path: str | Path, *, fmt: str | None = None) -> Source:
    """Read an article file (the one I/O helper here; callers may read the bytes themselves)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {file}: {exc.strerror or exc}") from exc
    return read_source(data, file.name, fmt=fmt)
