"""`practice-hub search-report`: the top searches, the searches that found nothing and the pages
opened from search, read from access logs (tests/fixtures/search-log: the search log's own file
and a gzip-rotated main access log in nginx's combined layout, each with lines it cannot read)."""

from __future__ import annotations

import gzip
import random

from helpers import FIXTURES
from practice_hub.cli import main
from practice_hub.search_report import report, run, tally

LOGS = FIXTURES / "search-log"
FILES = [LOGS / "practice-hub-search.log", LOGS / "practice-hub-search.log.2.gz"]

EXPECTED = """\
Search report: 8 finished searches in 2 log files, 6 December 2026 to 7 December 2026.
Searches can hold people's names: this report is for the principal social worker's team only. \
Do not share it or keep it beside the site.

Most searched (5 of 5 different searches):
  3  edt duty number
  2  lado
  1  dols
  1  home visit
  1  section 20 leaving care

Searches that found nothing (4 of 8): write what is missing, or add the words to the synonyms file:
  3  edt duty number
  1  section 20 leaving care

Pages opened from search (3 in all):
  2  /procedures/allegations-against-staff/ (after "lado" twice)
  1  /procedures/statutory-visits/#timescales (after "home visit" once)

Skipped 3 lines that could not be read as a search log line: practice-hub-search.log:5, \
practice-hub-search.log:10, practice-hub-search.log.2.gz:4.
"""


def test_the_report_of_the_fixture_logs(capsys):
    assert main(["search-report", *map(str, FILES)]) == 0
    out, err = capsys.readouterr()
    assert out == EXPECTED and err == ""


def test_no_result_searches_are_counted_whatever_their_case_and_spacing():
    found = tally(FILES)
    assert dict(found.nothing) == {"edt duty number": 3, "section 20 leaving care": 1}
    assert found.other_lines == 1  # the main access log's page request, not a search


def test_a_missing_file_is_said_in_words(tmp_path):
    code, text = run([tmp_path / "access.log"])
    assert code == 1
    assert text == (
        f"No such log file: {tmp_path / 'access.log'} (give the access log's path, for example "
        "/var/log/nginx/practice-hub-search.log)\n"
    )


def test_a_gz_cut_short_is_said_in_words(tmp_path):
    cut = tmp_path / "access.log.3.gz"
    cut.write_bytes(gzip.compress(FILES[0].read_bytes())[:60])
    code, text = run([cut])
    assert code == 1 and text.startswith("Could not read a log file: ")


def test_any_bytes_never_raise_and_every_unread_line_is_counted(tmp_path):
    chance = random.Random(31)
    good = FILES[0].read_text().splitlines()[0]
    lines = []
    for _ in range(400):
        cut = good[: chance.randrange(len(good))]
        noise = bytes(chance.randrange(256) for _ in range(chance.randrange(40))).decode("latin-1")
        lines.append(chance.choice([cut, noise, good.replace("n=4", "n=" + noise[:3]), cut + noise]))
    log = tmp_path / "access.log"
    log.write_text("\n".join(lines) + "\n", encoding="latin-1")
    found = tally([log])
    counted = sum(found.searches.values()) + sum(found.opened.values()) + found.other_lines
    physical = log.read_bytes().split(b"\n")[:-1]  # noise may hold line ends of its own
    blank = sum(1 for line in physical if not line.decode("latin-1").strip())
    assert counted + len(found.skipped) + blank == len(physical) >= 400
    assert len(found.skipped) > 100 and sum(found.searches.values()) > 10
    assert report(found).startswith("Search report: ")


def test_an_empty_log_says_where_to_look(tmp_path):
    log = tmp_path / "access.log"
    log.write_text("")
    code, text = run([log])
    assert code == 0
    assert "No searches were found in these logs. Is search_log set to true in mkdocs.yml" in text
