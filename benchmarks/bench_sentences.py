"""Time split_sentences (and read_source) on a ~60k-character news-style text; print ms."""

from __future__ import annotations

import time
from collections.abc import Callable

from quizapp.core.reading.sentences import split_sentences
from quizapp.core.reading.sources import read_source

PARAGRAPH = (
    "Lt. Col. Anna Berg told the U.K. committee on Dec. 23 that costs rose 6.{n} per cent to "
    "${n}.2bn. \u201cWe warned them. Nobody listened,\u201d she said. The U.S. Treasury, e.g. its "
    "audit office, disagreed\u2026 Was figure {n} right? Officials at Orbis Inc. said yes!\n"
    "Heading Number {n} Without A Stop\n\n"
)


def best_ms(function: Callable[[str], object], argument: str, repeat: int = 7) -> float:
    """Return the best wall time of `function(argument)` in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(argument)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    """Print the timings."""
    text = ""
    while len(text) < 60_000:
        text += PARAGRAPH.format(n=len(text) % 997)
    count = len(split_sentences(text))
    took = best_ms(split_sentences, text)
    print(f"split_sentences: {len(text)} chars, {count} sentences: {took:.1f} ms")
    flat = text.replace("\n", " ")
    print(
        f"split_sentences, one {len(flat)}-char paragraph: {best_ms(split_sentences, flat):.1f} ms"
    )
    print(f"read_source on the same text: {best_ms(read_source, text, 3):.1f} ms")


if __name__ == "__main__":
    main()
