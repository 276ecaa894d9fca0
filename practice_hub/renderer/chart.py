"""Audit result trends as accessible inline SVG, with the same numbers as a table and text."""

from __future__ import annotations

from ..markup import NEWLINE, Markup, element, markdown_block, markdown_text, self_closing
from ..structure.thread import period_label
from ..text import table

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_BOTTOM, PAD_TOP = 560, 236, 64, 40, 52, 22


def _graded(r: dict) -> bool:
    """Whether the result has graded files (a section all "not applicable" in a period has none)."""
    return bool(r.get("files_audited"))


def sample(r: dict) -> str:
    """The sample of one result in words: "38 files", "3 files (small sample)", "not applicable
    in 4 audits", "12 files (not applicable in 2 more)"."""
    files, na = int(r.get("files_audited") or 0), int(r.get("not_applicable") or 0)
    if not files:
        return f"not applicable in {na} audit{'s' if na != 1 else ''}" if na else "no audits"
    words = f"{files} file{'s' if files != 1 else ''}"
    if r.get("small"):
        words += " (small sample)"
    if na:
        words += f", not applicable in {na} more"
    return words


def value_of(r: dict) -> str:
    """One result's good or better share: "81%", "40% (small sample)", "not applicable"."""
    if not _graded(r):
        return "not applicable"
    return f"{r['good_or_better']:g}%" + (" (small sample)" if r.get("small") else "")


def trend_summary(results: list[dict]) -> str:
    values = [value_of(r) for r in results]
    return " → ".join(values) + " good or better"


def sample_summary(results: list[dict]) -> str:
    """The sample of each period, as a sentence: "Sample: 40 files in Q1 2026, 38 files in Q2 2026"."""
    return "Sample: " + ", ".join(f"{sample(r)} in {period_label(r['period'])}" for r in results)


def _svg(width: int, height: int, chart_id: str, title: str, description: str, css: str, shapes) -> Markup:
    """The chart's <svg>: its title and description first (the text alternative), then the shapes."""
    return element(
        "svg",
        element("title", title, id=f"{chart_id}-t"),
        element("desc", description, id=f"{chart_id}-d"),
        *shapes,
        class_=css,
        viewBox=f"0 0 {width} {height}",
        role="img",
        aria_labelledby=f"{chart_id}-t {chart_id}-d",
        xmlns="http://www.w3.org/2000/svg",
    )


def _text(css: str, x, y, anchor: str, words) -> Markup:
    return element("text", words, class_=css, x=x, y=y, text_anchor=anchor)


def svg(results: list[dict], chart_id: str, title: str) -> Markup:
    """A line chart of % good or better per period, the sample under each period; a small
    sample is a hollow point marked "small" (shape and words, not colour alone); a period with
    no graded files has no point and says "n/a". Text alternative in <title>/<desc>."""
    count = len(results)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_w / max(count - 1, 1)

    def x(i: int) -> str:
        return f"{PAD_LEFT + (i * step if count > 1 else inner_w / 2):.1f}"

    def y(value: float, shift: float = 0) -> str:
        return f"{PAD_TOP + inner_h * (1 - value / 100) + shift:.1f}"

    shapes = []
    for tick in (0, 25, 50, 75, 100):
        shapes.append(
            self_closing(
                "line", class_="ph-chart__grid", x1=PAD_LEFT, x2=WIDTH - PAD_RIGHT, y1=y(tick), y2=y(tick)
            )
        )
        shapes.append(_text("ph-chart__axis", PAD_LEFT - 10, y(tick, 4), "end", f"{tick}%"))
    graded = [(i, r) for i, r in enumerate(results) if _graded(r)]
    if len(graded) > 1:
        points = " ".join(f"{x(i)},{y(r['good_or_better'])}" for i, r in graded)
        shapes.append(self_closing("polyline", class_="ph-chart__line", fill="none", points=points))
    for i, r in enumerate(results):
        files = int(r.get("files_audited") or 0)
        if files:
            value = r["good_or_better"]
            css = "ph-chart__point ph-chart__point--small" if r.get("small") else "ph-chart__point"
            shapes.append(
                self_closing("circle", class_=css, cx=x(i), cy=y(value), r="5" if r.get("small") else "4")
            )
            shapes.append(_text("ph-chart__value", x(i), y(value, -9), "middle", f"{value:g}%"))
            under = f"n={files}" + (" small" if r.get("small") else "")
        else:
            under = "n/a"
        shapes.append(_text("ph-chart__axis", x(i), HEIGHT - 28, "middle", period_label(r["period"])))
        shapes.append(_text("ph-chart__axis", x(i), HEIGHT - 10, "middle", under))
    description = f"{trend_summary(results)}. {sample_summary(results)}."
    return _svg(WIDTH, HEIGHT, chart_id, title, description, "ph-chart", shapes)


