"""News web pages: the article body as plain paragraphs, and the metadata the page declares.

Every pass over the tree is iterative and linear (no `decompose`, `insert_before` or `get_text`
per element), so deeply nested or huge pages cost no more than their size.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from quizapp.core.reading.webmeta import collapse, page_meta

#: Elements that are never the article.
DROP_TAGS = frozenset(
    "script style noscript template nav header footer aside figure figcaption form iframe svg "
    "button select input textarea video audio picture canvas object embed dialog menu".split()
)
DROP_ROLES = frozenset("navigation banner contentinfo complementary search dialog".split())
#: Parts of class or id names ("social-share", "related_links") that mark page furniture.
JUNK_PARTS = frozenset(
    "share sharing social related newsletter advert advertisement ad ads promo comments comment "
    "breadcrumb breadcrumbs subscribe subscription cookie cookies sidebar outbrain taboola "
    "recommended popup modal signup".split()
)
#: Lists and paragraphs made almost only of links are menus or "read next" boxes.
LINK_LISTS = frozenset(("ul", "ol", "p"))
BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr td th dl dt "
    "dd address center hr br header footer".split()
)
_SPLIT_CLASS = re.compile(r"[-_\s]+")
_PARAGRAPH = re.compile(r"\n\s*\n")
_TEXT_TYPES = (NavigableString, CData)  # not comments, doctypes or script text

Sizes = dict[int, tuple[int, int]]  # id(tag) -> (visible characters, characters inside links)


def extract_article(html: str) -> tuple[str, dict[str, str]]:
    """Return the article body (paragraphs separated by blank lines) and its metadata."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "html.parser")
    meta = page_meta(soup)
    sizes = _sizes(soup)
    root = _root(soup, sizes)
    # An <h1> inside the article is its headline; one elsewhere on the page may be the logo.
    in_article = root is not soup and root is not soup.body
    heading = (root if in_article or "title" not in meta else soup).find("h1")
    if isinstance(heading, Tag) and sizes[id(heading)][0]:
        meta["title"] = collapse(heading.get_text(" "))
    if "author" not in meta:
        meta.update(_byline(root))
    if "date" not in meta:
        stamp = root.find("time", attrs={"datetime": True})
        if isinstance(stamp, Tag):
            meta["date"] = str(stamp.get("datetime"))
    text = _text(root, _furniture(root, sizes))
    chunks = (collapse(chunk) for chunk in _PARAGRAPH.split(text))
    own = "\n\n".join(chunk for chunk in chunks if chunk)
    return choose_body(_trafilatura(html), own, _furniture_texts(soup)), meta


#: trafilatura's body is kept unless it holds less than this share of the words ours finds
#: (it drops a body it judges too short, or keeps only a lead on some list-like layouts).
MIN_SHARE = 0.6
#: A paragraph shorter than this that only trafilatura keeps ("Sign in", "Contact us") is dropped
#: when our own reading found a body of at least MIN_OWN_PARAGRAPHS paragraphs.
SHORT = 12
MIN_OWN_PARAGRAPHS = 2


def choose_body(theirs: str, own: str, furniture: frozenset[str] = frozenset()) -> str:
    """Return trafilatura's article body, or ours where it found nothing or much less.

    Ours still does better on three things, so they are kept: a paragraph that is only the text
    of a link, button or menu ("Next story: fares rise") is page furniture; a short line outside
    the block of prose we found ("Sign in", "Contact us ...") is too; and a paragraph we read the
    same way keeps its exact characters (no-break spaces)."""
    mine = {_key(p): p for p in own.split("\n\n") if p}
    short_ok = len(mine) < MIN_OWN_PARAGRAPHS  # ours found too little to judge by
    kept = [mine.get(_key(p), p) for p in theirs.split("\n\n")
            if p and not (_key(p) in furniture and len(p.split()) < SHORT)
            and (short_ok or _key(p) in mine or len(p.split()) >= SHORT)]
    if not kept or len(" ".join(kept).split()) < MIN_SHARE * len(own.split()):
        return own
    return "\n\n".join(kept)


def _key(text: str) -> str:
    """Return a paragraph's text with spaces of every kind collapsed."""
    return " ".join(text.replace("\u00a0", " ").split())


def _furniture_texts(soup: BeautifulSoup) -> frozenset[str]:
    """Return the texts of links, buttons and page furniture (menus, headers, footers)."""
    found = set()
    for tag in soup.find_all(["a", "button", *DROP_TAGS]):
        text = _key(tag.get_text(" "))
        if 0 < len(text) < 200:
            found.add(text)
    return frozenset(found)


