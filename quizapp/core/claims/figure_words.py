"""The words and patterns of figures in news prose: number words, qualifiers, currencies and
units, the figure pattern itself, and what around a number makes it no figure (a date, a time,
an age, an identifier)."""

from __future__ import annotations

import re

from quizapp.core.text.numbers import QUALIFIERS

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen"
).split()
WORD = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
WORDS = (
    rf"(?:half[\s-]+an?[\s-]+(?:dozen|hundred|thousand|million|billion)"
    rf"|(?:a|an)\s+(?:dozen|hundred|thousand|million|billion)"
    rf"|{WORD}(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+{WORD}"
    rf"|[\s-]+{WORD})*)"  # "two hundred and five", never "between two and five"
)
#: Thousands set apart by spaces ("19 136 people", "42\u00a0397"), as much news outside the US
#: and UK writes them; never after a month or a name that numbers ("May 5 200", "Route 66 100").
_SPACED = "".join(rf"(?<!(?-i:{w}) )" for w in """January February March April May June July
    August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    No Route Flight Chapter Article Section Highway Room Page Level Grade Class Model Act Bus
    Line Gate Platform Channel Number""".split()) + \
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)"
DIGITS = rf"{_SPACED}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: A fraction after a whole number: "six and a half years", "9 1/2 minutes", "3½ hours", a
#: share price "35 1/4" or "5-5/16".
AND_A_HALF = r"\s+and\s+a\s+half\b|[\s-][1-9]\d?/[1-9]\d?\b|[½¼¾]"
#: Qualifiers read here beyond the scorer's table (numbers.QUALIFIERS).
EXTRA_QUALIFIERS = {"as much as": "le", "as high as": "le", "as little as": "ge",
                    "as few as": "ge", "as low as": "ge"}
ALL_QUALIFIERS = {**QUALIFIERS, **EXTRA_QUALIFIERS}
QUALS = "|".join(
    re.escape(q)
    for q in sorted(ALL_QUALIFIERS, key=len, reverse=True)
    if q not in ("some", "estimated")
)
FRACTION_VALUES = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                    "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
#: "two-thirds of", "a quarter of", "half of": a share written in words (before "of"), or
#: closing its clause ("prices rose by about a fifth.").
FRACTION = (
    rf"(?:(?:{'|'.join(SMALL)})[\s-](?:{'|'.join(FRACTION_VALUES)})|half)"
    rf"(?=\s+of\b|\s*[.,;)]|\s*$)"
)
CURRENCY = {"$": "dollars", "us$": "dollars", "€": "euros", "£": "pounds", "¥": "yen",
             "rs": "rupees", "rs.": "rupees", "₹": "rupees", "sh": "shillings",
             "ksh": "shillings", "kes": "shillings", "r": "rand", "n": "naira", "₦": "naira",
             "a$": "dollars", "c$": "dollars", "nz$": "dollars", "hk$": "dollars",
             "s$": "dollars", "chf": "francs", "rp": "rupiah", "rm": "ringgit", "₱": "pesos",
             "₩": "won", "₺": "lira", "₽": "roubles", "usd": "dollars", "eur": "euros",
             "gbp": "pounds", "inr": "rupees"}
#: Currency marks before a number: symbols, "US$", "A$", and codes in capitals ("Sh3.8
#: trillion", "KSh 500", "CHF 40 million"); a lone "R" or "N" (rand, naira) only before a sum
#: with a scale or thousands ("R2.5 billion", "N50,000"), not "R2" or "N95".
CURRENCY_MARK = (r"US\$|(?-i:A|C|NZ|HK|S)\$|\$|€|£|¥|₹|₦|₱|₩|₺|₽|Rs\.?(?=\s?\d)"
                 r"|(?-i:KSh|Ksh|Sh|KES|CHF|Rp|RM|USD|EUR|GBP|INR)(?=\s?\d)"
                 r"|(?-i:R|N)(?=\d[\d.]*(?:\s?(?:million|billion|trillion|bn|m)\b)|\d{1,3},\d{3})")
MULTI_UNITS = (
    r"square (?:kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet)|sq\.? (?:km|miles)|per ?cent"
    r"|percent(?:age points?)?|metric tons|degrees(?: (?:Celsius|Fahrenheit))?"
    r"|euros|dollars|pounds|yen|yuan|rupees|hectares|acres|miles|kilomet(?:er|re)s|tonnes|tons"
    r"|soles|pesos|rand|roubles|rubles|lira|naira|shillings|ringgit|baht|dirhams|reais|zloty"
    r"|barrels"
)
ATTACHED = r"mm|cm|km2|km|kg|mph|kph|mw|gw|kwh|ft|lbs?|pc|p(?!\.?m\b)|(?-i:°?[CF])"  # "11.88p":
# pence; "2.9C", "30°C": degrees (capitals only: "19c" is cents)

