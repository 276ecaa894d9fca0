"""Which content type a file is, decided by where it lives, never by guessing."""

from __future__ import annotations

from dataclasses import dataclass

MARKDOWN = "markdown"
YAML = "yaml"
DATA = "data"


@dataclass(frozen=True)
class ContentType:
    """Everything Practice Hub knows about one content type, in one place.

    Adding a type is one entry in ``REGISTRY`` plus one schema file in ``content_schema/``
    (see DEVELOPING.md, "Adding a content type, step by step"). Behaviour that lives above this
    module is named by key (``listing``, ``additions``, ``entry_renderer``, ``export_extra``) and
    looked up where it lives (``renderer/listing.py`` LISTINGS, ``renderer/site_pages.py``
    ADDITIONS and ENTRY_PAGES, ``export.py`` EXTRAS), so this module imports nothing above it.
    """

    name: str
    folder: str  # under docs/, "" for pages
    format: str
    label: str  # plural, for headings
    singular: str
    schema: str = ""  # content_schema/<schema>.schema.yaml; the type's name when empty
    reviewed: bool = False  # owner, last_reviewed and review_by are checked (structure/review.py)
    entry_page: str = ""  # YAML entries: where each is shown, "training/{id}.md" or "glossary/index.md#{id}"
    export_fields: tuple[str, ...] = ()  # type-specific fields written to content.json
    listing: str = "list"  # key of the listing renderer in renderer/listing.py LISTINGS
    additions: str = ""  # key of what is added to each item's page, in renderer/site_pages.py ADDITIONS
    search_weight: float = 1.0  # multiplies Pagefind's score in the search worker
    menu: int = 0  # place in the menu and on the home page (0: not a section of its own)
    numbered: bool = False  # listed as "3. Title"
    newest_first: bool = False  # listed by date, newest first
    blog: bool = False  # Material's blog plugin makes the section's index, archive and category pages
    number_word: str = ""  # numbered types: the word before the number ("Standard 3")
    export_extra: str = ""  # key of what content.json adds for this type, in export.py EXTRAS
    # YAML entries with a page each: key of the page's renderer in renderer/site_pages.py
    # ENTRY_PAGES ("entry": title, summary, the fields and the related items, for any type).
    entry_renderer: str = "entry"
    # YAML entries with a page each: in the menu too (a handful a year), or, by default, reached
    # from the type's listing only (hundreds of courses would fill every page's menu).
    entries_in_menu: bool = False
    # "Record as CPD" on each item's page (renderer/cpd.py): the type of CPD it is, in Social Work
    # England's words; "" for types that are not a learning activity.
    cpd_type: str = ""

    @property
    def schema_name(self) -> str:
        return self.schema or self.name

    @property
    def index_uri(self) -> str:
        return f"{self.folder}/index.md" if self.folder else ""

    def place_of(self, entry_id: str) -> tuple[str, str] | None:
        """(page path under docs/, anchor) where a YAML entry is shown, or None for own files."""
        if not self.entry_page:
            return None
        uri, _, anchor = self.entry_page.format(id=entry_id).partition("#")
        return uri, anchor

    @property
    def entries_have_pages(self) -> bool:
        """YAML entries that each get a generated page of their own (courses, events, staff
        voice years), made by the renderer ``entry_renderer`` names."""
        return bool(self.entry_page) and "#" not in self.entry_page


# The names, written once: other modules import these rather than spell the name again.
PROCEDURE, STANDARD, AUDIT_SECTION, AUDIT_CYCLE = "procedure", "standard", "audit_section", "audit_cycle"
COURSE, TOOL, INDUCTION, RESEARCH = "course", "tool", "induction", "research"
NEWS, VACANCY, LINK, GLOSSARY, PAGE = "news", "vacancy", "link", "glossary", "page"
LEARNING = "learning"  # learning from reviews (seven-minute briefings)
# Data files' schemas (docs/_data/) and the name the search gives generated listing pages.
TAG, AUDIT_RESULT, LEGISLATION = "tag", "audit_result", "legislation"
AUDIT_RECORD = "audit_record"  # one counted audit (audits summarise --write), known by its audit id
# The practice framework and staff voice (health check results by year).
FRAMEWORK, STAFF_VOICE = "framework", "staff_voice"
EVENT = "event"  # briefings, seminars, journal clubs, practice weeks
CONTACT = "contact"  # a team, service or role to phone: the contacts directory
LISTING_PAGE = "listing"
LISTING_SEARCH_WEIGHT = 0.3

