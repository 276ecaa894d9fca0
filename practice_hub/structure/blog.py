"""News posts' fields that Material's blog resolves when it reads the post: authors and (when the
site allows only some) categories. The build stops at the first one it cannot find ("Couldn't
find author ...", with no line); check finds every one first, at its line, with the fix."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..loader.text import TextProblem, decode
from ..loader.yaml_lines import Loaded, YamlProblem, load
from ..problems import Problems
from ..schema import suggest
from .items import Item

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Blog:
    """One ``blog`` entry under ``plugins:`` in mkdocs.yml, as Material reads it."""

    blog_dir: str = "blog"
    authors: bool = True
    authors_file: str = "{blog}/.authors.yml"
    categories_allowed: tuple[str, ...] = ()

    @property
    def authors_uri(self) -> str:
        """The authors file, under docs/."""
        return posixpath.normpath(self.authors_file.format(blog=self.blog_dir))


def blogs_of(plugins) -> list[Blog]:
    """Every blog named under ``plugins:`` (a list of names or one-key mappings of settings)."""
    found = []
    for entry in plugins if isinstance(plugins, list | tuple) else ():
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()), ("", {}))
        if not isinstance(name, str) or name.split(" #")[0].split("/")[-1] != "blog":
            continue
        options = options if isinstance(options, dict) else {}
        if options.get("enabled") is False:
            continue
        allowed = options.get("categories_allowed") or ()
        found.append(
            Blog(
                blog_dir=str(options.get("blog_dir", "blog")).strip("/") or ".",
                authors=options.get("authors", True) is not False,
                authors_file=str(options.get("authors_file") or "{blog}/.authors.yml"),
                categories_allowed=tuple(str(c) for c in allowed) if isinstance(allowed, list) else (),
            )
        )
    return found


def read_authors(file: Path) -> Loaded | None | Literal[False]:
    """The authors file as loaded YAML (with its lines); None when it is not there, False when it
    cannot be read (its own problems are reported where the file is checked)."""
    if not file.is_file():
        return None
    try:
        return load(decode(file.read_bytes()))
    except (OSError, TextProblem, YamlProblem):
        return False


def author_ids(file: Path) -> set[str] | None:
    """The ids under ``authors:`` in an authors file; an empty set when there is no such file,
    None when it cannot be read (its own problems are reported where the file is checked)."""
    loaded = read_authors(file)
    if not loaded:
        return set() if loaded is None else None
    data = loaded.data
    authors = data.get("authors") if isinstance(data, dict) else None
    if data and not isinstance(authors, dict):  # no "authors:" line: said at the file's own lines
        return None
    return {str(key) for key in authors} if isinstance(authors, dict) else set()


def authors_file_refused(file: Path, schemas) -> bool:
    """Whether Material's blog would refuse this authors file (not YAML, no ``authors:`` line, an
    author without name, description or avatar, a field it does not know). Its schema asks all
    that and more, and check reports each problem at its line: a build that finds one lets the
    blog leave the file unread, so that the build says the same lines instead of the blog's words
    with no line ("Sub-option 'avatar': Required configuration not provided")."""
    loaded = read_authors(file)
    if not loaded:
        return loaded is False
    return bool(list(schemas.check("authors", loaded.data)))


def check_avatars(blogs: list[Blog], docs_dir: Path, docs_rel: str, problems: Problems) -> None:
    """Every author's avatar that is not a picture in docs/: Material's blog publishes the path as
    it is, so a missing picture (or a path written from the news folder, ``avatars/x.svg``) is a
    broken image on every post, found only by the link check of the built site, with no line."""
    for blog in blogs:
        loaded = read_authors(docs_dir / blog.authors_uri) if blog.authors else None
        if not loaded:
            continue  # no file, or one whose own problems are reported where it is checked
        authors = loaded.data.get("authors") if isinstance(loaded.data, dict) else None
        shown = f"{docs_rel}/{blog.authors_uri}" if docs_rel else blog.authors_uri
        for key, author in authors.items() if isinstance(authors, dict) else ():
            avatar = author.get("avatar") if isinstance(author, dict) else None
            if not isinstance(avatar, str) or not avatar.strip() or _SCHEME.match(avatar):
                continue  # missing, empty or a web address: the schema says so at its line
            path = posixpath.normpath(avatar.strip().lstrip("/"))
            if path.startswith("..") or (docs_dir / path).is_file():
                continue
            beside = posixpath.normpath(posixpath.join(posixpath.dirname(blog.authors_uri), path))
            if (docs_dir / beside).is_file():
                hint = (
                    f'the path is written from docs/, not from the authors file\'s folder: write "{beside}"'
                )
            else:
                hint = (
                    f"put the picture at {docs_rel + '/' if docs_rel else ''}{path}, or write the path of a "
                    "picture that is there, from docs/ (for example news/avatars/team.svg)"
                )
            problems.add(
                shown,
                loaded.line_of(("authors", key, "avatar")),
                f'author "{key}"\'s avatar "{avatar}" is not a picture in docs/, so every post by them '
                "would show a broken image",
                hint,
                type="authors",
                field="avatar",
            )


def check_posts(
    posts: list[Item], blogs: list[Blog], docs_dir: Path, docs_rel: str, problems: Problems
) -> None:
    """Every author and category of a post that its blog cannot find, at the line of the post's
    field, with the authors file or the allowed categories named."""
    for blog in blogs:
        prefix = "" if blog.blog_dir == "." else blog.blog_dir + "/"
        mine = [post for post in posts if post.uri.startswith(prefix + "posts/")]
        if not mine:
            continue
        known = author_ids(docs_dir / blog.authors_uri) if blog.authors else None
        shown = f"{docs_rel}/{blog.authors_uri}" if docs_rel else blog.authors_uri
        for post in mine:
            authors = post.data.get("authors")
            for index, author in enumerate(authors if isinstance(authors, list) else []):
                if known is None or not isinstance(author, str) or author in known:
                    continue
                guess = suggest(author, known)
                if guess:
                    hint = f'did you mean "{guess}"?'
                elif known:
                    hint = f"add it to {shown} under authors:, or use one of: {', '.join(sorted(known))}"
                else:
                    hint = (
                        f'create {shown} and add "{author}" under authors: with a name, description '
                        "and avatar, or take the author out of the post"
                    )
                problems.add(
                    post.path,
                    post.line_of("authors", index),
                    f'field "authors" names "{author}", which is not an author in {shown}',
                    hint,
                    type=post.type,
                    field="authors",
                )
            categories = post.data.get("categories")
            allowed = blog.categories_allowed
            for index, category in enumerate(categories if isinstance(categories, list) and allowed else []):
                if not isinstance(category, str) or category in allowed:
                    continue
                guess = suggest(category, allowed)
                problems.add(
                    post.path,
                    post.line_of("categories", index),
                    f'field "categories" names "{category}", which is not one of the categories_allowed '
                    "in mkdocs.yml",
                    f'did you mean "{guess}"?' if guess else f"use one of: {', '.join(allowed)}",
                    type=post.type,
                    field="categories",
                )
