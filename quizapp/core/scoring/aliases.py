"""Standard names and descriptions of bodies in the news: "the UN health agency" is the WHO.

Each group lists forms that name the same body or place, as English news writes them. A fair
marker accepts any form of the group the key names.
"""

from __future__ import annotations

from functools import lru_cache

from quizapp.core.scoring.evidence_names import TITLES
from quizapp.core.text.normalise import GLUE, tokenise

_GROUPS = (
    "who | world health organization | un health agency | un's health agency | "
    "united nations health agency | world health body | global health body",
    "unhcr | un refugee agency | un's refugee agency | united nations refugee agency | "
    "un high commissioner for refugees | united nations high commissioner for refugees",
    "unicef | un children's agency | un children's fund | united nations children's fund",
    "iaea | international atomic energy agency | un nuclear watchdog | un's nuclear watchdog",
    "wfp | world food programme | un food agency | un's food agency",
    "ocha | un humanitarian office | un office for the coordination of humanitarian affairs",
    "unrwa | un agency for palestinian refugees | un palestinian refugee agency",
    "imf | international monetary fund", "world bank",
    "nato | north atlantic treaty organization | atlantic alliance | western military alliance",
    "eu | european union", "ecb | european central bank | eurozone central bank",
    "fed | federal reserve | us federal reserve | us central bank",
    "boe | bank of england | uk central bank", "boj | bank of japan | japan central bank",
    "opec | organization of the petroleum exporting countries",
    "wto | world trade organization", "icc | international criminal court",
    "icj | international court of justice | world court",
    "un | united nations", "unsc | un security council | united nations security council",
    "xinhua | xinhua news agency | china state news agency | china official news agency | "
    "new china news agency | chinese state news agency",
    "kcna | korean central news agency | north korea state news agency | "
    "north korea official news agency",
    "tass | russia state news agency | tass news agency",
    "ria novosti | russia state news agency ria", "irna | iran state news agency",
    "yonhap | yonhap news agency | south korea news agency",
    "ap | associated press", "afp | agence france presse | agence france-presse",
    "reuters | reuters news agency", "bbc | british broadcasting corporation",
    "nhc | national hurricane center | us national hurricane center",
    "noaa | national oceanic and atmospheric administration",
    "usgs | us geological survey | united states geological survey",
    "fbi | federal bureau of investigation", "cia | central intelligence agency",
    "nasa | us space agency | national aeronautics and space administration",
    "esa | european space agency",
    "pentagon | us defense department | us department of defense | dod",
    "state department | us state department",
    "metropolitan police | met police | scotland yard | the met",
    "eurostat | eu statistics agency | eu statistics office | eu's statistics agency",
    "ons | office for national statistics | uk statistics office",
    "mi6 | secret intelligence service | sis", "mi5 | security service",
    "north korea | dprk | democratic people's republic of korea",
    "south korea | republic of korea | rok", "uk | united kingdom | great britain | britain",
    "us | usa | united states | united states of america | america",
    "uae | united arab emirates", "drc | democratic republic of congo | dr congo",
    "jcs | joint chiefs of staff", "nis | national intelligence service",
    "kremlin | russian presidency", "white house | us presidency",
    "alexandria ocasio-cortez | aoc", "mohammed bin salman | mbs",
)


def _keys(text: str) -> tuple[str, ...]:
    """Return the comparison keys of a form, without glue words or possessives."""
    return tuple(t.key for t in tokenise(text) if not t.punct and t.key not in GLUE)


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """Map each form's keys to the keys of every form in its group."""
    index: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = {}
    for group in _GROUPS:
        forms = frozenset(_keys(f) for f in group.split("|"))
        for form in forms:
            index[form] = index.get(form, frozenset()) | forms
    return index


def aliases(text: str) -> frozenset[tuple[str, ...]]:
    """Return the keys of every standard form of the body or place `text` names exactly."""
    keys = _keys(text)
    while len(keys) > 1 and keys[0] in TITLES:
        keys = keys[1:]  # "Rep. Alexandria Ocasio-Cortez"
    return _index().get(keys, frozenset())


def same_body(answer: str, expected: str) -> bool:
    """Say whether the answer is another standard form of the body the key names."""
    forms = aliases(expected)
    return bool(forms) and _keys(answer) in forms
