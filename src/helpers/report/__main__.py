"""``python -m helpers.report build|execute|slides|student``.

``build`` makes ``build/report/`` (see :mod:`helpers.report.build`); ``execute`` re-runs the
committed notebooks in place, so they are stored executed, top to bottom, deterministically.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..fsutil import OutputError
from ..paths import BUILD_DIR
from .build import REPORT_DIR, SLIDES_DIR, BuildError, _execute_one, build, build_slides, discover, kernel_pool


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.report")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the offline site")
    b.add_argument("--out", type=Path, default=REPORT_DIR)
    b.add_argument("--jobs", type=int, default=None, help="parallel kernels (default: number of cores)")
    e = sub.add_parser("execute", help="re-execute the committed notebooks in place")
    e.add_argument("names", nargs="*", help="notebook names (default: all)")
    sub.add_parser("slides", help="build the lecture slides (build/slides/index.html)")
    sub.add_parser("student", help="write student copies (build/student/) and the teacher guide")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except OutputError as exc:  # a folder we must not replace: one line, nothing written
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command == "slides":
        try:
            build_slides(SLIDES_DIR)
        except BuildError as exc:
            print(f"slides: build FAILED: {exc}", file=sys.stderr)
            return 1
        return 0
    if args.command == "student":
        from ..teaching import STUDENT_DIR, teacher_guide, write_student_copies  # pandas only when needed

        for path in write_student_copies(STUDENT_DIR):
            print(f"student copy: {path}")
        guide = BUILD_DIR / "teacher-guide.md"
        guide.write_text(teacher_guide(), encoding="utf-8")
        print(f"teacher guide: {guide}")
        return 0

    if args.command == "build":
        try:
            build(args.out, jobs=args.jobs)
        except BuildError as exc:
            print(f"report: build FAILED, the previous report (if any) is kept: {exc}", file=sys.stderr)
            return 1
        return 0
    known = {i.name: i for i in discover()}
    unknown = [n for n in args.names if n not in known]
    if unknown:
        print(f"error: no notebook named {', '.join(unknown)} in notebooks/ (known: {', '.join(known)})",
              file=sys.stderr)
        return 2
    infos = [i for name, i in known.items() if not args.names or name in args.names]
    with kernel_pool(os.cpu_count() or 1) as pool:
        futures = {i.name: pool.submit(_execute_one, str(i.path), str(i.path)) for i in infos}
        status = 0
        for name, future in futures.items():
            try:
                print(f"{name}: executed in {future.result():.1f} s", flush=True)
            except Exception as exc:  # noqa: BLE001
                print(f"{name}: FAILED: {exc}", file=sys.stderr)
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
