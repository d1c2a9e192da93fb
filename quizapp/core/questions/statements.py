"""Statements built from claims: the reported clause, cloze sentences and speaker labels, all
checked to read on their own (no "he" or "this" pointing outside the text)."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.claims.extract import VAGUE_SPEAKER, Claim
from quizapp.core.claims.speakers import Speaker
from quizapp.core.questions.capitals import (
    claim_phrase,
    common_word,
    lower_first,
    unsure_capital,
)
from quizapp.core.questions.pointers import (
    FIRST_PLURAL,
    LOWER_OK,
    dangling,
    leans_outside,
    quote_free,
)

__all__ = ["EXCERPT", "MAX_STATEMENT", "PRONOUNS", "balance_quotes", "claim_phrase", "clause",
           "cloze", "common_word", "dangling", "denial", "excerpt", "leans_outside", "lower_first",
           "quote_free", "speaker_label", "strip_lead", "unsure_capital"]

MAX_STATEMENT = 240
PRONOUNS = frozenset("he she him her it they them we us i me one".split())
_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"'}
#: What leads a line but is no part of its sentence: a list marker or a wire dateline
#: ("- ", "KOUROU, French Guiana — ", "AREQUIPA, Peru (AP) — ").
_LEAD = re.compile(
    r"^(?:[-•·▪●*–—]\s+|[A-ZÀ-ÖØ-ÞĀ-Ž][A-Z.’'-]{2,}(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][A-Z.’'-]+)*(?:,\s[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’' ]{1,30}?)?"
    r"(?:\s\([A-ZÀ-ÖØ-ÞĀ-Ž][\w ]{0,20}\))?(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,8}\.?\s\d{1,2})?"
    r"(?:\s?[—–]{1,2}\s?|\s-{1,3}\s|\s[•·|]\s|:\s|(?<=\d)\s)(?=[A-Z“\"_])"
    r"|[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,}(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,})?\s[-–—]{1,2}\s(?=[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž])"
    r"|[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,}(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,})?(?:,\s[A-ZÀ-ÖØ-ÞĀ-Ž][\w.]+(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][\w.]+)?)?"
    r"\s\([A-ZÀ-ÖØ-ÞĀ-Ž][\w ]{1,20}\)\s?[-–—]{1,3}\s(?=[A-Z“\"_])"  # "Kozhikode (Reuters) – The toll"
    r"|[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+){0,3}\s[|•·]\s(?=[A-Z“\"_])"  # "Associated Press | A judge"
    r"|[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-z.’'-]+(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-z.’'-]+){0,2},\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?,?\s(?:\([\w/ .-]{2,24}\)\s?)?"
    r"(?:[-–—]{1,3}|:)\s(?=[A-Z“\"_]))"  # "MOSCOW, May 10, 2010 -- ", "Rome, May 10, (dpa) – "
)
_AND_THAT = re.compile(r"(,?\s(?:but|and))\sthat\s")


def strip_lead(text: str) -> str:
    """Drop a list marker or a dateline from the start of a sentence, and write a lede's
    opening word in capitals ("THE toll rose ...") as a sentence's first word."""
    found = _LEAD.match(text)
    if not found or len(text) - found.end() < 12:
        return unshouted(text)
    rest = text[found.end() :]
    return unshouted(rest[0].upper() + rest[1:])


#: A common word that some papers print in capitals to open a lede: never an acronym.
_SHOUTED = re.compile(r"(THE|AN?|IN|ON|AT|FOR|AFTER|WHEN|WHILE|MORE|SOME|THERE|THIS|THAT|"
                      r"THOSE|THESE|POLICE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|BY|"
                      r"OVER|NEARLY|ALMOST|ABOUT|AROUND|FORMER|DOZENS|HUNDREDS|THOUSANDS|"
                      r"MILLIONS|ONE)(?=\s+[a-z])")


def unshouted(text: str) -> str:
    """Return a sentence whose first word, printed in capitals, is written as a first word."""
    found = _SHOUTED.match(text)
    return text if found is None else found.group().capitalize() + text[found.end():]


