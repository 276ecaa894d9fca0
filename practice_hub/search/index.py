"""Build the site's Pagefind index while MkDocs writes pages, and the files the search needs.

``SearchIndexer`` starts Pagefind's indexing service (a separate process) when the build starts;
each written page is handed to it at once (``add_page``), so indexing runs alongside the build
on the other core; ``finish`` waits for it and writes ``pagefind/`` and the search worker.

What is indexed: only the article (Material's ``md-content__inner``), never the header, nav,
footer or the review box; plus two hidden blocks of words the page is also found by (see
``terms.search_terms``): its own title, id and keywords, weighted highest, and the glossary
forms of acronyms it uses, weighted above body text. Each page carries its content type as
Pagefind meta (``type``) and its *weight class* as a Pagefind sort (``ph_w``: the rank of its
type's search weight among all the weights). The worker ranks procedures and standards above
news by that class without loading any page's data: the ``ph_w`` order of every page is in
Pagefind's metadata file, which the worker reads once, and the build writes into the worker
how many pages each class has, so a position in that order names a class (data is
loaded only for the results shown, which keeps a site of 10,000 pages fast).
Archived pages and drafts are never passed in (the adapter decides).

Deterministic output: no Pagefind *filters*. Pagefind 1.5 writes a filter's values in hash-map
order, which changes from run to run, and the filter file's name feeds the ``pf_meta`` name and
``pagefind-entry.json``; so two builds of the same site would differ. The worker never used the
filter. Sorts are deterministic (Pagefind sorts the keys, and each key's pages with a stable
sort). tests/site/test_determinism.py compares two builds.

Shards: Pagefind's search of a word takes time that grows nearly with the square of
the number of pages the word is on (``python -m practice_hub.bench.pagefind_scaling``), and its
indexer's memory while writing grows with the whole index. A site of more than ``SHARD_PAGES``
pages is split into several Pagefind indexes of about that many pages each, every page in the
shard given by a hash of its URL (so each shard is a random sample of the site; the worker puts
each score on the whole site's word rarity, see ``rescore`` in worker.js). Shard 0 is
``pagefind/``, shard n is ``pagefind/shard-n/``; the worker merges them (Pagefind's ``mergeIndex``, which shares the first
index's WebAssembly: nothing is downloaded twice). Each shard's process writes its files and
ends before the next writes, so only one shard's writing memory is held at a time. A site of
``SHARD_PAGES`` pages or fewer has one index, as before.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import zlib
from pathlib import Path

from ..content_types import CONTACT, GLOSSARY, LINK, search_weights
from ..markup import Markup, element
from ..settings import Environment, shard_pages_problem
from ..structure.items import Item, of_type
from .pagefind_service import PagefindError, PagefindService
from .terms import Glossary, search_terms, vocabulary_words

__all__ = [
    "SearchIndexer",
    "PagefindError",
    "contact_answers",
    "glossary_answers",
    "link_lists_left_out",
    "page_record",
    "WORKER",
    "WORKER_URL",
    "WORDS_URL",
]

WORKER = Path(__file__).with_name("worker.js")
#: Where the worker is written in the site (the worker finds the site root from its own URL).
WORKER_URL = "assets/javascripts/workers/practice-hub-search.js"
#: Words for correcting misspelt queries, fetched by the worker only when a word finds nothing.
WORDS_URL = "search/practice-hub-words.json"
#: Glossary entries answered directly, one file per first character of the forms they
#: are asked by ("a.json" ... "z.json", "0.json" ... "9.json", "_.json" for any other): a query
#: fetches the one file of its first character, so a large glossary costs each query little.
ANSWERS_DIR = "search/answers"

#: Where worker.js takes, for each shard, the weight classes: each search weight and its pages.
CLASSES_SLOT = "/* weight classes */ []"
#: Pages per search index (shard) on a large site: see the module's docstring.
SHARD_PAGES = 2500
# Pagefind's index chunks keep their default size (20,000 word places). Smaller chunks would
# download less per word, but Pagefind fetches only the chunk whose range holds a typed word
# ("child"), not the next chunks holding its longer forms ("children"): with chunks of 2,500,
# "child" found 124 demo pages instead of 164 (tests/browser/test_search_shards.py).
#: The Pagefind sort that carries a page's weight class.
CLASS_SORT = "ph_w"

PAGEFIND_CONFIG = {
    "force_language": "en",
    "exclude_selectors": [
        # the review box's facts and notices, never its "At a glance" (the answer first)
        ".ph-review__facts",
        ".ph-banner",
        "[data-pagefind-ignore]",  # also what Pagefind leaves out of its index by default
        ".headerlink",
        ".md-source-file",
        ".md-content__button",
        ".ph-print-note",
        "nav.md-tags",
        ".md-post__meta",
    ],
}

#: Pagefind weights (body text 1, h1 7): a page's own title, id and keywords; glossary forms it uses.
OWN_WEIGHT = 10
RELATED_WEIGHT = 3

_ARTICLE = Markup('<article class="md-content__inner md-typeset">')
_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"<h[1-3][^>]*>(.*?)</h[1-3]>", re.S)
# What Pagefind leaves out, found in the article so that the glossary forms a page is found by
# come from its own text only: an element marked data-pagefind-ignore, or one of the classes above.
_LEFT_OUT = re.compile(
    r"<([a-z][a-z0-9]*)\b[^>]*?(?:\sdata-pagefind-ignore\b|\sclass=\"[^\"]*\b(?:ph-review__facts|ph-banner|"
    r"headerlink|ph-print-note|md-source-file)\b)[^>]*>",
    re.I,
)
_LIST_TAG = re.compile(r"<(/?)(ul|ol|li)\b[^>]*>", re.I)
# an item's link, after at most a short label ("Course: "), as generated related lists write them
_ITEM_LINK = re.compile(r"\s*(?:<p>\s*)?(?:[^<>:]{1,30}:\s*)?<a\s[^>]*?href=\"([^\"]*)\"", re.I)
#: The heading of a "Related" section: its list is left out, and so is its one word.
_RELATED_HEADING = re.compile(r"<h([2-6]) id=\"related(?:-[a-z-]+)?\"", re.I)
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # https:, mailto:, tel:...


def article_of(page_html: str) -> str | None:
    """The inside of Material's content article, or None for pages without one (blog lists)."""
    start = page_html.find(_ARTICLE)
    end = page_html.rfind("</article>")
    if start < 0 or end < start:
        return None
    return page_html[start + len(_ARTICLE) : end]