def _trafilatura(html: str) -> str:
    """Return the article body trafilatura extracts (offline: no fetching), "" on failure."""
    try:
        import trafilatura  # a heavy import: only when a web page is read
    except ImportError:  # pragma: no cover - a dependency; the own extractor still works
        return ""
    try:
        text = trafilatura.extract(html, output_format="txt", include_comments=False,
                                   include_tables=False, include_images=False,
                                   include_links=False, deduplicate=False) or ""
    except Exception:  # noqa: BLE001 - any page trafilatura cannot parse falls back to ours
        return ""
    paragraphs = (collapse(line) for line in text.splitlines())
    return "\n\n".join(p for p in paragraphs if p)


def _sizes(soup: BeautifulSoup) -> Sizes:
    """Measure every element's visible text and link text in one post-order pass."""
    sizes: Sizes = {}
    stack: list[tuple[Tag, bool]] = [(soup, False)]
    while stack:
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for child in node.contents if isinstance(child, Tag))
            continue
        text = linked = 0
        for child in node.contents:
            if isinstance(child, Tag):
                size, links = sizes[id(child)]
                text += size
                linked += size if child.name == "a" else links
            elif type(child) in _TEXT_TYPES:
                text += len("".join(child.split()))
        sizes[id(node)] = (text, linked)
    return sizes


def _root(soup: BeautifulSoup, sizes: Sizes) -> Tag | BeautifulSoup:
    """Choose the element that holds the article body."""
    # find_all, not CSS select: soupsieve is several times slower on large pages.
    for name, attrs in ((None, {"itemprop": "articleBody"}), ("article", {}), ("main", {})):
        found = [tag for tag in soup.find_all(name, attrs=attrs) if sizes[id(tag)][0]]
        if found:
            return max(found, key=lambda tag: sizes[id(tag)][0])
    return _densest(soup, sizes) or soup.body or soup


def _densest(soup: BeautifulSoup, sizes: Sizes) -> Tag | None:
    """Find the element whose paragraphs hold the most text (a parent scores its children)."""
    scores: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for paragraph in soup.find_all("p"):
        length = sizes[id(paragraph)][0]
        if length < 25:
            continue
        parent = paragraph.parent
        grandparent = parent.parent if parent is not None else None
        for tag, share in ((parent, 1.0), (grandparent, 0.6)):
            if isinstance(tag, Tag) and tag.name not in ("html", "[document]"):
                tags[id(tag)] = tag
                scores[id(tag)] = scores.get(id(tag), 0.0) + length * share
    if not scores:
        return None
    return tags[max(scores, key=scores.__getitem__)]


def _byline(root: Tag | BeautifulSoup) -> dict[str, str]:
    """Find the author in a rel=author link or an itemprop=author element of the body."""
    for attrs in ({"rel": "author"}, {"itemprop": "author"}):
        tag = root.find(attrs=attrs)
        if isinstance(tag, Tag):
            name = collapse(tag.get_text(" "))
            if 0 < len(name.split()) <= 6:
                return {"author": name}
    return {}


def _furniture(root: Tag | BeautifulSoup, sizes: Sizes) -> set[int]:
    """Return the ids of the elements under `root` that are navigation, media or furniture."""
    total = sizes[id(root)][0]
    skip: set[int] = set()
    for tag in root.find_all(True):
        text, linked = sizes[id(tag)]
        if (
            tag.name in DROP_TAGS
            or (tag.name in LINK_LISTS and text and linked >= 0.8 * text)
            or (_looks_like_furniture(tag) and text * 2 < total)
        ):
            skip.add(id(tag))
    return skip


def _looks_like_furniture(tag: Tag) -> bool:
    """Tell whether a tag's role, class or id marks it as page furniture."""
    if str(tag.get("role", "")).lower() in DROP_ROLES or tag.get("aria-hidden") == "true":
        return True
    names = " ".join(
        str(name) for name in tag.get_attribute_list("class") + tag.get_attribute_list("id")
    )
    return any(part.lower() in JUNK_PARTS for part in _SPLIT_CLASS.split(names) if part)


def _text(root: Tag | BeautifulSoup, skip: set[int]) -> str:
    """Render the text under `root`, blank lines around blocks, leaving out skipped elements."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            parts.append("\n\n")
        elif isinstance(node, Tag):
            if id(node) in skip:
                continue
            if node.name in BLOCK_TAGS:
                parts.append("\n\n")
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) in _TEXT_TYPES:
            parts.append(str(node))
    return "".join(parts)