#: A plural possessive ("the unions' estimate", "workers’ pay"): an apostrophe, not a mark.
_POSSESSIVE = re.compile(r"(?<=[a-z]s)['’](?=\s+[a-z])")


def balance_quotes(text: str) -> str:
    """Close a quotation left open and drop a dangling closing mark (never a plural
    possessive's apostrophe)."""
    text = text.strip()
    held = [m.start() for m in _POSSESSIVE.finditer(text)]
    marks = {i: text[i] for i in held}
    text = "".join("\x00" if i in marks else c for i, c in enumerate(text))
    text = _balanced(text)
    for mark in marks.values():
        text = text.replace("\x00", mark, 1)
    return text


def _balanced(text: str) -> str:
    """Return `balance_quotes` of a text whose apostrophes are set aside."""
    if text.count('"') % 2 and text.count("“") != text.count("”"):
        text = text.replace("“", '"').replace("”", '"')  # 'was "better” now': one pair, its
        # marks of two styles (never a closing mark moved to the end)
    for opener, closer in _OPEN_CLOSE.items():
        if opener == closer:
            if text.count(opener) % 2:  # 'Knox said: "I do not think ...': close it
                opens = re.search(rf"(?:^|[\s:(]){opener}\w", text) is not None
                text = text + opener if opens else text.replace(opener, "", 1)
            continue
        opens, closes = text.count(opener), len(re.findall(rf"{closer}(?!\w)", text))
        if opens > closes:
            text += closer
        elif closes > opens and text.endswith(closer):
            text = text[:-1]
        elif closes > opens:  # 'was better” now': its opening mark was cut off with the cue
            text = re.sub(rf"(?<=\w){closer}(?!\w)", "", text, count=closes - opens)
    return text


#: Words a clause cannot start with: a wh-word (an embedded question), a verb or auxiliary
#: (no subject), "that" pointing back, or "of" (a phrase torn from its noun).
_NO_SUBJECT = re.compile(
    r"(?:how|what|why|whether|that|is|are|was|were|be|been|has|have|had|will|would|could|can|"
    r"may|might|should|must|does|did|do|said|says|saying|adding|added|told|of|according|"
    r"webcast|and|or|but|which|who|whose|where|while)\b", re.I)
_INFINITIVE = re.compile(r"to\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|"
                         r"date|some|many|most|all)\b)[a-z]+\b")
#: Words that cannot open reported content cut after its cue ("said at recent meetings that").
_CUT_START = re.compile(
    r"(?!at least|at most|in all|in total|on average)(?:at|in|on|for|from|by|with|to|into|"
    r"today|yesterday|tonight|tomorrow|earlier|later|recently|last|this|in a)\b", re.I)
#: A prepositional phrase with no verb after it: what is left of "In the firing, X said, C".
_PHRASE_ONLY = re.compile(r"(?:in|on|at|from|during|after|before|under|amid|despite|with)\s"
                          r"(?![^,]*\b(?:is|are|was|were|has|have|had|will|would|could|[a-z]+ed)"
                          r"\b)", re.I)
_SAID_INSIDE = re.compile(r"[”\"’],?\s+(?:he|she|they|it|we|i)\s+(?:said|says|added|told|wrote)\b",
                          re.I)
_SAID_AT_END = re.compile(r",\s[^,;“”\"]{2,60}?\s(?:said|says|told|added|reported|announced)"
                          r"(?:\s+(?:on|in|last)\s+\w+)?$")
_NUMBERISH = re.compile(r"^(?:[\d$€£.,%:–-]+|to|and|or|per|cent|percent|million|billion|"
                        r"thousand|hundred|a|an|the)$", re.I)


