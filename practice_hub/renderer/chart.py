"""Audit result trends as accessible inline SVG, with the same numbers as a table and text."""

from __future__ import annotations

import html

from ..text import table

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_BOTTOM, PAD_TOP = 560, 220, 64, 40, 36, 22


def period_label(period: str) -> str:
    year, _, part = period.partition("-")
    if part.startswith("Q"):
        return f"{part} {year}"
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{months[int(part) - 1]} {year}"


def trend_summary(results: list[dict]) -> str:
    values = [f"{r['good_or_better']:g}%" for r in results]
    return " → ".join(values) + " good or better"


def svg(results: list[dict], chart_id: str, title: str) -> str:
    """A line chart of % good or better per period. Text alternative in <title>/<desc>."""
    count = len(results)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_w / max(count - 1, 1)

    def x(i: int) -> float:
        return PAD_LEFT + (i * step if count > 1 else inner_w / 2)

    def y(value: float) -> float:
        return PAD_TOP + inner_h * (1 - value / 100)

    parts = [
        f'<svg class="ph-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{html.escape(title)}</title>',
        f'<desc id="{chart_id}-d">{html.escape(trend_summary(results))}</desc>',
    ]
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line class="ph-chart__grid" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" '
            f'y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
        )
        parts.append(
            f'<text class="ph-chart__axis" x="{PAD_LEFT - 10}" y="{y(tick) + 4:.1f}" '
            f'text-anchor="end">{tick}%</text>'
        )
    points = " ".join(f"{x(i):.1f},{y(r['good_or_better']):.1f}" for i, r in enumerate(results))
    parts.append(f'<polyline class="ph-chart__line" fill="none" points="{points}"/>')
    for i, r in enumerate(results):
        value = r["good_or_better"]
        parts.append(f'<circle class="ph-chart__point" cx="{x(i):.1f}" cy="{y(value):.1f}" r="4"/>')
        parts.append(
            f'<text class="ph-chart__value" x="{x(i):.1f}" y="{y(value) - 9:.1f}" '
            f'text-anchor="middle">{value:g}%</text>'
        )
        parts.append(
            f'<text class="ph-chart__axis" x="{x(i):.1f}" y="{HEIGHT - 12}" '
            f'text-anchor="middle">{html.escape(period_label(r["period"]))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def results_block(results: list[dict], chart_id: str, title: str) -> str:
    """Chart, summary sentence and data table, as Markdown (raw HTML for the figure)."""
    if not results:
        return ""
    rows = [
        [
            period_label(r["period"]),
            str(r["files_audited"]),
            f"{r['good_or_better']:g}%",
            f"{r['requires_improvement_or_lower']:g}%",
        ]
        for r in results
    ]
    return (
        f'<figure class="ph-figure">\n{svg(results, chart_id, title)}\n'
        f"<figcaption>{html.escape(title)}: {html.escape(trend_summary(results))}.</figcaption>\n"
        "</figure>\n\n"
        + table(["Period", "Files audited", "Good or better", "Requires improvement or lower"], rows)
    )


def percent(value: float) -> str:
    """One percent style everywhere: "48%"."""
    return f"{value:g}%"


BAR_ROW, BAR_LABEL = 30, 190


def bar_svg(rows: list[tuple[str, float]], chart_id: str, title: str, description: str) -> str:
    """Horizontal bars, one per (label, percent), each with its value written beside it (for
    staff voice, so a reader need not judge a bar's length). The same grid and classes as the trend chart; the text alternative in <desc>."""
    height = PAD_TOP + BAR_ROW * len(rows) + PAD_BOTTOM
    inner_w = WIDTH - BAR_LABEL - 48  # room for "100%" after the longest bar

    def x(value: float) -> float:
        return BAR_LABEL + inner_w * value / 100

    parts = [
        f'<svg class="ph-chart ph-chart--bars" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{html.escape(title)}</title>',
        f'<desc id="{chart_id}-d">{html.escape(description)}</desc>',
    ]
    bottom = PAD_TOP + BAR_ROW * len(rows)
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line class="ph-chart__grid" x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{PAD_TOP - 6}" y2="{bottom}"/>'
        )
        parts.append(
            f'<text class="ph-chart__axis" x="{x(tick):.1f}" y="{bottom + 18}" text-anchor="middle">{tick}%</text>'
        )
    for i, (label, value) in enumerate(rows):
        top = PAD_TOP + i * BAR_ROW
        parts.append(
            f'<text class="ph-chart__axis" x="{BAR_LABEL - 8}" y="{top + BAR_ROW / 2 + 4:.1f}" '
            f'text-anchor="end">{html.escape(label)}</text>'
        )
        parts.append(
            f'<rect class="ph-chart__bar" x="{BAR_LABEL}" y="{top + 6}" width="{x(value) - BAR_LABEL:.1f}" '
            f'height="{BAR_ROW - 12}"/>'
        )
        parts.append(
            f'<text class="ph-chart__value" x="{x(value) + 6:.1f}" y="{top + BAR_ROW / 2 + 4:.1f}" '
            f'text-anchor="start">{percent(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
