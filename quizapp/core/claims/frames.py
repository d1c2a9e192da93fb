"""Spans around an attribution cue: quotations, the noun phrase after a cue, the subject before
it, an appositive, and the reported content."""

from __future__ import annotations

import re

from quizapp.core.claims.speaker_words import DOCUMENT_HEADS, TITLES
from quizapp.core.claims.speakers import ORG_WORDS, joint_parts

_NP_END = re.compile(r"[,;:.!?\"“”]|\s[–—]\s|"
                     r"\s(?:that|on|in|who|which|as|after|before|and|via|to)\s|"
                     r"\s(?=\d[\d,.]*\s*(?:%|per\s?cent\b))|"  # "according to the survey 61%"
                     r"\s(?=at\s+(?:[a-z]+\s+)?\d)|"  # "measured by the survey at 6.1"
                     r"\s(?:conducted|commissioned|carried out)\s(?=for\s)|$")
_THAT = re.compile(r"\s*(?:in (?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+"
                   r"(?=that\b)|in (?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:filing|statement|letter|interview|report|post|note|speech|submission|"
                   r"briefing|memo|message|release|video|document)\s+(?:to|with|on|from)\s+"
                   r"[^,;.:\"“]{2,60}?\s+(?=that\b)"
                   r"|on \w+\s+|in \w+\s+|last \w+\s+|(?:late\s+|early\s+)?(?:Monday|"
                   r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\s+)?"
                   r"(?:that\b|:|,)?\s*")  # "said Friday the navy ...": AP style, no "on"
#: A time phrase that ends a speaker's noun phrase ("the agency CNES last month").
_NP_TIME = re.compile(
    r"\s(?=(?:last|this|next|earlier this|later this)\s+(?:week|month|year|night|weekend|"
    r"spring|summer|autumn|fall|winter|\w+day)\b)"
)


def quote_spans(sentence: str, opened: bool = False) -> list[tuple[int, int]]:
    """Return the spans of quotations in a sentence: curly or straight double marks (a straight
    mark may close a curly one, as pasted text often mixes them), and single marks. `opened`
    says the sentence starts inside a quotation left open by the sentence before it."""
    sentence = double_apostrophes(sentence)
    spans: list[tuple[int, int]] = []
    double: int | None = -1 if opened else None  # -1: before the sentence's first character
    single: int | None = None
    for found in _MARK.finditer(sentence):
        i, mark = found.start(), found.group()
        before = sentence[i - 1] if i else " "
        after = sentence[i + 1] if i + 1 < len(sentence) else " "
        opens = not before.isalnum() and not after.isspace()
        closes = not before.isspace() and not after.isalnum()
        if mark in "“”\"":
            if double is not None and (mark == "”" or (mark == '"' and (closes or not opens))):
                spans.append((double, i + 1))
                double = None
            elif double is None and mark != "”" and (mark == "“" or opens):
                double = i
        elif single is None and mark in "‘'" and opens and after.isalpha():
            single = i
        elif single is not None and mark in "’'" and closes:
            spans.append((single, i + 1))
            single = None
    for start in (double, single):
        if start is not None:
            spans.append((start, len(sentence)))
    return spans


_MARK = re.compile(r"[“”\"‘’']")