def reads_as_clause(text: str, cut: bool = False) -> bool:
    """Tell whether `text` reads as a clause after "that" or "According to X,": it opens with
    a subject, holds no second attribution, and says more than a figure ("20 to 25 years").
    `cut` marks content cut from its sentence after an attribution cue."""
    if not text:
        return False
    quoted = text[0] in "“‘\""
    body = text.lstrip("“‘\"")
    if not quoted and (_NO_SUBJECT.match(body) or _INFINITIVE.match(body)):
        return False  # "to vaccinate 200,000 people": what was expected, no clause
    if cut and not quoted and _CUT_START.match(body) and "," not in " ".join(body.split()[:6]):
        return False
    if not quoted and re.match(r"[a-z]+ed\s", body) and not re.match(r"(?:red|bed)\s", body):
        return False  # "proved there was a bigger base": the subject was cut off
    if not quoted and _PHRASE_ONLY.match(body) and "," not in body:
        return False  # "in the return fire from the border guards": no clause at all
    if cut and not quoted and re.match(
            r"(?:today|yesterday|tonight|on \w+day|last \w+|this \w+),\s", body, re.I):
        return False  # "[said] on Monday, in another sign ...": the tail after the cue
    if _SAID_INSIDE.search(text) or (not quoted and _SAID_AT_END.search(text)):
        return False
    if not quoted and re.search(r"\band\s+(?:said|added|told|says)\b", text):
        return False  # "the toll stands at six and said that ...": the cue's second verb
    words = [w for w in re.findall(r"[\w$€£%.,:’'-]+", quote_free(text) if not quoted else text)
             if not _NUMBERISH.match(w.strip(".,"))]
    return len(words) >= 3


_DENIAL = re.compile(r"\b(?:denied|denies|deny|rejected|rejects|disputed|disputes|refuted|"
                     r"refutes|dismissed|dismisses|asked|asks|urged|urges|demanded|demands|"
                     r"recommended|recommends)\b")
# (a request is no more asserted than a denial: "Who asked that the term be cut?")


def denial(claim: Claim) -> str:
    """Return the verb by which a claim's source denies or asks for its content ("denied" of "he
    denied that airstrikes were used", "asked" of "they asked that he be freed"), or "" when the
    source asserts it."""
    a = claim.attribution
    if a.cue_start < 0 or a.content_end <= a.content_start:
        return ""
    found = _DENIAL.search(claim.text, a.cue_start - claim.start, a.cue_end - claim.start)
    if found and found.group().startswith(("ask", "urge", "demand", "recommend")) and not (
            _THAT_CLAUSE.match(claim.text, a.cue_end - claim.start)):
        return ""  # '"What are the sources?" he asked': a question quoted, no request
    return found.group() if found else ""


_THAT_CLAUSE = re.compile(r"\s+that\s")


#: A verb that takes a thing, not a clause, right before the content: "expected 120,000 jobs".
_NP_OBJECT = re.compile(r"\b(?:expected|expects|expect|claimed|claims|forecast|forecasts|predicted|"
                        r"predicts|predict|projected|projects|project|anticipated|anticipates|"
                        r"anticipate|forecasting|"
                        r"predicting|expecting|projecting|anticipating)[\s,]*$")


def interposed(claim: Claim) -> bool:
    """Tell whether a claim's tag stands inside its words ("Profits, the firm said, rose 12%"):
    its content runs on past the tag, so no prompt may be built from one side of it."""
    a = claim.attribution
    if a.frame != "postposed" or a.cue_end <= claim.start:
        return False
    return _RUNS_ON.match(claim.text, a.cue_end - claim.start) is not None


_RUNS_ON = re.compile(r"(?:\s+(?:on|last|this)\s+\w+)?\s*,\s+(?:had|has|have|was|were|is|are|"
                      r"would|will|could|[a-z]+ed|[a-z]+s)\b")


#: Units a conversion in brackets gives after a figure: "250 kilometres (155 miles)".
_UNITS = (r"miles?|mi|km|kilometres?|kilometers?|yards?|yds?|feet|foot|ft|metres?|meters?|m|"
          r"inch(?:es)?|in|cm|mm|pounds?|lbs?|kg|kilos?|kilograms?|grams?|g|ounces?|oz|"
          r"tonnes?|tons?|acres?|hectares?|ha|square (?:miles?|kilometres?|kilometers?|feet|"
          r"metres?|meters?)|sq\.? (?:mi|km|ft|m)|mph|km/h|kph|knots?|°[CF]|degrees? "
          r"(?:Fahrenheit|Celsius|F|C)|gallons?|litres?|liters?|barrels?")