FIGURE = (
    rf"(?P<qual>(?:{QUALS})\s+)?(?P<cur>{CURRENCY_MARK})?\s?"
    rf"(?P<num>{FRACTION}|(?:(?:{DIGITS})(?![.,]\d)|{WORDS})(?:{AND_A_HALF})?)"
    rf"(?P<scale>[\s-]?(?:million|billion|trillion|bn|mn|m(?!\s+(?:race|final|sprint|dash|hurdles|"
    rf"freestyle|butterfly|backstroke|breaststroke|medley|relay|title|world|gold|silver|bronze|"
    rf"event|heats?|semi-finals?|record|champion|crown)\b)|k)\b"  # "the 100m final": metres
    rf"|\s(?:thousand|hundred|lakhs?|crores?)\b)?"
    rf"(?P<unit>\s?%|(?:{ATTACHED})\b|\s(?:{MULTI_UNITS})\b|-(?:percent|point|dollar|pound|euro|magnitude)\b"
    rf"|-(?:year|month|week|day|hour)(?=\s+(?!(?:old|plans?|programmes?|programs?|strateg\w+|bonds?|yields?)\b)[a-z]))?"
    rf"(?![\w%])(?!-[a-z])"
)
FIGURE_RE = re.compile(rf"(?<![\w.,\-/:]){FIGURE}", re.IGNORECASE)
#: The high end of a range written with a dash ("15-20%"), read from just after the dash.
HIGH_END = re.compile(FIGURE, re.IGNORECASE)

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s*$", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{'|'.join(MONTHS)})\b", re.I)
TIME_AFTER = re.compile(r"^(?::\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|CET|ET\b))", re.I)
AGE_AROUND = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*[’']?,\s*$")
AGE_AFTER = re.compile(r"^\s*(?:[,)]|\.\s*$|-year-old|years? old)")  # "said X, 54."
ID_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Article|Section|Route|Highway|Flight|Game|Room|Page)\.?\s*|#)$"
)
CAPITAL_BEFORE = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)\s+$")
VAGUE_BEFORE = re.compile(r"\b(?:several|a few|few|many|hundreds of|thousands of)\s+$", re.I)
RATIO = re.compile(r"\s+in\s+(?!(?:1[89]|20)\d\d\b)(?:\d|ten\b|\w+ty\b|a hundred)")
RATIO_END = re.compile(r"\b(?:\d+|one|two|three)\s+in\s+$")
YEAR_PREP = re.compile(r"\b(?:in|since|by|until|from|during|of|to|through|before|after)\s+$", re.I)

#: Words that end a counted-noun phrase after a figure.
STOP_WORDS = frozenset(
    """a an the of in on at to for from with by and or but nor as that which who whom whose is are
    was were be been being have has had will would could should may might must can did do does not
    since during after before over under into than per each this these those their its his her
    it they he she we our also already now more most reportedly allegedly while when if so across
    between against among until about around up down out off last next ago alive only just still
    further nearly almost roughly some all both there here where why how what then because who
    within without through toward towards including via near outside inside like amid despite
    been yet very too even less fewer many much such other another same new made took came went
    got gave said told held left fought won lost ran saw paid met set put began led fell rose spent
    struck hit fled sank broke stole sold built hurt drove flew caught kept brought bought found
    sent stood became swept tore blew drew threw shot grew
    says say later earlier apart yesterday today tomorrow tonight along alongside aboard beyond
    behind beside besides beneath below above upon onto throughout underneath unlike
    versus""".split()
)
LY_ADJECTIVES = frozenset(
    "daily weekly monthly yearly quarterly hourly elderly family friendly costly deadly "
    "likely lonely".split()
)
WORD_AFTER = re.compile(r"\s+([A-Za-z][\w’'-]*)")
LEVEL_VERB = (
    r"(?:at|of|to|is|was|were|are|stood at|reached|hit|"
    r"exceeded|exceed|exceeds|topped|totalled|totaled|numbered|measured|measuring|measures|"
    r"registered|registering)"
)
NOUN_BEFORE = re.compile(rf"([\w’'-]+(?:\s+[\w’'-]+){{0,3}})\s+{LEVEL_VERB}\s+$")
#: The ending NOUN_BEFORE needs, looked for first: a search for it fails fast where
#: NOUN_BEFORE tries a run of words at every start.
LEVEL_VERB_END = re.compile(rf"\s{LEVEL_VERB}\s+$")
