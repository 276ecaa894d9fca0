"""News posts' authors and categories, checked as Material's blog resolves them (practice_hub/structure/blog.py)."""

from __future__ import annotations

from practice_hub.problems import Problems
from practice_hub.structure.blog import Blog, author_ids, blogs_of, check_posts


def test_blogs_are_read_from_the_plugins_as_written_and_as_mkdocs_names_them():
    assert blogs_of(["search", {"blog": {"blog_dir": "news", "categories_allowed": ["A"]}}]) == [
        Blog(blog_dir="news", categories_allowed=("A",))
    ]
    assert blogs_of([{"material/blog #2": {"blog_dir": "jobs", "authors": False}}]) == [
        Blog(blog_dir="jobs", authors=False)
    ]
    assert blogs_of(["blog"]) == [Blog()]
    assert blogs_of([{"blog": {"enabled": False}}]) == []
    assert blogs_of(None) == []
    assert Blog(blog_dir="news", authors_file="{blog}/../authors.yml").authors_uri == "authors.yml"


def test_author_ids(tmp_path):
    assert author_ids(tmp_path / "none.yml") == set()
    file = tmp_path / "a.yml"
    file.write_text("authors:\n  psw: {name: PSW}\n", encoding="utf-8")
    assert author_ids(file) == {"psw"}
    file.write_text("authors: [\n", encoding="utf-8")
    assert author_ids(file) is None  # reported where the file itself is checked


class Post:
    type = "news"
    path = "docs/news/posts/p.md"
    uri = "news/posts/p.md"

    def __init__(self, **data):
        self.data = data

    def line_of(self, *path):
        return {"authors": 5, "categories": 6}[path[0]] + path[1] * 0


def messages(posts, blogs, docs):
    problems = Problems()
    check_posts(posts, blogs, docs, "docs", problems)
    return [str(p) for p in problems.items]


def test_unknown_authors_and_categories_at_their_line(tmp_path):
    blog = Blog(blog_dir="news", categories_allowed=("Practice updates",))
    (tmp_path / "news").mkdir()
    assert messages([Post(authors=["psw-children"])], [blog], tmp_path) == [
        'docs/news/posts/p.md:5: field "authors" names "psw-children", which is not an author in '
        'docs/news/.authors.yml (create docs/news/.authors.yml and add "psw-children" under authors: with a '
        "name, description and avatar, or take the author out of the post)"
    ]
    (tmp_path / "news" / ".authors.yml").write_text(
        "authors:\n  psw-children: {}\n  qa: {}\n", encoding="utf-8"
    )
    post = Post(authors=["psw-children", "psw-chidren", "team"], categories=["Practice update"])
    assert messages([post], [blog], tmp_path) == [
        'docs/news/posts/p.md:5: field "authors" names "psw-chidren", which is not an author in '
        'docs/news/.authors.yml (did you mean "psw-children"?)',
        'docs/news/posts/p.md:5: field "authors" names "team", which is not an author in docs/news/.authors.yml '
        "(add it to docs/news/.authors.yml under authors:, or use one of: psw-children, qa)",
        'docs/news/posts/p.md:6: field "categories" names "Practice update", which is not one of the '
        'categories_allowed in mkdocs.yml (did you mean "Practice updates"?)',
    ]
    assert messages([post], [Blog(blog_dir="news", authors=False)], tmp_path) == []
    assert messages([post], [Blog(blog_dir="blog")], tmp_path) == []  # another blog's posts