_MONEY = r"(?:US|A|C|NZ|HK|S)?[$€£¥₹]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|m|bn|k))?"
_CONVERSION = re.compile(
    rf"(?<=[\w%])\s\((?:about|around|some|roughly|nearly|almost|approximately|more than|over|"
    rf"under|less than|up to|~)?\s?(?:{_MONEY}|\d[\d,.]*(?:\s?(?:million|billion))?"
    rf"(?:\s?(?:-|to)\s?\d[\d,.]*)?\s?(?:{_UNITS}))(?:\s(?:each|apiece))?\)(?![\w(])")
#: Notes of a web page in brackets: "(see below)", "(pictured)".
_WEB_NOTE = re.compile(r"\s\((?:see (?:below|above|left|right|box|graphic|chart|map|video|"
                       r"panel|related story)|pictured(?: \w+)?|above|below|left|right|centre|"
                       r"center|file photo|photo|video|inset|watch|listen)\)", re.I)
#: A word printed twice by mistake: "the the", "to to".
_TWICE = re.compile(r"\b(the|a|an|of|to|in|on|at|for|and|is|was|that)\s+\1\b", re.I)


_FIRST_WORD = re.compile(r"\b(?:originally|initially|first|previously|earlier|at first|at the "
                         r"time)\b", re.I)


def first_word(claim: Claim) -> bool:
    """Tell whether a claim is its source's earlier word ("officials initially said 300",
    "originally reported", "said at first"): a figure since revised, whose statement without
    that word would be wrong."""
    a = claim.attribution
    if a.cue_start < 0:
        return False
    cue = claim.text[a.cue_start - claim.start : a.cue_end - claim.start]
    after = claim.text[a.cue_end - claim.start : a.cue_end - claim.start + 14]
    return bool(_FIRST_WORD.search(cue) or re.match(r"\s+(?:at first|initially|originally)\b",
                                                     after))


def tidy(text: str) -> str:
    """Return a sentence of the article as a prompt quotes it: without a unit's conversion in
    brackets (which gives a blank's answer away, and a changed figure would not match), a web
    page's note ("(see below)"), or a word printed twice ("the the")."""
    if "(" in text:
        text = _WEB_NOTE.sub("", _CONVERSION.sub("", text))
    return undoubled(text)


def has_doubled(text: str) -> bool:
    """Tell whether a text holds a word printed twice ("the the")."""
    return _TWICE.search(text) is not None


def undoubled(text: str) -> str:
    """Return a text without a word printed twice by mistake ("the the ministry")."""
    return _TWICE.sub(r"\1", text) if _TWICE.search(text) else text


