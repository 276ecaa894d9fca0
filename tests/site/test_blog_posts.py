"""Material's blog plugin asks of every page whether it is a post or a view (``page in posts``),
which compares the page with each post and view: pages x (posts + views) comparisons, the
blog's largest cost at 10,000 pages and 1,200 news posts. hooks/blog_posts.py makes it a look-up
by identity, and the site is the same."""

from __future__ import annotations

import subprocess
import sys

from helpers import FIXTURES, env, make_project

#: Eight posts (with their category and month views) on the thread fixture.
POSTS = {
    f"news/posts/2026-0{n}-10-post-{n}.md": (
        f"---\nid: post-{n}\ntitle: Post {n}\nsummary: News number {n}.\ndate: 2026-0{n}-10\n"
        f"categories: [Practice updates]\nstandards: [standard-1]\n---\n\n# Post {n}\n\nNews number {n}.\n"
    )
    for n in range(1, 9)
}

# Builds the site with MkDocs' Page.__eq__ counted when the blog plugin calls it; prints the
# number of posts and of those comparisons.
_COUNTED_BUILD = """
import os
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

calls = [0]  # comparisons asked by the blog plugin
equal = Page.__eq__
def counted(self, other):
    if "plugins/blog" in sys._getframe(1).f_code.co_filename.replace(os.sep, "/"):
        calls[0] += 1
    return equal(self, other)
Page.__eq__ = counted
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
build(config)
blog = next(plugin for name, plugin in config.plugins.items() if name.startswith("material/blog"))
print(len(blog.blog.posts), calls[0])
"""


def test_the_blog_does_not_compare_each_page_with_every_post(tmp_path):
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs", files=POSTS)
    result = subprocess.run(
        [sys.executable, "-c", _COUNTED_BUILD, str(tmp_path / "site")],
        cwd=project,
        env=env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    posts, calls = map(int, result.stdout.split()[-2:])
    pages = sum(1 for _ in (tmp_path / "site").rglob("index.html"))
    assert posts == 8, posts
    # without the hook about 14,000 here: for each page, a comparison with each post and view
    assert calls < pages, (calls, pages, posts)