REGISTRY: tuple[ContentType, ...] = (
    ContentType(
        PROCEDURE,
        "procedures",
        MARKDOWN,
        "Procedures",
        "procedure",
        reviewed=True,
        export_fields=("service", "key_points"),
        additions="procedure_additions",
        listing="by_service",  # grouped by service (renderer/listing.py)
        search_weight=3.0,
        cpd_type="Reading: a procedure",
        menu=10,
    ),
    ContentType(  # who to phone: one directory page, each contact at its own anchor
        CONTACT,
        "contacts",
        YAML,
        "Contacts",
        "contact",
        reviewed=True,
        entry_page="contacts/index.md#{id}",
        export_fields=("phones", "email", "hours", "out_of_hours", "referral_form", "service"),
        listing="contacts",
        search_weight=2.0,
        menu=15,
    ),
    ContentType(
        STANDARD,
        "standards",
        MARKDOWN,
        "Practice standards",
        "practice standard",
        reviewed=True,
        export_fields=("number",),
        additions="standard_additions",
        search_weight=3.0,
        menu=20,
        numbered=True,
        number_word="Standard",
    ),
    ContentType(
        FRAMEWORK,
        "framework",
        MARKDOWN,
        "Practice framework",
        "practice framework",
        reviewed=True,
        export_fields=("model", "approaches", "principles"),
        additions="framework_additions",
        search_weight=1.0,  # one page that names every principle: no boost, or it outranks the tools it names
        menu=25,
    ),
    ContentType(
        AUDIT_SECTION,
        "audit",
        MARKDOWN,
        "Case-file audit tool",
        "audit section",
        reviewed=True,
        export_fields=("number", "journey_stages"),
        additions="section_additions",
        search_weight=1.15,
        menu=30,
        numbered=True,
        number_word="Section",
        export_extra="results",
    ),
    ContentType(
        AUDIT_CYCLE,
        "audit/cycles",
        MARKDOWN,
        "Audit cycles",
        "audit cycle",
        additions="cycle_additions",
        listing="cycles",  # newest first (renderer/audit_cycles.py)
    ),
    ContentType(
        COURSE,
        "training",
        YAML,
        "Training",
        "course",
        entry_page="training/{id}.md",
        export_fields=("mode", "audience", "provider", "duration", "cpd", "reflection_prompts"),
        listing="catalogue",
        entry_renderer="course",
        search_weight=1.15,
        cpd_type="Course or training",
        menu=40,
        export_extra="sessions",
    ),
    ContentType(
        EVENT,
        "events",
        YAML,
        "Events",
        "event",
        entry_page="events/{id}.md",
        export_fields=(
            "kind",
            "start",
            "end",
            "venue",
            "online",
            "host",
            "audience",
            "schedule",
            "findings",
            "cpd",
            "reflection_prompts",
        ),
        listing="events",
        entry_renderer="event",
        entries_in_menu=True,
        cpd_type="Event",
        search_weight=0.9,
        menu=45,
        export_extra="calendar",
    ),
    ContentType(
        TOOL,
        "tools",
        MARKDOWN,
        "Practice tools",
        "tool",
        reviewed=True,
        export_fields=("file",),
        additions="tool_additions",
        search_weight=1.25,
        menu=50,
    ),
    ContentType(
        INDUCTION,
        "induction",
        MARKDOWN,
        "Induction",
        "induction pathway",
        reviewed=True,
        export_fields=("role",),
        additions="induction_additions",
        search_weight=1.1,
        menu=60,
    ),
    ContentType(
        RESEARCH,
        "research",
        MARKDOWN,
        "Research in practice",
        "research entry",
        export_fields=("publisher", "resource_type", "date", "link", "topics"),
        listing="library",
        additions="research_additions",
        cpd_type="Reading: research",
        menu=70,
    ),
    ContentType(  # a briefing per local or national review, in the seven-minute layout
        LEARNING,
        "learning",
        MARKDOWN,
        "Learning from reviews",
        "briefing",
        reviewed=True,
        export_fields=(
            "review_kind",
            "scope",
            "publisher",
            "date",
            "link",
            "shared",
            "uses",
        ),  # publisher: its source
        listing="learning",
        additions="learning_additions",
        cpd_type="Learning from a review",
        search_weight=1.2,
        menu=75,
    ),
    ContentType(
        NEWS,
        "news",
        MARKDOWN,
        "News",
        "news post",
        export_fields=("date", "categories", "authors"),
        additions="news_additions",
        search_weight=0.6,
        menu=80,
        newest_first=True,
        blog=True,
    ),
    ContentType(
        STAFF_VOICE,
        "staff-voice",
        YAML,
        "Staff voice",
        "health check results",
        entry_page="staff-voice/{id}.md",
        export_fields=("year", "published", "respondents", "response_rate", "questions", "actions"),
        listing="staff_voice",
        entry_renderer="staff_voice",
        entries_in_menu=True,
        search_weight=0.8,
        menu=85,
    ),
    ContentType(
        VACANCY,
        "recruitment/vacancies",
        MARKDOWN,
        "Vacancies",
        "vacancy",
        export_fields=("team", "grade", "salary", "hours", "closing_date", "apply"),
        listing="vacancies",
        additions="vacancy_additions",
        search_weight=0.8,
        menu=90,
    ),
    ContentType(
        LINK,
        "links",
        YAML,
        "Links",
        "link",
        entry_page="links/index.md#{id}",
        export_fields=("href", "category", "internal"),
        listing="links",
        menu=100,
    ),
    ContentType(
        GLOSSARY,
        "glossary",
        YAML,
        "Glossary",
        "glossary term",
        entry_page="glossary/index.md#{id}",
        export_fields=("term", "expansion"),
        listing="glossary_terms",
        menu=110,
    ),
    ContentType(PAGE, "", MARKDOWN, "Pages", "page", reviewed=True, additions="section_listing"),
)