@lru_cache(maxsize=1024)
def clause(claim: Claim, article: str = "") -> str | None:
    """Return the reported content of a claim as a clause fit for "... that {clause}", or None.
    `article` (the source text) tells a common word opening the sentence from a name."""
    a = claim.attribution
    if a.strength == "none" or a.frame in ("passive", "vague"):
        text = claim.text if a.frame != "vague" else claim.content
    else:
        text = claim.content
    cut = text is not claim.text and a.content_start > claim.start
    if cut and a.frame == "preposed" and _NP_OBJECT.search(
            claim.text, 0, a.content_start - claim.start) and _expected_clause(claim, text.strip()) == text.strip():
        return None  # "Economists expected about 120,000 jobs added", "The union claimed
        # 450,000 marchers": a thing expected or claimed, no clause after "that"
    text = tidy(strip_lead(text.strip()).strip(",;:—– ").rstrip("."))
    text = _OPENER.sub("", text, count=1)  # "the claim that in detail, 42% of teachers ...":
    # the writer's link to the sentence before, no part of the claim
    text = _expected_clause(claim, _estimate_clause(claim, text))
    if a.frame == "preposed" and a.content_start > claim.start:
        text = _AND_THAT.sub(r"\1 ", text)  # "X said A, but that B": one clause after "that"
        second = _SECOND_SUBJECT.search(text)
        if second is not None and len(text[: second.start()].split()) >= 4:
            text = text[: second.start()]  # "X said profits rose 5%, and its shares jumped
            # 3% in early trading": the market's move is no part of what X said
    if re.match(r"'[A-ZÀ-ÖØ-ÞĀ-Ž]", text):  # "'The concern is ...": a straight mark opens a quotation
        closing = re.search(r"(?<=[\w.,!?])'(?!\w)", text[1:])
        text = "‘" + (text[1 : closing.start() + 1] + "’" + text[closing.end() + 1 :]
                      if closing else text[1:])
    text = balance_quotes(text)
    if len(text.split()) < 4 or len(text) > MAX_STATEMENT or dangling(text) or re.match(
            r"(?:which|who|whose|where|while|and|but)\b", text, re.I):
        return None
    if re.match(r"(?:number|figure|toll|total|tally|count|amount|estimate)\s+(?:could|would|may|"
                r"might|will|is|was|has|had|rose|fell)\b", text):
        return None  # "officials fear that figure will rise": "that" pointed at a figure
    if re.match(r"(?:even\s+)?(?:though|although|because|whereas)\b", text, re.I) and not (
            re.search(r",\s+\S", text)):
        return None  # "Though the toll could rise": a subordinate clause with no main clause
    if not reads_as_clause(text, cut):
        return None
    if text[0] in _OPEN_CLOSE and _OPEN_CLOSE[text[0]] in text[1:-2]:
        return None  # '"disorganised chaos" as there were ...': a quoted phrase, not a quotation
    if _OPEN_CONDITION.search(quote_free(text)):
        return None  # "..., so if it lived here two million years back[, the researchers argue,
        # our ancestors did too]": the main clause is past the speaker's tag
    if text[0] in "“‘\"":
        return text
    return lower_first(text, article)


#: A writer's opening link to the sentence before: "In detail,", "Elsewhere,", "Regarding the
#: protesters,", "For example,".
_OPENER = re.compile(r"^(?:(?i:in detail|elsewhere|meanwhile|in addition|additionally|moreover|"
                     r"furthermore|however|for example|for instance|in particular|by contrast|on "
                     r"the other hand)|(?i:regarding|as for|as regards)\s[^,]{1,40}),\s+(?=\S)")
#: A second clause with a subject of its own after what a source said: ", and its shares
#: jumped", ", while the stock fell".
_SECOND_SUBJECT = re.compile(r",\s+(?:and|but|while)\s+(?:its|their|the|his|her)\s+[a-z]+"
                             r"(?:\s+[a-z]+)?\s+(?:[a-z]+ed|rose|fell|grew|sank|slid|hit|went|came|were|was|had|"
                             r"has)\b")
#: A subordinate clause left open at the end of a clause: its main clause is cut off.
_OPEN_CONDITION = re.compile(r"(?:^|,\s)(?:(?:and|but|so)\s)?(?:if|unless|although|though|"
                             r"because|whereas|once)\s[^,;]+$", re.I)


EXCERPT = 150


def excerpt(claim: Claim) -> str | None:
    """Return the opening of a long claim as a clause that names it ("“The path of prices
    will also depend on the monsoon rains …”"), cut at a word boundary; None when the opening
    leans on words outside it."""
    a = claim.attribution
    text = claim.content if a.strength != "none" and a.frame not in ("passive", "vague") \
        else claim.text
    text = strip_lead(text.strip()).strip(",;:—– ").rstrip(".")
    if len(text) <= EXCERPT:
        return None
    quoted = text[0] in "“‘\""
    if not quoted and not reads_as_clause(text, a.content_start > claim.start
                                          and a.strength != "none"):
        return None
    cut = text[:EXCERPT]
    stop = max(cut.rfind(", "), cut.rfind("; "), cut.rfind(". "))
    cut = cut[:stop] if stop > 60 else cut[: cut.rfind(" ")]
    cut = cut.rstrip(" ,;:—–") + " …"
    if quoted:
        cut += _OPEN_CLOSE[text[0]]
    elif dangling(cut):
        return None
    return cut if quoted else lower_first(cut)