def double_apostrophes(sentence: str) -> str:
    """Read wire copy's quote marks made of two characters as double marks, keeping offsets:
    `` opens and '' closes a quotation ("``Sales are up,'' he said")."""
    if "''" not in sentence and "``" not in sentence:
        return sentence
    return sentence.replace("``", ' "').replace("''", '" ')


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Tell whether `pos` falls inside one of `spans`."""
    return any(s < pos < e for s, e in spans)


_ABBREV = re.compile(r"(?:\b[A-ZÀ-ÖØ-ÞĀ-Ž]|\b(?:Dr|Mr|Mrs|Ms|St|Sgt|Gen|Col|Lt|Capt|Maj|Cmdr|Adm|Brig|"
                     r"Cpl|Supt|Insp|Det|Prof|Rep|Sen|Gov|Jr|Sr|"
                     r"Inc|Corp|Co|Ltd|No|Mt|Ft|Gen))$")
_NAME_AND = re.compile(r"\s+and\s+[A-ZÀ-ÖØ-ÞĀ-Ž]")
#: Two groups joined by "and" ("residents and officials"): plural common nouns on both sides.
_GROUP_AND = re.compile(r"(?:^|\s)[a-z]{3,}s$")
_PLURAL_AFTER = re.compile(r"(?:the\s+|other\s+|local\s+)?[a-z]{3,}s\b(?!\s+(?:is|are|was|were|"
                           r"had|have|has|will|would)\b)")


_NAME_OF = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+){1,3}of\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]")
_CAPITALS = re.compile(r"(?:the\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+){0,5}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*")
_NAME_ENDS = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+){0,3}(?:" + "|".join(
        w.capitalize() for w in sorted(ORG_WORDS, key=len, reverse=True) if w.isalpha())
    + r")\b(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž]{2,9}\))?")


#: The end of a site's name after its dot: "us" of "PowerOutage.us", "com", "org".
_DOMAIN = re.compile(r"(?i:com|org|net|gov|edu|info|io|us|uk|co\.uk)\b(?![’'])")


def np_after(sentence: str, pos: int) -> tuple[int, int]:
    """Return the span of the noun phrase starting at `pos` (to a comma, clause word or end).

    A period after an initial or a title ("U.S. Geological Survey", "Dr. Ortiz") and "and"
    inside an institution's name ("Office of Management and Budget") do not end it."""
    stop = len(sentence)
    timed = _NP_TIME.search(sentence, pos)
    for end in _NP_END.finditer(sentence, pos):
        if timed and timed.start() < end.start():
            stop = timed.start()
            break
        text = sentence[pos : end.start()]
        if end.group() == "." and _ABBREV.search(text) and re.match(r"[^\s]| [A-ZÀ-ÖØ-ÞĀ-Ž]",
                                                                    sentence[end.end() :]):
            continue
        if end.group() == "." and _DOMAIN.match(sentence, end.end()) and text[-1:].isalnum():
            continue  # "PowerOutage.US", "Statista.com": a site's name holds its dot
        if end.group().strip() == "and" and re.search(r"\b(?:of|for)\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]", text) \
                and _NAME_AND.match(sentence, end.start()):
            continue
        if end.group().strip() == "and" and _CAPITALS.fullmatch(text.strip()) and _NAME_ENDS.match(
                sentence, end.end()):
            continue  # "the Flood Defence and Recovery Council (FDRC)"
        if end.group().strip() == "and" and _CAPITALS.fullmatch(text.strip()) and len(
                text.split()) >= 2 and _NAME_OF.match(sentence, end.end()):
            continue  # "the Fire Response and Planning Unit of the Interior Office"
        if end.group().strip() == "and" and _GROUP_AND.search(text) \
                and _PLURAL_AFTER.match(sentence, end.end()):
            continue  # "according to neighbours and relatives": one described source
        stop = end.start()
        break
    paren = re.match(r"\s*\([A-ZÀ-ÖØ-ÞĀ-Ž](?:[A-Z&.]{1,9}|[a-z]{2,9}|[a-z]{1,6}[A-Z][A-Za-z]{0,6})\)", sentence[stop:])
    if paren:
        stop += paren.end()
    return pos, stop


def content_to_end(sentence: str, pos: int) -> tuple[int, int]:
    """Return the content span from `pos` to the sentence end, skipping a leading "that"."""
    skip = _THAT.match(sentence, pos)
    start = skip.end() if skip else pos
    end = len(sentence.rstrip(" .!?"))
    act = _NEXT_ACT.search(sentence, start, end) if " and " in sentence or " but " in \
        sentence else None
    if act is not None and not re.search(r"\d", sentence[act.end() : end]) and not inside(
            quote_spans(sentence), act.start()):
        end = act.start()  # "The union said the cuts could affect 5,000 workers and vowed to
        # fight them": the vow is the union's second act, not what it said
    return start, max(start, end)


