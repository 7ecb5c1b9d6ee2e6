"""The one command line: ``python -m helpers <command>`` (installed as ``h20-notebooks <command>``).

=============  ==========================================================================
``tables``     parse French articles into CSV tables (``ARTICLE… | FOLDER --out DIR [--date]``)
``manifests``  refresh the sha256 of every data manifest after editing data
``build``      build the offline HTML report in ``build/report/`` (``--force`` re-executes all)
``execute``    re-execute committed notebooks in place and record their freeze
``slides``     build the reveal.js lecture slides and their PDF in ``build/slides/`` (``--no-pdf``)
``handouts``   print each report page to PDF in ``build/handouts/`` (needs Chromium)
``student``    write student copies (``build/student/``) and the teacher guide
``trust``      sign for JupyterLab only the notebooks whose stored outputs pass the audit (``make lab``)
``translations`` update the French catalogues, write and execute ``notebooks/fr/`` (``--no-execute``)
=============  ==========================================================================

Bad input prints one line naming the file and the problem and exits with status 2; a failed
notebook exits with status 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from helpers.data.files import OutputError, printable, write_file

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


#: More kernels than notebooks or cores only costs memory (each kernel holds spaCy and pandas).
MAX_JOBS = 8


def _jobs(value: str) -> int:
    """``--jobs``: a whole number from 1 to :data:`MAX_JOBS`."""
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_JOBS}, not {printable(value)!r}")
    return int(value)


class _Parser(argparse.ArgumentParser):
    """argparse, but a wrong argument is one line (``error: …``) and exit 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"error: {self.prog}: {printable(message)} (--help lists the options)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m helpers", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    tables = sub.add_parser("tables", help="parse French articles into CSV tables")
    tables.add_argument("article", type=Path, nargs="+",
                        help="plain-text article(s) (UTF-8, optional 'date YYYY-MM-DD' first token) or a folder of "
                             "*.txt; more than one gives the corpus mode (an article_id column)")
    tables.add_argument("--out", type=Path, required=True, help="folder to write <table>.csv into")
    tables.add_argument("--date", help="publication date YYYY-MM-DD (overrides the date marker)")
    sub.add_parser("manifests", help="refresh the sha256 of every data manifest")
    b = sub.add_parser("build", help="build the offline HTML report")
    b.add_argument("--out", type=Path, default=None, help="report folder (default: build/report)")
    b.add_argument("--jobs", type=_jobs, default=None, help=f"parallel kernels, 1 to {MAX_JOBS} (default: number of cores)")
    b.add_argument("--force", action="store_true", help="execute every notebook, even when its outputs are fresh")
    b.add_argument("--audience", choices=("teacher", "student"), default="teacher",
                   help="student: no solutions, teacher notes or guide (default folder build/student-report)")
    e = sub.add_parser("execute", help="re-execute the committed notebooks in place")
    e.add_argument("names", nargs="*", help="notebook names (default: all)")
    sl = sub.add_parser("slides", help="build the lecture slides (build/slides/index.html and slides.pdf)")
    sl.add_argument("--no-pdf", action="store_true", help="skip the PDF (which needs Chromium)")
    h = sub.add_parser("handouts", help="print each report page and a seminar pack to PDF (build/handouts/; needs Chromium)")
    h.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    sub.add_parser("student", help="write student copies (build/student/) and the teacher guide")
    tr = sub.add_parser("translations", help="update the French catalogues (translations/fr/) and write and execute "
                                             "the French notebooks (notebooks/fr/)")
    tr.add_argument("--no-execute", action="store_true", help="write the French notebooks without executing them")
    t = sub.add_parser("trust", help="let JupyterLab show the stored charts of notebooks whose outputs pass the audit")
    t.add_argument("paths", nargs="*", type=Path, help="notebooks (default: notebooks/ and build/student/)")
    return parser


def _progress(i: int, n: int, article_id: str) -> None:
    if n > 3:  # a few articles finish before anyone waits for them
        print(f"\r[{i}/{n}] {printable(article_id)[:60]:<60}", end="\n" if i == n else "", file=sys.stderr,
              flush=True)


