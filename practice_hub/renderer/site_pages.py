"""Which pages Practice Hub generates, and what it adds to editors' pages."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..content_types import (
    AUDIT_CYCLE,
    COURSE,
    EVENT,
    NEWS,
    RESERVED_COURSE_IDS,
    STANDARD,
    TOOL,
    TYPES,
    ContentType,
    schema_of,
)
from ..markup import markdown_link
from ..resources import editors_guide
from ..site import Site
from ..structure.events import ALL_EVENTS_ICS_URI, event_ics_uri, occurrence
from ..structure.items import Item
from ..structure.training import sessions_of
from ..text import bullet_list, esc, link
from .audit_cycles import cycle_additions, standard_actions
from .audit_form import TOOL_URI, tool_page
from .audit_results import RESULTS_URI, dashboard_page
from .calendar import ALL_ICS_URI, calendar, course_ics_uri, session_ics_uri
from .contacts import who_to_contact as contacts_box
from .cpd import MY_CPD_URI, my_cpd_page, record_block
from .entry import SHOWN_ELSEWHERE, entry_page, field_label
from .events import event_page, events_for_standard
from .evidence import evidence_pages
from .framework import framework_additions, framework_backlink
from .frameworks import framework_links, framework_pages, see_frameworks
from .front_door import front_door
from .glossary import abbreviations_for
from .home import HOME_URI, under_title
from .learning import REPLACE_BODY, briefing_page, briefings_for
from .listing import listing, section_index
from .reference import EDITORS_GUIDE_URI, REFERENCE_URI, field_reference
from .register import (
    FEED_URI,
    NEWS_FEED_URI,
    REGISTER_URI,
    SCHEDULE_CSV_URI,
    SCHEDULE_URI,
    atom_feed,
    news_feed,
    register_page,
    schedule_csv,
    schedule_page,
)
from .sections import (
    induction_additions,
    news_additions,
    research_additions,
    tool_additions,
    vacancy_additions,
)
from .staff_voice import year_page
from .tags import TAGS_DIR, tag_pages
from .thread import MATRIX_URI, course_page, matrix_page, section_additions, standard_additions
from .training import UPCOMING_URI, upcoming_page

CONTINUE_LIST = "\x00continue-list\n"  # an addition that continues the page's last list
# In an addition that continues the page's list: what follows is Practice Hub's own, marked and
# judged as such (the adapter's _marked), not as the editor's list.
END_LIST = "\x00end-list\n"
# Material's blog plugin makes these types' index, archive and category pages.
BLOG_TYPES = {t.name for t in TYPES.values() if t.blog}


def generated_pages(site: Site, existing: set[str]) -> dict[str, str | bytes]:
    """Every generated page (Markdown) and file (calendar feeds), keyed by its path under docs/."""
    today = site.project.settings.build_date
    pages: dict[str, str] = {}
    for content_type in TYPES.values():
        if not content_type.folder or content_type.name in BLOG_TYPES:
            continue
        index = content_type.index_uri
        if index not in existing:
            pages[index] = section_index(content_type.name, site.listed(content_type.name), site)
    for content_type in TYPES.values():  # a page per course, per event, per year of staff voice...
        if content_type.entries_have_pages:
            render = ENTRY_PAGES[content_type.entry_renderer]
            for entry in site.of_type(content_type.name):
                pages[entry.uri] = render(entry, site)
    pages[UPCOMING_URI] = upcoming_page(site.of_type(COURSE), today)
    pages.update(calendar_files(site))
    pages.update(event_calendar_files(site))
    pages[REGISTER_URI] = register_page(site.items)
    pages[SCHEDULE_URI] = schedule_page(site.items, today)
    pages[SCHEDULE_CSV_URI] = schedule_csv(site.items, today).encode("utf-8")
    pages.update(tag_pages(site.tags, site.items))
    pages[REFERENCE_URI] = field_reference(site.schemas)
    if EDITORS_GUIDE_URI not in existing:  # the guide comes with the engine, unless the site has its own
        pages[EDITORS_GUIDE_URI] = editors_guide()
    pages[MATRIX_URI] = matrix_page(site.thread) + see_frameworks(MATRIX_URI, site.frameworks)
    pages.update(audit_pages(site))  # the audit tool and the results dashboard
    pages.update(framework_pages(site.frameworks, site.framework_map, today))  # frameworks/
    pages.update(evidence_pages(site, today))  # evidence/: a pack per inspection framework
    pages[MY_CPD_URI] = my_cpd_page(site.project.use_directory_urls)
    return pages


def _default_entry_page(entry: Item, site: Site) -> str:
    """Any type's entry page: its fields in its schema's order, then the items it is linked with."""
    schema = schema_of(entry.type)
    named = {ref.path[0] for ref in site.schemas.refs(schema) if ref.path}  # shown as related items
    fields = [
        (field_label(key, spec), entry.data[key])
        for key, spec in site.schemas.properties(schema).items()
        if key in entry.data and key not in SHOWN_ELSEWHERE and key not in named
    ]
    related = [linked for kind in entry.related for linked in site.thread.linked(entry, kind)]
    return entry_page(entry, fields, related)


#: A YAML entry's own page, by the key its content type names (``entry_renderer=``).
ENTRY_PAGES: dict[str, Callable[[Item, Site], str]] = {
    "entry": _default_entry_page,
    "course": lambda course, site: (
        course_page(course, site.thread, site.project.settings.build_date)
        + framework_backlink(course, site.thread, course.uri)
        + framework_links(course, site.frameworks, course.uri)
        + cpd_block(course, site, course.uri)
    ),
    "event": lambda event, site: (
        event_page(event, site.by_id, site.project.settings.build_date)
        + framework_links(event, site.frameworks, event.uri)
        + cpd_block(event, site, event.uri)
    ),
    "staff_voice": lambda entry, site: year_page(entry, site.items),  # a year of health check results
}


def audit_pages(site: Site) -> dict[str, str]:
    """The case-file audit tool (audit/tool/) and the audit results dashboard (audit/results/)."""
    sections, dirs = site.thread.sections, site.project.use_directory_urls
    if not sections:
        return {}
    return {
        TOOL_URI: tool_page(
            sections,
            site.thread,
            site.project.settings,
            dirs,
            site.schemas.raw.get("audit_export"),
            site.of_type(AUDIT_CYCLE),  # the cycles a themed audit can be started for
        ),
        RESULTS_URI: dashboard_page(site.thread, site.project.settings, dirs),
    }


def who_to_contact(site: Site, item: Item, uri: str) -> str:
    """The "Who to contact" box the page's template shows under its title and "At a glance"
    (``PageView.contacts_html``): empty unless the item names contacts."""
    project = site.project
    return contacts_box(item, site.items, uri, project.use_directory_urls, project.settings.build_date)


def with_additions(site: Site, uri: str, markdown: str, addition: str) -> str:
    """The page's Markdown with Practice Hub's additions: the home page's search under its
    title, everything else at the end."""
    if uri == HOME_URI:  # the front door's blocks go under the title
        return under_title(markdown, addition) if addition else markdown
    if addition.startswith(REPLACE_BODY):  # a briefing's seven boxes hold its body
        return addition[len(REPLACE_BODY) :]
    if addition.startswith(CONTINUE_LIST):  # one Related list, not two
        return markdown.rstrip() + "\n" + addition[len(CONTINUE_LIST) :].replace(END_LIST, "\n\n")
    return markdown.rstrip() + "\n\n" + addition if addition else markdown


def page_additions(site: Site, uri: str, markdown: str, pages: set[str]) -> str:
    """Markdown appended to an editor's page: the golden thread, listings, home sections, abbreviations."""
    return _additions(site, uri, pages) + abbreviations_for(markdown, site.abbreviations, uri)


