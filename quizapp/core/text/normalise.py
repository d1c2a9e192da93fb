"""Text normalisation for answer matching: characters, spelling, demonyms and offset tokens."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# One character in, one character out, so offsets into the cleaned text index the original.
_CHARS = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00a0\u2009\u202f\u2007\u200b\u3000\t\r\f\v", " "),
        "\u00b2": "2",
        "\u00b3": "3",
        "\u2026": ".",
    }
)

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W\d_])"  # dotted acronyms: U.K., U.S.A.
    r"|\d+(?:[.,]\d+)*"  # numbers with separators
    r"|[^\W\d_]+(?:'[^\W\d_]+)*"  # words, with inner apostrophes (O'Brien, Russia's)
    r"|[^\w\s'\"-]|\n"  # punctuation that can end a clause
)

#: Words dropped before comparing names and phrases.
GLUE = frozenset({"a", "an", "the", "of", "for", "and", "&"})

_PHRASES = {
    ("united", "states", "of", "america"): "us",
    ("united", "kingdom"): "uk",
    ("great", "britain"): "uk",
    ("united", "states"): "us",
    ("united", "nations"): "un",
}
_PHRASE_STARTS = frozenset(p[0] for p in _PHRASES)
_PLACE_NAMES = {
    "britain": "uk", "british": "uk", "briton": "uk", "britons": "uk", "gb": "uk",
    "america": "us", "american": "us", "americans": "us", "usa": "us",
    "ukrainian": "ukraine", "ukrainians": "ukraine", "russian": "russia", "russians": "russia",
    "chinese": "china", "french": "france", "german": "germany", "germans": "germany",
    "japanese": "japan", "indian": "india", "israeli": "israel", "israelis": "israel",
    "iranian": "iran", "italian": "italy", "spanish": "spain", "canadian": "canada",
    "mexican": "mexico", "brazilian": "brazil", "australian": "australia", "korean": "korea",
    "turkish": "turkey", "syrian": "syria", "egyptian": "egypt", "polish": "poland",
    "dutch": "netherlands", "swedish": "sweden", "norwegian": "norway", "irish": "ireland",
    "scottish": "scotland", "welsh": "wales", "english": "england", "european": "europe",
    "african": "africa", "palestinian": "palestine", "pakistani": "pakistan",
    "afghan": "afghanistan", "iraqi": "iraq", "kenyan": "kenya", "nigerian": "nigeria",
    "taiwanese": "taiwan", "vietnamese": "vietnam", "greek": "greece", "swiss": "switzerland",
    "belgian": "belgium", "austrian": "austria", "hungarian": "hungary", "romanian": "romania",
    "finnish": "finland", "danish": "denmark", "portuguese": "portugal", "argentine": "argentina",
    "argentinian": "argentina", "chilean": "chile", "colombian": "colombia", "cuban": "cuba",
    "venezuelan": "venezuela", "filipino": "philippines", "philippine": "philippines",
    "indonesian": "indonesia", "thai": "thailand", "malaysian": "malaysia", "saudi": "saudi",
    "lebanese": "lebanon", "jordanian": "jordan", "yemeni": "yemen", "sudanese": "sudan",
    "ethiopian": "ethiopia", "ghanaian": "ghana", "moroccan": "morocco", "peruvian": "peru",
    "belarusian": "belarus", "georgian": "georgia", "czech": "czech", "slovak": "slovakia",
    "serbian": "serbia", "croatian": "croatia", "bulgarian": "bulgaria", "estonian": "estonia",
    "latvian": "latvia", "lithuanian": "lithuania", "qatari": "qatar", "emirati": "uae",
    "bangladeshi": "bangladesh", "nepalese": "nepal", "mongolian": "mongolia", "eu": "europe",
}
#: Canonical country keys (after demonym mapping): a leading one only qualifies a name.
COUNTRIES = frozenset(_PLACE_NAMES.values()) | {"uk", "us", "un", "eu", "korea", "scotland"}

#: Letters that Unicode does not decompose into a base letter and an accent ("Đoković", "Tromsø").
_LETTERS = str.maketrans(
    {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)

_TITLE_ABBREVIATIONS = {
    "col": "colonel", "gen": "general", "lt": "lieutenant", "maj": "major", "capt": "captain",
    "cpt": "captain", "sgt": "sergeant", "adm": "admiral", "cmdr": "commander", "brig": "brigadier",
    "dr": "doctor", "prof": "professor", "pres": "president", "gov": "governor", "sen": "senator",
    "rep": "representative", "supt": "superintendent", "insp": "inspector", "cpl": "corporal",
}

_SPELLING_WORDS = {
    "grey": "gray", "tyre": "tire", "tyres": "tires", "aluminium": "aluminum", "cheque": "check",
    "kerb": "curb", "plough": "plow", "sceptic": "skeptic", "sceptical": "skeptical",
    "mould": "mold", "draught": "draft", "jewellery": "jewelry", "storey": "story",
    "ageing": "aging", "judgement": "judgment", "whilst": "while", "amongst": "among",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "pyjamas": "pajamas", "gaol": "jail",
    "programme": "program", "programmes": "programs", "enrol": "enroll", "fulfil": "fulfill",
    "foetus": "fetus", "moustache": "mustache", "cosy": "cozy", "kilogramme": "kilogram",
}
# British -> US spelling rules. Both sides of a comparison go through them, so a rule only has to
# be consistent, not linguistically perfect ("promise" -> "promize" is harmless).
_SPELLING_RULES = [
    (re.compile(r"(?<=\w\w)our(?=(?:s|ed|ing|ites?|abl[ey]|ers?|hoods?|ful|less)?$)"), "or"),
    (re.compile(r"(?<=\w\w)is(?=(?:e|es|ed|ing|ation|ations|er|ers)$)"), "iz"),
    (re.compile(r"(?<=\w\w)ys(?=(?:e|es|ed|ing|er|ers)$)"), "yz"),
    (re.compile(r"(?<=\w\w[^aeiou])re(?=[sd]?$)"), "er"),
    (re.compile(r"(?<=[fct]en)ce(?=s?$)"), "se"),
    (re.compile(r"(?<=\w\w\w)ogue(?=s?$)"), "og"),
    (re.compile(r"(?<=\w\w\w[ae])ll(?=(?:ed|ing|er|ers)$)"), "l"),
    (re.compile(r"(?<=\w)ae(?=[dm])"), "e"),
    (re.compile(r"^oes"), "es"),
]


#: Spellings that transliterations of one name differ by (Gaddafi, Qaddafi, Kadhafi; Sudzha,
#: Sudja; Seong-hyeon, Sung-hyun; Tsar, Czar; Peskov, Peskow). Applied in order to both sides.
_TRANSLIT = [
    (re.compile(p), r)
    for p, r in (
        (r"shch", "sch"), (r"dzh|zh|dj", "j"), (r"^cz|^tz", "ts"), (r"kh", "k"), (r"gh", "g"),
        (r"dh", "d"), (r"ph", "f"), (r"ck", "k"), (r"q", "k"), (r"^g", "k"), (r"w", "v"),
        (r"y", "i"), (r"eo|ou|oo", "u"), (r"ee|ie(?=\w)", "i"), (r"x", "ks"), (r"(\w)\1+", r"\1"),
    )
]


class Token(NamedTuple):
    """A token of some text: its span, its normalised forms and whether it was capitalised."""

    text: str
    start: int
    end: int
    key: str  # spelling-normalised, demonyms mapped to countries ("british" -> "uk")
    raw: str  # spelling-normalised only (for initials: "British" -> "british")
    cap: bool
    punct: bool


def clean(text: str) -> str:
    """Map curly quotes, dashes and odd spaces to ASCII, one character for one character."""
    if text.isascii() and text.isprintable() and "`" not in text:
        return text  # nothing to map (tabs and the like are not printable, the backtick is
        # the one printable ASCII character the table maps): skip the table
    return text.translate(_CHARS)


@lru_cache(maxsize=65536)
def spelling(word: str) -> str:
    """Return the US spelling of a lowercase word by rule ("defence" -> "defense")."""
    if word in _SPELLING_WORDS:
        return _SPELLING_WORDS[word]
    if len(word) < 5 or not word.isalpha():
        return word
    for pattern, repl in _SPELLING_RULES:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=65536)
def normalise_word(text: str) -> str:
    """Return the comparison form of one word: casefolded, unaccented, US spelling."""
    word = text.casefold().replace(".", "")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if word and word[0].isdigit():
        return word.replace(",", "")
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word.translate(_LETTERS))
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    word = _TITLE_ABBREVIATIONS.get(word, word)
    return spelling(word)


@lru_cache(maxsize=65536)
def translit(word: str) -> str:
    """Return a spelling of a normalised word shared by its usual transliterations."""
    for pattern, repl in _TRANSLIT:
        word = pattern.sub(repl, word)
    return word


def _merge_phrases(tokens: list[Token]) -> list[Token]:
    """Merge multi-word country names ("United Kingdom") into one token keyed "uk"."""
    if not any(t.raw in _PHRASE_STARTS for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        for phrase, key in _PHRASES.items() if tokens[i].raw in _PHRASE_STARTS else ():
            n = len(phrase)
            if tuple(t.raw for t in tokens[i : i + n]) == phrase:
                first, last = tokens[i], tokens[i + n - 1]
                out.append(Token(first.text, first.start, last.end, key, key, first.cap, False))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


@lru_cache(maxsize=4096)
def tokenise(text: str) -> tuple[Token, ...]:
    """Split text into tokens whose offsets index `text` itself."""
    new = tuple.__new__  # a NamedTuple's own __new__ is a slow Python-level call
    tokens = [
        new(Token, (piece, m.start(), m.end(), *_word(piece)))
        for m in _TOKEN.finditer(clean(text))
        for piece in (m.group(),)
    ]
    return tuple(_merge_phrases(tokens))


@lru_cache(maxsize=65536)
def _word(piece: str) -> tuple[str, str, bool, bool]:
    """Return (key, raw, capitalised, punctuation) for one token's text."""
    if not piece[0].isalnum():
        return piece, piece, False, True
    raw = normalise_word(piece)
    return _PLACE_NAMES.get(raw, raw), raw, piece[0].isupper(), False


def keys(text: str) -> tuple[str, ...]:
    """Return the comparison keys of the words of text, without glue words or punctuation."""
    return tuple(t.key for t in tokenise(text) if not t.punct and t.key not in GLUE)
