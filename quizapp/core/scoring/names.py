"""Judge a typed name or phrase: sources, people, places and short text answers."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from quizapp.core.scoring.evidence_names import (
    TITLES,
    EvidenceNames,
    acronym_forms,
    is_acronym,
    person_name,
    read_evidence,
    surname,
)
from quizapp.core.scoring.padding import (
    JOINS,
    NEGATIONS,
    PLACE_LEADS,
    REGIONAL,
    Target,
    extra_claim,
    joined_claim,
)
from quizapp.core.scoring.verdict import Verdict, near_miss, right, wrong
from quizapp.core.text.normalise import COUNTRIES, GLUE, Token, clean, tokenise, translit

_ORG_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited plc llc group holdings building "
    "society party ag sa gmbh news newspaper magazine broadcaster".split()
)
_PLACE_SUFFIXES = frozenset(
    "region province state county district city town village oblast area municipality "
    "prefecture territory governorate stadium arena airport".split()
)
#: A leading phrase that only places the spot ("off the coast of Sumatra" -> "Sumatra").
_LOCATIVE = re.compile(
    r"^\s*(?:just\s+)?(?:off\s+the\s+(?:[a-z]+\s+)?coast\s+of|(?:on\s+)?the\s+outskirts\s+of"
    r"|in\s+the\s+vicinity\s+of|near|outside|off)\s+",
    re.IGNORECASE,
)
_LEADS = {(w,) for w in PLACE_LEADS}


def _words(tokens: tuple[Token, ...]) -> list[Token]:
    """Return the tokens that carry meaning (no punctuation, no glue words)."""
    return [t for t in tokens if not t.punct and t.key not in GLUE]


def _hyphen_joined(a: Token, b: Token, text: str) -> bool:
    """Say whether two capitalised words are one hyphenated name ("Delgado-Ruiz")."""
    return a.cap and b.cap and a.end == b.start - 1 and text[a.end] == "-"


def _shortened(full: tuple[str, ...], kind: str) -> list[tuple[str, ...]]:
    """Return shorter forms of an organisation or place: no leading country, no suffix."""
    forms = []
    keys = list(full)
    while len(keys) > 1 and (
        keys[0] in COUNTRIES or keys[0] == "greater" or kind == "place" and keys[0] in REGIONAL
    ):
        keys = keys[1:]
        forms.append(tuple(keys))
    suffixes = _PLACE_SUFFIXES if kind == "place" else _ORG_SUFFIXES
    while len(keys) > 1 and keys[-1] in suffixes:
        keys = keys[:-1]
        forms.append(tuple(keys))
    return forms


def _abbreviated(words: list[Token]) -> list[tuple[str, ...]]:
    """Return a name with one run of its words cut to initials ("New York Times" -> "ny times")."""
    forms = []
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if j - i < len(words):
                initials = "".join(t.raw[0] for t in words[i:j] if t.raw)
                forms.append(tuple(t.key for t in words[:i]) + (initials,) +
                             tuple(t.key for t in words[j:]))
    return forms


def _clashes(variant: tuple[str, ...], names: EvidenceNames, own: set[int]) -> bool:
    """Say whether a shortened form would also name another entity in the evidence."""
    for i, entity in enumerate(names.entities):
        if i not in own and _contains(entity, variant) is not None:
            return True
    return False


@lru_cache(maxsize=4096)
def target(expected: str, evidence: str, kind: str) -> Target:
    """Work out every form of `expected` that a fair marker accepts, given the evidence."""
    exp_tokens = tokenise(expected)
    words = _words(exp_tokens)
    full = tuple(t.key for t in words)
    names = read_evidence(evidence)
    spoken = [t for t in exp_tokens if not t.punct]
    person, family_first = person_name(spoken, kind, clean(expected))
    variants: list[tuple[str, ...]] = [full]
    exact: set[tuple[str, ...]] = set()
    reduced: list[tuple[str, ...]] = []
    if person:
        variants.append(person)
        reduced.append(person[:1] if family_first else surname(person))
        if len(person) > 2 and _hyphen_joined(spoken[-2], spoken[-1], clean(expected)):
            reduced.append(person[-2:])  # a double surname: "Delgado-Ruiz"
        if len(person) > 2:
            reduced.append((person[0], person[-1]))
    elif not any(t.raw in JOINS for t in exp_tokens):
        if kind == "place":
            spot = _LOCATIVE.sub("", clean(expected))
            head = tokenise(re.split(r",| in | near | outside ", spot)[0])
            head_keys = tuple(t.key for t in _words(head))
            reduced += [head_keys, head_keys[1:] if head_keys[:1] in _LEADS else head_keys]
            if len(words) > 1 and words[0].text.endswith("'s"):  # "Florida's Big Bend region"
                reduced += [full[1:], *_shortened(full[1:], kind)]
        if kind == "place" and len(full) > 1 and full[0] in PLACE_LEADS:
            reduced.append(full[1:])
        reduced.extend(_shortened(full, kind))
    acronyms = set()
    for long, short in names.definitions:
        if any(_contains(long, form) is not None or _contains(form, long) is not None
               for form in (full, *reduced) if form):
            variants.append((short,))
            exact.add((short,))
        if "".join(full) == short:
            variants.append(long)
    if len(words) == 1 and is_acronym(words[0].text):
        acronyms.add(words[0].key)
    elif len(words) >= 2:
        for form in acronym_forms([t for t in exp_tokens if not t.punct]):
            variants.append((form,))
            exact.add((form,))
        if not person and len(words) <= 6:
            short_forms = _abbreviated(words)
            variants.extend(short_forms)
            exact.update(short_forms)
    occurrence, own = names.locate([v for v in (*variants, *reduced) if v])
    for form in reduced:
        if form and form not in variants and not _clashes(form, names, own):
            variants.append(form)
    variants = sorted({v for v in variants if v}, key=len, reverse=True)
    others = names.other_keys(own, occurrence) - {k for v in variants for k in v}
    span = None
    if occurrence is not None:
        span = (names.tokens[occurrence[0]].start, names.tokens[occurrence[1] - 1].end)
    countries = {k for k in full if k in COUNTRIES}
    if occurrence is not None:
        before = [t for t in names.tokens[max(0, occurrence[0] - 3) : occurrence[0]]]
        countries |= {t.key for t in before if t.key in COUNTRIES and not t.punct}
    return Target(
        tuple(variants), frozenset(exact), person, frozenset(acronyms), frozenset(countries),
        frozenset(others), span, full, any(t.raw in NEGATIONS for t in exp_tokens),
    )


def _same(given: str, want: str, others: frozenset[str]) -> bool:
    """Say whether two words match, allowing a typo in long words but never in numbers."""
    if given == want:
        return True
    if len(want) < 5 or len(given) < 4 or not want.isalpha() or given in others:
        return False
    if given in COUNTRIES:
        return False  # "Austria" is not a typo for "Australia"
    allowed = 1 if len(want) < 9 else 2
    if DamerauLevenshtein.distance(given, want, score_cutoff=allowed) <= allowed:
        return True
    given, want = translit(given), translit(want)  # "Kadhafi" for "Gaddafi"
    return DamerauLevenshtein.distance(given, want, score_cutoff=1) <= 1


def _contains(
    keys: tuple[str, ...], variant: tuple[str, ...], others: frozenset[str] = frozenset(),
    fuzzy: bool = False,
) -> int | None:
    """Return where `variant` occurs in `keys` (exactly, or with typos), or None."""
    n = len(variant)
    for i in range(len(keys) - n + 1):
        window = keys[i : i + n]
        if window == variant:
            return i
        if fuzzy and all(map(_same, window, variant, [others] * n)):
            return i
        if fuzzy and n > 1 and any(map(str.__eq__, window, variant)) and all(
            g == w or len(g) >= 3 and w.startswith(g) for g, w in zip(window, variant, strict=True)
        ):
            return i  # a word cut short beside an exact one: "Met Police"
        if fuzzy and n > 1 and _one_slip(window, variant, others):
            return i
    return None


def _each_once(keys: tuple[str, ...], goal: Target) -> bool:
    """Say whether every word of the key is matched by its own word of the answer."""
    left = list(keys)
    for want in goal.full:
        hit = next((k for k in left if _same(k, want, goal.others)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _one_slip(window: tuple[str, ...], variant: tuple[str, ...], others: frozenset[str]) -> bool:
    """Say whether a long name has one typo in one short word ("Maria Delgado-Ruis")."""
    slips = [(g, w) for g, w in zip(window, variant, strict=True) if g != w]
    if len(slips) != 1 or sum(map(len, variant)) < 12:
        return False
    given, want = slips[0]
    return (
        len(want) >= 4 and want.isalpha() and given not in others and given not in COUNTRIES
        and DamerauLevenshtein.distance(given, want, score_cutoff=1) <= 1
    )


def _match(keys: tuple[str, ...], raws: list[Token], goal: Target) -> tuple[int, int] | None:
    """Return the (start, end) of the first accepted form of the target inside the answer."""
    if len(keys) > 1 and sorted(keys) == sorted(goal.full):
        return 0, len(keys)
    if len(keys) > 1 and len(keys) == len(goal.full) and _each_once(keys, goal):
        return 0, len(keys)  # a list in another order, with a typo: "Toretsk, Avdiyivka"
    windows: dict[int, dict[tuple[str, ...], int]] = {}
    for variant in goal.variants:  # exact forms first, longest first, by hashing the windows
        n = len(variant)
        if n not in windows:
            windows[n] = {}
            for i in range(len(keys) - n, -1, -1):
                windows[n][keys[i : i + n]] = i
        at = windows[n].get(variant)
        if at is not None:
            return at, at + n
    for variant in goal.variants:
        if variant in goal.exact:
            continue
        at = _contains(keys, variant, goal.others, True)
        if at is not None:
            return at, at + len(variant)
    joined = _joined(goal.variants)
    whole, typed = "".join(keys), "".join(t.text.casefold() for t in raws)
    if not any(j in whole or j in typed for j in joined):
        joined = {}  # no window can join up to a form: skip the search below
    for size in range(1, min(len(keys), 6) + 1 if joined else 0):
        for i in range(len(keys) - size + 1):
            if "".join(keys[i : i + size]) in joined or "".join(
                t.text.casefold() for t in raws[i : i + size]
            ) in joined:
                return i, i + size  # "You Gov" for "YouGov"
    if goal.acronyms:
        for size in range(2, min(len(raws), 8) + 1):
            for i in range(len(raws) - size + 1):
                if set(acronym_forms(raws[i : i + size])) & goal.acronyms:
                    return i, i + size
    return None


@lru_cache(maxsize=4096)
def _joined(variants: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    """Return each form of a target written as one word ("yougov"), with its number of words."""
    return {"".join(v): len(v) for v in variants}


def judge_name(answer: str, expected: str, evidence: str, kind: str) -> Verdict:
    """Judge a typed name, place or phrase against the expected one."""
    goal = target(expected, evidence, kind)
    tokens = tokenise(answer)
    words = [t for t in tokens if not t.punct and t.key not in GLUE]
    if not words:
        return wrong("Your answer has no words to check.")
    if not goal.denies and any(t.raw in NEGATIONS for t in tokens):
        return wrong(f"Your answer denies something; the article says {expected.strip()}.")
    keys = tuple(t.key for t in words)
    at = _match(keys, words, goal)
    if at is None:
        return _miss(keys, goal, expected)
    problem = extra_claim(words, at, goal, kind) or joined_claim(
        tokens, words, at, goal, kind, evidence
    )
    if problem:
        return wrong(problem, 0.0, goal.span)
    return right("Correct.", goal.span)


def _miss(keys: tuple[str, ...], goal: Target, expected: str) -> Verdict:
    """Explain a wrong name, with partial credit for a partly right one."""
    shown = expected.strip()
    plain = [k for k in keys if k not in TITLES]
    if goal.person and plain and all(k in goal.person[:-1] for k in plain):
        return wrong(f"Give the surname too: the article says {shown}.", 0.0, goal.span)
    if any(k in goal.others for k in keys if k not in COUNTRIES) or (
        keys and all(k in goal.others for k in keys)
    ):
        return wrong(f"That is another name in the article; the answer is {shown}.", 0.0, goal.span)
    hits = sum(1 for w in goal.full if any(_same(k, w, goal.others) for k in keys))
    share = hits / len(goal.full) if goal.full else 0.0
    named = not goal.person or goal.person[-1] in keys
    if len(goal.full) >= 4 and share >= 0.75 and named:
        return right("Close enough.", goal.span)
    if share >= 0.5:
        return near_miss(
            f"Partly right: the article says {shown}.", round(share / 2, 2), goal.span
        )
    return wrong(f"The article says {shown}.", 0.0, goal.span)
