"""A fixture site holding one instance of every attack on safe content (script, outside requests, case
data, files from outside, tracebacks and stalls): each is reported at its path:line, exactly, by
``check`` and by the strict build, with no traceback and nothing published."""

from __future__ import annotations

import os

import pytest

from helpers import FIXTURES, make_project, run_build, run_check

EXPECTED_ERRORS = [
    'docs/_data/legislation.yml:3: field "url" has "https://x.example/)<script>alert(1)</script>", which is not a web address (start it with https:// or http://, with no spaces, quotes or angle brackets)',
    'docs/_data/tags.yml:2: field "label" has "Child protection <script>alert(1)</script>", which is not in the expected form (labels appear in menus and lists as they are: leave out <, > and double quotes)',
    'docs/linked:1: this is a link to "../outside", outside the docs folder (replace the link with the file itself: nothing outside docs/ is published)',
    'docs/news/.authors.yml:3: field "authors.psw.name" has "<img src=x onerror=alert(1)>", which is not in the expected form (labels appear in menus and lists as they are: leave out <, > and double quotes)',
    'docs/news/.authors.yml:5: field "authors.psw.avatar" has "https://tracker.example/me.png", which is not in the expected form (put the picture in docs/news/avatars/ and give its path, for example news/avatars/team.svg)',
    'docs/news/posts/2026-11-01-script.md:6: entry 1 of categories has "<img src=x onerror=alert(1)>", which is not in the expected form (labels appear in menus and lists as they are: leave out <, > and double quotes)',
    'docs/news/posts/2026-11-01-script.md:12: HTML tag <script> is not allowed (pages cannot run scripts: remove it, from <script> to </script>)',
    'docs/news/posts/2026-11-01-script.md:14: HTML attribute "onerror" on <img> runs script and is not allowed (remove it: pages cannot run script)',
    'docs/news/posts/2026-11-01-script.md:14: the image "a.png" has no text alternative (write what it shows in its alt attribute: alt="Flow chart of the referral route"; for a decorative image write alt="")',
    'docs/news/posts/2026-11-01-script.md:16: HTML attribute "onload" on <svg> runs script and is not allowed (remove it: pages cannot run script)',
    'docs/news/posts/2026-11-01-script.md:16: HTML tag <svg> is not allowed (inline drawings cannot be published: save the drawing as a file in docs/images/ and show it with its path, for example ![What it shows](../images/drawing.svg))',
    'docs/news/posts/2026-11-01-script.md:18: <iframe src="javascript:alert(1)"> uses the javascript: scheme, which is not allowed (links may start with https://, http://, mailto: or tel:, or be a path on this site)',
    'docs/news/posts/2026-11-01-script.md:18: HTML tag <iframe> is not allowed (a page cannot show another page inside it: remove it and link to that page instead, for example [Watch the video](https://www.youtube.com/watch?v=...))',
    'docs/news/posts/2026-11-01-script.md:20: <a href="JaVa\\x09ScRiPt:alert(1)"> uses the javascript: scheme, which is not allowed (links may start with https://, http://, mailto: or tel:, or be a path on this site)',
    'docs/news/posts/2026-11-01-script.md:22: link "%6Aavascript:alert(1)" uses the javascript: scheme, which is not allowed (links may start with https://, http://, mailto: or tel:, or be a path on this site)',
    'docs/news/posts/2026-11-01-script.md:24: HTML attribute "onmouseover" on <div> runs script and is not allowed (remove it: pages cannot run script)',
    'docs/news/posts/2026-11-01-script.md:26: link "VBScript:msgbox" uses the vbscript: scheme, which is not allowed (links may start with https://, http://, mailto: or tel:, or be a path on this site)',
    'docs/news/posts/2026-11-01-script.md:26: link "data:text/html;base64,PHNjcmlwdD4=" uses the data: scheme, which is not allowed (links may start with https://, http://, mailto: or tel:, or be a path on this site)',
    'docs/procedures/brackets.md:11: the line is 20,000 characters long, more than 10,000 (break it into paragraphs: lines this long are pasted by mistake and slow the build down)',
    'docs/procedures/brackets.md:11: the paragraph has more than 300 [ characters (split it up: so many brackets make the Markdown renderer very slow)',
    'docs/procedures/case-data.md:4: field "summary": "943-476-5919" looks like an NHS number (it passes the NHS number check) (remove it: the site is read by every member of staff; if it is a made-up example, add # practice-hub: not-case-data at the end of the line of the field, after the value (a made-up NHS number must come from the NHS test range 999 000 0000 to 999 999 9999))',
    'docs/procedures/case-data.md:13: "943 476 5919" looks like an NHS number (it passes the NHS number check) (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (a made-up NHS number must come from the NHS test range 999 000 0000 to 999 999 9999))',
    'docs/procedures/case-data.md:13: "AB 12 34 56 C" looks like a National Insurance number (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (a made-up National Insurance number can start with QQ, which is never issued: QQ 12 34 56 C needs no marker))',
    'docs/procedures/case-data.md:15: "Jamie Smith (12/03/2015)" looks like a date of birth next to a person (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (an example needs no real date: "date of birth: DD/MM/YYYY" needs no marker))',
    'docs/procedures/case-data.md:17: "DOB 4 May 1990" looks like a date of birth next to a person (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (an example needs no real date: "date of birth: DD/MM/YYYY" needs no marker))',
    'docs/procedures/case-data.md:19: "943 476 5919" passes the NHS number check, so the not-case-data marker cannot be used for it (use a number from the NHS test range 999 000 0000 to 999 999 9999, which the NHS keeps for testing and never gives to a patient, or remove it: the site is read by every member of staff)',
    'docs/procedures/deep-div.md:35: HTML elements are nested more than 24 deep (flatten the page: deep nesting is never needed and makes the build slow)',
    'docs/procedures/deep-list.md:24: the text is indented 52 spaces: lists or blocks are nested too deep (keep nesting to at most 12 levels)',
    'docs/procedures/emphasis.md:11: the line is 1,899,999 characters long, more than 10,000 (break it into paragraphs: lines this long are pasted by mistake and slow the build down)',
    'docs/procedures/emphasis.md:11: the paragraph has more than 300 [ characters (split it up: so many brackets make the Markdown renderer very slow)',
    'docs/procedures/emphasis.md:11: the paragraph has more than 600 * and _ characters (split it up: so many emphasis markers make the Markdown renderer very slow)',
    'docs/procedures/hidden-case-data.md:13: "943 476 5919" looks like an NHS number (it passes the NHS number check) (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (a made-up NHS number must come from the NHS test range 999 000 0000 to 999 999 9999))',
    'docs/procedures/hidden-case-data.md:15: "401 023 2137" looks like an NHS number (it passes the NHS number check) (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (a made-up NHS number must come from the NHS test range 999 000 0000 to 999 999 9999))',
    'docs/procedures/hidden-case-data.md:17: "450557 7104" looks like an NHS number (it passes the NHS number check) (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (a made-up NHS number must come from the NHS test range 999 000 0000 to 999 999 9999))',
    'docs/procedures/hidden-case-data.md:19: "485 777 3457" looks like an NHS number (it passes the NHS number check) (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (a made-up NHS number must come from the NHS test range 999 000 0000 to 999 999 9999))',
    'docs/procedures/hidden-case-data.md:24: "Jamie Smith | 12/03/2015" looks like a date of birth next to a person (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (an example needs no real date: "date of birth: DD/MM/YYYY" needs no marker))',
    'docs/procedures/hidden-case-data.md:26: "ab-12-34-56-c" looks like a National Insurance number (remove it: the site is read by every member of staff; if it is a made-up example, add <!-- practice-hub: not-case-data --> at the end of the line (a made-up National Insurance number can start with QQ, which is never issued: QQ 12 34 56 C needs no marker))',
    'docs/procedures/outside.md:14: image "https://tracker.example/chart.png" is loaded from outside the site (the site loads nothing from outside: save the picture in docs/images/ and show it with its path on this site, for example ![What it shows](../images/chart.png))',
    'docs/procedures/outside.md:16: HTML tag <iframe> is not allowed (a page cannot show another page inside it: remove it and link to that page instead, for example [Watch the video](https://www.youtube.com/watch?v=...))',
    "docs/procedures/outside.md:18: HTML tag <link> is not allowed (the site's look comes from its own stylesheet: remove it)",
    'docs/procedures/outside.md:20: HTML tag <script> is not allowed (pages cannot run scripts: remove it, from <script> to </script>)',
    'docs/procedures/outside.md:22: <img src="//tracker.example/pixel.gif"> loads an image from outside the site (the site loads nothing from outside: save the picture in docs/images/ and show it with its path on this site, for example ![What it shows](../images/chart.png))',
    'docs/procedures/outside.md:24: HTML tag <video> is not allowed (a page cannot play video or audio: remove it and link to the recording instead, for example [Watch the video](https://www.youtube.com/watch?v=...))',
    'docs/procedures/outside.md:26: HTML attribute "style" on <div> loads a file through CSS url() (remove it; styles come from the site\'s own stylesheet (use a class))',
    'docs/procedures/outside.md:28: HTML tag <button> is not allowed (forms cannot be published: remove it and link to the form instead, for example [Book a place](https://forms.example/...))',
    'docs/procedures/outside.md:28: HTML tag <form> is not allowed (forms cannot be published: remove it and link to the form instead, for example [Book a place](https://forms.example/...))',
    'docs/procedures/values.md:3: field "title" has the invisible control character U+000B (delete it: it cannot appear on a web page (often it comes from a \\ escape in quotes))',
    'docs/procedures/values.md:4: field "summary" has the invisible control character U+0001 (delete it: it cannot appear on a web page (often it comes from a \\ escape in quotes))',
    'docs/procedures/values.md:7: field "last_reviewed" has "9999-12-31", which is not a date between 1900 and 2200 (check the year)',
    'docs/standards/listening.md:1: missing required field "audit_sections" (add a line "audit_sections: ...": ids of the case-file audit sections that check this standard)',
    'docs/tools/files/passwd.txt:1: this is a link to "/etc/passwd", outside the docs folder (replace the link with the file itself: nothing outside docs/ is published)',
    'docs/training/courses.yml:8: "cpd_hours" is no longer used: Social Work England records pieces of CPD, not hours (write "cpd: true" if the course counts as CPD (or "cpd: false"), and "reflection_prompts:" with questions to reflect on)',
    'docs/training/courses.yml:8: field "cpd_hours" is nan, which is not a number (write a number such as 1.5)',
    'docs/training/courses.yml:9: field "booking.contact" has "javascript://@x.example%0aalert(1)", which is not a web address or an email address (give a web address starting with https:// or an email address)',
]

