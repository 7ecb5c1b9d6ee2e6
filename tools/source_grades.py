"""How much of each dataset rests on low-grade sources: rows citing a low-grade source, per dataset.

Run: ``.venv/bin/python tools/source_grades.py`` (``--by-metric`` adds the chip table by metric). The
share is of rows, not of facts: a fact with a low-grade copy beside a better source counts once per row.
The second fact audit asked for this figure before and after each round of source upgrades.
"""

from __future__ import annotations

import sys

from helpers.data.datasets import load_table, manifest_paths


def grade_shares() -> list[tuple[str, int, int, int]]:
    """(dataset, rows, rows citing a low-grade source, sources cited) for every table with a source_id column."""
    grades = load_table("sources").set_index("source_id")["grade"]
    out = []
    for mpath in manifest_paths():
        name = mpath.name.removesuffix(".manifest.json")
        if name == "sources" or not mpath.with_name(f"{name}.csv").exists():
            continue
        table = load_table(name)
        if "source_id" not in table.columns:
            continue
        cited = table["source_id"].dropna()
        out.append((name, len(cited), int((cited.map(grades) == "low").sum()), cited.nunique()))
    return out


def main() -> int:
    grades = load_table("sources")["grade"]
    print(f"sources: {len(grades)} in all, {int((grades == 'low').sum())} graded low "
          f"({(grades == 'low').mean():.0%}), {int((grades == 'primary').sum())} primary")
    total = low = 0
    for name, rows, lows, n in grade_shares():
        total, low = total + rows, low + lows
        print(f"{name:22} {rows:4} rows, {lows:4} citing a low-grade source ({lows / rows:5.1%}), {n} sources")
    print(f"{'all datasets':22} {total:4} rows, {low:4} citing a low-grade source ({low / total:5.1%})")
    # what a reader sees: the spec table shows each chip metric from its best-graded rows only
    from helpers.models.chips import spec_ranges

    shown = spec_ranges()
    only_low = int((shown["best_grade"] == "low").sum())
    print(f"{'chip table as shown':22} {len(shown):4} chip-metric cells, {only_low:4} resting on low-grade sources "
          f"only ({only_low / len(shown):5.1%})")
    if "--by-metric" in sys.argv:
        chips = load_table("chips").merge(load_table("sources")[["source_id", "grade"]], on="source_id")
        by = chips.groupby("metric")["grade"].apply(lambda g: f"{(g == 'low').sum()}/{len(g)} low")
        print(by.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
