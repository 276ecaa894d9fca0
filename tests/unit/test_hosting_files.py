"""The server set-ups for nginx, Apache and IIS send the same security headers: the same
Content-Security-Policy string in each, nosniff, Referrer-Policy, the types of the search engine's
files, and hidden files refused (nginx's is run for real in tests/browser/test_hosting.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from helpers import REPO

HOSTING = REPO / "hosting"


def nginx_header(name: str) -> str:
    text = (HOSTING / "nginx-practice-hub.conf").read_text(encoding="utf-8")
    return re.findall(rf'^\s*add_header {name} "([^"]*)" always;', text, re.M)[0]


def apache_header(name: str) -> str:
    text = (HOSTING / "apache-practice-hub.conf").read_text(encoding="utf-8")
    return re.findall(rf'^\s*Header always set {name} "([^"]*)"', text, re.M)[0]


def iis_header(name: str) -> str:
    root = ElementTree.parse(HOSTING / "web.config").getroot()
    found = [e.get("value") for e in root.iter("add") if e.get("name") == name]
    assert len(found) == 1, name
    return found[0]


def test_the_content_security_policy_is_the_same_string_everywhere():
    policy = nginx_header("Content-Security-Policy")
    assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy
    assert apache_header("Content-Security-Policy") == policy
    assert iis_header("Content-Security-Policy") == policy
    assert policy in (HOSTING / "README.md").read_text(encoding="utf-8")


def test_every_server_sends_the_same_security_headers():
    for name in ("X-Content-Type-Options", "Referrer-Policy"):
        assert nginx_header(name) == apache_header(name) == iis_header(name), name
    assert nginx_header("X-Content-Type-Options") == "nosniff"


def test_every_server_gives_the_search_files_their_type_and_hides_dotfiles_and_sources():
    apache = (HOSTING / "apache-practice-hub.conf").read_text(encoding="utf-8")
    iis = (HOSTING / "web.config").read_text(encoding="utf-8")
    for extension in ("pagefind", "pf_meta", "pf_index", "pf_fragment", "pf_filter"):
        assert re.search(rf"AddType application/octet-stream[^\n]* \.{extension}\b", apache), extension
        assert f'<mimeMap fileExtension=".{extension}" mimeType="application/octet-stream" />' in iis
    assert 'RedirectMatch 404 "/\\."' in apache and "Options -Indexes" in apache
    assert "md|markdown|ya?ml" in apache
    assert '<add sequence="/." />' in iis and '<directoryBrowse enabled="false" />' in iis
    for extension in (".md", ".yml", ".yaml"):
        assert f'<add fileExtension="{extension}" allowed="false" />' in iis


def test_nginx_never_writes_the_host_header_into_a_redirect():
    text = (HOSTING / "nginx-practice-hub.conf").read_text(encoding="utf-8")
    assert re.search(r"^\s*absolute_redirect off;", text, re.M)


def test_the_guide_says_the_policy_is_the_second_line_of_defence():
    guide = (HOSTING / "README.md").read_text(encoding="utf-8")
    assert "second line of defence" in guide
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "frame-ancestors"):
        assert name in guide
    assert "hosting/README.md" in (REPO / "README.md").read_text(encoding="utf-8")
