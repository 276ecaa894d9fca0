"""The audit results dashboard (audit/results/): for all services and for each service, the share
of audits judged good or better overall (the headline), each section's trend worst first, the
overall judgements' trend with escalations and moderation agreement, and results by journey stage.
Every result shows its sample; a small sample and "not applicable" are said in words.

The service filter (``data-ph-results-filter``, ``#ph-results-service``) and the groups it shows
(``data-ph-service``) are the contract with javascripts/practice-hub-audit.js."""

from __future__ import annotations

import datetime as dt

from ..audit_tool.counting import OVERALL
from ..markup import Markup, element, join, link
from ..structure.audit_results import change, in_scope, stages_of
from ..structure.items import Item
from ..structure.learning_loop import LoopAction, loop_actions, median_days
from ..structure.thread import Thread, period_end, period_label
from ..text import esc, table
from ..text import link as md_link
from .audit_form import relative, scroll_region
from .chart import sample, value_of

RESULTS_URI = "audit/results.md"
ALL = "All services"
TREND_PERIODS = 4  # the periods a trend shows


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _row_head(section: Item, use_dir: bool) -> Markup:
    return element("th", link(section.title, relative(RESULTS_URI, section.uri, use_dir)), scope="row")


def _trend(values: list[dict]) -> str:
    """The last periods' good or better, oldest first: "Q1 2026 55%, Q2 2026 61%"."""
    shown = values[-TREND_PERIODS:]
    return ", ".join(
        f"{period_label(r['period'])} {r['good_or_better']:g}%"
        if r["files_audited"]
        else f"{period_label(r['period'])} not applicable"
        for r in shown
    )


def _change_cell(values: list[dict]) -> Markup:
    words, delta = change(values)
    css = "ph-up" if delta > 0 else "ph-down" if delta < 0 else None
    return element("td", words or "not applicable", class_=css)


def _agreement(r: dict) -> str:
    if r.get("agreement") is None:
        return f"{r['moderated']} moderated" if r.get("moderated") else "not moderated"
    return f"{r['agreement']}% of {r['moderated']} moderated"


def results_table(caption: str, headings: list[str], rows: list[Markup]) -> Markup:
    """A results table (no class: Material styles it as every table) in a labelled region that
    scrolls sideways by itself (practice-hub.css ``.ph-table-scroll``)."""
    ident = f"ph-table-{_slug(caption)}"
    table = element(
        "table",
        element("caption", caption, id=ident),
        element("thead", element("tr", *(element("th", h, scope="col") for h in headings))),
        element("tbody", *rows),
    )
    return scroll_region(table, ident)


def _headline(service: str, series: dict[tuple, list[dict]], labels: dict, today: dt.date) -> Markup:
    """The share of audits judged good or better overall in the latest period, with its sample."""
    values = series.get((OVERALL, "" if service == ALL else service, ""), [])
    graded = [r for r in values if r["files_audited"]]
    good = f"{labels['good']} or better".lower()
    if not graded:
        return element(
            "p",
            "No overall judgements have been counted yet for this service.",
            class_="ph-results__headline",
        )
    latest = graded[-1]
    words, _ = change(values)
    sentence = [
        element("strong", f"{latest['good_or_better']:g}% of audits judged {good} overall"),
        f" in {period_label(latest['period'])}, from {sample(latest)}",
        f" ({words})." if words and words != "first period" else ".",
    ]
    if period_end(latest["period"]) >= today:
        sentence.append(
            f" {period_label(latest['period'])} is not over yet: more audits may be counted before it ends."
        )
    if latest.get("small"):
        sentence.append(" This is a small sample: read it with care.")
    return element("p", *sentence, class_="ph-results__headline")


def _sections_table(service: str, series: dict, sections: list[Item], labels: dict, use_dir: bool) -> Markup:
    who = "" if service == ALL else service
    mine = [s for s in sections if in_scope(s, who)]
    with_results = [(s, series[(s.id, who, "")]) for s in mine if series.get((s.id, who, ""))]

    def worst(pair):
        latest = pair[1][-1]
        return (not latest["files_audited"], latest["good_or_better"], pair[0].sort_key)

    with_results.sort(key=worst)
    rows = []
    for section, values in with_results:
        latest = values[-1]
        rows.append(
            element(
                "tr",
                _row_head(section, use_dir),
                element("td", period_label(latest["period"])),
                element("td", value_of(latest)),
                element("td", sample(latest)),
                element("td", _trend(values), class_="ph-trend"),
                _change_cell(values),
                element("td", _agreement(latest)),
            )
        )
    for section in mine:
        if not series.get((section.id, who, "")):
            rows.append(
                element("tr", _row_head(section, use_dir), element("td", "No results yet", colspan="6"))
            )
    good = f"{labels['good']} or better"
    return results_table(
        f"Audit sections, {service}: the latest period, worst first",
        [
            "Audit section",
            "Latest period",
            good,
            "Sample",
            f"Trend (last {TREND_PERIODS} periods)",
            "Change since previous period",
            "Moderation agreement",
        ],
        rows,
    )


