"""The audit results dashboard (audit/results/): every section on one page, latest score,
change since the last period, worst first, filtered by service."""

from __future__ import annotations

from html import escape as e

from ..renderer.chart import period_label
from ..structure.items import Item
from ..structure.thread import period_key
from .page import relative

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


def _table(service: str, series: dict[str, list[dict]], sections: list[Item], use_dir: bool) -> str:
    with_results = [(s, series[s.id]) for s in sections if series.get(s.id)]
    with_results.sort(key=lambda pair: (pair[1][-1]["good_or_better"], pair[0].sort_key))
    without = [s for s in sections if not series.get(s.id)]
    rows = []
    for section, values in with_results:
        latest = values[-1]
        change, delta = _change(values)
        css = "ph-up" if delta > 0 else "ph-down" if delta < 0 else ""
        rows.append(
            f'<tr><th scope="row"><a href="{e(relative(RESULTS_URI, section.uri, use_dir))}">{e(section.title)}</a></th>'
            f"<td>{e(period_label(latest['period']))}</td><td>{latest['files_audited']}</td>"
            f'<td>{latest["good_or_better"]:g}%</td><td class="{css}">{e(change)}</td></tr>'
        )
    for section in without:
        rows.append(
            f'<tr><th scope="row"><a href="{e(relative(RESULTS_URI, section.uri, use_dir))}">'
            f'{e(section.title)}</a></th><td colspan="4">No results yet</td></tr>'
        )
    slug = "".join(c if c.isalnum() else "-" for c in service.lower()).strip("-")
    return (
        f'<section class="ph-results__group" data-ph-service="{e(service)}" aria-labelledby="ph-results-{slug}">'
        f'<h2 id="ph-results-{slug}">{e(service)}</h2>'
        f'<table class="ph-results__table"><caption>Latest audit results, {e(service)}, worst first</caption>'
        '<thead><tr><th scope="col">Audit section</th><th scope="col">Latest period</th>'
        '<th scope="col">Files audited</th><th scope="col">Good or better</th>'
        f'<th scope="col">Change since last period</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


def dashboard_page(
    sections: list[Item], results: list[Item], overall: dict[str, list[dict]], use_dir: bool
) -> str:
    groups = _groups(results, overall)
    services = [ALL] + sorted(s for s in groups if s != ALL)
    options = "".join(f"<option>{e(s)}</option>" for s in services)
    tables = "".join(_table(s, groups[s], sections, use_dir) for s in services)
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
            f'<div class="ph-results__filter" hidden data-ph-results-filter><label for="ph-results-service">Show '
            f'results for</label> <select id="ph-results-service">{options}</select></div>',
            "",
            f'<div class="ph-results" data-ph-results>{tables}</div>',
            "",
        ]
    )