TYPES: dict[str, ContentType] = {t.name: t for t in REGISTRY}


def schema_of(type_name: str) -> str:
    """The schema (content_schema/<name>.schema.yaml) that checks a content type or data file."""
    return TYPES[type_name].schema_name if type_name in TYPES else type_name


def reviewed_types() -> tuple[str, ...]:
    return tuple(t.name for t in TYPES.values() if t.reviewed)


def search_weights() -> dict[str, float]:
    """Content type -> multiplier on the search score, as data for the search worker."""
    return {**{t.name: t.search_weight for t in TYPES.values()}, LISTING_PAGE: LISTING_SEARCH_WEIGHT}


def has_id(type_name: str) -> bool:
    """Whether entries of this type are known by an ``id`` (audit results are known by their
    section and period instead)."""
    return type_name not in (AUDIT_RESULT, AUDIT_RECORD)


def in_menu_order() -> list[ContentType]:
    return sorted((t for t in TYPES.values() if t.menu), key=lambda t: (t.menu, t.name))


# Site-wide data files, each with its own schema in content_schema/.
DATA_DIR = "_data"
DATA_FILES = {
    "tags.yml": TAG,
    "audit_results.yml": AUDIT_RESULT,
    "audits_counted.yml": AUDIT_RECORD,
    "legislation.yml": LEGISLATION,
}
DATA_FILE_OF = {schema: name for name, schema in DATA_FILES.items()}
# Data files that are not content, each read by a module of its own: the search's synonyms
# (structure/synonyms.py).
OWN_DATA_FILES = ("synonyms.yml",)


# Capability and inspection frameworks: one file each in docs/_data/frameworks/ (<id>.yml), read
# by structure/frameworks.py against this schema; their pages are made in docs' frameworks/.
CAPABILITY_FRAMEWORK = "capability_framework"
FRAMEWORKS_DIR = "frameworks"  # under DATA_DIR
FRAMEWORK_PAGES = "frameworks"  # the folder of the generated framework pages


def framework_file(uri: str) -> bool:
    """Whether *uri* (under docs/) is a framework's file, docs/_data/frameworks/<id>.yml."""
    parts = uri.split("/")
    return (
        len(parts) == 3
        and parts[:2] == [DATA_DIR, FRAMEWORKS_DIR]
        and parts[2].lower().endswith(YAML_SUFFIXES)
    )


def read_elsewhere(uri: str) -> bool:
    """Whether *uri* (under docs/) is a data file read by a module of its own (OWN_DATA_FILES,
    the frameworks)."""
    folder, _, name = uri.rpartition("/")
    return (folder == DATA_DIR and name in OWN_DATA_FILES) or framework_file(uri)