def _overall_table(service: str, series: dict, labels: dict) -> Markup | None:
    values = series.get((OVERALL, "" if service == ALL else service, ""), [])
    if not values:
        return None
    rows = [
        element(
            "tr",
            element("th", period_label(r["period"]), scope="row"),
            element("td", value_of(r)),
            element("td", sample(r)),
            element("td", str(r.get("escalations") or 0)),
            element(
                "td", str(r.get("departures") or 0) if r.get("departures") is not None else "not recorded"
            ),
            element("td", _agreement(r)),
        )
        for r in reversed(values[-TREND_PERIODS:])
    ]
    good = f"{labels['good']} or better overall"
    return results_table(
        f"Overall judgements, {service}: the last periods, latest first",
        [
            "Period",
            good,
            "Sample",
            "Escalations",
            "Auditor's judgement differs from the rule",
            "Moderation agreement",
        ],
        rows,
    )


def _stages(series: dict, sections: list[Item], labels: dict, use_dir: bool) -> Markup | None:
    """By journey stage (all services): one row a stage, its overall judgements in the latest
    period and its weakest section then (each section's page has the rest)."""
    rows = []
    for stage in stages_of(sections):
        overall = series.get((OVERALL, "", stage)) or []
        latest = [
            (values[-1], section)
            for section in sections
            for values in [series.get((section.id, "", stage)) or []]
            if values and values[-1]["files_audited"]
        ]
        if not overall and not latest:
            continue
        weakest: Markup | str = "none graded"
        if latest:
            result, section = min(latest, key=lambda pair: (pair[0]["good_or_better"], pair[1].sort_key))
            weakest = join(
                [
                    link(section.title, relative(RESULTS_URI, section.uri, use_dir)),
                    f": {value_of(result)}, {period_label(result['period'])}",
                ]
            )
        rows.append(
            element(
                "tr",
                element("th", stage, scope="row"),
                element("td", period_label(overall[-1]["period"]) if overall else "no overall judgements"),
                element("td", value_of(overall[-1]) if overall else ""),
                element("td", sample(overall[-1]) if overall else ""),
                _change_cell(overall) if overall else element("td", ""),
                element("td", weakest),
            )
        )
    if not rows:
        return None
    good = f"{labels['good']} or better overall"
    return element(
        "section",
        element("h3", "By journey stage", id="ph-results-by-journey-stage"),
        element(
            "p",
            "All services together, for each stage of the child's or adult's journey. Each audit "
            "section's page shows its results at every stage.",
        ),
        results_table(
            "By journey stage: overall judgements in the latest period, and the weakest section",
            [
                "Journey stage",
                "Latest period",
                good,
                "Sample",
                "Change since previous period",
                "Weakest section",
            ],
            rows,
        ),
        aria_labelledby="ph-results-by-journey-stage",
    )


def _group(service: str, thread: Thread, settings, use_dir: bool) -> Markup:
    series = thread.series
    labels = settings.grade_labels("" if service == ALL else service)
    slug = _slug(service)
    parts = [
        element("h2", service, id=f"ph-results-{slug}"),
        _headline(service, series, labels, settings.build_date),
        element("h3", "Audit sections", id=f"ph-results-{slug}-sections"),
        _sections_table(service, series, thread.sections, labels, use_dir),
    ]
    overall = _overall_table(service, series, labels)
    if overall is not None:
        parts += [element("h3", "Overall judgements", id=f"ph-results-{slug}-overall"), overall]
    if service == ALL:
        stages = _stages(series, thread.sections, labels, use_dir)
        if stages is not None:
            parts.append(stages)
    return element(
        "section",
        *parts,
        class_="ph-results__group",
        data_ph_service=service,
        aria_labelledby=f"ph-results-{slug}",
    )


def dashboard_page(thread: Thread, settings, use_dir: bool) -> str:
    services = [ALL] + list(settings.audit_services)
    choose = element(
        "div",
        element("label", "Show results for", for_="ph-results-service"),
        " ",
        element("select", *(element("option", s) for s in services), id="ph-results-service"),
        class_="ph-results__filter",
        hidden=True,
        data_ph_results_filter=True,
    )
    tables = join(_group(s, thread, settings, use_dir) for s in services)
    small = thread.small_sample
    return "\n".join(
        [
            "---",
            "title: Audit results dashboard",
            "hide: [toc]",
            "---",
            "",
            "# Audit results dashboard",
            "",
            "How case files measure up, quarter by quarter: the share of audits judged good or better "
            "overall, then every audit section, worst first, with its trend and the change since the "
            "previous period. The results come from the case-file audits that auditors complete in the "
            "audit tool, counted by the quality assurance team each quarter once moderation is done; "
            "results from before the tool was used were entered by the team.",
            "",
            f"Each result says how many files it comes from. A result from fewer than {small} files is "
            "marked *small sample*: one file can move it a long way. A section that did not apply to a "
            "case is counted as *not applicable*, never as a poor grade.",
            "",
            str(choose),
            "",
            str(element("div", tables, class_="ph-results", data_ph_results=True)),
            "",
            loop_section(thread, use_dir),
        ]
    )