SUMMARY = 'Practice Hub: 54 problems in 16 files: fix them, then run check again'


@pytest.fixture(scope="module")
def attacks(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("attacks"), FIXTURES / "attacks" / "docs")
    docs = project / "docs"
    front = "---\nid: {id}\ntitle: {id}\nsummary: Pathological Markdown.\nowner: PSW\nstatus: current\n" \
            "last_reviewed: 2026-01-01\nreview_by: 2027-01-01\n---\n\n"
    # Made here rather than kept in git: large or made of links.
    deep_list = "".join("    " * level + "- item\n" for level in range(250))
    (docs / "procedures/deep-list.md").write_text(front.format(id="deep-list") + deep_list, encoding="utf-8")
    deep_div = "<div markdown>\n" * 500 + "text\n" + "</div>\n" * 500
    (docs / "procedures/deep-div.md").write_text(front.format(id="deep-div") + deep_div, encoding="utf-8")
    (docs / "procedures/brackets.md").write_text(front.format(id="brackets") + "[" * 20_000 + "\n",
                                                 encoding="utf-8")
    emphasis = "*a _b [c " * (1_900_000 // 9)
    (docs / "procedures/emphasis.md").write_text(front.format(id="emphasis") + emphasis + "\n", encoding="utf-8")
    (docs / "tools/files").mkdir(parents=True, exist_ok=True)  # git keeps no empty folders
    os.symlink("/etc/passwd", docs / "tools/files/passwd.txt")
    outside = project / "outside"  # a folder beside docs/, reached through a link
    outside.mkdir()
    (outside / "secret.md").write_text("---\nid: secret\n---\n\n# Secret\n", encoding="utf-8")
    os.symlink("../outside", docs / "linked")
    return project


def test_check_reports_every_attack_exactly(attacks):
    result = run_check(attacks)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": warning: " not in line]
    assert errors[:-1] == EXPECTED_ERRORS
    assert errors[-1].startswith(SUMMARY)  # the last line counts them


def test_build_reports_the_same_and_publishes_nothing(attacks):
    result = run_build(attacks)
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in log and "RecursionError" not in log
    errors = [line.split("-  ", 1)[1] for line in log.splitlines() if line.startswith("ERROR")]
    assert errors == EXPECTED_ERRORS + [SUMMARY]
    assert not (attacks / "site" / "index.html").exists()
