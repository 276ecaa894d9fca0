"""The hidden words that let a page be found by acronym, expansion, alias, title, id or keyword."""

from __future__ import annotations

import json

from practice_hub.search.index import (
    answer_shard,
    page_record,
    weight_class,
    weight_classes,
    worker_source,
    write_answers,
)
from practice_hub.search.terms import Glossary, search_terms, vocabulary_words
from practice_hub.structure.items import Item


def entry(id_, term, expansion="", aliases=()):
    data = {"id": id_, "term": term, "definition": "x", "aliases": list(aliases)}
    if expansion:
        data["expansion"] = expansion
    return Item(type="glossary", data=data, path="docs/glossary/g.yml", line=1, loaded=None)


GLOSSARY = Glossary.of(
    [
        entry("dols", "DoLS", "Deprivation of Liberty Safeguards"),
        entry("s47", "s47", "Section 47, Children Act 1989", ["section 47", "s 47"]),
        entry("mash", "MASH", "Multi-Agency Safeguarding Hub", ["front door"]),
        entry("lonely", "Core group"),  # no other form: adds nothing
    ]
)


def test_own_words_bring_the_forms_of_the_acronyms_they_name():
    own, related = search_terms(
        "Section 47 enquiries",
        "section-47-enquiries",
        ["s47", "CP enquiry"],
        "The MASH passes the referral. Consider a DoLS authorisation.",
        GLOSSARY,
    )
    assert own == (
        "Section 47 enquiries · section-47-enquiries · s47 · CP enquiry · "
        "Section 47, Children Act 1989 · section 47 · s 47"
    )
    # Forms found only in the text are related words, weighted lower; repeats are dropped.
    assert related == (
        "DoLS · Deprivation of Liberty Safeguards · MASH · Multi-Agency Safeguarding Hub · front door"
    )


def test_expansions_are_found_whatever_the_case_and_spacing_but_only_as_whole_words():
    assert GLOSSARY.entries_in("deprivation of  liberty\nsafeguards apply") == [0]
    assert GLOSSARY.entries_in("SMASHED windows; dolsx") == []
    assert search_terms("Page", "", [], "Nothing relevant here", GLOSSARY) == ("Page", "")


def test_page_record_indexes_only_the_article_with_type_and_weighted_words():
    html = (
        '<header>Site header MASH</header><article class="md-content__inner md-typeset">'
        '<h1>Strategy discussions</h1><div class="ph-review"><dl><dt>Owner</dt></dl></div>'
        "<p>Call the front door.</p></article><footer>Footer</footer>"
    )
    document, words = page_record(html, "procedure", "Strategy discussions", None, GLOSSARY)
    assert "Site header" not in document and "Footer" not in document
    top = len(weight_classes()) - 1  # procedures have the highest search weight
    assert (
        f'<main data-pagefind-body data-pagefind-meta="type:procedure" data-pagefind-sort="ph_w:{top}">'
        in document
    )
    assert '<div data-pagefind-weight="10" data-pagefind-meta="ph_own">Strategy discussions</div>' in document
    assert (
        '<div data-pagefind-weight="3" data-pagefind-meta="ph_related">MASH · Multi-Agency Safeguarding Hub · '
        "front door</div>"
    ) in document
    assert words == "Strategy discussions · MASH · Multi-Agency Safeguarding Hub · front door"
    assert (
        page_record("<div class='md-content__inner'>blog list</div>", "page", "News", None, GLOSSARY) is None
    )


def test_vocabulary_for_corrections():
    assert vocabulary_words(["Chronology template · s47", "Safeguarding, safeguarding 2026 and DoLS"]) == [
        "chronology",
        "dols",
        "safeguarding",
        "template",
    ]


def test_weight_classes_rank_every_search_weight_and_the_worker_gets_each_class_count():
    weights = {"procedure": 3.0, "news": 0.6, "tool": 1.15, "page_like": 1.0}
    assert weight_classes(weights) == [0.6, 1.0, 1.15, 3.0]
    assert [weight_class(k, weights) for k in ("news", "page_like", "tool", "procedure", "unknown")] == [
        0,
        1,
        2,
        3,
        1,
    ]
    source = worker_source(weights, classes=[[5, 0, 7, 2]])
    assert "const SHARDS = [[[0.6,5],[1.0,0],[1.15,7],[3.0,2]]];" in source
    two = worker_source(weights, classes=[[5, 0, 7, 2], [4, 1, 6, 3]])
    assert "const SHARDS = [[[0.6,5],[1.0,0],[1.15,7],[3.0,2]],[[0.6,4],[1.0,1],[1.15,6],[3.0,3]]];" in two
    assert "/* weight classes */" not in source


