"""A synthetic Practice Hub site of N pages: every content type, realistic text, cross-links,
and a training catalogue with thousands of sessions. Deterministic for a given N."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

TOPICS = [
    "child protection",
    "section 47 enquiries",
    "strategy discussions",
    "care leavers",
    "private fostering",
    "mental capacity",
    "deprivation of liberty",
    "self-neglect and hoarding",
    "carers",
    "direct payments",
    "domestic abuse",
    "child exploitation",
    "missing children",
    "court proceedings",
    "supervision",
    "recording",
    "chronologies",
    "assessment",
    "care planning",
    "transitions",
    "safeguarding adults",
    "best interests",
    "fostering",
    "adoption",
    "short breaks",
    "early help",
    "family network meetings",
]
VERBS = ["record", "review", "agree", "discuss", "share", "explain", "check", "analyse", "plan", "escalate"]
NOUNS = [
    "the plan",
    "the chronology",
    "the child's views",
    "the risk analysis",
    "the manager's decision",
    "the family's strengths",
    "the timescales",
    "the multi-agency meeting",
    "the support plan",
    "the person's wishes",
    "the legal advice",
    "the case summary",
    "the next steps",
]
PEOPLE = [
    "the social worker",
    "the team manager",
    "the practice supervisor",
    "the independent reviewing officer",
    "the duty worker",
    "the advanced practitioner",
    "the designated officer",
    "the health visitor",
]
STAGES = [
    "Early Help",
    "Assessment",
    "Child in Need / Child Protection",
    "Children in Care",
    "Care Leavers",
    "Adult safeguarding",
    "Care Act assessment",
    "Mental capacity and DoLS",
]
ACRONYMS = [
    ("DoLS", "Deprivation of Liberty Safeguards"),
    ("MASH", "Multi-Agency Safeguarding Hub"),
    ("ICPC", "Initial Child Protection Conference"),
    ("IRO", "Independent Reviewing Officer"),
    ("PLO", "Public Law Outline"),
    ("MCA", "Mental Capacity Act"),
    ("LADO", "Local Authority Designated Officer"),
    ("MARAC", "Multi-Agency Risk Assessment Conference"),
    ("ASYE", "Assessed and Supported Year in Employment"),
    ("CIN", "Child in Need"),
]


class Words:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def sentence(self) -> str:
        r = self.rng
        acronym = r.choice(ACRONYMS)[0] if r.random() < 0.15 else r.choice(TOPICS)
        return (
            f"{r.choice(PEOPLE).capitalize()} should {r.choice(VERBS)} {r.choice(NOUNS)} "
            f"when working on {acronym}, and {r.choice(VERBS)} {r.choice(NOUNS)} within "
            f"{r.randint(1, 20)} working days."
        )

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self, index: int) -> str:
        topic = self.rng.choice(TOPICS)
        return f"{topic[0].upper()}{topic[1:]}: {self.rng.choice(['guidance', 'procedure', 'practice note', 'steps'])} {index}"


def _group_folder(index: int) -> str:
    area = index // 25
    return f"service-{area // 8:02d}/area-{area % 8:02d}"


def _front(fields: dict) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        else:
            raw = isinstance(value, str) and value[:1] in "[{"  # flow YAML, written as it is
            quote = isinstance(value, str) and not raw and (":" in value or value[:1] in "'\"")
            lines.append(f'{key}: "{value}"' if quote else f"{key}: {value}")
    lines.append("---\n")
    return "\n".join(lines)


def generate(target: Path, pages: int, seed: int = 2026) -> dict[str, int]:
    """Write a project (mkdocs.yml and docs/; the engine is the installed package) into *target*;
    return counts."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    docs = target / "docs"
    words = Words(seed)
    rng = words.rng
    # Every type in proportion to the size (a region's site is several councils' sites in one):
    # standards and audit sections 1 in 250 pages, courses 1 in 10, events 1 in 40, health
    # check years and framework pages a few, the rest in fixed shares.
    n_standards = max(4, pages // 250)
    n_sections = n_standards
    n_courses = max(6, pages // 10)
    n_events = max(4, pages // 40)
    n_years = max(1, min(pages // 1000, 10))  # staff voice: one health check a year
    n_frameworks = max(1, pages // 3000)
    counts = {"standard": n_standards, "audit_section": n_sections}
    rest = pages - n_standards - n_sections - n_courses - n_events - n_years - n_frameworks
    shares = {
        "procedure": 0.44,
        "tool": 0.08,
        "research": 0.14,
        "news": 0.14,
        "vacancy": 0.03,
        "induction": 0.02,
        "learning": 0.02,
        "audit_cycle": 0.01,
        "page": 0.12,
    }
    for kind, share in shares.items():
        counts[kind] = max(1, int(rest * share))
    counts["course"] = n_courses
    counts["event"] = n_events
    counts["staff_voice"] = n_years
    counts["framework"] = n_frameworks
    today = dt.date(2026, 11, 24)

    (docs / "_data").mkdir(parents=True)
    tags = [f"topic-{i}" for i in range(20)]
    (docs / "_data/tags.yml").write_text(
        "".join(f"- id: {t}\n  label: Topic {i}\n" for i, t in enumerate(tags))
    )
    (docs / "index.md").write_text(_front({"id": "home", "title": "Benchmark hub"}) + "\n# Benchmark hub\n")

    def write(folder: str, name: str, fields: dict, body: str, group: int | None = None) -> None:
        # Folders of 25 pages, as a real site groups its procedures by service area.
        if group is not None:  # and areas of 25 pages, eight areas to a service
            folder = f"{folder}/{_group_folder(group)}"
        path = docs / folder / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_front(fields) + f"\n# {fields['title']}\n\n{body}\n", encoding="utf-8")

    sections = [f"section-{i}" for i in range(n_sections)]
    standards = [f"standard-{i}" for i in range(n_standards)]
    for i, sid in enumerate(sections):
        write(
            "audit",
            sid,
            {
                "id": sid,
                "number": i + 1,
                "title": f"Audit section {i + 1}",
                "summary": words.sentence(),
                "looks_for": [f"Point {k}" for k in range(3)],
                "grades": "{outstanding: O, good: G, requires_improvement: R, inadequate: I}",
                "journey_stages": [rng.choice(STAGES)],
            },
            words.paragraph(),
        )
    for i, sid in enumerate(standards):
        write(
            "standards",
            sid,
            {
                "id": sid,
                "number": i + 1,
                "title": f"Standard {i + 1}: {rng.choice(TOPICS)}",
                "summary": words.sentence(),
                "owner": "Principal Social Worker",
                "status": "current",
                "last_reviewed": "2026-06-01",
                "audit_sections": [sections[i]],
            },
            "## What good looks like\n\n" + words.paragraph(6),
        )
    tools = [f"tool-{i}" for i in range(counts["tool"])]
    for i, tid in enumerate(tools):
        files_dir = docs / "tools" / _group_folder(i) / "files"
        files_dir.mkdir(parents=True, exist_ok=True)
        (files_dir / f"{tid}.csv").write_text("Date,Event\n")
        write(
            "tools",
            tid,
            {
                "id": tid,
                "title": words.title(i),
                "summary": words.sentence(),
                "owner": "PSW",
                "status": "current",
                "last_reviewed": "2026-05-01",
                "file": f"files/{tid}.csv",
                "standards": [rng.choice(standards)],
            },
            words.paragraph(5),
            group=i,
        )
    procedures = [f"procedure-{i}" for i in range(counts["procedure"])]
    for i, pid in enumerate(procedures):
        others = rng.sample(range(len(procedures)), k=min(3, len(procedures)))
        links = "\n".join(
            f"- [Related procedure {o}](../../{_group_folder(o)}/procedure-{o}.md)" for o in others if o != i
        )
        body = "\n\n".join(
            [
                "## Scope\n\n" + words.paragraph(3),
                "## Legal basis\n\n" + words.paragraph(2),
                "## Steps\n\n" + "\n".join(f"{k}. {words.sentence()}" for k in range(1, 8)),
                "## Timescales\n\n" + words.paragraph(3),
                "## Recording\n\n" + words.paragraph(3),
                "## Related\n\n" + links,
            ]
        )
        review_by = (today + dt.timedelta(days=rng.randint(40, 700))).isoformat()
        write(
            "procedures",
            pid,
            {
                "id": pid,
                "title": words.title(i),
                "summary": words.sentence(),
                "owner": "Head of Service",
                "status": "current",
                "last_reviewed": "2026-03-01",
                "review_by": review_by,
                "standards": [rng.choice(standards)],
                "tools": [rng.choice(tools)] if tools else [],
                "tags": [rng.choice(tags)],
                "keywords": [rng.choice(ACRONYMS)[0]],
                "changes": "[{date: 2026-03-01, summary: Reviewed, type: minor}]",
            },
            body,
            group=i,
        )
    for i in range(counts["research"]):
        write(
            "research",
            f"research-{i}",
            {
                "id": f"research-{i}",
                "title": words.title(i),
                "summary": words.sentence(),
                "source": "Research in Practice",
                "resource_type": "briefing",
                "date": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
                "link": "https://www.researchinpractice.org.uk/",
                "topics": [rng.choice(tags)],
                "standards": [rng.choice(standards)],
            },
            words.paragraph(4),
            group=i,
        )
    (docs / "news").mkdir(parents=True)
    shutil.copytree(REPO / "docs/news/avatars", docs / "news/avatars")
    shutil.copy(REPO / "docs/news/.authors.yml", docs / "news/.authors.yml")
    (docs / "news/index.md").write_text(_front({"id": "news", "title": "News"}) + "\n# News\n")
    for i in range(counts["news"]):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i % 320)
        write(
            "news/posts",
            f"post-{i}",
            {
                "id": f"post-{i}",
                "title": words.title(i),
                "summary": words.sentence(),
                "date": day.isoformat(),
                "categories": ["Practice updates"],
                "authors": ["psw-children"],
            },
            words.paragraph(5),
        )
    for i in range(counts["vacancy"]):
        write(
            "recruitment/vacancies",
            f"vacancy-{i}",
            {
                "id": f"vacancy-{i}",
                "title": f"Social worker {i}",
                "summary": words.sentence(),
                "team": "Assessment",
                "grade": "Grade 9",
                "salary": "£38,000",
                "hours": "37 hours",
                "closing_date": "2027-01-31",
                "apply": "jobs@council.example",
            },
            words.paragraph(2),
            group=i,
        )
    for i in range(counts["induction"]):
        steps = (
            "["
            + ", ".join(
                f"{{when: first week, text: Step {k} {words.sentence()[:-1].replace(',', '')}, procedures: [{rng.choice(procedures)}]}}"
                for k in range(8)
            )
            + "]"
        )
        write(
            "induction",
            f"pathway-{i}",
            {
                "id": f"pathway-{i}",
                "title": f"Induction pathway {i}",
                "summary": words.sentence(),
                "role": "Social worker",
                "owner": "Workforce",
                "last_reviewed": "2026-06-01",
                "steps": steps,
            },
            words.paragraph(2),
            group=i,
        )
    for i in range(counts["page"]):
        write(
            "guides",
            f"guide-{i}",
            {"id": f"guide-{i}", "title": words.title(i), "summary": words.sentence()},
            words.paragraph(8),
            group=i,
        )
    _learning_events_and_voice_types(docs, words, counts, standards, procedures, tools, tags, sections)
    # Training catalogue: many sessions, no venue clashes (each course has its own room).
    lines = []
    for i in range(n_courses):
        lines += [
            f"- id: course-{i}",
            f"  title: Course {i} on {rng.choice(TOPICS)}",
            f"  summary: {words.sentence()}",
            "  audience: [social worker, ASYE]",
            "  mode: classroom",
            "  provider: in-house",
            f"  standards: [{standards[i % n_standards]}]",
            "  booking: {contact: learning@council.example}",
            "  sessions:",
        ]
        for k in range(6):
            start = dt.datetime(2026, 10, 1, 9, 30) + dt.timedelta(days=7 * k + i % 5)
            lines.append(
                f"    - {{start: {start:%Y-%m-%dT%H:%M}, end: {start:%Y-%m-%d}T16:00, "
                f"venue: Room {i}, status: open}}"
            )
    (docs / "training").mkdir()
    (docs / "training/catalogue.yml").write_text("\n".join(lines) + "\n")
    glossary = [
        f"- id: term-{k.lower()}\n  term: {k}\n  expansion: {v}\n  definition: {v}.\n" for k, v in ACRONYMS
    ]
    # A region's glossary grows with its pages: one invented term in 100 pages.
    glossary += [
        f"- id: term-{i}\n  term: Practice term {i}\n  definition: {words.sentence()}\n"
        for i in range(pages // 100)
    ]
    counts["glossary"] = len(glossary)
    (docs / "glossary").mkdir()
    (docs / "glossary/terms.yml").write_text("".join(glossary))
    (docs / "links").mkdir()
    (docs / "links/links.yml").write_text(
        "- id: link-swe\n  title: Social Work England\n  url: https://www.socialworkengland.org.uk/\n"
        "  category: Regulation\n  description: The regulator.\n"
        + "".join(
            f"- id: link-{i}\n  title: Partner site {i}\n  url: https://partner-{i}.example/\n"
            f"  category: Partners\n  description: {words.sentence()}\n"
            for i in range(pages // 200)
        )
    )
    counts["link"] = 1 + pages // 200
    (docs / "_data/audit_results.yml").write_text(
        "".join(
            f"- {{period: 2026-Q{q}, audit_section: {s}, files_audited: 30, good_or_better: {60 + q * 5}, "
            f"requires_improvement_or_lower: {40 - q * 5}}}\n"
            for s in sections
            for q in (1, 2, 3)
        )
    )
    counts["sessions"] = n_courses * 6
    counts["markdown_pages"] = len(list(docs.rglob("*.md")))
    return counts


EVENT_KINDS = ["briefing", "seminar", "journal club", "conference", "drop-in", "celebration"]
REVIEW_KINDS = [
    "child safeguarding practice review",
    "safeguarding adult review",
    "domestic homicide review",
    "national panel report",
]


def _flow(values: list[str]) -> str:
    """A YAML flow list of quoted strings (a plain "?" or "," would end or break the list)."""
    return "[" + ", ".join(_q(v) for v in values) + "]"


def _q(value: str) -> str:
    """A YAML double-quoted string (JSON's quoting is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _learning_events_and_voice_types(
    docs: Path,
    words: Words,
    counts: dict[str, int],
    standards: list[str],
    procedures: list[str],
    tools: list[str],
    tags: list[str],
    sections: list[str],
) -> None:
    """Learning briefings, audit cycles, events, staff voice and the practice framework."""
    rng = words.rng
    start = dt.datetime(2026, 9, 1, 9, 30)

    def clause() -> str:  # within every field's length limit (160 characters)
        return words.sentence()[:-1].replace(",", "").replace(":", "")[:120].rstrip()

    for i in range(counts["learning"]):
        fields = {
            "id": f"briefing-{i}",
            "title": words.title(i),
            "summary": words.sentence(),
            "owner": "Principal Social Worker",
            "status": "current",
            "last_reviewed": "2026-06-01",
            "review_kind": rng.choice(REVIEW_KINDS),
            "scope": rng.choice(["local", "national"]),
            "source": "Safeguarding Partnership",
            "date": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
            "why_it_matters": clause() + ".",
            "story": words.paragraph(3).replace(":", ""),
            "learning_points": _flow([clause() for _ in range(4)]),
            "questions": _flow([clause() + "?" for _ in range(3)]),
            "local_changes": _flow([clause() for _ in range(2)]),
            "standards": [rng.choice(standards)],
            "procedures": [rng.choice(procedures)],
            "tags": [rng.choice(tags)],
        }
        _write(docs / "learning" / _group_folder(i) / f"briefing-{i}.md", fields, words.paragraph(3))
    for i in range(counts["audit_cycle"]):
        window = dt.date(2025, 1, 6) + dt.timedelta(days=30 * i)
        actions = ", ".join(
            f"{{action: {_q(clause())}, owner: PSW, due: {window + dt.timedelta(days=90)}, "
            f"action_status: done, standard: {rng.choice(standards)}}}"
            for _ in range(2)
        )
        fields = {
            "id": f"cycle-{i}",
            "title": f"Audit cycle {i}",
            "summary": words.sentence(),
            "status": "current",
            "theme": rng.choice(TOPICS).capitalize(),
            "services": "[Children's services]",
            "planning_meeting": (window - dt.timedelta(days=21)).isoformat(),
            "audit_window": f"{{start: {window}, end: {window + dt.timedelta(days=40)}}}",
            "link_practitioner": "Advanced Practitioner",
            "cycle_status": "completed",
            "action_plan": f"[{actions}]",
            "standards": [rng.choice(standards)],
        }
        _write(docs / "audit/cycles" / f"cycle-{i}.md", fields, "## Summary report\n\n" + words.paragraph(4))
    lines = []
    for i in range(counts["event"]):  # a programme a year: half held, half to come
        begins = start + dt.timedelta(days=(i * 365) // max(1, counts["event"]), hours=3 * (i % 2))
        lines += [
            f"- id: event-{i}",
            f"  title: Event {i} on {rng.choice(TOPICS)}",
            f"  summary: {words.sentence()}",
            f"  kind: {rng.choice(EVENT_KINDS)}",
            f"  start: {begins:%Y-%m-%dT%H:%M}",
            f"  end: {begins + dt.timedelta(hours=1):%Y-%m-%dT%H:%M}",
            f"  venue: Room {i % 40}",
            "  host: Centre for Professional Practice",
            "  audience: [all staff]",
            f"  standards: [{rng.choice(standards)}]",
            f"  tags: [{rng.choice(tags)}]",
        ]
    (docs / "events").mkdir(parents=True, exist_ok=True)
    (docs / "events/programme.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    topics = ["Manageable caseload", "Reflective supervision", "Time to learn", "Wellbeing", "Proud"]
    voice = []
    for year in range(2027 - counts["staff_voice"], 2027):
        voice += [
            f"- id: health-check-{year}",
            f"  title: Social work health check {year}",
            f"  summary: {words.sentence()}",
            "  owner: Head of Workforce Development",
            f"  year: {year}",
            f"  published: {year}-06-20",
            f"  respondents: {rng.randint(150, 400)}",
            f"  response_rate: {rng.randint(40, 80)}",
            "  questions:",
        ]
        for k, topic in enumerate(topics):
            voice += [
                f"    - id: question-{k}",
                f"      topic: {topic}",
                f"      question: {_q(clause() + '.')}",
                f"      agree: {rng.randint(30, 90)}",
            ]
        voice += [
            "  actions:",
            f"    - said: {_q(clause() + '.')}",
            f"      action: {_q(clause() + '.')}",
            "      owner: Head of Service",
            "      status: done",
            f"      date: {year}-09-30",
            "      question: question-0",
        ]
    (docs / "staff-voice").mkdir(parents=True, exist_ok=True)
    (docs / "staff-voice/health-check.yml").write_text("\n".join(voice) + "\n", encoding="utf-8")
    for i in range(counts["framework"]):
        principles = ", ".join(
            f"{{name: Principle {k}, means: {_q(clause())}, in_practice: {_q(clause())}}}" for k in range(5)
        )
        fields = {
            "id": f"framework-{i}",
            "title": f"Practice framework {i}",
            "summary": words.sentence(),
            "owner": "Principal Social Worker",
            "status": "current",
            "last_reviewed": "2026-06-15",
            "model": clause() + ".",
            "approaches": "[Restorative practice, Strengths-based practice]",
            "principles": f"[{principles}]",
            "standards": rng.sample(standards, k=min(4, len(standards))),
            "procedures": rng.sample(procedures, k=min(4, len(procedures))),
            "tools": rng.sample(tools, k=min(4, len(tools))),
        }
        _write(docs / "framework" / f"framework-{i}.md", fields, words.paragraph(6))


def _write(path: Path, fields: dict, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_front(fields) + f"\n# {fields['title']}\n\n{body}\n", encoding="utf-8")
