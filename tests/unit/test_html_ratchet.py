"""One way to write HTML: every piece of HTML is built by ``practice_hub.markup``, which escapes by default.

The test reads every module of the package (``practice_hub/markup.py`` alone is left out: it is
where the helpers build their strings) and finds HTML written any other way: an f-string, a
``+`` or ``%`` concatenation, a ``.format()`` call, a ``+=`` or a ``join`` whose literal text
holds an HTML tag (``<li>``, ``<td``, ``</ul>``), a comment, or the end of an attribute inside
a tag (``data-kind="..." markdown>``). A plain string
constant with no value in it (``'<ul class="x" markdown>'``) is fixed markup written in code and
is allowed.

``ALLOWED`` holds the modules still being converted, with their counts: a count may only go
down, and the test asks for the entry to be lowered or removed when it does (an entry follows its
code when a module moves). It is empty: every module writes HTML through the helpers.

A second ratchet below keeps ``practice_hub.markup.escape`` the one HTML escape function.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "practice_hub"
HELPERS = "markup.py"
ADVICE = "build this HTML with practice_hub.markup (element/attributes/...), which escapes by default"

#: Modules still writing HTML by hand, and how many places: only ever lowered, empty when done.
ALLOWED: dict[str, int] = {}

#: Element names of HTML and inline SVG: ``<id>`` or ``<any-name>`` in a help text is not a tag.
TAGS = frozenset(
    """
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption
    cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input
    ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup
    option output p picture pre progress q rp rt ruby s samp script search section select slot
    small source span strong style sub summary sup table tbody td template textarea tfoot th thead
    time title tr track u ul var video wbr
    svg g path line rect circle ellipse polyline polygon text tspan desc defs use symbol
    clippath lineargradient radialgradient stop marker foreignobject
    """.split()
)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
_COMMENT = re.compile(r"<!--|-->|<!doctype", re.I)
# The end of an attribute inside a tag: name="value"> or name="" markdown>, value left out.
_ATTRIBUTE_END = re.compile(r"""[\w:-]+=["'][^"'<>]*["']?(\s+[\w:-]+)*\s*/?>""")


def has_tag(text: str) -> bool:
    """True when literal text holds a piece of HTML markup."""
    if _COMMENT.search(text) or _ATTRIBUTE_END.search(text):
        return True
    return any(match.group(1).lower() in TAGS for match in _TAG.finditer(text))


def _text(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _fstring_has_tag(node: ast.JoinedStr) -> bool:
    pieces = [_text(value) for value in node.values]
    literal = "".join(piece for piece in pieces if piece is not None)
    if has_tag(literal) or any(piece is not None and has_tag(piece) for piece in pieces):
        return True
    # "</{tag}": the end of an element whose name is a value. ("<{tag}>" alone is left to the
    # closing tag: problem messages name tags that way, "HTML tag <{tag}> is not allowed".)
    return any(
        piece is not None and piece.endswith("</") and following is None
        for piece, following in zip(pieces, pieces[1:])
    )


# A tag whose name is a value ("<%s>", "<{}>", "</{0}>"), or a bare angle bracket to be joined
# with a name ("<" + tag + ">").
_PLACEHOLDER_TAG = re.compile(r"</?(%[sr]|\{[^}]*\})")
_BRACKETS = {"<", "</", ">", "/>"}
# The markup helpers: an f-string or a str() around one throws its Markup (and escaping) away.
HELPER_NAMES = {
    "element",
    "start_tag",
    "end_tag",
    "self_closing",
    "attributes",
    "markdown_block",
    "filter_data",
    "table_head",
    "Markup",
}


def _tagged(node: ast.AST) -> bool:
    text = _text(node)
    return text is not None and (has_tag(text) or text in _BRACKETS or bool(_PLACEHOLDER_TAG.search(text)))


def _helper_call(node: ast.AST) -> bool:
    """A call to a markup helper, or str() of one."""
    if not isinstance(node, ast.Call):
        return False
    name = ast.unparse(node.func).rsplit(".", 1)[-1]
    if name == "str" and node.args:
        return _helper_call(node.args[0])
    return name in HELPER_NAMES


def _concatenated(node: ast.BinOp) -> list[ast.AST]:
    """The operands of a + chain (a + b + c), or the two sides of a %."""
    if isinstance(node.op, ast.Add):
        out: list[ast.AST] = []
        for side in (node.left, node.right):
            if isinstance(side, ast.BinOp) and isinstance(side.op, ast.Add):
                out += _concatenated(side)
            else:
                out.append(side)
        return out
    return [node.left, node.right]


def _mixes_markup(node: ast.JoinedStr) -> bool:
    """An f-string that puts a markup helper's HTML beside another value: the f-string makes plain
    text of both, so the other value is pasted in unescaped (f"{start_tag('li')}{value}")."""
    values = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    return any(_helper_call(v) for v in values) and not all(_escaped(v) for v in values)


# Calls whose result is already escaped text (Markdown-literal or HTML): safe beside markup.
ESCAPED_TEXT = {"esc", "escape", "markdown_link", "link"}


def _escaped(node: ast.AST) -> bool:
    if _helper_call(node):
        return True
    return isinstance(node, ast.Call) and ast.unparse(node.func).rsplit(".", 1)[-1] in ESCAPED_TEXT


def html_building(source: str) -> list[tuple[int, str]]:
    """(line, kind) for each place the source builds HTML by hand."""
    tree = ast.parse(source)
    inner_adds = {
        id(side)
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)
        for side in (node.left, node.right)
        if isinstance(side, ast.BinOp) and isinstance(side.op, ast.Add)
    }
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and _fstring_has_tag(node):
            found.append((node.lineno, "f-string"))
        elif isinstance(node, ast.JoinedStr) and _mixes_markup(node):
            found.append((node.lineno, "f-string around markup"))
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, (ast.Add, ast.Mod))
            and id(node) not in inner_adds
        ):
            operands = _concatenated(node)
            by_hand = any(_tagged(operand) for operand in operands)
            if by_hand or (
                isinstance(node.op, ast.Add)
                and any(
                    isinstance(o, ast.Call) and ast.unparse(o.func) == "str" and _helper_call(o)
                    for o in operands
                )
                and not all(_escaped(o) or _text(o) is not None for o in operands)
            ):
                found.append(
                    (node.lineno, "concatenation" if isinstance(node.op, ast.Add) else "% formatting")
                )
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add) and _tagged(node.value):
            found.append((node.lineno, "+= concatenation"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner, name = node.func.value, node.func.attr
            if name == "format" and _tagged(owner):
                found.append((node.lineno, ".format()"))
            elif name == "join" and _text(owner) is not None:
                parts = node.args[0] if node.args else None
                listed = parts.elts if isinstance(parts, (ast.List, ast.Tuple)) else []
                if _tagged(owner) or any(_tagged(part) for part in listed):
                    found.append((node.lineno, "join"))
    return sorted(found)


def html_building_in_package() -> dict[str, list[tuple[int, str]]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == HELPERS:
            continue
        found = html_building(path.read_text(encoding="utf-8"))
        if found:
            out[rel] = found
    return out


@pytest.mark.parametrize(
    "source",
    [
        # ways found by an outsider to get past a first version of this test
        '"<" + tag + ">" + value + "</" + tag + ">"',
        '"<%s>%s</%s>" % (tag, value, tag)',
        '"<{}>{}</{}>".format(tag, value, tag)',
        'str(Markup("<li>")) + value',
        "f\"{start_tag('li')}{value}\"",
        '"".join(["<", "li", ">", value])',
        "f'<li>{text}</li>'",
        "f'<div{attributes(class_=\"x\")}>'",
        "f'<br>{x}'",
        "f'{x}</td>'",
        "f'<span class=\"when\">{x}</span>'",
        "f'<li data-kind=\"{k}\" ' f'data-scope=\"{s}\" markdown>'",
        "f'data-scope=\"{s}\" markdown>'",
        "f'<!-- {note} -->'",
        "'<ul>' + items + '</ul>'",
        "a + b + '</ul>'",
        "'<b>%s</b>' % name",
        "'<p>{}</p>'.format(name)",
        "'</td><td>'.join(cells)",
        "''.join(['<td>', value, '</td>'])",
        "out[-1] += '<th>Activity</th>'",
        "f'<svg viewBox=\"0 0 {w} {h}\">'",
        "f'<line x1=\"{x}\"/>'",
        "f'<TD>{x}</TD>'",
        "f'<{tag}{attrs}>{inner}</{tag}>'",
    ],
)
def test_the_detector_finds_html_built_by_hand(source):
    assert len(html_building(source)) == 1, source


@pytest.mark.parametrize(
    "source",
    [
        "'<ul class=\"ph-list\" markdown>'",  # fixed markup, no value in it
        "element('li', text, class_='x')",
        "Markup('<br>') + element('span', x)",
        "f'`{folder}<id>.md`'",  # a file name pattern in help text
        "f'`{folder}<any-name>.yml`'",
        "f'[{text}](<{url}>)'",  # a Markdown link with its URL in angle brackets
        "f'{a} < {b} and {c} > {d}'",
        "f'{n} -> {m}'",
        "'|' + '|'.join(values) + '|'",
        "f'## {heading}'",
        "'value <= 3' + x",
        "f'title=\"{x}\"'",  # an attribute with no tag around it is not HTML yet
        "'\\n'.join(lines)",
        "f'HTML tag <{tag}> is not allowed'",  # a problem message naming a tag
        "f'{name:<{width}}'",  # a format specification, left-aligned
    ],
)
def test_the_detector_leaves_other_text_alone(source):
    assert html_building(source) == [], source


def test_no_html_is_built_outside_the_markup_helpers():
    found = html_building_in_package()
    problems = []
    for rel, places in sorted(found.items()):
        allowed = ALLOWED.get(rel, 0)
        if len(places) > allowed:
            lines = "\n".join(f"practice_hub/{rel}:{line}: {kind}: {ADVICE}" for line, kind in places)
            problems.append(f"{lines}\n({len(places)} in this module, {allowed} allowed)")
    for rel, allowed in sorted(ALLOWED.items()):
        now = len(found.get(rel, []))
        if now < allowed:
            problems.append(
                f"practice_hub/{rel}: {now} places build HTML by hand, fewer than the {allowed} allowed: "
                f"lower its entry in ALLOWED to {now}" + (" (remove it)" if now == 0 else "")
            )
    assert not problems, "\n".join(problems)


# Fixed markup is marked as such: ``Markup('<ul class="x">')`` or a helper (``start_tag``), never
# a bare string that a later edit could fill with a value.
# Modules that judge an editor's input: their HTML strings wrap a fragment for the parser
# (safety/html.py) or name markup in a message to the editor ("HTML tag <input> is not allowed"),
# plain text that is escaped wherever it is shown. They are read, never published.
PARSED_NOT_PUBLISHED = {
    "safety/html.py",
    "safety/markdown_limits.py",
    "safety/rendered.py",
    "safety/accessible.py",
}
# A bare string is read, not written, when it is compared or searched for.
_READING = {
    "find",
    "rfind",
    "index",
    "rindex",
    "startswith",
    "endswith",
    "split",
    "rsplit",
    "partition",
    "rpartition",
    "replace",
    "count",
    "strip",
    "search",
    "match",
    "fullmatch",
    "sub",
    "compile",
    "finditer",
    "findall",
}


def bare_markup(source: str) -> list[int]:
    """Lines of string constants holding HTML that are neither wrapped in ``Markup(...)`` nor
    only read (compared, searched for): fixed markup that is not marked as markup."""
    tree = ast.parse(source)
    parent = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and has_tag(node.value)):
            continue
        up = parent.get(node)
        if isinstance(up, (ast.Expr, ast.JoinedStr, ast.Compare)):  # a docstring; an f-string (above)
            continue
        if isinstance(up, ast.Call):
            name = ast.unparse(up.func)
            if name == "Markup" or name.rsplit(".", 1)[-1] in _READING:
                continue
        found.append(node.lineno)
    return found


@pytest.mark.parametrize(
    "source, found",
    [
        ('lines = ["<ul>", item, "</ul>"]', [1, 1]),
        ('strong, end = "<strong>", "</strong>"', [1, 1]),
        ("out.append(\"<section class='x' markdown>\")", [1]),
        ('lines = [Markup("<ul>"), item, Markup("</ul>")]', []),
        ('if text.startswith("<pre"): pass', []),
        ('head, _, tail = page.partition("<!-- more -->")', []),
        ('"""A <ul> in a docstring."""', []),
    ],
)
def test_the_bare_markup_detector(source, found):
    assert bare_markup(source) == found


def test_fixed_markup_is_marked_as_markup():
    offending = [
        f"practice_hub/{path.relative_to(PACKAGE).as_posix()}:{line}: fixed markup as a bare string: "
        "wrap it in Markup(...) or build it with a helper (start_tag, element)"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != HELPERS and path.relative_to(PACKAGE).as_posix() not in PARSED_NOT_PUBLISHED
        for line in bare_markup(path.read_text(encoding="utf-8"))
    ]
    assert offending == []


# The helpers the ratchet sends you to: they escape by default and keep the pages' bytes.


def test_the_helpers_escape_every_value_unless_it_is_markup():
    from practice_hub.markup import Markup, element, join, start_tag

    assert element("td", "<b>&'\"", data_label='A "B"') == (
        '<td data-label="A &quot;B&quot;">&lt;b&gt;&amp;&#x27;&quot;</td>'
    )
    assert element("p", Markup("<br>"), "x") == "<p><br>x</p>"
    assert join(["<a>", Markup("<b>")], "\n") == "&lt;a&gt;\n<b>"
    assert start_tag("input", type="checkbox", hidden=True, title=None) == '<input type="checkbox" hidden>'


def test_svg_elements_close_themselves_and_element_names_are_checked():
    from practice_hub.markup import self_closing, start_tag

    assert self_closing("line", x1="1.0", y2=3) == '<line x1="1.0" y2="3"/>'
    with pytest.raises(ValueError):
        start_tag('p onclick="x"')


def test_markdown_blocks_and_filter_attributes():
    from practice_hub.markup import element, filter_data, markdown_block, markdown_text

    block = markdown_block("section", markdown_text("## A \\*b\\*"), class_="ph-x")
    assert block == '<section class="ph-x" markdown>\n\n## A \\*b\\*\n\n</section>'
    assert filter_data(topics=["a", 'b"c'], source="S") == {"data_topics": '|a|b"c|', "data_source": "|S|"}
    assert element("li", "x", **filter_data(kind="k"), markdown=True) == '<li data-kind="|k|" markdown>x</li>'


def test_markdown_literal_text_is_built_on_the_one_escape():
    from practice_hub.text import esc

    assert esc('a & <b> "q" *x*') == 'a &amp; &lt;b&gt; "q" \\*x\\*'


def test_the_problems_page_escapes_each_problem():
    from practice_hub.renderer.problems_page import problems_page

    page = problems_page(["docs/a.md:3: <script> is not allowed"], "Fix these & save")
    assert "<li><code>docs/a.md:3: &lt;script&gt; is not allowed</code></li>" in page
    assert "<p>Fix these &amp; save. Save the fixed file" in page


# One escape function: practice_hub.markup.escape (text.esc, Markdown-literal text, is built on it).

#: Modules still escaping HTML with the standard library's html.escape: only ever lowered.
OTHER_ESCAPES_ALLOWED: dict[str, int] = {}


def other_escapes(source: str) -> list[int]:
    """Lines that escape HTML with the standard library (``html.escape``, ``from html import escape``)."""
    tree = ast.parse(source)
    modules = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name == "html"
    }
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "html":
            lines += [node.lineno for alias in node.names if alias.name == "escape"]
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == "escape"
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            lines.append(node.lineno)
    return sorted(lines)


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("import html\nhtml.escape(x)", [2]),
        ("import html as h\nh.escape(x, quote=False)", [2]),
        ("from html import escape as e\ne(x)", [1]),
        ("import html\nhtml.unescape(x)", []),
        ("from practice_hub.markup import escape\nescape(x)", []),
        ("from . import html\nhtml.escape(x)", []),  # a module of the package, not the standard library
    ],
)
def test_the_escape_detector(source, found):
    assert other_escapes(source) == found


def test_markup_escape_is_the_one_html_escape():
    problems = []
    modules = {path.relative_to(PACKAGE).as_posix(): path for path in PACKAGE.rglob("*.py")}
    for rel in sorted(set(modules) | set(OTHER_ESCAPES_ALLOWED)):
        if rel == HELPERS:
            continue
        lines = other_escapes(modules[rel].read_text(encoding="utf-8")) if rel in modules else []
        allowed = OTHER_ESCAPES_ALLOWED.get(rel, 0)
        if len(lines) > allowed:
            problems += [
                f"practice_hub/{rel}:{line}: escape with practice_hub.markup.escape, the one HTML escape "
                "(quote=False for text between tags)"
                for line in lines
            ]
        elif len(lines) < allowed:
            problems.append(f"practice_hub/{rel}: lower its entry in OTHER_ESCAPES_ALLOWED to {len(lines)}")
    assert not problems, "\n".join(problems)