def _estimate_clause(claim: Claim, text: str) -> str:
    """Rewrite the object of "estimates place N at F" as the clause "N stand at F"."""
    a = claim.attribution
    if a.cue_end < 0:
        return text
    verb = claim.text[a.cue_start - claim.start : a.cue_end - claim.start].split()[-1:]
    if verb and verb[0].lower() in ("place", "places", "placed", "put", "puts", "estimated",
                                    "estimates", "estimate", "valued", "values", "value"):
        found = re.match(r"(?P<np>[^,;]{3,80}?)\s+at\s+(?P<rest>.+)$", text)
        if found:
            np = found.group("np")
            head = np.split(" of ")[0].split()[-1] if " of " in np else np  # "the number of
            stand = "stand" if head.endswith("s") else "stands"  # deaths stands at"
            if verb[0].lower().startswith(("place", "put")) or (re.match(
                    r"(?i)(?:the|a|an|its|their|his|her)\s", np) and not re.search(
                    r"\b(?:that|which|who|is|are|was|were|will|would|had|has)\b", np)):
                return f"{np} {stand} at {found.group('rest')}"  # "estimated the cost at"
    return text


#: Verbs of a forecast whose object does what the infinitive after it says: "expect prices to
#: rise" ("prices will rise").
_FORECAST_VERBS = {**dict.fromkeys("expect expects forecast forecasts predict predicts anticipate "
                                   "anticipates".split(), "will"),
                   **dict.fromkeys("expected predicted anticipated".split(), "would")}
_TO_VERB = re.compile(r"(?P<np>(?:[^,;:“”\"]|(?<=\d),(?=\d)){2,60}?)\s+to\s+(?P<rest>(?!(?:the|a|an|his|her|its|their|"
                      r"our|about|around|some|more|over|\d)\b)[a-z]{2,}\b.*)$", re.S)


def _expected_clause(claim: Claim, text: str) -> str:
    """Rewrite the object of "expect X to rise" as the clause "X will rise" ("expected X to
    rise": "X would rise")."""
    a = claim.attribution
    if a.cue_end < 0:
        return text
    verb = claim.text[a.cue_start - claim.start : a.cue_end - claim.start].split()[-1:]
    modal = _FORECAST_VERBS.get(verb[0].lower()) if verb else None
    found = _infinitive(text) if modal else None
    return f"{found.group('np')} {modal} {found.group('rest')}" if found else text


def _infinitive(text: str) -> re.Match[str] | None:
    """Match a noun phrase and the infinitive after it: "profits to rise 10%"."""
    found = _TO_VERB.match(text.strip())
    if found is None or re.search(r"\b(?:that|which|who|is|are|was|were|will|would|had|has|have|"
                                  r"be|been)\b", found.group("np")):
        return None
    return found


def uncut_person(speaker: Speaker, label: str) -> str:
    """Return a person's name alone where the words before it are cut from a longer title:
    "leader Shawn Fain" of "the union's leader Shawn Fain" (one word of a title without its
    owner), "rescue team Berty Kowas" of "the head of the rescue team Berty Kowas" (a body's
    words)."""
    if speaker.kind != "person" or not label.endswith(" " + speaker.name):
        return label
    title = label[: -len(speaker.name)].strip()
    if re.fullmatch(r"[a-z]+", title) or _BODY_BEFORE.fullmatch(title):
        return speaker.name
    return label


#: The words of a body before a person's name, cut from "the head of ...".
_BODY_BEFORE = re.compile(r"(?:[a-z]+\s+)*(?:team|council|committee|agency|group|union|board|"
                          r"commission|club|party|company|firm|service|department|ministry)")