def _additions(site: Site, uri: str, pages: set[str]) -> str:
    item = site.item_for_page(uri)
    if item is None:
        return ""
    if uri == HOME_URI:
        return front_door(site.items, pages, site.project.settings.build_date, site.project.settings)
    render = ADDITIONS.get(TYPES[item.type].additions) if item.type in TYPES else None
    made = render(item, site, uri) if render else ""
    made += framework_backlink(item, site.thread, uri)  # the framework's link back
    own = framework_links(item, site.frameworks, uri) + cpd_block(
        item, site, uri
    )  # frameworks, "Record as CPD"
    if own and made.startswith(CONTINUE_LIST):  # Practice Hub's own HTML after the editor's list
        return made + END_LIST + own
    return made + own


def cpd_block(item: Item, site: Site, uri: str) -> str:
    """ "Record as CPD" under a course, event, briefing, research entry or procedure."""
    project = site.project
    return record_block(item, uri, project.use_directory_urls)


def _cycle_actions(standard, site: Site) -> str:
    """Open actions from audit cycles that serve the standard."""
    return standard_actions(standard, site.items, site.project.settings.build_date)


def _cycle_additions(item: Item, site: Site, uri: str) -> str:
    """An audit cycle's details, its sections with a link to start an audit, its results and its
    action plan."""
    project = site.project
    return cycle_additions(
        item,
        site.by_id,
        project.settings.build_date,
        site.thread,
        project.settings,
        project.use_directory_urls,
    )