def plain_text(fragment: str) -> str:
    return html_lib.unescape(_TAG.sub(" ", fragment))


def link_lists_left_out(page_html: str) -> str:
    """The page with every list of links in its article marked ``data-pagefind-ignore``: a list
    each of whose items begins with a link, one at least to a page of this site (related pages,
    "Learning from reviews", a listing, a topic's pages). A page that only links to a page about
    LADO is not about LADO. (Lists of outside links, such as the links directory, stay.)"""
    start = page_html.find(_ARTICLE)
    end = page_html.rfind("</article>")
    if start < 0 or end < start:
        return page_html
    marks: list[int] = []  # where " data-pagefind-ignore" goes: the end of a list's opening tag
    stack: list[list] = []  # open lists: [position of its ">", items, all links, one inside]
    for found in _LIST_TAG.finditer(page_html, start, end):
        closing, name = found.group(1), found.group(2).lower()
        if name != "li":
            if not closing:
                stack.append([found.end() - 1, 0, True, False])
                continue
            if not stack:
                continue
            at, items, links, inside = stack.pop()
            if items and links and inside:
                marks.append(at)
            continue
        if closing or not stack:
            continue
        entry = stack[-1]
        entry[1] += 1
        link = _ITEM_LINK.match(page_html, found.end())
        if link is None:
            entry[2] = False
        elif not _OUTSIDE.match(link.group(1)):
            entry[3] = True
    marks += [found.end() for found in _RELATED_HEADING.finditer(page_html, start, end)]
    if not marks:
        return page_html
    out, last = [], 0
    for at in sorted(marks):
        out += [page_html[last:at], " data-pagefind-ignore"]
        last = at
    out.append(page_html[last:])
    return "".join(out)


def indexed_text(article: str) -> str:
    """The plain text of an article as Pagefind indexes it: without the elements it leaves out."""
    parts, at = [], 0
    while True:
        found = _LEFT_OUT.search(article, at)
        if found is None:
            parts.append(article[at:])
            break
        parts.append(article[at : found.start()])
        at = _element_end(article, found)
    return plain_text(" ".join(parts))