#: The speaker's next act after what it said: "... and vowed to fight them", "..., but
#: declined to comment". Verbs that the subject of the reported words rarely does in news.
_NEXT_ACT = re.compile(r",?\s+(?:and|but)\s+(?:also\s+|then\s+)?(?:vowed|pledged|promised|"
                       r"urged|warned|appealed|insisted|apologi[sz]ed|called\s+(?:on|for)|noted|"
                       r"stressed|cautioned|feared|fears|expressed|hoped|"
                       r"added\s+that|added,|(?:declined|refused)\s+to\s+comment)\b")


_SUBJECT_CUT = re.compile(
    r"(?<=[a-z]{3})(?<!Corp|Bros|Govt)\.\s+(?=[a-z])|"  # "... civilians. the officer said": a
    # sentence the splitter missed
    r"(?<!\d),|,(?!\d)|[;:”\"—]|’(?!\w)|\s–\s|\s(?:that|and|but|while|what|because|as(?!\sof\b)|so|if|when|"
    r"where|said|says|after|before|since|until|unless|although|though|whereas|once|"
    r"told|added)\s"
)


def subject_before(sentence: str, end: int) -> tuple[int, str]:
    """Return the start and text of the subject chunk that ends at `end`."""
    start = max(0, end - 160)
    for match in _SUBJECT_CUT.finditer(sentence, start, end):
        if match.group().strip() == "and" and (_name_and(sentence, match.start(), end) or (
                _heads_and(sentence, match, end)) or joint_parts(sentence[start:end].strip())):
            continue  # "the Food and Drug Administration said", "local officials and media
            # reports said", "police and the Red Cross said": one subject
        start = match.end()
    maker = _MAKER_OF.match(sentence)
    if maker is not None and maker.end() <= start <= end and end - maker.start("np") <= 160 and \
            not re.search(r"[;:]|\b(?:said|says|that|which|who)\b", sentence[maker.end() : end]):
        start = maker.start("np")  # "The maker of Zest, Glim and other soaps raised": the maker
    while sentence[start:end][:1].isspace():
        start += 1
    chunk = sentence[start:end]
    if _LIST_TAIL.fullmatch(chunk.strip()) and ORG_WORDS & {
            w.lower().strip(",") for w in chunk.split()}:
        while True:  # "the Valdor Navy, Coast Guard and Transport Ministry said": the whole list
            item = _LIST_ITEM.search(sentence, max(0, start - 60), start)
            if item is None or not re.search(r"(?:^|[,;]\s*)$", sentence[: item.start()].rstrip(
                    " ") + (" " if item.start() else "")):
                break  # (never "in May, the Bridge and Tunnel Authority said")
            start = item.start() + len(item.group()) - len(item.group().lstrip())
    inner = _INNER_SUBJECT.search(sentence, start, end)
    if inner is not None:  # "the 1.5 million workers the company reported": the company
        # reported them; the workers are its object, in a clause without "that"
        start = inner.start("np")
    timed = _LEADING_TIME.match(sentence, start, end)  # "On Wednesday police said": police
    if timed is not None and timed.end() < end:
        start = timed.end()
    pronoun = _PRONOUN_END.search(sentence, start, end)
    if pronoun is not None:  # "the officers he said were charged": "he" said it, in a
        start = pronoun.start()  # relative clause whose object is the words before
    return start, sentence[start:end]


#: A plural noun, then a subject of its own: "part-time workers the company (reported)".
_INNER_SUBJECT = re.compile(r"\b[a-z][\w-]*s\s+(?P<np>(?:the|its|their)\s+[a-z][\w-]*"
                            r"(?:\s+[a-z][\w-]*)?)\s*$")