def _tables(args: argparse.Namespace) -> int:
    from helpers.text.article import ArticleError
    from helpers.text.export import CorpusError, write_corpus_tables, write_tables

    single = len(args.article) == 1 and not args.article[0].is_dir()
    try:
        if single:
            counts = write_tables(args.article[0], args.out, args.date)
        else:
            counts = write_corpus_tables(args.article, args.out, args.date, progress=_progress)
    except CorpusError as exc:
        for error in exc.errors:
            print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (ArticleError, OutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # anything else the file system refuses, still one line naming the file
        print(f"error: {printable(exc.filename or args.out)}: {exc.strerror or type(exc).__name__}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(", ".join(f"{name}: {n}" for name, n in counts.items()) + f" -> {printable(args.out)}")
    return 0


def _manifests(args: argparse.Namespace) -> int:
    from helpers.data.datasets import DatasetError, refresh_checksums

    try:
        changed = refresh_checksums()
    except DatasetError as exc:
        print(f"error: {printable(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("updated: " + (", ".join(changed) if changed else "nothing"))
    return 0


def _build(args: argparse.Namespace) -> int:
    from helpers.publish.build import REPORT_DIR, STUDENT_REPORT_DIR, BuildError, build

    default = STUDENT_REPORT_DIR if args.audience == "student" else REPORT_DIR
    try:
        build(args.out or default, jobs=args.jobs, force=args.force, audience=args.audience)
    except BuildError as exc:
        print(f"report: build FAILED, the previous report (if any) is kept: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _execute(args: argparse.Namespace) -> int:
    from helpers.publish.catalogue import discover
    from helpers.publish.runner import execute_in_place

    known = {i.name: i for i in discover()}
    unknown = [n for n in args.names if n not in known]
    if unknown:
        print(f"error: no notebook named {', '.join(map(printable, unknown))} in notebooks/ "
              f"(known: {', '.join(known)})", file=sys.stderr)
        return EXIT_BAD_INPUT
    return execute_in_place([i for name, i in known.items() if not args.names or name in args.names])


def _slides(args: argparse.Namespace) -> int:
    from helpers.publish.printing import PrintError
    from helpers.publish.runner import ExecutionFailed
    from helpers.publish.slides import build_slides

    try:
        build_slides(pdf=not args.no_pdf)
    except ExecutionFailed as exc:
        print(f"slides: build FAILED: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except PrintError as exc:
        print(f"slides: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _handouts(args: argparse.Namespace) -> int:
    from helpers.publish.build import BuildError, build
    from helpers.publish.handouts import build_handouts
    from helpers.publish.printing import PrintError, find_chromium

    try:
        find_chromium()  # before the report is built: a missing browser is said at once
        build()
        build_handouts(paper=args.paper)
    except BuildError as exc:
        print(f"handouts: report build FAILED: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except PrintError as exc:
        print(f"handouts: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _student(args: argparse.Namespace) -> int:
    from helpers.data.datasets import check_all
    from helpers.data.paths import BUILD_DIR
    from helpers.publish.teaching import (
        STUDENT_DIR,
        teacher_guide,
        write_student_copies,
    )

    from helpers.data.paths import NOTEBOOKS_DIR
    from helpers.views.i18n import EDITIONS

    check_all()
    # first: a guide that cannot be built must not leave new copies beside an old guide; each edition's guide
    # (build/fr/teacher-guide.md) from its own notebooks
    guides = {"": teacher_guide(), **{f"{ed}/": teacher_guide(NOTEBOOKS_DIR / ed) for ed in EDITIONS
                                      if (NOTEBOOKS_DIR / ed).is_dir()}}
    for path in write_student_copies(STUDENT_DIR):
        print(f"student copy: {path}")
    for sub, text in guides.items():
        guide = write_file(BUILD_DIR / sub / "teacher-guide.md", text, base=BUILD_DIR)
        print(f"teacher guide: {guide}")
    return 0


def _trust(args: argparse.Namespace) -> int:
    from helpers.data.paths import BUILD_DIR, notebook_paths
    from helpers.publish.audit import trust_notebooks

    student = BUILD_DIR / "student"
    paths = args.paths or [*notebook_paths(), *(notebook_paths(student) if student.is_dir() else [])]
    signed, refused = trust_notebooks(paths)
    for line in refused:
        print(line, file=sys.stderr)
    print(f"trusted {len(signed)} notebook(s) whose stored outputs the build itself would publish"
          + (f"; {len(refused)} left untrusted (JupyterLab shows their outputs without running any script)"
             if refused else ""))
    return EXIT_BAD_INPUT if refused else 0


def _translations(args: argparse.Namespace) -> int:
    from helpers.publish.translation import update

    return update("fr", execute=not args.no_execute)


COMMANDS = {"tables": _tables, "manifests": _manifests, "build": _build, "execute": _execute,
            "slides": _slides, "handouts": _handouts, "student": _student, "trust": _trust,
            "translations": _translations}


def _bad_input_errors() -> tuple[type[BaseException], ...]:
    """The errors that mean "this input (a file, a folder, a value) is wrong": one line, exit 2.

    Imported when an error happens, so a command that succeeds never loads the layers it did not use.
    """
    from helpers.data.citations import CitationError
    from helpers.data.datasets import DatasetError
    from helpers.data.files import InputError
    from helpers.data.schema import SchemaError
    from helpers.publish.audit import UnsafeOutput
    from helpers.publish.catalogue import NotebookError
    from helpers.publish.deck import SlideRefError
    from helpers.publish.plans import PlanError
    from helpers.publish.segments import TranslationError
    from helpers.text.article import ArticleError

    return (OutputError, InputError, DatasetError, SchemaError, ArticleError, UnsafeOutput, NotebookError, PlanError,
            CitationError, SlideRefError, TranslationError)


def _one_line(exc: BaseException) -> str:
    text = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)  # KeyError's str() adds quotes
    return printable(" ".join(str(text).split()))


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``python -m helpers`` and the ``h20-notebooks`` console script."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except Exception as exc:
        if isinstance(exc, _bad_input_errors()):
            print(f"error: {_one_line(exc)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if isinstance(exc, OSError):  # a full or read-only disk, a permission: still one line naming the file
            where = printable(exc.filename) if exc.filename else args.command
            print(f"error: {where}: {exc.strerror or type(exc).__name__}", file=sys.stderr)
            return EXIT_BAD_INPUT
        raise