def _element_end(html: str, opening: re.Match) -> int:
    """Where the element that *opening* begins ends (after its closing tag)."""
    name = opening.group(1).lower()
    if opening.group(0).endswith("/>") or name in ("br", "hr", "img", "input", "wbr"):
        return opening.end()
    tags = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
    depth = 1
    for found in tags.finditer(html, opening.end()):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return found.end()
    return len(html)


def weight_classes(weights: dict[str, float] | None = None) -> list[float]:
    """Every distinct search weight (1.0 included, for pages of no type), lowest first."""
    return sorted({1.0, *(search_weights() if weights is None else weights).values()})


def weight_class(kind: str, weights: dict[str, float] | None = None) -> int:
    """The rank of a page type's search weight among ``weight_classes``: its ``ph_w`` sort value."""
    table = search_weights() if weights is None else weights
    return weight_classes(table).index(table.get(kind, 1.0))


def page_record(
    page_html: str, kind: str, title: str, item: Item | None, glossary: Glossary
) -> tuple[str, str] | None:
    """(HTML to index, hidden words) for one written page, or None when it has no article."""
    article = article_of(page_html)
    if article is None:
        return None
    text = indexed_text(article)
    if item is not None:
        own, related = search_terms(item.title, item.id, item.data.get("keywords") or [], text, glossary)
    else:
        own, related = search_terms(title, "", [], "" if kind == "listing" else text, glossary)
    weighted = [element("div", own, data_pagefind_weight=OWN_WEIGHT, data_pagefind_meta="ph_own")]
    if related:
        weighted.append(
            element("div", related, data_pagefind_weight=RELATED_WEIGHT, data_pagefind_meta="ph_related")
        )
    main = element(
        "main",
        element("span", type_label(kind), data_pagefind_ignore=True, data_pagefind_meta="ph_label"),
        *weighted,
        Markup(article),  # the page's own published HTML, already through the allow-list
        data_pagefind_body=True,
        data_pagefind_meta=f"type:{kind}",
        data_pagefind_sort=f"{CLASS_SORT}:{weight_class(kind)}",
    )
    document = str(
        element("html", element("head", element("title", title)), element("body", main), lang="en")
    )
    return document, f"{own} · {related}" if related else own


#: Pages per shard for this build instead of SHARD_PAGES (the tests split the demo this way).
SHARD_PAGES_VARIABLE = "PRACTICE_HUB_SEARCH_SHARD_PAGES"