# Folders whose files are downloads or images: never read as content.
ASSET_FOLDERS = ("files", "assets", "images", "javascripts", "stylesheets")

YAML_SUFFIXES = (".yml", ".yaml")
# Every suffix MkDocs builds into a page (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


@dataclass(frozen=True)
class Kind:
    """What a file in docs/ is: a content type, a data file, an asset, or a misplaced file."""

    type: str | None  # content type name, data schema name, or None
    format: str | None  # MARKDOWN, YAML, DATA or None for assets
    misplaced: str = ""  # a reason when the file is in a place Practice Hub does not read


def classify(uri: str) -> Kind:
    """Classify a path relative to docs/ (forward slashes)."""
    parts = uri.split("/")
    name = parts[-1]
    lower = name.lower()
    is_markdown = lower.endswith(MARKDOWN_SUFFIXES)
    if any(part in ASSET_FOLDERS for part in parts[:-1]) or parts[0] == DATA_DIR:
        if is_markdown:  # MkDocs would publish it as a page that nothing checks
            return Kind(
                None,
                MARKDOWN,
                f"Markdown in docs/{'/'.join(parts[:-1])}/ would be published unchecked; "
                "move it to a content folder, or save it as .txt if it is a download",
            )
    if any(part in ASSET_FOLDERS for part in parts[:-1]):
        return Kind(None, None)
    if parts[0] == DATA_DIR:
        if len(parts) == 2 and name in DATA_FILES:
            return Kind(DATA_FILES[name], DATA)
        if (len(parts) == 2 and name in OWN_DATA_FILES) or framework_file(uri):
            return Kind(None, None)
        if lower.endswith(YAML_SUFFIXES):
            known = ", ".join(sorted(DATA_FILES))
            return Kind(
                None,
                DATA,
                f"Practice Hub reads only {known} in {DATA_DIR}/, and frameworks in {DATA_DIR}/{FRAMEWORKS_DIR}/",
            )
        return Kind(None, None)
    folder_type = _folder_type(uri)
    if is_markdown:
        if folder_type and folder_type.format == MARKDOWN and lower.rsplit(".", 1)[0] != "index":
            return Kind(folder_type.name, MARKDOWN)
        return Kind(PAGE, MARKDOWN)
    if lower.endswith(YAML_SUFFIXES):
        if (
            folder_type
            and folder_type.format == YAML
            and len(parts) == len(folder_type.folder.split("/")) + 1
        ):
            return Kind(folder_type.name, YAML)
        places = ", ".join(f"docs/{t.folder}/" for t in TYPES.values() if t.format == YAML)
        return Kind(None, YAML, f"Practice Hub reads YAML files only in {places} and docs/{DATA_DIR}/")
    return Kind(None, None)


def _folder_type(uri: str) -> ContentType | None:
    best = None
    for content_type in TYPES.values():
        folder = content_type.folder
        if folder and uri.startswith(folder + "/"):
            if best is None or len(folder) > len(best.folder):
                best = content_type
    return best


# Pages Practice Hub makes: an editor's file there would silently replace one, or be replaced.
RESERVED_PAGES = {
    "procedures/amendments.md": "the amendments register",
    "standards/golden-thread.md": "the golden thread matrix",
    "review-schedule.md": "the review schedule",
    "editors/field-reference.md": "the editors' field reference",
    "training/upcoming.md": "the upcoming sessions page",
    "audit/tool.md": "the case-file audit tool",
    "audit/results.md": "the audit results dashboard",
    "my-cpd.md": "the My CPD page",
}
RESERVED_FOLDERS = {
    "tags/": "the topic pages",
    "training/calendar/": "the calendar feeds",
    "events/calendar/": "the events calendar feeds",
    "frameworks/": "the capability and inspection framework pages",
    "evidence/": "the evidence packs",
}
RESERVED_COURSE_IDS = {"index", "upcoming", "calendar"}


def reserved(uri: str) -> str:
    """What Practice Hub makes at this path under docs/, or ""."""
    stem = uri.rsplit(".", 1)[0] + ".md" if uri.lower().endswith(MARKDOWN_SUFFIXES) else uri
    if stem in RESERVED_PAGES:
        return RESERVED_PAGES[stem]
    return next((what for folder, what in RESERVED_FOLDERS.items() if uri.startswith(folder)), "")
