"""What a stored notebook may carry into a page, JupyterLab or a printed PDF: the first wall against a contribution.

A pull request can change a notebook's stored outputs without changing its code, and strict nbval
does not compare a cell tagged ``nbval-ignore-output``. So every stored output and every Markdown
cell is checked here, whatever its tags, before the report, the slides, the student copies or
``make lab``'s trust use it. Refused, with one line naming the notebook and the cell:

* any ``<script>`` except the exact chart scripts the chart renderer writes
  (:func:`helpers.views.theme.is_chart_script`): no ``src`` (under ``file://`` every ``.js`` on the
  disk is "self"), no other inline code;
* JavaScript outputs (``application/javascript``) of any kind;
* elements that load, embed or navigate: ``iframe``, ``frame``, ``object``, ``embed``, ``applet``,
  ``meta`` (``http-equiv="refresh"`` sends the page and its printout elsewhere), ``base``, ``link``,
  ``form``, ``portal``;
* event-handler attributes (``onerror=``…), ``srcdoc``, and any URL-bearing value in the
  ``javascript:``, ``vbscript:`` or ``data:text/html`` schemes (SVG animation values included).

The finished page is checked again (:func:`check_page`): its scripts must be the site's own files
(:data:`SITE_SCRIPTS`) or the build's chart scripts, so HTML that reached the page by another road
(Markdown, a template, a data field) is caught too. The Content-Security-Policy stays the third wall.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from helpers.data.files import printable
from helpers.publish.catalogue import NotebookError, read
from helpers.views.theme import is_chart_script

#: The script files a page may load: the ones the build itself copies into the site (and nothing else).
SITE_SCRIPTS = frozenset({"assets/vega-bundle.js", "assets/page.js", "assets/timings.js", "assets/status.js",
                          "assets/slides.js", "assets/reveal/reveal.js", "assets/reveal/notes.js"})
_FORBIDDEN_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "meta", "base", "link",
                             "form", "portal", "noembed"})
_SCRIPT_MIME = re.compile(r"(java|ecma)script", re.I)
_HTML_MIMES = ("text/html", "image/svg+xml", "text/markdown")
_BAD_URL = re.compile(r"^(javascript|vbscript|data:text/html|data:application)", re.I)
#: In a finished page (not in a notebook), the site's own head: a charset or viewport, its stylesheets.
_PAGE_TAGS = frozenset({"meta", "link"})
_MD_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data)\s*:", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


class UnsafeOutput(ValueError):
    """A notebook or page holds markup the build did not write; the message names where, in one line."""


class _Scanner(HTMLParser):
    """Collects the first problem in an HTML fragment, parsed the way a browser tokenises tags."""

    def __init__(self, allow_site_scripts: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.allow_site_scripts = allow_site_scripts
        self.problem: str | None = None
        self._script: tuple[list[tuple[str, str | None]], list[str]] | None = None
        self.scripts = 0

    def _flag(self, problem: str) -> None:
        if self.problem is None:
            self.problem = problem

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        names = {(n or "").lower(): v or "" for n, v in attrs}
        if tag in _FORBIDDEN_TAGS and not (self.allow_site_scripts and tag in _PAGE_TAGS and self._site_head(tag, names)):
            self._flag(f"a <{tag}> element (it can load, embed or navigate)")
        for name, value in attrs:
            name = (name or "").lower()
            if name.startswith("on"):
                self._flag(f"an event-handler attribute {name}= on <{tag}>")
            if name in ("srcdoc", "http-equiv", "formaction"):
                self._flag(f"a {name}= attribute on <{tag}>")
            if value and _BAD_URL.match(_INVISIBLE.sub("", value)):
                self._flag(f"a {_INVISIBLE.sub('', value).split(':')[0].lower()}: URL in {name}= on <{tag}>")
        if tag == "script":
            self.scripts += 1
            self._script = (attrs, [])

    @staticmethod
    def _site_head(tag: str, attrs: dict[str, str]) -> bool:
        if tag == "meta":
            return set(attrs) <= {"charset", "name", "content"}
        href = attrs.get("href", "")
        if attrs.get("rel") == "alternate":  # the same page in the other edition: a page of this site, nothing loads
            return set(attrs) == {"rel", "hreflang", "href"} and attrs["hreflang"] in ("en", "fr") and \
                re.fullmatch(r"(?:\.\./|fr/)?[\w-]+\.html", href) is not None
        own = href.removeprefix("../") if href.startswith("../assets/") else href
        return (attrs.get("rel") in ("stylesheet", "icon") and set(attrs) <= {"rel", "href", "type"}
                and re.fullmatch(r"assets/[\w./-]+", own) is not None and ".." not in own)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag.lower() == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag.lower() != "script" or self._script is None:
            return
        attrs, body = self._script
        self._script = None
        names = {(n or "").lower(): v for n, v in attrs}
        if "src" in names:
            src = names["src"] or ""
            # an edition's pages sit one folder down (build/report/fr/) and load the same files from ../assets/
            own = src.removeprefix("../") if src.startswith("../assets/") else src
            if not (self.allow_site_scripts and own in SITE_SCRIPTS and set(names) == {"src"}):
                self._flag(f"a <script src={printable(src)[:80]!r}> the build did not emit")
        elif not (names == {"type": "text/javascript"} and is_chart_script("".join(body))):
            self._flag("a <script> the build did not write (only the chart renderer's own scripts may run)")

    def close(self) -> None:
        super().close()
        if self._script is not None:
            self._flag("an unclosed <script>")


def html_problem(html: str, *, allow_site_scripts: bool = False) -> str | None:
    """The first thing in ``html`` a page must not carry (see the module's docstring), or None."""
    scanner = _Scanner(allow_site_scripts)
    scanner.feed(html)
    scanner.close()
    if scanner.problem:
        return scanner.problem
    # a second, cruder look at what a browser would see as tags, in case the two tokenisers ever disagree
    if len(re.findall(r"<script", html, re.I)) != scanner.scripts:
        return "a <script> tag written so that it hides from the parser"
    return None


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def cell_problem(cell: Any) -> str | None:
    """The first problem in one cell's Markdown or stored outputs, or None."""
    if cell.get("cell_type") == "markdown":
        source = _text(cell.get("source", ""))
        if _MD_LINK.search(source):
            return "a Markdown link to a javascript:, vbscript: or data: URL"
        problem = html_problem(source)
        return f"its Markdown holds {problem}" if problem else None
    for out in cell.get("outputs", []) or []:
        data = out.get("data", {}) if isinstance(out, dict) else {}
        for mime, value in data.items():
            if _SCRIPT_MIME.search(mime):
                return f"an output of type {printable(mime)} (script)"
            if mime in _HTML_MIMES or mime.endswith("+xml") or "html" in mime:
                problem = html_problem(_text(value))
                if problem:
                    return f"an output ({mime}) holds {problem}"
    return None


def notebook_problems(nb: Any) -> list[tuple[int, str, str]]:
    """Every (cell number from 1, cell id, problem) in a notebook, the stored widget state included."""
    found = []
    for i, cell in enumerate(nb.get("cells", []), start=1):
        problem = cell_problem(cell)
        if problem:
            found.append((i, str(cell.get("id", "")), problem))
    for text in _strings(nb.get("metadata", {}).get("widgets")):
        # widget state holds output widgets' HTML (the chart beside the sliders): the same rules apply
        problem = html_problem(text) if "<" in text else None
        if problem is None and _BAD_URL.match(_INVISIBLE.sub("", text)):
            problem = "a script URL"
        if problem:
            found.append((0, "", f"its stored widget state holds {problem}"))
            break
    return found


def _strings(value: Any) -> list[str]:
    """Every string inside a JSON value (keys and values), depth first."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def check_notebook(nb: Any, path: str | Path) -> None:
    """Raise :class:`UnsafeOutput` naming ``path`` and the first cell that carries what the build refuses."""
    problems = notebook_problems(nb)
    if problems:
        number, cell_id, problem = problems[0]
        where = f"cell {number}" + (f" (id {printable(cell_id)})" if cell_id else "") if number else "metadata"
        more = f"; {len(problems) - 1} more cell(s) too" if len(problems) > 1 else ""
        raise UnsafeOutput(f"{printable(path)}, {where}: {problem}; refusing to publish it "
                           f"(re-execute the notebook with `make notebooks` to store clean outputs){more}")


def check_page(page: str, name: str) -> None:
    """Raise :class:`UnsafeOutput` unless every script of a finished page is the site's own or a chart's."""
    problem = html_problem(page, allow_site_scripts=True)
    if problem:
        raise UnsafeOutput(f"{printable(name)}: the page holds {problem}; refusing to write it")


def trust_notebooks(paths: list[Path], notary: Any = None) -> tuple[list[Path], list[str]]:
    """Sign, for JupyterLab, only the notebooks whose every stored output passes :func:`check_notebook`.

    JupyterLab runs the scripts of a trusted notebook's HTML outputs with the user's token, so a
    blanket ``jupyter trust`` would hand a contribution's planted script the student's session.
    A refused notebook stays untrusted: JupyterLab then shows its outputs sanitised, running nothing.
    Returns the signed paths and one line per refused notebook.
    """
    from nbformat.sign import NotebookNotary

    notary = notary or NotebookNotary()
    signed, refused = [], []
    for path in paths:
        try:
            nb = read(path)
            check_notebook(nb, path)
        except (UnsafeOutput, NotebookError) as exc:
            refused.append(f"not trusted: {exc}")
            continue
        notary.sign(nb)
        signed.append(path)
    return signed, refused