# --- the learning loop: from an audit's finding to the action and the results after it ---------

LOOP_HEADING = "Learning loop"


def _result_words(result: dict | None) -> str:
    if result is None:
        return ""
    value = f"{result['good_or_better']:g}%" if result["files_audited"] else "not applicable"
    return f"{value} ({period_label(result['period'])})"


def before_after(action: LoopAction) -> str:
    """The section's result before the finding and after the closed action: "52% (Q4 2025) → 47% (Q3 2026)"."""
    if action.section is None:
        return "no audit section named"
    before = _result_words(action.before) or "no earlier result"
    if action.closed is None:
        after = "action not closed yet"
    else:
        after = _result_words(action.after) or "not audited since"
    return f"{before} → {after}"


def _days(action: LoopAction) -> str:
    return str(action.days) if action.days is not None else f"open ({action.status})"


def loop_table(from_uri: str, loop: list[LoopAction], with_cycle: bool = True) -> str:
    """The actions as a Markdown table: the finding and action, owner, what changed, the days
    from finding to closed action, and the section's results before and after."""
    rows = []
    for action in loop:
        finding = esc(action.finding) if action.finding else "not recorded"
        section = (
            f" ({md_link(from_uri, action.section.uri, action.section.title)})" if action.section else ""
        )
        changed = ", ".join(md_link(from_uri, item.uri, item.title, item.anchor) for item in action.changed)
        row = [f"{finding}{section}", esc(action.action), esc(action.owner), changed or "nothing named"]
        row += [_days(action), esc(before_after(action))]
        if with_cycle:
            row.insert(2, md_link(from_uri, action.cycle.uri, action.cycle.title))
        rows.append(row)
    headers = [
        "Finding (audit section)",
        "Action",
        "Owner",
        "Changed",
        "Days found to closed",
        "Result before → after",
    ]
    if with_cycle:
        headers.insert(2, "Audit cycle")
    return table(headers, rows)


def median_table(loop: list[LoopAction]) -> str:
    """Median days from finding to closed action, per quarter of the closed date, then all."""
    rows = [[period, f"{median:g}", str(count)] for period, median, count in median_days(loop)]
    if not rows:
        return "No action has a closed date yet, so the loop cannot be counted.\n"
    return table(["Closed in", "Median days from finding to closed action", "Actions closed"], rows)


def loop_section(thread: Thread, use_dir: bool = True) -> str:
    """The dashboard's learning loop: median days per quarter, then every action."""
    loop = loop_actions(list(thread.by_id.values()), thread.by_id, thread.series)
    out = [
        f"## {LOOP_HEADING}",
        "",
        "What audits found, the action agreed, what it changed, how many days it took from the "
        "finding to the closed action, and the section's result (all services) before the finding "
        "and in the first period after the action was closed.",
        "",
    ]
    if not loop:
        return "\n".join(out + ["No audit cycle has an action plan yet.", ""])
    out += [str(median_results_table(loop)), "", str(loop_results_table(loop, use_dir)), ""]
    return "\n".join(out)


def median_results_table(loop: list[LoopAction]) -> Markup:
    """The dashboard's median days per quarter, as its other tables: a labelled scroll region."""
    rows = [
        element(
            "tr", element("th", period, scope="row"), element("td", f"{median:g}"), element("td", str(count))
        )
        for period, median, count in median_days(loop)
    ]
    if not rows:
        return element("p", "No action has a closed date yet, so the loop cannot be counted.")
    headings = ["Closed in", "Median days from finding to closed action", "Actions closed"]
    return results_table("Learning loop: median days from finding to closed action", headings, rows)


def loop_results_table(loop: list[LoopAction], use_dir: bool) -> Markup:
    """The dashboard's actions in the learning loop, as its other tables (loop_table's columns)."""

    def to(item: Item) -> Markup:
        return link(item.title, relative(RESULTS_URI, item.uri, use_dir, item.anchor))

    rows = []
    for action in loop:
        finding = join(
            [action.finding or "not recorded", *([" (", to(action.section), ")"] if action.section else [])]
        )
        changed = join(
            [part for i, item in enumerate(action.changed) for part in ([", "] if i else []) + [to(item)]]
        )
        rows.append(
            element(
                "tr",
                element("td", finding),
                element("td", action.action),
                element("td", to(action.cycle)),
                element("td", action.owner),
                element("td", changed if action.changed else "nothing named"),
                element("td", _days(action)),
                element("td", before_after(action)),
            )
        )
    headings = [
        "Finding (audit section)",
        "Action",
        "Audit cycle",
        "Owner",
        "Changed",
        "Days found to closed",
        "Result before → after",
    ]
    return results_table("Learning loop: actions from audits", headings, rows)
