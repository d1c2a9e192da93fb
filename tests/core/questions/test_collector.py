"""Generation pauses the cyclic garbage collector and leaves it as it found it."""

from __future__ import annotations

import gc

from quizapp.core.banks.model import Source
from quizapp.core.questions import generate_questions


def test_the_collector_is_resumed_after_generation() -> None:
    source = Source("a1", "Rates", "The central bank raised its key rate to 4.5%, officials said.")
    assert gc.isenabled()
    generate_questions([source])
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        generate_questions([])
        assert not gc.isenabled()
    finally:
        gc.enable()
