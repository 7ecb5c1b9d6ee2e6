"""Session plans for the teacher guide, timed from the notebooks' own *Time to read* figures.

A plan (``teaching/session_plans.csv``) lists steps: a notebook, the numbered sections and the
exercises the class covers, and what the class does. A step's minutes are not typed by hand:

* reading: the notebook's reading time × (sections covered / numbered sections);
* exercises: (time with the exercises − reading time) / number of exercises, for each one done;
* steps with no notebook (framing, exit question) carry their own minutes.

Each is rounded up to a whole minute. The rendered plan says what each step skips, and
:func:`plan_steps` refuses a plan longer than its slot, so the guide's timings always fit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.data.paths import NOTEBOOKS_DIR
from helpers.publish.catalogue import NotebookInfo, discover, read, tags
from helpers.publish.deck import SLIDE_REF
from helpers.publish.guide_text import PLANS_FILE
from helpers.publish.markdown import md_cell
from helpers.views.i18n import N_, _, lang

#: What a plan says of a notebook the collection does not have (tests check the project's guide has none).
MISSING = N_("not in this collection")


class PlanError(ValueError):
    """A plan that does not fit its slot or names a section or exercise that does not exist."""


@dataclass(frozen=True)
class Step:
    """One timed step of a plan."""

    start: int
    end: int
    what: str
    activity: str
    skipped: str


def reading_minutes(info: NotebookInfo) -> tuple[int, int]:
    """(reading, with exercises) minutes from a notebook's *Time to read* line: "20 minutes (40 with …)"."""
    numbers = [int(n) for n in re.findall(r"\d+", info.time_to_read)]
    if len(numbers) < 2:
        raise PlanError(f"{info.path.name}: its Time to read line gives no 'N minutes (M with the exercises)'")
    return numbers[0], numbers[1]


def sections(info: NotebookInfo) -> dict[str, str]:
    """The notebook's numbered sections: {"1": "The story in one picture", …}."""
    found = {}
    for cell in read(info.path).cells:
        if cell.cell_type == "markdown":
            found |= dict(re.findall(r"^## (\d+)\. (.+)$", cell.source, re.M))
    return found


def exercises(info: NotebookInfo) -> list[str]:
    """The notebook's exercise labels ("01.1", …) in order."""
    return [m for c in read(info.path).cells if c.cell_type == "markdown" and "exercise" in tags(c)
            for m in re.findall(r"Exerci[sc]e (\d\d\.\d)", c.source)[:1]]


def _activity(text: str) -> str:
    """A plan's activity in the current edition's language (``translations/<lang>/teacher-guide.po``)."""
    from helpers.publish.guide_text import PLANS_CONTEXT, localize_guide

    return localize_guide(text, lang(), PLANS_CONTEXT)


def _split(value: object) -> list[str]:
    return [v.strip() for v in str(value).split(";") if v.strip()] if isinstance(value, str) else []


#: The guide's two tracks: *policy* uses no code at all (report, slides, handouts, exercises by hand and
#: the debate); *data* adds the coding exercises and the double-coding lesson.
TRACKS = ("policy", "data")


def plan_steps(minutes: int, notebooks: Path = NOTEBOOKS_DIR, plans: Path = PLANS_FILE,
               track: str = "policy") -> list[Step]:
    """The timed steps of a track's ``minutes``-long plan; :class:`PlanError` if it overruns or names nothing."""
    table = pd.read_csv(plans, dtype=str, keep_default_na=False)
    if "track" in table:
        unknown = sorted(set(table["track"]) - set(TRACKS))
        if unknown:  # a row in the old layout, or a typo, would otherwise vanish from every plan
            raise PlanError(f"{plans}: unknown track {unknown[0]!r} (known: {', '.join(TRACKS)})")
        table = table[table["track"] == track]
    table = table[table["plan_minutes"] == str(minutes)]
    if table.empty:
        raise PlanError(f"{plans}: no {track} plan of {minutes} minutes")
    infos = {i.name[:2]: i for i in discover(notebooks)}
    steps, clock = [], 0
    for row in table.itertuples():
        if not row.notebook:
            length, what, skipped = int(row.minutes), "", ""
        else:
            info = infos.get(row.notebook)
            if info is None:  # a guide built for another collection (a fork, a test) keeps the rest of its plan
                steps.append(Step(clock, clock, _("Notebook {n}: {what}").format(n=row.notebook, what=_(MISSING)),
                                  row.activity, ""))
                continue
            read_min, full_min = reading_minutes(info)
            secs, exs = sections(info), exercises(info)
            covered, done = _split(row.sections), _split(row.exercises)
            unknown = [s for s in covered if s not in secs] + [e for e in done if e not in exs]
            if unknown:
                raise PlanError(f"{plans}: notebook {row.notebook} has no section or exercise {', '.join(unknown)}")
            length = math.ceil(read_min * len(covered) / len(secs) + (full_min - read_min) * len(done) / len(exs))
            what = _("Notebook {n}: {what}").format(n=row.notebook, what="; ".join(f"§{s} {secs[s]}" for s in covered))
            if done:
                what += "; " + (_("exercises {ids}") if len(done) > 1 else _("exercise {ids}")).format(
                    ids=", ".join(done))
            skipped = ", ".join([f"§{s}" for s in secs if s not in covered] +
                                [e for e in exs if e not in done and covered]) or _("nothing")
        steps.append(Step(clock, clock + length, what, row.activity, skipped))
        clock += length
    if clock > minutes:
        raise PlanError(f"{plans}: the {minutes}-minute plan needs {clock} minutes")
    # the activities in the edition's words once the plan is known to be sound: a broken row is named as such,
    # not as a row the translation lacks
    return [Step(s.start, s.end, s.what, _activity(s.activity), s.skipped) for s in steps]


def plan_table(minutes: int, notebooks: Path = NOTEBOOKS_DIR, *, strict: bool = True, track: str = "policy") -> str:
    """A plan as a Markdown table for the guide (minutes, what, activity, what it skips).

    With ``strict=False`` (a guide built for another collection), a plan that does not fit that
    collection becomes a one-line note instead of an error.
    """
    try:
        steps = plan_steps(minutes, notebooks, track=track)
    except PlanError as exc:
        if strict:
            raise
        return _("*The {minutes}-minute plan is written for the project's own notebooks ({why}).*").format(
            minutes=minutes, why=md_cell(exc))
    rows = [_("| minutes | what | activity | skipped here |"), "|---|---|---|---|"]
    # slide references stay as written: the guide resolves them all at once (helpers.publish.teaching)
    before = _("before")  # outside the f-string: Babel's extractor does not read inside one
    rows += [f"| {before if s.start == s.end == 0 else f'{s.start}–{s.end}'} | {md_cell(s.what)} | "
             f"{md_cell(s.activity, keep=SLIDE_REF)} | {md_cell(s.skipped)} |" for s in steps]
    spare = minutes - steps[-1].end
    note = _("Timed from each notebook's *Time to read*.") if not spare else \
        (_("Timed from each notebook's *Time to read*; 1 minute spare.") if spare == 1 else
         _("Timed from each notebook's *Time to read*; {n} minutes spare.").format(n=spare))
    return "\n".join(rows) + "\n\n" + note