def _section_listing(item: Item, site: Site, uri: str) -> str:
    """A page that lists a content type: its folder's front page, or ``listing: <type>`` in front matter."""
    kind = item.data.get("listing") or _section_of(uri)
    return "\n" + listing(uri, site.listed(kind), site) if kind else ""


#: What is added to an item's page, by the key its content type names (``additions=``).
ADDITIONS: dict[str, Callable[[Item, Site, str], str]] = {
    "standard_additions": lambda item, site, uri: (
        standard_additions(item, site.thread, site.project.settings.build_date)
        + _cycle_actions(item, site)
        + events_for_standard(uri, item, site.items, site.project.settings.build_date)  # events on it
    ),
    "cycle_additions": _cycle_additions,
    "section_additions": lambda item, site, uri: section_additions(
        item, site.thread, site.project.settings.build_date
    ),
    "procedure_additions": lambda item, site, uri: (
        procedure_additions(item, site) + briefings_for(uri, item, site.thread)  # briefings on it
    ),
    "induction_additions": lambda item, site, uri: induction_additions(item, site.by_id),
    "tool_additions": lambda item, site, uri: tool_additions(item, site.project.docs_dir, site.thread),
    "research_additions": lambda item, site, uri: research_additions(item, site.thread),
    "vacancy_additions": lambda item, site, uri: vacancy_additions(item, site.project.settings.build_date),
    "news_additions": lambda item, site, uri: news_additions(item, site.thread),
    "section_listing": _section_listing,
    "learning_additions": lambda item, site, uri: _briefing(item, site),  # the seven boxes
    "framework_additions": lambda item, site, uri: framework_additions(item, site.thread),
}


def _briefing(item: Item, site: Site) -> str:
    """A briefing's seven boxes, with the glossary's abbreviations for the words its fields use."""
    page = briefing_page(item, site.thread)
    return page + abbreviations_for(page, site.abbreviations)


def procedure_additions(item, site: Site) -> str:
    """Related standards, tools and legislation with official links, under a procedure: one
    "Related" block, joined to the page's own "## Related" when that is its last section."""
    related = [i for kind in (STANDARD, TOOL) for i in site.thread.linked(item, kind)]
    laws = site.legislation_for(item)
    own = _own_related(item.body)
    related = [i for i in related if i.uri.rsplit("/", 1)[-1] not in (own or "")]
    if not related and not laws:
        return ""
    lines = [f"{link(item.uri, i.uri, i.title)} ({i.label})" for i in related]
    lines += [f"{markdown_link(esc(text), url)} (legislation)" for text, url in laws]
    if own is not None:  # continue the page's own list (see with_additions)
        return CONTINUE_LIST + bullet_list(lines)
    return "\n## Related\n\n" + bullet_list(lines)


def _own_related(body: str) -> str | None:
    """The text of the page's own "## Related" section when it is the last section, else None."""
    headings = list(re.finditer(r"^## +(.+?) *$", body or "", re.M))
    if not headings or headings[-1].group(1).strip().lower() != "related":
        return None
    return body[headings[-1].end() :]


def _section_of(uri: str) -> str | None:
    for content_type in TYPES.values():
        if content_type.name in BLOG_TYPES:
            continue
        if content_type.folder and uri == content_type.index_uri:
            return content_type.name
    return None