#: The last two names of a list of bodies, and a name before them with its comma.
_LIST_TAIL = re.compile(r"(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*){0,3}\s+and\s+(?:the\s+)?"
                        r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*){0,3}")
_LIST_ITEM = re.compile(r"(?<![\w,])\s*(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*){0,3},\s+$")
#: A business named by what it makes, its list cut by commas: "The maker of Zest soap, Glim
#: polish and other cleaning goods".
_MAKER_OF = re.compile(r"\s*(?P<np>(?:The|the)\s+(?:[a-z]+\s+)?(?:maker|owner|operator|producer|"
                       r"parent|developer|publisher|seller|retailer|supplier|manufacturer|"
                       r"provider)\s+of\s+[^;:.]*?,)")
_LEADING_TIME = re.compile(r"(?:(?:[Oo]n|[Bb]y|[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater)\s+(?:Monday|"
                           r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?=[a-zA-Z])|"
                           r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
                           r"(?=[a-z]))")  # not "Monday Properties said"
_PRONOUN_END = re.compile(r"(?<=[a-z,]\s)(?:he|she|they|we|I)(?=\s*$)")


_SOURCE_PLURAL = re.compile(r"(?:officials|authorities|administrations|reports|media|police|"
                            r"witnesses|residents|rescuers|sources|analysts|experts|journalists|"
                            r"observers|economists|scientists|researchers|doctors|unions|reporters)$")


def _heads_and(sentence: str, match: re.Match[str], end: int) -> bool:
    """Tell whether an "and" joins two groups of sources that say the words together ("local
    administrations and media reports said"): lower-case plural heads on both sides."""
    left = sentence[max(0, match.start() - 40) : match.start()].split()
    right = sentence[match.end() : end].split()
    if _SHARED_HEAD.search(sentence, 0, match.start()) and _PLURAL_HEAD.fullmatch(
            sentence, match.end(), end):
        return True  # "the Yes and No campaigns said", "the French and German governments"
    if left and right and len(right) == 1 and left[-1] in _KIN and right[0] in _KIN:
        return True  # "the victim's mother and father said", "his lawyers and family"
    return bool(left and right) and len(right) <= 3 and all(
        _SOURCE_PLURAL.match(w.lower()) and w[1:].islower() for w in (left[-1], right[-1]))


#: Family and counsel, who speak together for one person: "her mother and father".
_KIN = frozenset("""mother father parents wife husband son sons daughter daughters brother brothers
    sister sisters family relatives lawyer lawyers attorney attorneys friends widow
    children""".split())


#: Two modifiers in capitals sharing one plural head: "the Yes [and] No campaigns".
_SHARED_HEAD = re.compile(r"\b[Tt]he\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*$")
_PLURAL_HEAD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+[a-z]{3,}s\s*")


def _name_and(sentence: str, pos: int, end: int) -> bool:
    """Tell whether the "and" at `pos` joins the words of one institution's name."""
    left = re.search(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?)*[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*$",
                     sentence[:pos])
    right = re.match(r"\s+and\s+((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s*)+)", sentence[pos:end])
    if not left or not right:
        return False
    words = f"{left.group()} {right.group(1)}".lower().split()
    return any(w.strip(".,") in ORG_WORDS or w.strip(".,").removesuffix("s") in ORG_WORDS
               for w in words) or any(
        w.strip(".,") in _OFFICE_TITLES for w in right.group(1).lower().split()[1:])  # "Energy
    # and Natural Resources Minister Taner Yildiz": one office


_OFFICE_TITLES = frozenset("minister secretary commissioner director chairman chair president "
                           "governor spokesman spokeswoman spokesperson".split())
_NAME_BEFORE = (r"(?:^(?:(?:An|A|The)\s+(?:[a-z][\w-]*\s+){0,2})?|[,;:!?][”\"’']?\s(?:the\s)?|"
                r"\bthat\s)"
                r"(?P<name>(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž]|(?:al|el|bin|ibn|abu|de|"
                r"del|da|di|van|von|der|le|la)[-\s])[\w’'.-]*\s?(?:(?:of|for|and|the)\s)?){1,6}"
                r"(?:\([A-ZÀ-ÖØ-ÞĀ-Ž][\w&.]{1,10}\))?),\s+")  # "the Office for Prices (OfP), an"