def results_block(results: list[dict], chart_id: str, title: str, small_sample: int = 0) -> str:
    """Chart, summary sentence and data table, as Markdown (raw HTML for the figure). Every
    period shows its sample; a small sample and a section not applicable are said in words."""
    if not results:
        return ""
    rows = [
        [
            period_label(r["period"]),
            str(r["files_audited"]) if _graded(r) else "none graded",
            value_of(r),
            f"{r['requires_improvement_or_lower']:g}%" if _graded(r) else "not applicable",
            sample(r),
        ]
        for r in results
    ]
    caption = f"{title}: {trend_summary(results)}. {sample_summary(results)}."
    if small_sample and any(r.get("small") for r in results if _graded(r)):
        caption += (
            f' A hollow point marked "small" is a small sample (fewer than {small_sample} files): '
            "read it with care."
        )
    figure = element(
        "figure",
        NEWLINE,
        svg(results, chart_id, title),
        NEWLINE,
        element("figcaption", caption),
        NEWLINE,
        class_="ph-figure",
        data_pagefind_ignore="all",
    )
    # Figures, not words: kept out of the search index, so a page is found by what it says, and
    # a page with many results does not sink below the pages that match as well.
    numbers = markdown_block(
        "div",
        markdown_text(
            table(
                ["Period", "Files audited", "Good or better", "Requires improvement or lower", "Sample"], rows
            )
        ),
        data_pagefind_ignore="all",
    )
    return f"{figure}\n\n{numbers}"


def percent(value: float) -> str:
    """One percent style everywhere: "48%"."""
    return f"{value:g}%"


BAR_ROW, BAR_LABEL = 30, 190


def bar_svg(rows: list[tuple[str, float]], chart_id: str, title: str, description: str) -> Markup:
    """Horizontal bars, one per (label, percent), each with its value written beside it (the staff
    voice results). The same grid and classes as the trend chart; the text alternative in <desc>."""
    height = PAD_TOP + BAR_ROW * len(rows) + PAD_BOTTOM
    inner_w = WIDTH - BAR_LABEL - 48  # room for "100%" after the longest bar

    def x(value: float, shift: float = 0) -> str:
        return f"{BAR_LABEL + inner_w * value / 100 + shift:.1f}"

    shapes = []
    bottom = PAD_TOP + BAR_ROW * len(rows)
    for tick in (0, 25, 50, 75, 100):
        shapes.append(
            self_closing("line", class_="ph-chart__grid", x1=x(tick), x2=x(tick), y1=PAD_TOP - 6, y2=bottom)
        )
        shapes.append(_text("ph-chart__axis", x(tick), bottom + 18, "middle", f"{tick}%"))
    for i, (label, value) in enumerate(rows):
        top = PAD_TOP + i * BAR_ROW
        middle = f"{top + BAR_ROW / 2 + 4:.1f}"
        shapes.append(_text("ph-chart__axis", BAR_LABEL - 8, middle, "end", label))
        width = f"{BAR_LABEL + inner_w * value / 100 - BAR_LABEL:.1f}"
        shapes.append(
            self_closing(
                "rect", class_="ph-chart__bar", x=BAR_LABEL, y=top + 6, width=width, height=BAR_ROW - 12
            )
        )
        shapes.append(_text("ph-chart__value", x(value, 6), middle, "start", percent(value)))
    return _svg(WIDTH, height, chart_id, title, description, "ph-chart ph-chart--bars", shapes)