def calendar_files(site: Site) -> dict[str, bytes]:
    """An .ics feed per course, one per session ("Add to calendar") and one for everything."""
    stamp = site.project.settings.clock.calendar_stamp
    domain = _domain(site.project.site_url)
    page_urls = {c.id: _absolute(site, c) for c in site.of_type(COURSE)}
    files: dict[str, bytes] = {}
    every = []
    for course in site.of_type(COURSE):
        sessions = sessions_of(course)
        every.extend(sessions)
        files[course_ics_uri(course.id)] = calendar(sessions, course.title, domain, stamp, page_urls)
        for session in sessions:
            files[session_ics_uri(session)] = calendar([session], course.title, domain, stamp, page_urls)
    every.sort(key=lambda s: (s.start, s.course.id))
    files[ALL_ICS_URI] = calendar(every, "Training: all sessions", domain, stamp, page_urls)
    return files


def calendar_names(site: Site) -> set[str]:
    """The calendar files (.ics) that calendar_files and event_calendar_files make, by name,
    without making them: only courses and events have them."""
    courses = site.of_type(COURSE)
    names = {ALL_ICS_URI, ALL_EVENTS_ICS_URI} | {course_ics_uri(course.id) for course in courses}
    names |= {session_ics_uri(session) for course in courses for session in sessions_of(course)}
    return names | {event_ics_uri(event) for event in site.of_type(EVENT) if occurrence(event) is not None}


def event_calendar_files(site: Site) -> dict[str, bytes]:
    """An .ics per event ("Add to your calendar") and one feed of the whole programme."""
    stamp = site.project.settings.clock.calendar_stamp
    domain = _domain(site.project.site_url)
    events = site.of_type(EVENT)
    page_urls = {e.id: _absolute(site, e) for e in events}
    every = sorted(
        (s for e in events if (s := occurrence(e)) is not None), key=lambda s: (s.start, s.course.id)
    )
    files = {event_ics_uri(s.course): calendar([s], s.course.title, domain, stamp, page_urls) for s in every}
    files[ALL_EVENTS_ICS_URI] = calendar(every, "Events: the whole programme", domain, stamp, page_urls)
    return files


def _domain(site_url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(site_url).hostname or "practice-hub.invalid"


def _absolute(site: Site, course) -> str:
    if not site.project.site_url:
        return ""
    tail = "/" if site.project.use_directory_urls else ".html"
    return site.project.site_url.rstrip("/") + "/" + course.uri[: -len(".md")] + tail


def feed_file(site: Site, site_name: str) -> tuple[str, bytes]:
    """The Atom feed of procedure changes; made once page URLs are known."""
    return FEED_URI, atom_feed(
        site.items, site.project.site_url, site.urls, site.project.settings.clock.moment, site_name
    )


def post_build_files(site: Site, site_name: str) -> dict[str, bytes]:
    """Files that need every page's final URL (news posts move to dated URLs)."""
    return {
        NEWS_FEED_URI: news_feed(
            site.listed(NEWS), site.project.site_url, site.urls, site.project.settings.clock.moment, site_name
        )
    }


def out_of_menu(uri: str) -> bool:
    """Generated pages reached from a listing rather than the menu: topic pages, and the entry
    pages of every type whose entries are not in the menu (courses: ``entries_in_menu``)."""
    if uri.startswith(f"{TAGS_DIR}/"):  # the topics page too: reached from every page's topics
        return True
    return any(
        _is_entry_page(uri, t) for t in TYPES.values() if t.entries_have_pages and not t.entries_in_menu
    )


def _is_entry_page(uri: str, content_type: ContentType) -> bool:
    """Whether *uri* is where one of the type's entries has its page ("training/{id}.md"); its
    index and the pages Practice Hub makes beside them (upcoming) have ids no entry may take."""
    before, _, after = content_type.entry_page.partition("{id}")
    if len(uri) <= len(before) + len(after) or not (uri.startswith(before) and uri.endswith(after)):
        return False
    entry_id = uri[len(before) : len(uri) - len(after)]
    return "/" not in entry_id and entry_id not in RESERVED_COURSE_IDS