_APPOSED = re.compile(_NAME_BEFORE + r"(?P<desc>(?:a|an|the|who|[a-z])(?:[^,]|,(?=\s+[\w-]+-"
                      r"(?:based|run|owned|backed|led)\s))" r"{2,140}"
                      r"(?:,\s+(?:the|a|an)\s[^,]{2,80})?),\s*$")  # "..., the site of X,";
# "Seawatch, an independent, Lisbon-based group, says": adjectives in a row
#: "Lena Ortiz, Deputy Superintendent of Police for the District, told": a title in capitals.
_TITLED = re.compile(_NAME_BEFORE + r"(?P<desc>(?P<title>[A-ZÀ-ÖØ-ÞĀ-Ž][a-z.]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-z.]+){0,2})"
                     r"\s+(?:of|for|at)\s[^,]{2,120}),\s*$")
#: "Ada Brook, chair of the Harbour Board told": no comma after a named body.
_UNCLOSED = re.compile(_NAME_BEFORE + r"(?P<desc>[a-z][^,]{1,60}?\s+(?:of|at|for)\s+the\s+"
                       r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&-]*\s*){1,5})$")


#: Role nouns that end a body's title after a name ("Ada Brook, Acme Group chief executive,").
_ROLE_ENDS = (r"executive|spokesman|spokeswoman|spokesperson|director|president|chairman|"
              r"chairwoman|chair|secretary|minister|officer|manager|analyst|economist|"
              r"strategist|advis[eo]r|leader|head|founder|chief|MP|senator|correspondent|"
              r"editor|researcher|professor|lawyer|commissioner|coach|captain|partner|owner|"
              r"member|candidate|governor|mayor|councillor|councilor|ambassador|envoy|"
              r"superintendent|inspector|scientist|engineer|author|organiser|organizer")
#: "Ada Brook, Acme Group chief executive, said", "Ada Brook, Acme's chief economist, told":
#: a named body before a role in lower case.
_BODY_ROLE = re.compile(_NAME_BEFORE + r"(?P<desc>(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w&.-]*(?:[’']s)?\s+){1,5}"
                        r"(?:[a-z][\w-]*\s+){0,3}(?:" + _ROLE_ENDS + r")),\s*$")


def appositive(sentence: str, end: int) -> tuple[int, int, str] | None:
    """Read "Name, a description," right before a verb; return the name span and description.
    The description may open with a title in capitals ("Lena Ortiz, Superintendent of Police
    for the District, told") and, when it ends on a named body, may lack its closing comma
    ("Ada Brook, chair of the Harbour Board told")."""
    head = sentence[:end]
    match = _APPOSED.search(head)
    if match is None:
        match = _TITLED.search(head)
        if match and not TITLES.intersection(match.group("title").lower().split()):
            match = None
    if match is None:
        match = _UNCLOSED.search(head) or _BODY_ROLE.search(head)
    if not match:
        return None
    return match.start("name"), match.end("name"), match.group("desc").strip()


#: ", published by the Office for Harbour Statistics," between a document and its verb.
_BY_AUTHOR = re.compile(r",\s+(?:published|released|compiled|issued|produced|prepared)\s+by\s+"
                        r"(?P<who>[^,]{3,90}),")


def author_between(sentence: str, relative: re.Match[str] | None, head: str
                   ) -> tuple[int, int] | None:
    """Return the span of the body that published a document subject, named between it and
    its verb ("The data, published by the OHS, showed"), or None."""
    words = head.split()
    if relative is None or not words or words[-1].lower() not in DOCUMENT_HEADS:
        return None
    found = _BY_AUTHOR.match(sentence, relative.start())
    return (found.start("who"), found.end("who")) if found else None
