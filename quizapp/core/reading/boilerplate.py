"""What is not the article: Markdown marks, page furniture, photo credits and repeated captions."""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Emphasis and link texts are at most 300 characters: that bounds the work per mark.
_MARKDOWN = [
    (re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\n]{0,2000}\)"), ""),  # images
    (
        re.compile(
            r"\[([^\[\]\n]{1,300})\]\((?:[^()\s]|\([^()\s]*\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"
        ),
        r"\1",
    ),
    (re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,100}\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>\s]{1,2000})>"), r"\1"),  # autolinks
    (re.compile(r"^\s{0,3}(?:>\s?)+"), ""),  # block quotes
    (re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$|^\s{0,3}#{1,6}$"), ""),  # ATX headings
    (re.compile(r"^\s{0,3}[-*+\u2022]\s+(?=\S)"), ""),  # bullets
    (re.compile(r"(?<![\w*])\*\*(?=\S)((?:[^*]|\*(?!\*)){1,300}?)(?<=\S)\*\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])__(?=\S)((?:[^_]|_(?!_)){1,300}?)(?<=\S)__(?![\w_])"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]{1,300}?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_]{1,300}?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)([^~]{1,300}?)(?<=\S)~~"), r"\1"),
    (re.compile(r"`([^`\n]{1,300})`"), r"\1"),
]
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_HIDDEN = 0xE000  # escaped ASCII marks travel as private-use characters
_UNHIDE = {_HIDDEN + code: code for code in range(128)}
_REFERENCE = re.compile(r"\s{0,3}\[[^\]]+\]:\s*\S+.*")
_RULE = re.compile(r"[\s\W_]*")  # lines of symbols only: rules, setext underlines, "* * *"

_FURNITURE = re.compile(
    r"(?:trending(?: now| stories)?|advertisement|advertising|ad|sponsored(?: content)?|"
    r"share(?: this)?(?: article| story| page| post)?|share on \w+|read more|read next|"
    r"(?:related|more|top|latest)(?: articles| stories| content| news| topics| coverage)?|"
    r"recommended(?: for you| stories)?|most (?:read|popular|viewed)|see also|also read|"
    r"skip (?:advert|advertisement|ad)|continue reading|click here.*|"
    r"sign up (?:for|to) .*newsletters?.*|subscribe(?: now| today)?|follow us(?: on .*)?|"
    r"listen to (?:this|the) (?:article|story)|\d+ min(?:ute)?s? read|comments?(?: \(\d+\))?|"
    r"loading|print|email|whatsapp|facebook|twitter|linkedin|copy link)\W*",
    re.I,
)
_POINTER = re.compile(
    r"(?:read more|read also|also read|read next|related|see also|more on this|more on|"
    r"recommended|watch|must read|don'?t miss|suggested)\s*(?:[:|>\u00bb\u2013\u2014]|-\s).*",
    re.I,
)
_READ_AT = re.compile(
    r"read (?:more|the (?:full|original) (?:story|article)) (?:@|at|on)\s+(?P<site>\S+?)\W*",
    re.I,
)
_CREDIT = re.compile(
    r"(?:(?:photo|photograph|image|picture|pic|illustration|video|graphic|main image|"
    r"top image|header image|cover image)s?(?: credit| source)?|credits?|image source)"
    r"\s*(?::|\||by\b)\s*.{0,150}",
    re.I,
)
_INLINE_CREDIT = re.compile(
    r"\s*\((?:[^()]*(?:Getty Images|Shutterstock|AP Photo|Alamy|iStock|EPA-EFE|"
    r"(?:Photo|Image|Picture|Credit)s?\s*:)[^()]*)\)"
)
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")
_COPYRIGHT = re.compile(r"(?:\u00a9|\(c\)|copyright\b).{0,200}", re.I)
_URL_LINE = re.compile(r"(?:(?:source|url|link|via|original)\s*:?\s*)?<?(?P<url>https?://\S+?)>?")
_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_SPACES = re.compile(r"[ \t\f\v]+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def strip_markdown(text: str, *, escapes: bool = True) -> str:
    """Remove Markdown marks (emphasis, headings, links, images, bullets) and keep the words."""
    text = _COMMENT.sub("", text)
    lines = []
    for line in text.split("\n"):
        if _REFERENCE.fullmatch(line):
            continue
        if escapes:  # hide escaped marks from the patterns, then put them back bare
            line = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), line)
        for pattern, repl in _MARKDOWN:
            line = pattern.sub(repl, line)
        lines.append(line.translate(_UNHIDE) if escapes else line)
    return "\n".join(lines)


def tidy_line(line: str) -> str:
    """Trim a line and collapse its runs of spaces and tabs."""
    return _SPACES.sub(" ", line).strip()


def drop_furniture(lines: list[str], fields: dict[str, str]) -> list[str]:
    """Blank the lines that are page furniture or credits; note a "Read more @ site" publisher."""
    kept: list[str] = []
    for raw in lines:
        line = _INLINE_CREDIT.sub("", tidy_line(raw)).strip()
        read_at = _READ_AT.fullmatch(line)
        url = _URL_LINE.fullmatch(line)
        if read_at:
            fields.setdefault("publisher", read_at.group("site"))
            line = ""
        elif url:
            fields.setdefault("url", url.group("url"))
            line = ""
        elif is_furniture(line):
            line = ""
        kept.append(line)
    return kept


def is_furniture(line: str) -> bool:
    """Tell whether a whole line is page furniture, a photo credit or a markup leftover."""
    if not line:
        return False
    if _RULE.fullmatch(line) or _FURNITURE.fullmatch(line) or _POINTER.fullmatch(line):
        return True
    if _CREDIT.fullmatch(line) and not _TERMINAL.search(line):
        return True
    if _BRACKETED.fullmatch(line) and len(line.split()) <= 8:
        return True  # "(Getty Images)", "[Reuters]"
    return bool(_COPYRIGHT.match(line)) and len(line.split()) <= 25


def drop_repeats(lines: list[str]) -> list[str]:
    """Drop lines repeated in a row, captions (no final stop) with every copy."""
    kept = list(lines)
    previous = -1
    run: list[int] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if previous >= 0 and _same(lines[previous], line):
            run.append(i)
        else:
            _blank_run(kept, run)
            run = [i]
        previous = i
    _blank_run(kept, run)
    return kept


def _same(a: str, b: str) -> bool:
    """Compare two lines ignoring case, curly quotes and spacing."""
    return a.translate(_QUOTES).casefold().split() == b.translate(_QUOTES).casefold().split()


def _blank_run(lines: list[str], run: list[int]) -> None:
    """Blank the repeats in a run of identical lines (all of them when they are captions)."""
    if len(run) < 2:
        return
    caption = not _TERMINAL.search(lines[run[0]])
    for i in run if caption else run[1:]:
        lines[i] = ""
