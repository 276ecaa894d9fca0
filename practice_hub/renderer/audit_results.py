"""The audit results dashboard (audit/results/): every section on one page, latest score,
change since the last period, worst first, filtered by service."""

from __future__ import annotations

from ..markup import Markup, element, join, link
from ..structure.items import Item
from ..structure.thread import period_key, period_label
from .audit_form import relative

RESULTS_URI = "audit/results.md"
ALL = "All services"


def _groups(results: list[Item], overall: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """Service -> section id -> results oldest first. ALL is the overall series."""
    groups: dict[str, dict[str, list[dict]]] = {ALL: overall}
    for item in results:
        data = item.data
        service = data.get("service")
        if not isinstance(service, str) or data.get("journey_stage"):
            continue
        groups.setdefault(service, {}).setdefault(str(data.get("audit_section")), []).append(dict(data))
    for series in groups.values():
        for values in series.values():
            values.sort(key=lambda r: period_key(str(r["period"])))
    return groups


def _change(series: list[dict]) -> tuple[str, float]:
    if len(series) < 2:
        return "first period", 0.0
    delta = series[-1]["good_or_better"] - series[-2]["good_or_better"]
    if delta == 0:
        return f"no change since {period_label(series[-2]['period'])}", 0.0
    word = "up" if delta > 0 else "down"
    return f"{word} {abs(delta):g} points since {period_label(series[-2]['period'])}", delta


def _row_head(section: Item, use_dir: bool) -> Markup:
    return element("th", link(section.title, relative(RESULTS_URI, section.uri, use_dir)), scope="row")


def _table(service: str, series: dict[str, list[dict]], sections: list[Item], use_dir: bool) -> Markup:
    with_results = [(s, series[s.id]) for s in sections if series.get(s.id)]
    with_results.sort(key=lambda pair: (pair[1][-1]["good_or_better"], pair[0].sort_key))
    without = [s for s in sections if not series.get(s.id)]
    rows = []
    for section, values in with_results:
        latest = values[-1]
        change, delta = _change(values)
        css = "ph-up" if delta > 0 else "ph-down" if delta < 0 else ""
        rows.append(
            element(
                "tr",
                _row_head(section, use_dir),
                element("td", period_label(latest["period"])),
                element("td", latest["files_audited"]),
                element("td", f"{latest['good_or_better']:g}%"),
                element("td", change, class_=css),
            )
        )
    for section in without:
        rows.append(element("tr", _row_head(section, use_dir), element("td", "No results yet", colspan="4")))
    slug = "".join(c if c.isalnum() else "-" for c in service.lower()).strip("-")
    headings = (
        "Audit section",
        "Latest period",
        "Files audited",
        "Good or better",
        "Change since last period",
    )
    return element(
        "section",
        element("h2", service, id=f"ph-results-{slug}"),
        element(
            "table",
            element("caption", f"Latest audit results, {service}, worst first"),
            element("thead", element("tr", *(element("th", h, scope="col") for h in headings))),
            element("tbody", *rows),
            class_="ph-results__table",
        ),
        class_="ph-results__group",
        data_ph_service=service,
        aria_labelledby=f"ph-results-{slug}",
    )


def dashboard_page(
    sections: list[Item], results: list[Item], overall: dict[str, list[dict]], use_dir: bool
) -> str:
    groups = _groups(results, overall)
    services = [ALL] + sorted(s for s in groups if s != ALL)
    choose = element(
        "div",
        element("label", "Show results for", for_="ph-results-service"),
        " ",
        element("select", *(element("option", s) for s in services), id="ph-results-service"),
        class_="ph-results__filter",
        hidden=True,
        data_ph_results_filter=True,
    )
    tables = join(_table(s, groups[s], sections, use_dir) for s in services)
    return "\n".join(
        [
            "---",
            "title: Audit results dashboard",
            "hide: [toc]",
            "---",
            "",
            "# Audit results dashboard",
            "",
            "The latest case-file audit results for every section, worst first, with the change since the last "
            "period. Results come from exported audits counted with `python -m practice_hub audits summarise`.",
            "",
            str(choose),
            "",
            str(element("div", tables, class_="ph-results", data_ph_results=True)),
            "",
        ]
    )
