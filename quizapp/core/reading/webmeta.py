"""Web page metadata: title, author, date, publisher and url from meta tags, JSON-LD and <title>."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, Tag

ARTICLE_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle AnalysisNewsArticle BlogPosting "
    "OpinionNewsArticle BackgroundNewsArticle Report WebPage".split()
)
META_KEYS = {
    "title": ("og:title", "twitter:title", "headline", "dc.title"),
    "author": (
        "author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator",
    ),
    "date": (
        "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date",
        "parsely-pub-date", "sailthru.date", "og:published_time", "article:modified_time",
    ),
    "publisher": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "url": ("og:url", "twitter:url"),
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def collapse(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space and trim."""
    return _SPACES.sub(" ", text).strip()


def page_meta(soup: BeautifulSoup) -> dict[str, str]:
    """Collect title, author, date, publisher and url from meta tags, JSON-LD and <title>."""
    tags: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content") or tag.get("datetime")
        if isinstance(key, str) and isinstance(value, str) and value.strip():
            tags.setdefault(key.strip().lower(), collapse(value))
    meta = _json_ld(soup)
    for field, keys in META_KEYS.items():
        for key in keys:
            if field not in meta and key in tags:
                if field == "author" and tags[key].startswith("http"):
                    continue
                meta[field] = tags[key]
    canonical = soup.find("link", rel="canonical")
    if "url" not in meta and isinstance(canonical, Tag) and canonical.get("href"):
        meta["url"] = str(canonical.get("href"))
    if "title" not in meta and soup.title and soup.title.string:
        meta["title"] = _page_title(collapse(soup.title.string), meta.get("publisher"))
    return meta


def _page_title(title: str, site: str | None) -> str:
    """Trim the site name from a <title> such as "Headline | Site"."""
    parts = [part.strip() for part in re.split(r"\s[|\u2013\u2014-]\s", title)]
    if len(parts) < 2:
        return title
    kept = [p for p in parts if p and p != site and len(p.split()) > 3]
    return kept[0] if kept else parts[0]


def _json_ld(soup: BeautifulSoup) -> dict[str, str]:
    """Read an article's metadata from its JSON-LD script, if any."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & ARTICLE_TYPES and item.get("headline"):
                return _ld_fields(item)
    return {}


def _ld_items(data: object) -> list[dict]:
    """Flatten a JSON-LD document (object, list or @graph) into its objects."""
    items = data if isinstance(data, list) else [data]
    flat: list[dict] = []
    for item in items:
        if isinstance(item, dict):
            flat.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                flat.extend(node for node in graph if isinstance(node, dict))
    return flat


def _ld_fields(item: dict) -> dict[str, str]:
    """Pick headline, author, date, publisher and url from a JSON-LD article object."""
    fields = {
        "title": _ld_name(item.get("headline")),
        "author": _ld_name(item.get("author")),
        "date": _ld_name(item.get("datePublished")),
        "publisher": _ld_name(item.get("publisher")),
        "url": _ld_name(item.get("url")),
    }
    return {key: collapse(value) for key, value in fields.items() if value}


def _ld_name(value: object) -> str | None:
    """Render a JSON-LD value (string, {"name": ...} or list of them) as text."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list):
        names = [name for name in (_ld_name(v) for v in value[:10]) if name]
        return ", ".join(names) or None
    return None
