"""Naming a claim in a few words for an evidence question: "the $1 billion figure", "the figure
of eight coaches", "the ministry's claim about the repo rate"; None when no short name singles
the claim out (a bare small number, a subject cut mid-phrase, the source itself, a subject the
whole article is about) or the name would give most of its sentence away."""

from __future__ import annotations

import re

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.consistency import NOT_NOUN
from quizapp.core.questions.statements import common_word, unsure_capital
from quizapp.core.text.words import has_word

_NUMBER_WORDS = frozenset(
    """a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion half quarter dozen dozens hundreds thousands
    millions""".split())
#: Words a short subject cannot end with: it was cut mid-phrase ("the number of people who").
_LOOSE_TAIL = frozenset(
    """who whom whose which that the a an of in on at to for by with from and or but also most
    both those these this some many all each any several its his her their our than as""".split())
#: Words a short subject cannot open with: a quantifier before a cut ("most of the ...").
_QUANTIFIERS = frozenset("most both all many some several each any none few".split())
_AUXILIARIES = frozenset(
    "must will would can could may might should is are was were has have had".split())
_STOP = frozenset(
    """there their they them this that these those with from have has had were was will would
    which what when where while said says also been into over about after before than then
    more most some such only other the and for are was has had but not its his her our who
    new""".split())


def figure_name(claim: Claim, figure: Figure) -> str | None:
    """Name a claim by its figure in a few words: "the $1 billion figure", "the 90% figure",
    "the figure of eight coaches" (a number with the noun that follows it), "the 740 figure"
    (a bare number large enough to tell apart); None for a bare small number ("the 2 figure")."""
    core = figure.text
    qual = figure.qualifier_text
    if qual and core.lower().startswith(qual.lower()):
        core = core[len(qual) :].strip()
    measured = core.replace(figure.number_text, "", 1).strip() != ""  # "$1 billion", "90%"
    after = claim.text[figure.end - claim.start :].lstrip()
    noun = _counted(figure.noun or "", core)
    counted = bool(noun) and after.lower().startswith(noun.lower())
    if core[:1].isdigit() or core[:1] in "$€£¥₹":
        if measured:
            return f"the {core} figure"
        if counted:
            return f"the figure of {core} {noun}"  # "the figure of 42 days"
        return f"the {core} figure" if figure.value >= 100 else None  # not "the 2 figure"
    if counted:
        core = f"{core} {noun}"
    elif not measured and figure.value < 100:
        return None
    if core.split()[0].lower() in _NUMBER_WORDS:
        core = core[0].lower() + core[1:]  # "Five persons" opened its sentence; "Rs" stays
    return f"the figure of {core}"


def _counted(noun: str, core: str) -> str:
    """Return the counted noun to name a figure by ("coaches", "passenger trains"), or "":
    none already in the figure, no verb or adverb ("dams broke", "points behind"), no tail
    ("entry in 20")."""
    words = noun.split()
    if not words or noun.lower() in core.lower() or any(c.isdigit() for c in noun):
        return ""
    if len(words) > 1 and not (words[-1].endswith("s") and words[-1].isalpha()
                               and not NOT_NOUN.fullmatch(words[-1].lower())):
        words = words[:1]  # "dams broke" -> "dams"
        if not words[0].endswith("s"):
            return ""
    if NOT_NOUN.fullmatch(words[-1].lower()) or not words[-1].isalpha():
        return ""
    return " ".join(words)


def topic(content: str, article: str, label: str, sentences: list[str]) -> str | None:
    """Return a claim's subject in a few words ("the repo rate"), or None: a noun phrase led by
    a determiner, or a name the article writes capitalised mid-sentence; never cut mid-phrase,
    never the source itself, never a subject most of the article's sentences share."""
    found = re.match(r"((?:the|a|an)\s+)?((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?P<verb>is|are|was|"
                     r"were|has|have|had|will|would|could|may|can|[a-z]+ed|[a-z]+(?<![sui])s)\b"
                     r"(?:\s+(?P<next>\w+))?", content)
    if not found or content[0] in "“‘\"'" or re.search(r"\d", found.group(0)):
        return None
    det, phrase = found.group(1) or "", found.group(2)
    if (found.group("next") or "").lower() in _AUXILIARIES and found.group("verb").endswith(
            "s") and len(phrase.split()) < 4:
        phrase = f"{phrase} {found.group('verb')}"  # "the auto giants must": a plural noun
    words = phrase.split()
    if words[0].lower() in ("it", "they", "he", "she", "this", "there", "we", "i", "which"):
        return None
    if words[-1].lower() in _LOOSE_TAIL or words[0].lower() in _QUANTIFIERS:
        return None  # "the number of people who", "most of the", "Mr Chambers also"
    if words[-1].islower() and re.search(r"(?:ary|ive|ous|ful|ic|nal)$", words[-1]):
        return None  # "the first official preliminary [returns from ...]": cut after an adjective
    if not det and words[0][:1].isupper() and (
            common_word(phrase, article) or unsure_capital(phrase, article)):
        return None  # "Mortgage approvals ...": no name, and no determiner to lead the phrase
    if not det and words[0].islower() and not words[-1].endswith("s"):
        return None  # "market": a bare singular names nothing
    subject = det.lower() + phrase
    if _overlaps(subject, label):
        return None  # "the Home Office's claim about the Home Office"
    key = words[-1].lower()
    if sum(_names(s, key) for s in sentences) > 3:
        return None  # "the judge's claim about Chauvin" in an article all about Chauvin
    return subject


def _overlaps(subject: str, label: str) -> bool:
    """Tell whether a subject names the source it is the claim of ("the EU agency" for "the EU
    Office for ...": a short acronym counts too)."""
    acronyms = re.findall(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž]{2,}\b", subject)
    return bool(_words(subject) & _words(label)) or bool(acronyms) and all(
        re.search(rf"\b{a}\b", label) for a in acronyms)


def _words(text: str) -> set[str]:
    """Return the content words of a text (lower case, three letters or more, or numbers)."""
    found = re.findall(r"[A-Za-z’'-]{3,}|\d[\d,.]*", text.lower())
    return {w.strip("’'").removesuffix("’s").removesuffix("'s") for w in found} - _STOP


def gives_away(name: str, sentence: str, source: str = "") -> bool:
    """Tell whether a claim's short name holds more than half of its sentence's content words
    ("the figure of three key factors" for "There are three key factors in the lead."), the
    words of its source (named in the prompt as well) left out."""
    theirs = _words(sentence) - _words(source)
    return bool(theirs) and len(_words(name) & theirs) > 0.5 * len(theirs)


def _names(sentence: str, word: str) -> bool:
    """Tell whether a sentence holds a word (`\bword\b`, any case)."""
    if word[:1].isalnum() and word[-1:].isalnum():
        return has_word(sentence, word, ignore_case=True)
    return re.search(rf"\b{re.escape(word)}\b", sentence, re.I) is not None
