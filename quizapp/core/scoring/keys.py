"""The forms an answer key allows: a parenthetical equivalent, an appositive, a place's parts.

Keys are often written with more than the answer itself: "Ryu Seong-hyeon, a former North Korean
sergeant", "the WHO (World Health Organization)", "90 miles (140 kilometers)", "Red Square,
Moscow". A fair marker accepts the name without its description, either of two equivalent forms,
and a place named more broadly or more narrowly than the key, as the sentence supports.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from quizapp.core.scoring.evidence_names import TITLES
from quizapp.core.text.normalise import COUNTRIES, GLUE, clean, keys, tokenise, translit
from quizapp.core.text.numbers import find_numbers

_PAREN = re.compile(r"\s*\(([^()]{1,120})\)")
#: A parenthetical that says how the answer was relayed, not what it is ("relayed by Yonhap").
_RELAYED = re.compile(
    r"^(?:relayed|reported|quoted|cited|citing|via|according|through|from|on behalf|as told|"
    r"speaking|writing|in a|in an|on|at|who|which|formerly|now)\b",
    re.IGNORECASE,
)
#: ", a former North Korean sergeant": a description set off after a name.
_APPOSITIVE = re.compile(
    r",\s+(?=(?:a|an|the|his|her|its|their|former|then|now|who|which|whose)\b)", re.IGNORECASE
)
_LIST = re.compile(r",.*\b(?:and|or)\b|\b(?:and|or|&)\b", re.IGNORECASE)


def _figures(text: str) -> int:
    """Count the numbers in a text (a figure key's parts)."""
    return len([m for m in find_numbers(text) if not (m.word and m.value == 1)])


@lru_cache(maxsize=4096)
def key_forms(expected: str, kind: str, evidence: str = "") -> tuple[str, ...]:
    """Return the key itself and the other forms of it a fair marker accepts."""
    text = clean(expected).strip()
    forms = [expected]
    m = _PAREN.search(text)
    if m:
        inside = m.group(1).strip()
        outside = " ".join((text[: m.start()] + " " + text[m.end() :]).split()).strip(" ,")
        if kind == "figure":
            if _figures(inside) == 1 and _figures(outside) == 1:
                forms += [outside, inside]  # "84 months (seven years)": either form
            elif _figures(outside) >= 1 and _figures(inside) > 1:
                pass  # "6,000 (1,000 sappers and 5,000 engineers)": a breakdown, not an equal
        elif kind == "date":
            pass  # "June (2024)": the dates module reads both parts together
        elif _RELAYED.match(inside):
            forms.append(outside)  # "South Korea's military (relayed by Yonhap)"
        elif m.start() > 0 and text[m.end() :].strip(" .,"):
            forms += [outside, " ".join(text.replace("(", " ").replace(")", " ").split())]
        elif outside:
            forms += [outside, inside]
    elif kind in ("source", "text"):
        head = _APPOSITIVE.split(text, maxsplit=1)[0].strip()
        if head != text and head:
            forms.append(head)
    elif kind == "place" and "," not in text and not _LIST.search(text):
        forms += _site_town(text)
    elif kind == "place" and "," in text and not _LIST.search(text):
        known = set(keys(evidence))
        for part in text.split(",")[1:]:
            part_keys = keys(part)
            if part_keys and all(k in known for k in part_keys):
                forms.append(part.strip())
    return tuple(dict.fromkeys(f for f in forms if f.strip()))


#: Sites that are named after the town they are in ("Cambridge Botanic Garden" -> Cambridge).
_SITES = frozenset(
    "garden gardens university college hospital airport station stadium arena museum palace "
    "cathedral church mosque temple prison park zoo port harbour harbor bridge market centre "
    "center hall theatre theater library castle abbey base".split()
)
#: Leading words of a site's name that are no town ("Royal Albert Hall", "Central Park").
_NOT_TOWNS = frozenset(
    "north south east west northern southern eastern western central national royal grand great "
    "old new saint st upper lower red white black green blue golden main city state union "
    "independence liberty freedom victory memorial international general olympic botanic".split()
)


def _site_town(text: str) -> list[str]:
    """Return the town a site's name starts with, a place at a wider level, or nothing."""
    words = [t for t in tokenise(text) if not t.punct and t.key not in GLUE]
    if not 2 <= len(words) <= 4 or words[-1].key not in _SITES:
        return []
    first = words[0]
    if not first.cap or len(first.key) < 4 or first.key in _NOT_TOWNS or first.key in _SITES:
        return []
    if first.text.endswith("'s") or first.key in COUNTRIES:
        return []
    return [first.text]


_DESCRIBED = re.compile(r"^(?P<name>[^,(]+?)\s*(?:,|\s-\s|\()\s*(?P<what>[^)]+)\)?\s*$")
#: Courtesy titles claim nothing about a person's role ("Mr Shoigu", "Dr Moeti").
_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mx", "doctor", "sir", "dame"})


def description_fault(answer: str, expected: str, evidence: str) -> str | None:
    """Return why a description added to a right name is not the article's, or None.

    "Sergei Shoigu, Russia's defence minister", "Defence Minister Shoigu" and "Shoigu, who is
    defence minister" are wrong where the article calls him Security Council Secretary: a title
    word the answer adds, before or after the name, must be one the key or the evidence uses.
    """
    m = _DESCRIBED.match(clean(answer))
    said = _said(expected, evidence)
    named = frozenset(keys(expected))
    if m is not None:
        added = [t for t in tokenise(m.group("what")) if not t.punct and t.key not in GLUE]
    else:
        added = [t for t in tokenise(answer) if not t.punct and t.key not in named]
    titles = [t for t in added if t.key in TITLES or t.key in _ROLE_WORDS]
    if m is None:  # before the name or in a clause: a person's title, not a body's kind
        titles = [t for t in titles if t.key not in _BODY_WORDS]
    if any(not _title_said(t.key, said) for t in titles):
        return "Your answer describes them with a title the article does not give."
    if any(t.key in _TENURE and t.key not in said for t in added):
        return "Your answer says they hold the post at another time than the article does."
    if m is not None and any(
        t.cap and t.key not in COUNTRIES and t.key not in TITLES and not _name_said(t.key, said)
        for t in added
    ):
        return "Your answer describes them with a name the article does not give."
    if m is not None and any(t.key in COUNTRIES and t.key not in said for t in added):
        return "Your answer describes them with a country the article does not give."
    return None


#: Titles written as initials, and the words the article may spell them out with.
_TITLE_FORMS = {"ceo": ("chief", "executive"), "cfo": ("chief", "financial"),
                "coo": ("chief", "operating"), "pm": ("prime", "minister")}
_BODY_WORDS = frozenset({"agency", "ministry"})
#: Words that place a post in time ("the former mayor" for the mayor).
_TENURE = frozenset({"former", "ex", "acting", "interim", "retired", "late", "outgoing"})


def _title_said(title: str, said: frozenset[str]) -> bool:
    """Say whether the key or the evidence gives a title ("CEO" for chief executive).

    A word of the same stem counts ("President X" where she won the presidential election).
    """
    if title in said or title in _COURTESY:
        return True
    if title in _TITLE_FORMS:
        return all(w in said for w in _TITLE_FORMS[title])
    stem = title[: max(5, len(title) - 2)]
    return len(title) >= 5 and any(w.startswith(stem) for w in said)


def _name_said(word: str, said: frozenset[str]) -> bool:
    """Say whether a name the answer adds is one of the key or the evidence, perhaps misspelt."""
    if word in said:
        return True
    if len(word) < 5:
        return False
    spelt = translit(word)
    return any(
        len(w) >= 5 and (translit(w) == spelt or DamerauLevenshtein.distance(w, word) <= 1)
        for w in said
    )


#: Role words that titles do not list but descriptions use ("the BAT boss").
_ROLE_WORDS = frozenset(
    "boss chief head minister secretary spokesman spokeswoman spokesperson commander general "
    "sergeant officer official lawyer attorney prosecutor judge editor reporter correspondent "
    "agency ministry".split()
)


def foreign_country(answer: str, expected: str, evidence: str) -> str | None:
    """Return why the answer names a country that neither the key nor the evidence names."""
    named = {k for k in keys(answer) if k in COUNTRIES}
    if not named:
        return None
    said = _countries(expected, evidence)
    if said and not named <= said:
        return "The country in your answer is not the one in the article."
    return None


@lru_cache(maxsize=2048)
def _countries(expected: str, evidence: str) -> frozenset[str]:
    """Return the countries the key and the evidence name."""
    return frozenset(k for k in keys(expected) + keys(evidence) if k in COUNTRIES)


@lru_cache(maxsize=2048)
def _said(expected: str, evidence: str) -> frozenset[str]:
    """Return the keys of every word of the key and the evidence."""
    return frozenset(keys(expected)) | frozenset(keys(evidence))
