"""A country's capital, which news prose uses for its government ("Kyiv said", "talks in Seoul").

A fair marker accepts the capital for the country where the sentence itself names the capital:
it then supports the more specific place.
"""

from __future__ import annotations

from quizapp.core.text.normalise import keys

#: Capital -> the country as `keys()` reads it ("North Korea" -> ("north", "korea")).
_CAPITALS = {
    "kyiv": ("ukraine",), "kiev": ("ukraine",), "moscow": ("russia",),
    "pyongyang": ("north", "korea"),
    "seoul": ("south", "korea"), "beijing": ("china",), "tokyo": ("japan",), "london": ("uk",),
    "paris": ("france",), "berlin": ("germany",), "rome": ("italy",), "madrid": ("spain",),
    "washington": ("us",), "ottawa": ("canada",), "canberra": ("australia",),
    "tehran": ("iran",), "baghdad": ("iraq",), "damascus": ("syria",), "cairo": ("egypt",),
    "ankara": ("turkey",), "jerusalem": ("israel",), "beirut": ("lebanon",), "amman": ("jordan",),
    "riyadh": ("saudi", "arabia"), "doha": ("qatar",), "kabul": ("afghanistan",),
    "islamabad": ("pakistan",), "delhi": ("india",), "dhaka": ("bangladesh",),
    "kathmandu": ("nepal",), "bangkok": ("thailand",), "hanoi": ("vietnam",),
    "manila": ("philippines",), "jakarta": ("indonesia",), "taipei": ("taiwan",),
    "minsk": ("belarus",), "warsaw": ("poland",), "budapest": ("hungary",), "prague": ("czech",),
    "vienna": ("austria",), "brussels": ("belgium",), "amsterdam": ("netherlands",),
    "stockholm": ("sweden",), "oslo": ("norway",), "helsinki": ("finland",),
    "copenhagen": ("denmark",), "dublin": ("ireland",), "lisbon": ("portugal",),
    "athens": ("greece",), "bucharest": ("romania",), "sofia": ("bulgaria",),
    "belgrade": ("serbia",), "zagreb": ("croatia",), "tallinn": ("estonia",), "riga": ("latvia",),
    "vilnius": ("lithuania",), "tbilisi": ("georgia",), "nairobi": ("kenya",),
    "abuja": ("nigeria",), "accra": ("ghana",), "khartoum": ("sudan",), "tripoli": ("libya",),
    "addis": ("ethiopia",), "rabat": ("morocco",), "brasilia": ("brazil",),
    "caracas": ("venezuela",), "havana": ("cuba",), "bogota": ("colombia",), "lima": ("peru",),
    "santiago": ("chile",), "sanaa": ("yemen",), "bern": ("switzerland",),
}


def capital_of(answer: str, expected: str, evidence: str) -> bool:
    """Say whether the answer is the capital of the expected country, named in the evidence."""
    given, want = keys(answer), keys(expected)
    if len(given) != 1 or _CAPITALS.get(given[0]) != want:
        return False
    return given[0] in keys(evidence)