def speaker_label(speaker: Speaker | None) -> str:
    """Return how a prompt names a speaker mid-sentence ("U.K. defense intelligence", "a Russian
    account"); "" for the anonymous marker of "reportedly" or "it is estimated"."""
    if speaker is None or speaker is VAGUE_SPEAKER:
        return ""
    label = uncut_person(speaker, speaker.mention or speaker.name)
    if speaker.kind == "vague":
        first = label.split(" ", 1)[0]
        if first.lower() in LOWER_OK or first.lower() in _VAGUE_START:
            return label[0].lower() + label[1:]
    elif (speaker.definite or (speaker.kind == "org" and _THE_HEAD.search(label) and not (
            re.search(r"[’']s\b", label)))) and label == speaker.mention and not re.match(
            r"(?i)the\s", label):
        return f"the {label}"  # "according to the Environment Agency", as the article writes
        # it; "the Labor Department" even where the article first wrote "Labor Department data"
    elif speaker.indefinite and label == speaker.mention and speaker.kind == "person" and (
            speaker.description):
        return f"{speaker.indefinite} {label}"  # "an Ethiopian man named Mohamed"
    return label


#: Heads of a body's name that English writes with "the": "the Labor Department".
_THE_HEAD = re.compile(r"\s(?:Department|Ministry|Agency|Office|Bureau|Commission|Committee|"
                       r"Council|Service|Administration|Institute|Board|Authority|Survey|"
                       r"Observatory|Organi[sz]ation|Federation|Centre|Center|Panel|Programme|"
                       r"Program)$")
_VAGUE_START = frozenset(
    """reports report officials sources experts analysts intelligence earlier senior military
    government police western local""".split()
)


_PARTITIVE = re.compile(r"\bof\s+(?:these|those)\b(?!\s+[a-z]+s\b)")


def cloze(claim: Claim, start: int, end: int, speaker: Speaker | None,
          context: str = "") -> str | None:
    """Return the claim sentence with `text[start:end]` blanked and a pronoun speaker named;
    `context` (the sentence before, quoted with it) may resolve what the sentence points to."""
    a = claim.attribution
    text = claim.text
    pieces: list[tuple[int, int, str]] = [(start, end, "___")]
    if a.mention_start >= 0 and speaker is not None and a.strength == "named":
        mention = text[a.mention_start - claim.start : a.mention_end - claim.start]
        if mention.lower() in ("he", "she", "they") and not any(
                f in text for f in (speaker.name, *speaker.short_forms) if len(f) > 2):
            # (never "X wept as X told how": the sentence names its speaker already)
            name = speaker.name
            if a.mention_start == claim.start:
                name = name[0].upper() + name[1:]
            pieces.append((a.mention_start, a.mention_end, name))
    for s, e, repl in sorted(pieces, reverse=True):
        text = text[: s - claim.start] + repl + text[e - claim.start :]
    text = tidy(balance_quotes(text))
    lead = _LEAD.match(text)
    text = strip_lead(text) if lead and "___" not in text[: lead.end()] else unshouted(text)
    # A quoted sentence may say "this analysis" or "these factors": a reader who recalls the
    # article knows which; a bare "this" or "they" still needs the sentence before (`context`).
    # Outside quotation marks, "we" and "our poll" in the article's own words are its authors'.
    probe = FIRST_PLURAL.sub("the authors", f"{context} {text}".replace("___", ""))
    if re.search(r"\d", context):  # "403.5 million phones were shipped. Apple's accounted for
        probe = _PARTITIVE.sub("of the", probe)  # 77.3 million of these": the count before
    if len(text) > MAX_STATEMENT + 60 or leans_outside(probe, pointers=not context):
        return None
    return text


def verbless(content: str) -> bool:
    """Tell whether a claim's words are a noun phrase with an aside or a short phrase, with no
    verb ("the ferry crash, the worst in a decade", cut around an aside's "according to";
    "Shortly after noon"): no claim a prompt can name."""
    return ("," in content or len(content.split()) <= 4) and _VERB_LIKE.search(content) is None


#: Words that may be verbs: auxiliaries and modals, and words ending as past or third-person
#: forms do ("killed", "rose", "says", "put"), which a phrase with none cannot be a clause.
_VERB_LIKE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|"
                        r"might|should|must|did|does|do|rose|fell|put|hit|cut|set|made|took|"
                        r"began|came|went|won|lost|left|got|saw|led|paid|held|kept|grew|"
                        r"stood|told|said|sold|spent|brought|struck|killed)\b|\b[a-z]{2,}(?:ed|es|s)\b")