def shard_count(pages: int, setting: str | None = None) -> int:
    """How many Pagefind indexes a site of ``pages`` pages is split into; *setting* is
    SHARD_PAGES_VARIABLE's value as the build's settings read it (read here when None)."""
    if setting is None:
        setting = Environment.read().search_shard_pages
    problem = shard_pages_problem(setting)
    if problem:
        raise PagefindError(problem)
    per_shard = int(setting) if setting.strip() else SHARD_PAGES
    return max(1, -(-pages // per_shard))


def shard_of(url: str, shards: int) -> int:
    """The shard a page is indexed in: the same for the same URL in every build."""
    return zlib.crc32(url.encode("utf-8")) % shards if shards > 1 else 0


def shard_folder(number: int) -> str:
    """Where shard ``number`` is written in the site (the worker has the same rule)."""
    return "pagefind" if number == 0 else f"pagefind/shard-{number}"


def type_label(kind: str) -> str:
    """What kind of page a search result is, for its label ("Procedure", "Audit section")."""
    from ..content_types import TYPES

    if kind in TYPES:
        singular = TYPES[kind].singular
        return singular[:1].upper() + singular[1:]
    return "List" if kind == "listing" else "Page"


_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits, as the worker's tokens()


def answer_shard(form: str) -> str:
    """The file (without ".json") holding the glossary answers asked by *form*: the first
    character of its first word, as the worker finds it in a query ("(A&E)" -> "a")."""
    words = _WORD.findall(form.lower())
    first = words[0][:1] if words else ""
    return first if first.isascii() and first.isalnum() else "_"


def write_answers(folder: Path, answers: list[dict]) -> None:
    """Each answer into the file of the first character of every form it is asked by; an empty
    file for each character no form starts with (so the worker's fetch never fails)."""
    shards: dict[str, list[dict]] = {c: [] for c in "abcdefghijklmnopqrstuvwxyz0123456789_"}
    for answer in answers:
        for shard in sorted({answer_shard(form) for form in answer["forms"]}):
            shards[shard].append(answer)
    folder.mkdir(parents=True, exist_ok=True)
    for shard, entries in shards.items():
        (folder / f"{shard}.json").write_text(
            json.dumps({"answers": entries}, separators=(",", ":"), ensure_ascii=False), encoding="utf-8"
        )


_BRACKETED = re.compile(r"\(([^()]+)\)")


def _page_of(item: Item) -> str:
    """The URL (from the site root) of the page an entry is shown on, with directory URLs."""
    return item.uri[: -len("index.md")] if item.uri.endswith("index.md") else item.uri[:-3] + "/"


def tel_link(number: str) -> str:
    """A phone number as a tel: address: its digits, and a leading + ("tel:01632960123")."""
    number = str(number).strip()
    return "tel:" + ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


_TEAM_WORDS = frozenset({"team", "service", "services", "coordinator", "officer", "line"})
_JOINING_WORDS = frozenset({"and", "of", "for", "the", "with", "to", "in"})


def _team_names(title: str) -> list[str]:
    """The shorter names a team is asked by: the end of its title from any word that is not a
    joining word ("Emergency Duty Team": "duty team"; "Workforce development and training
    team": "training team")."""
    words = title.split()
    if len(words) < 3 or words[-1].lower() not in _TEAM_WORDS:
        return []
    return [" ".join(words[i:]) for i in range(1, len(words) - 1) if words[i].lower() not in _JOINING_WORDS]


def contact_answers(items: list[Item]) -> list[dict]:
    """Each contact (a team, service or role) with every form it is asked by (its title, the
    short name in its title's brackets, its title without them, its id in words and its
    keywords: "LADO", "EDT", "out of hours"), for the search's direct answer: who to call, shown
    first, with a tap-to-call link."""
    contacts = [item for item in of_type(items, CONTACT) if item.status not in ("archived", "draft")]
    titles = {item.id: str(item.data.get("title", "")) for item in contacts}
    out = []
    for item in contacts:
        data = item.data
        title = str(data.get("title", ""))
        forms = [title, _BRACKETED.sub(" ", title), item.id.replace("-", " ")]
        forms += _BRACKETED.findall(title)
        forms += [str(k) for k in data.get("keywords") or []]
        forms += _team_names(_BRACKETED.sub(" ", title))
        phones = [
            {
                "label": str(p.get("label", "")),
                "number": str(p.get("number", "")),
                "tel": tel_link(p.get("number", "")),
            }
            for p in data.get("phones") or []
            if isinstance(p, dict) and str(p.get("number", "")).strip()
        ]
        cover = str(data.get("out_of_hours", "") or "")
        out.append(
            {
                "kind": "contact",
                "forms": sorted({" ".join(f.split()).lower() for f in forms if f.strip()}),
                "term": title,
                "expansion": "",
                "definition": str(data.get("summary", "")),
                "url": _page_of(item) + f"#{item.id}",
                "phones": phones,
                "email": str(data.get("email", "") or ""),
                "hours": str(data.get("hours", "") or ""),
                "out_of_hours": titles.get(cover, cover),
            }
        )
    return sorted(out, key=lambda a: a["term"].lower())


def glossary_answers(items: list[Item]) -> list[dict]:
    """Each glossary entry with every form it is asked by (term, expansion, aliases), for the
    search's direct answer."""
    out = []
    for item in of_type(items, GLOSSARY):
        if item.status in ("archived", "draft"):
            continue
        forms = [
            str(item.data.get("term", "")),
            str(item.data.get("expansion", "")),
            *(str(a) for a in item.data.get("aliases") or []),
        ]
        page = _page_of(item)
        out.append(
            {
                "kind": "glossary",
                "forms": sorted({f.strip().lower() for f in forms if f.strip()}),
                "term": str(item.data.get("term", "")),
                "expansion": str(item.data.get("expansion", "")),
                "definition": str(item.data.get("definition", "")),
                "url": page + f"#{item.id}",
            }
        )
    return sorted(out, key=lambda a: a["term"].lower())


def link_answers(items: list[Item]) -> list[dict]:
    """Each useful link (the links directory) with the forms it is asked by: its title and its
    keywords ("CMS", "book training"). The answer opens the link's entry in the directory."""
    out = []
    for item in of_type(items, LINK):
        if item.status in ("archived", "draft"):
            continue
        forms = [str(item.data.get("title", "")), *(str(k) for k in item.data.get("keywords") or [])]
        out.append(
            {
                "kind": LINK,
                "forms": sorted({" ".join(f.split()).lower() for f in forms if f.strip()}),
                "term": str(item.data.get("title", "")),
                "expansion": "",
                "definition": str(item.data.get("description", "")),
                "url": _page_of(item) + f"#{item.id}",
            }
        )
    return sorted(out, key=lambda a: a["term"].lower())


class SearchIndexer:
    """One build's search index: ``add_page`` for each page, then ``finish``; always ``close``."""

    def __init__(self, items: list[Item], shard_pages: str | None = None, synonyms: tuple = ()):
        self.glossary = Glossary.of(items, synonyms)
        self.answers = contact_answers(items) + glossary_answers(items) + link_answers(items)
        self._vocabulary: list[str] = [" ".join(form) for form in self.glossary.forms]
        self.pages = 0
        # pages to come: one per distinct page of the content (glossary entries share one)
        shards = shard_count(len({item.uri for item in items}), shard_pages)
        # per shard: pages indexed in each weight class
        self.classes = [[0] * len(weight_classes()) for _ in range(shards)]
        self._services: list[PagefindService] = []
        try:
            for _ in range(shards):
                self._services.append(PagefindService(PAGEFIND_CONFIG))
        except BaseException:
            self.close()
            raise

    def add_page(self, page_html: str, url: str, kind: str, title: str, item: Item | None) -> bool:
        record = page_record(page_html, kind, title, item, self.glossary)
        if record is None:
            return False
        document, words = record
        shard = shard_of(url, len(self._services))
        self._services[shard].add_html_file(document, url)
        self.classes[shard][weight_class(kind)] += 1
        headings = " ".join(plain_text(h) for h in _HEADING.findall(document))
        self._vocabulary.append(words if kind != "listing" else title)
        self._vocabulary.append(headings)
        self.pages += 1
        return True

    def finish(self, site_dir: Path) -> None:
        """Wait for Pagefind, write ``pagefind/`` (and its shards), the worker and the correction
        words. Each shard's process ends once it has written, before the next writes."""
        for number, service in enumerate(self._services):
            pages = sum(self.classes[number])
            if pages:
                folder = site_dir / shard_folder(number)
                service.write_files(folder)
                if service.errors:
                    raise PagefindError("; ".join(service.errors[:3]))
                check_index(folder, pages)
            service.close()
        words = site_dir / WORDS_URL
        words.parent.mkdir(parents=True, exist_ok=True)
        words.write_text(
            json.dumps({"words": vocabulary_words(self._vocabulary)}, separators=(",", ":")), encoding="utf-8"
        )
        write_answers(site_dir / ANSWERS_DIR, self.answers)
        worker = site_dir / WORKER_URL
        worker.parent.mkdir(parents=True, exist_ok=True)
        worker.write_text(worker_source(classes=self.classes), encoding="utf-8")
        empty_material_index(site_dir / "search" / "search_index.json")

    def close(self) -> None:
        for service in self._services:
            service.close()


def check_index(folder: Path, pages: int) -> None:
    """Refuses an index Pagefind wrote without every page given to it: a search that silently
    misses pages (or cannot start) must fail the build instead."""
    entry = folder / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        indexed = sum(language["page_count"] for language in languages.values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise PagefindError(f"Pagefind wrote an unreadable {entry.name} in {folder.name}/: {error}") from None
    if indexed != pages:
        raise PagefindError(f"Pagefind indexed {indexed} of the {pages} pages given to it in {folder.name}/")


def worker_source(weights: dict[str, float] | None = None, classes: list[list[int]] | None = None) -> str:
    """The search worker with, for each shard, each weight class (content_types.py's search
    weights) as [weight, pages indexed in it], lowest weight first."""
    ranks = weight_classes(weights)
    shards = [
        [[w, n] for w, n in zip(ranks, counts, strict=True)] for counts in classes or [[0] * len(ranks)]
    ]
    source = WORKER.read_text(encoding="utf-8")
    if CLASSES_SLOT not in source:
        raise PagefindError(f"{WORKER.name} has no {CLASSES_SLOT!r} for the search weights")
    return source.replace(CLASSES_SLOT, json.dumps(shards).replace(" ", ""), 1)


def empty_material_index(path: Path) -> None:
    """Keep Material's index file (its config drives the page highlighter), without the docs."""
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    data["docs"] = []
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
