"""Tiny server-rendered SVG charts: no script, scale with the page, readable on a small phone.

Each chart is a list of (label, value) pairs; values are integers (paise or counts), shown
through the `fmt` callable. Text is escaped; the SVG carries a <title> and role="img".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

Fmt = Callable[[int], str]
BAR = "#9a3d20"
GRID = "#e6ddd3"
TEXT = "#3b302a"


def bar_chart(rows: Sequence[tuple[str, int]], *, title: str, fmt: Fmt = str) -> SafeString:
    """Horizontal bars, one row per label (districts, categories)."""
    if not rows:
        return mark_safe("")
    row_h, label_w, bar_w, value_w = 26, 170, 300, 110
    width = label_w + bar_w + value_w
    height = row_h * len(rows) + 8
    top = max(value for _, value in rows) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
    ]
    for index, (label, value) in enumerate(rows):
        y = 4 + index * row_h
        length = max(round(bar_w * value / top), 1 if value else 0)
        short = label if len(label) <= 24 else label[:23] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="13" '
            f'fill="{TEXT}">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{length}" height="{row_h - 8}" rx="3" '
            f'fill="{BAR}"><title>{escape(label)}: {escape(fmt(value))}</title></rect>'
            f'<text x="{label_w + length + 6}" y="{y + 17}" font-size="12" '
            f'fill="{TEXT}">{escape(fmt(value))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def column_chart(rows: Sequence[tuple[str, int]], *, title: str, fmt: Fmt = str) -> SafeString:
    """Vertical columns over time (months), with the top value marked on a grid line."""
    if not rows:
        return mark_safe("")
    col_w, plot_h, left, bottom = 44, 180, 8, 40
    width = left + col_w * len(rows) + 8
    height = plot_h + bottom + 24
    top = max(value for _, value in rows) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
        f'<line x1="{left}" y1="24" x2="{width - 8}" y2="24" stroke="{GRID}"/>'
        f'<text x="{left}" y="16" font-size="12" fill="{TEXT}">{escape(fmt(top))}</text>'
        f'<line x1="{left}" y1="{24 + plot_h}" x2="{width - 8}" y2="{24 + plot_h}" '
        f'stroke="{GRID}"/>'
    ]
    for index, (label, value) in enumerate(rows):
        x = left + index * col_w + 6
        h = round(plot_h * value / top)
        parts.append(
            f'<rect x="{x}" y="{24 + plot_h - h}" width="{col_w - 12}" height="{h}" rx="3" '
            f'fill="{BAR}"><title>{escape(label)}: {escape(fmt(value))}</title></rect>'
            f'<text x="{x + (col_w - 12) / 2}" y="{24 + plot_h + 16}" text-anchor="middle" '
            f'font-size="12" fill="{TEXT}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