def test_glossary_answers_are_split_by_the_first_character_the_worker_sees(tmp_path):
    assert [answer_shard(f) for f in ("PLO", "(A&E)", "s47", "47 days", "école", "")] == [
        "p",
        "a",
        "s",
        "4",
        "_",
        "_",
    ]
    answers = [{"forms": ["a&e", "accident and emergency"], "term": "A&E"}, {"forms": ["plo"], "term": "PLO"}]
    write_answers(tmp_path, answers)
    read = {p.stem: json.loads(p.read_text(encoding="utf-8"))["answers"] for p in tmp_path.glob("*.json")}
    assert len(read) == 37 and [a["term"] for a in read["a"]] == ["A&E"] and read["p"][0]["term"] == "PLO"
    assert read["z"] == [] and read["_"] == []  # every file exists, so the worker's fetch never fails


def test_a_large_site_is_split_into_shards_by_a_hash_of_each_url(monkeypatch):
    from practice_hub.search.index import (
        SHARD_PAGES,
        SHARD_PAGES_VARIABLE,
        PagefindError,
        shard_count,
        shard_folder,
        shard_of,
    )

    monkeypatch.delenv(SHARD_PAGES_VARIABLE, raising=False)
    assert SHARD_PAGES == 2500
    assert [shard_count(n) for n in (0, 1, 2500, 2501, 3000, 10_000)] == [1, 1, 1, 2, 2, 4]
    urls = [f"/procedures/page-{i}/" for i in range(8000)]
    shards = [shard_of(url, 8) for url in urls]
    # the same shard in every build: crc32 of the URL, not Python's hash() (salted per process)
    assert shards[:6] == [3, 2, 1, 0, 7, 6]
    assert all(900 <= shards.count(n) <= 1100 for n in range(8)), [shards.count(n) for n in range(8)]
    assert {shard_of(url, 1) for url in urls} == {0}
    assert [shard_folder(n) for n in (0, 1, 7)] == ["pagefind", "pagefind/shard-1", "pagefind/shard-7"]
    monkeypatch.setenv(SHARD_PAGES_VARIABLE, "80")
    assert shard_count(226) == 3
    monkeypatch.setenv(SHARD_PAGES_VARIABLE, "many")
    try:
        shard_count(226)
    except PagefindError as error:
        assert str(error) == "PRACTICE_HUB_SEARCH_SHARD_PAGES must be a whole number of pages, not 'many'"
    else:
        raise AssertionError("a setting that is not a number was accepted")


def test_pagefind_files_are_whole_when_its_process_is_closed_at_once(tmp_path):
    """Pagefind's own WriteFiles answered before its last writes reached the disk, and closing
    the process right after cut files short (an empty pagefind-entry.json: a search that never
    answered). The files are now handed over and written here before the process is closed."""
    from practice_hub.search.index import PAGEFIND_CONFIG, check_index
    from practice_hub.search.pagefind_service import PagefindService

    for attempt in range(3):
        folder = tmp_path / f"attempt-{attempt}" / "pagefind"
        service = PagefindService(PAGEFIND_CONFIG)
        try:
            for number in range(5):
                service.add_html_file(
                    f'<html lang="en"><body><main data-pagefind-body><h1>Page {number}</h1>'
                    f"<p>Supervision record {number}</p></main></body></html>",
                    f"/page-{number}/",
                )
            written = service.write_files(folder)
        finally:
            service.close()
        assert {"pagefind.js", "pagefind-entry.json", "wasm.en.pagefind"} <= set(written)
        assert sorted(written) == sorted(
            p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
        )
        check_index(folder, 5)  # the entry is whole and counts every page
        script = (folder / "pagefind.js").read_text(encoding="utf-8")
        assert "mergeIndex" in script and script.rstrip().endswith("};"), script[-80:]  # its exports
        sizes = {p: (folder / p).stat().st_size for p in written}
        assert all(sizes.values()), [p for p, size in sizes.items() if not size]


def test_an_index_without_every_page_fails_the_build(tmp_path):
    from practice_hub.search.index import PagefindError, check_index

    folder = tmp_path / "shard-2"
    folder.mkdir()
    entry = folder / "pagefind-entry.json"
    entry.write_text('{"version": "1.5.2", "languages": {"en": {"page_count": 79}}}', encoding="utf-8")
    check_index(folder, 79)
    for text, message in [
        (
            '{"languages": {"en": {"page_count": 78}}}',
            "Pagefind indexed 78 of the 79 pages given to it in shard-2/",
        ),
        (
            "",
            "Pagefind wrote an unreadable pagefind-entry.json in shard-2/: "
            "Expecting value: line 1 column 1 (char 0)",
        ),
    ]:
        entry.write_text(text, encoding="utf-8")
        try:
            check_index(folder, 79)
        except PagefindError as error:
            assert str(error) == message
        else:
            raise AssertionError(f"{text!r} was accepted")
