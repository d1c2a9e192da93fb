"""Charts as server-rendered inline SVG: pure functions from numbers to markup, no JavaScript.

Each chart is `<svg role="img" aria-labelledby=...>` with a `<title>` and a `<desc>`; pages show
the same numbers in a table for screen readers. Colours come from CSS classes (the CSP forbids
inline styles).
"""

from __future__ import annotations

from markupsafe import Markup, escape

# Drawn at about a phone's width, so that 13 px labels stay readable when a 390 px phone shows
# the chart at its width (and scaled up, not down, on a desktop: see svg.chart in style.css).
WIDTH, HEIGHT = 420, 230
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 24, 22, 40
INSET = 14  # the first and last points sit this far inside the plot, clear of the axis labels
MAX_VALUE_LABELS = 12  # more points than this: values only in the tooltips and the table


def _num(value: float) -> str:
    """Return a coordinate with at most one decimal."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _open(chart_id: str, title: str, desc: str, width: int, height: int, css: str) -> str:
    """Return the opening of an accessible SVG element."""
    return (
        f'<svg class="chart {css}" id="{escape(chart_id)}" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>'
    )


def score_chart(chart_id: str, title: str, points: list[tuple[str, float]]) -> Markup:
    """Return a line chart of scores (0..100 percent) over time, one labelled point each."""
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT - 2 * INSET
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    desc = (
        "No finished attempt yet."
        if not points
        else f"{len(points)} finished attempts; latest score {round(points[-1][1])} percent."
    )
    parts = [_open(chart_id, title, desc, WIDTH, HEIGHT, "chart-scores")]
    for level in (0, 25, 50, 75, 100):
        y = PAD_TOP + plot_h * (1 - level / 100)
        parts.append(
            f'<line class="grid" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" '
            f'y1="{_num(y)}" y2="{_num(y)}"/>'
            f'<text class="axis" x="{PAD_LEFT - 6}" y="{_num(y + 4)}" '
            f'text-anchor="end">{level}%</text>'
        )
    step = plot_w / (len(points) - 1) if len(points) > 1 else 0
    coords = []
    for i, (_label, value) in enumerate(points):
        x = PAD_LEFT + INSET + (step * i if len(points) > 1 else plot_w / 2)
        y = PAD_TOP + plot_h * (1 - max(0.0, min(value, 100.0)) / 100)
        coords.append((x, y))
    if len(coords) > 1:
        path = " ".join(f"{_num(x)},{_num(y)}" for x, y in coords)
        parts.append(f'<polyline class="line" points="{path}"/>')
    for (x, y), (label, value) in zip(coords, points, strict=True):
        parts.append(
            f'<circle class="dot" cx="{_num(x)}" cy="{_num(y)}" r="4">'
            f"<title>{escape(label)}: {round(value)}%</title></circle>"
        )
        if len(points) <= MAX_VALUE_LABELS:
            # above the dot, or below it when the dot is at the top of the plot
            label_y = y - 9 if y - 9 >= PAD_TOP - 6 else y + 20
            parts.append(
                f'<text class="value" x="{_num(x)}" y="{_num(label_y)}" '
                f'text-anchor="middle">{round(value)}%</text>'
            )
    if points:
        first, last = points[0][0], points[-1][0]
        base = HEIGHT - PAD_BOTTOM + 24
        parts.append(f'<text class="axis" x="{PAD_LEFT}" y="{base}">{escape(first)}</text>')
        if len(points) > 1:
            parts.append(
                f'<text class="axis" x="{WIDTH - PAD_RIGHT}" y="{base}" '
                f'text-anchor="end">{escape(last)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, float, bool]]) -> Markup:
    """Return horizontal bars of shares (0..1), one labelled row each; True marks a weak row."""
    row_h, label_w, right_w = 30, 160, 44
    height = max(row_h * len(rows), row_h) + 8
    bar_w = WIDTH - label_w - right_w
    desc = "; ".join(f"{label}: {round(share * 100)} percent right" for label, share, _ in rows)
    parts = [_open(chart_id, title, desc or "No answers yet.", WIDTH, height, "chart-skills")]
    for i, (label, share, weak) in enumerate(rows):
        y = 4 + i * row_h
        filled = bar_w * max(0.0, min(share, 1.0))
        css = "bar bar-weak" if weak else "bar"
        parts.append(
            f'<text class="label" x="{label_w - 8}" y="{y + 19}" text-anchor="end">'
            f"{escape(label)}</text>"
            f'<rect class="track" x="{label_w}" y="{y + 4}" width="{bar_w}" height="{row_h - 10}"/>'
            f'<rect class="{css}" x="{label_w}" y="{y + 4}" width="{_num(filled)}" '
            f'height="{row_h - 10}"/>'
            f'<text class="value" x="{WIDTH - 4}" y="{y + 19}" text-anchor="end">'
            f"{round(share * 100)}%</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
