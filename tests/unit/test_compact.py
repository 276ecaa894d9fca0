from practice_hub.renderer.compact import compact_html


def test_whitespace_runs_become_one_line_break():
    assert compact_html("<ul>\n    \n    <li>a</li>\n\n  </ul>") == "<ul>\n<li>a</li>\n</ul>"
    assert compact_html("<p>one  two</p>") == "<p>one  two</p>"  # spaces within a line stay
    assert compact_html("<p>one\n   two</p>") == "<p>one\ntwo</p>"


def test_pre_textarea_and_script_are_kept_exactly():
    html = "<div>\n\n  <pre><code>a\n\n    b\n</code></pre>\n\n<script>\nvar x = `\n\n`;\n</script>\n  <textarea>\n\n</textarea></div>"
    assert compact_html(html) == (
        "<div>\n<pre><code>a\n\n    b\n</code></pre>\n<script>\nvar x = `\n\n`;\n</script>\n"
        "<textarea>\n\n</textarea></div>"
    )
