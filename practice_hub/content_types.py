"""Which content type a file is, decided by where it lives, never by guessing."""

from __future__ import annotations

from dataclasses import dataclass

MARKDOWN = "markdown"
YAML = "yaml"
DATA = "data"


@dataclass(frozen=True)
class ContentType:
    name: str
    folder: str  # under docs/, "" for pages
    format: str
    label: str  # plural, for headings
    singular: str


TYPES: dict[str, ContentType] = {
    t.name: t
    for t in (
        ContentType("procedure", "procedures", MARKDOWN, "Procedures", "procedure"),
        ContentType("standard", "standards", MARKDOWN, "Practice standards", "practice standard"),
        ContentType("audit_section", "audit", MARKDOWN, "Case-file audit tool", "audit section"),
        ContentType("audit_cycle", "audit/cycles", MARKDOWN, "Audit cycles", "audit cycle"),  # issue 15
        ContentType("course", "training", YAML, "Training", "course"),
        ContentType("tool", "tools", MARKDOWN, "Practice tools", "tool"),
        ContentType("induction", "induction", MARKDOWN, "Induction", "induction pathway"),
        ContentType("research", "research", MARKDOWN, "Research in practice", "research entry"),
        ContentType("news", "news", MARKDOWN, "News", "news post"),
        ContentType("vacancy", "recruitment/vacancies", MARKDOWN, "Vacancies", "vacancy"),
        ContentType("link", "links", YAML, "Links", "link"),
        ContentType("glossary", "glossary", YAML, "Glossary", "glossary term"),
        ContentType("page", "", MARKDOWN, "Pages", "page"),
    )
}

# Site-wide data files, each with its own schema in content_schema/.
DATA_DIR = "_data"
DATA_FILES = {"tags.yml": "tag", "audit_results.yml": "audit_result", "legislation.yml": "legislation"}

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
            return Kind(None, MARKDOWN, f"Markdown in docs/{'/'.join(parts[:-1])}/ would be published unchecked; "
                                        "move it to a content folder, or save it as .txt if it is a download")
    if any(part in ASSET_FOLDERS for part in parts[:-1]):
        return Kind(None, None)
    if parts[0] == DATA_DIR:
        if len(parts) == 2 and name in DATA_FILES:
            return Kind(DATA_FILES[name], DATA)
        if lower.endswith(YAML_SUFFIXES):
            known = ", ".join(sorted(DATA_FILES))
            return Kind(None, DATA, f"Practice Hub reads only {known} in {DATA_DIR}/")
        return Kind(None, None)
    folder_type = _folder_type(uri)
    if is_markdown:
        if folder_type and folder_type.format == MARKDOWN and lower.rsplit(".", 1)[0] != "index":
            return Kind(folder_type.name, MARKDOWN)
        return Kind("page", MARKDOWN)
    if lower.endswith(YAML_SUFFIXES):
        if folder_type and folder_type.format == YAML and len(parts) == len(folder_type.folder.split("/")) + 1:
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
    "audit/tool.md": "the case-file audit tool",  # issue 15
    "audit/results.md": "the audit results dashboard",  # issue 15
}
RESERVED_FOLDERS = {"tags/": "the topic pages", "training/calendar/": "the calendar feeds"}
RESERVED_COURSE_IDS = {"index", "upcoming", "calendar"}


def reserved(uri: str) -> str:
    """What Practice Hub makes at this path under docs/, or ""."""
    stem = uri.rsplit(".", 1)[0] + ".md" if uri.lower().endswith(MARKDOWN_SUFFIXES) else uri
    if stem in RESERVED_PAGES:
        return RESERVED_PAGES[stem]
    return next((what for folder, what in RESERVED_FOLDERS.items() if uri.startswith(folder)), "")
