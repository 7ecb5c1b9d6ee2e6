"""Draw statements at random for an outsider's fact check: the method the second fact audit asked for.

Run: ``.venv/bin/python tools/audit_sample.py [N] [--seed S]`` (default 40 statements, seed 1). A
statement is one sentence of prose that states something checkable: it holds a number or a citation
marker ``[^key]``. They are drawn from every notebook's Markdown (speaker notes included: the slides
show them) and from the teacher guide, uniformly over sentences, and each is printed with where it
stands and the sources its markers name (publisher, date, grade, URL), so a checker can open them.
The same seed gives the same draw, so a tally can be reproduced and compared between rounds.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass

from helpers.data.citations import CitationError, keys_in, resolve
from helpers.data.paths import NOTEBOOKS_DIR, ROOT, notebook_paths
from helpers.publish.catalogue import read, tags

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z«\"*(\[])")
_CHECKABLE = re.compile(r"\d|\[\^[a-z0-9_.-]+\]")
#: Sentences that state nothing to check: exercise prompts, tables, the skeleton's metadata lines.
_NOT_A_CLAIM = re.compile(r"^\**(Exercise|Time to read|Prerequisites|Learning objectives)|\|.*\||check\(|answer\(|\?$")


@dataclass(frozen=True)
class Statement:
    where: str
    text: str


def _sentences(markdown: str) -> list[str]:
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    out = []
    for block in re.split(r"\n\s*\n", text):
        # headings state nothing, and a list's bare "1." must not make the next line look checkable
        lines = [re.sub(r"^\s*(\d+\.|[-*])\s+", "", line).strip() for line in block.splitlines()
                 if not line.lstrip().startswith("#")]
        block = " ".join(line.strip("* ") for line in lines if line)
        out += [s.strip() for s in _SENTENCE.split(block) if len(s.strip()) > 30]
    return out


def statements() -> list[Statement]:
    """Every checkable sentence of the notebooks (speaker notes included) and the teacher guide."""
    found = []
    for path in notebook_paths(NOTEBOOKS_DIR):
        # cells are counted from 0, as nbformat and JupyterLab's cell index do
        for number, cell in enumerate(read(path).cells):
            if cell.cell_type != "markdown":
                continue
            kind = "speaker notes" if "notes" in tags(cell) else "solution" if "solution" in tags(cell) else "prose"
            found += [Statement(f"{path.stem}, cell {number} ({kind})", s) for s in _sentences(cell.source)
                      if _CHECKABLE.search(s) and not _NOT_A_CLAIM.search(s)]
    guide = (ROOT / "teaching" / "teacher-guide.md").read_text(encoding="utf-8")
    found += [Statement("teacher guide", s) for s in _sentences(guide)
              if _CHECKABLE.search(s) and not _NOT_A_CLAIM.search(s)]
    return found


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 40
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    pool = statements()
    draw = random.Random(seed).sample(pool, min(n, len(pool)))
    print(f"{len(draw)} of {len(pool)} checkable statements, seed {seed}\n")
    for i, st in enumerate(draw, start=1):
        print(f"{i:3}. [{st.where}] {st.text}")
        for key in dict.fromkeys(keys_in(st.text)):
            try:
                c = resolve(key)
                print(f"       {key}: {c.publisher}, {c.published or 'undated'} ({c.grade}) {c.url}")
            except CitationError:
                print(f"       {key}: DOES NOT RESOLVE")
        print("       verdict: ____ (holds / wrong / overclaimed / misleading), note: ____")
    return 0


if __name__ == "__main__":
    sys.exit(main())
