"""The lecture deck's plan: which slides, in which order, with which speaker notes.

One function, :func:`deck`, reads the committed notebooks and the data and returns the slides
without their chart HTML. The slides builder (:mod:`helpers.publish.slides`) fills the charts in
from executed copies; the teacher guide (:mod:`helpers.publish.teaching`) numbers and cites the
same list, so the guide's slide numbers are the deck's by construction.

The deck is:

* a title slide;
* for each notebook, a section slide (its title, finding and time to read), then one slide per
  chart cell tagged ``slide`` (titled by the chart's own title);
* slides made from data where a lecture needs them: the glossary after the primer's charts, the
  article's key statements (each claim's French words with our English gloss) before notebook 01's.

**Speaker notes** are Markdown cells tagged ``notes``: each belongs to the nearest slide before it
in its notebook (the section slide when no chart slide precedes it). The report and the student
copies leave them out; JupyterLab shows them to the teacher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from helpers.data.citations import cite_inline
from helpers.data.datasets import load_table
from helpers.data.paths import NOTEBOOKS_DIR
from helpers.publish.catalogue import discover, read, tags
from helpers.views.i18n import N_, _, lang, local_number, translate

#: The deck's first slide.
TITLE_SLIDE = N_("The H20 affair: chips, security and a 90-day window")
#: Tag of a chart cell shown as a slide, and of a Markdown cell holding that slide's speaker notes.
SLIDE_TAG, NOTES_TAG = "slide", "notes"
#: Rows on one glossary or key-statement slide: what fits on a 16:9 slide at a readable size.
ROWS_PER_SLIDE = 5


@dataclass
class Slide:
    """One slide of the deck; ``rows`` are (left, right) pairs for glossary and statement slides."""

    kind: str  # title | section | chart | pairs
    title: str
    text: str = ""
    meta: str = ""
    notebook: str = ""
    cell_id: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Markdown, one entry per notes cell


def chart_title(cell) -> str | None:
    """The title of the chart a cell displays (from its stored text/plain), or None if it shows none."""
    for out in cell.get("outputs", []):
        if "text/html" in out.get("data", {}):
            plain = "".join(out["data"].get("text/plain", ""))
            m = re.match(r"<chart [^:]+: (.*)>\s*$", plain, re.S)
            return m.group(1) if m else "chart"
    return None


def _chunks(rows: list[tuple[str, str]], title: str, text: str, meta: str, *, per_slide: int = ROWS_PER_SLIDE,
            notes: str = "") -> list[Slide]:
    parts = [rows[i:i + per_slide] for i in range(0, len(rows), per_slide)]
    return [Slide("pairs", _("{title} ({n} of {total})").format(title=title, n=n, total=len(parts))
                  if len(parts) > 1 else title, text=text, meta=meta, rows=part, notes=[notes] if notes else [])
            for n, part in enumerate(parts, start=1)]


def glossary_slides() -> list[Slide]:
    """The primer's defined concepts, a few per slide: in English the English term (the French beside it), in
    French the French term (the English beside it), and our definition in the edition's language."""
    g = load_table("glossary_fr_en")
    g = g[g["definition_en"].fillna("") != ""]
    first, second = ("term_en", "term_fr") if lang() == "en" else ("term_fr", "term_en")
    rows = [(f"{a} ({b})" if a != b else a, translate(d)) for a, b, d in zip(g[first], g[second],
                                                                           g["definition_en"], strict=True)]
    return _chunks(rows, _("Glossary"), "", _("Notebook 00 · data/glossary_fr_en.csv"),
                   notes=_("Go through the terms the next notebooks rely on; the report's glossary has the rest."))


def statement_slides() -> list[Slide]:
    """The article's key statements: each coded claim's French words and, in English, our gloss; in French (the
    article's language, which needs no gloss) who makes the claim and about what."""
    c = load_table("claims")
    if lang() == "en":
        right = list(c["gloss_en"])
    else:
        from helpers.views.labels import code_label

        right = [_("{claimant} · topic: {topic}").format(claimant=translate(code_label(a)),
                                                         topic=translate(code_label(t)))
                 for a, t in zip(c["claimant"], c["topic"], strict=True)]
    rows = [(_("« {quote} » (sentence {n})").format(quote=q, n=s), g)
            for q, s, g in zip(c["quote"], c["sentence_id"], right, strict=True)]
    return _chunks(rows, _("What the article says"), "",
                   _("Notebook 01 · the article's words, our gloss") if lang() == "en"
                   else _("Notebook 01 · the article's words, who makes each claim (data/claims.csv)"),
                   notes=_("Each claim as the article words it, with our English gloss. Ask who makes each claim: "
                           "a named source, an institution, or the outlet itself.") if lang() == "en"
                   else _("Each claim as the article words it, with who makes it. Ask who makes each claim: "
                          "a named source, an institution, or the outlet itself."))


def actor_slides() -> list[Slide]:
    """Who's who as a lecture reads it: each actor, its side and its role in our words, a few per slide."""
    a = load_table("actors")
    rows = [(f"{translate(n)} ({translate(side)})", translate(role))
            for n, side, role in zip(a["name"], a["side"], a["role_en"], strict=True)]
    return _chunks(rows, _("Who's who"), "", _("Notebook 00 · data/actors.csv (roles in our words)"),
                   notes=_("Each actor's role in one line of our words; data/actors.csv gives the rows each rests on."))


def _guide_section(heading: str) -> str:
    """The section ``## heading`` of the teacher guide's written source, in the current edition's language."""
    from helpers.publish.guide_text import localize_guide, localized_guide_source

    english = localized_guide_source("en")
    # the heading's whole line (a heading may go on: "## Discussion questions and notes for the teacher")
    line = re.search(rf"^## {re.escape(heading)}.*$", english, re.M)
    if line is None:
        raise KeyError(f"teacher guide: no section {heading!r}")
    text = localized_guide_source(lang())
    heading = localize_guide(line[0], lang())[3:]
    return text.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]


def discussion_questions() -> list[str]:
    """The questions of the teacher guide's discussion section (without the teacher's notes)."""
    section = _guide_section("Discussion questions")
    return [re.sub(r"\s+", " ", m[1]).strip() for m in re.finditer(r"^\d+\.\s+\*\*(.+?)\*\*", section, re.M)]


def _guide_table(heading: str, skip: int = 0) -> list[list[str]]:
    """The rows of a Markdown table in the teacher guide's section ``heading`` (the ``skip``-th table)."""
    tables = re.split(r"\n\s*\n", _guide_section(heading))
    tables = [t for t in tables if t.lstrip().startswith("|")]
    lines = [ln for ln in tables[skip].strip().splitlines()[2:] if ln.startswith("|")]
    # a cell as a slide shows it: without Markdown emphasis ("*Illustrative baseline*, then *Levy …*")
    return [[re.sub(r"\*+", "", cell).strip() for cell in ln.strip().strip("|").split("|")] for ln in lines]


def article_slides() -> list[Slide]:
    """The article itself, its sentences numbered as the notebooks cite them (s1 …), in French."""
    from helpers.text.seed import seed_tables

    t = seed_tables().sentences
    rows = [(f"s{n}", text) for n, text in zip(t["sentence_id"], t["text"], strict=True)]
    return _chunks(rows, _("The article, sentence by sentence"), "",
                   _("Notebook 01 · the article of 12 August 2025, in French"),
                   per_slide=4, notes=_("Read the sentences aloud, or have students read them. Ask which sentences "
                                        "report (a named source, a flat statement) and which speculate or hedge (the "
                                        "conditional, « peut-être »): notebook 01 codes exactly that."))


def legality_slides() -> list[Slide]:
    """The legal objections to the 15%, each with the evidence our sources give."""
    from helpers.views.arguments import arguments_table

    t = arguments_table("legality")
    rows = [(translate(a), translate(e)) for a, e in zip(t["Argument"], t["Evidence"], strict=True)]
    return _chunks(rows, _("Is the 15% legal?"), "", _("Notebook 05 · data/arguments.csv (legality)"),
                   notes=_("Two objections came within days: the Constitution's Export Clause and the statute's bar "
                           "on licence fees. Then point out that no rule ever codified the 15%, so no court had to "
                           "decide. Ask: does a deal that is never written down escape the question, or make it "
                           "worse?"))


def both_parties_slides() -> list[Slide]:
    """« des deux bords »: the lawmakers of both parties who objected, dated against the article."""
    from helpers.models.arguments import lawmakers_by_party

    t = lawmakers_by_party("2026-12-31")
    rows = [(f"{a} ({translate(p)}), {d}", translate(e))
            for a, p, d, e in zip(t["actor"], t["party"], t["date"], t["event"], strict=True)]
    return _chunks(rows, _("« des deux bords »: lawmakers of both parties"), "",
                   _("Notebook 05 · data/events.csv; statements after 12 August 2025 are hindsight"),
                   notes=_("The article says lawmakers « des deux bords » worried. Check the dates: which statements "
                           "were public on 12 August 2025, and which came after (hindsight)? Notebook 05 splits "
                           "them."))


def role_slides() -> list[Slide]:
    """The scenario debate's groups and jobs (teacher guide)."""
    groups = [(g, _("defends {position}; starts from {preset}").format(position=d, preset=p))
              for g, d, p in _guide_table("Session plans", 0)]
    jobs = [(j, d) for j, d in _guide_table("Session plans", 1)]
    note = _("Split the class into the four groups; inside each, hand out the four jobs. Each group sets its preset "
             "in the explorer, reads both domestic shares and the US take with their ranges, and defends one "
             "assumption with a source.")
    return (_chunks(groups, _("Roles for the scenario debate"), "", _("Notebook 04 · teacher guide"), notes=note)
            + _chunks(jobs, _("Jobs inside each group"), "", _("Notebook 04 · teacher guide"), notes=note))


def closing_slides() -> list[Slide]:
    """The discussion questions, the assessment, and a closing slide."""
    questions = [(_("Question {n}").format(n=n), q) for n, q in enumerate(discussion_questions(), start=1)]
    rubric = [(c, f"4: {a} · 2: {b} · 0: {z}")
              for c, a, b, z in _guide_table("Assessment rubric (short written answer, 20 points)")]
    prompt = re.sub(r"\s+", " ", _guide_section("Assessment prompt")).strip()
    return (_chunks(questions, _("Questions for discussion"), "", _("Teacher guide: notes for each question"),
                    notes=_("The teacher guide gives notes for each question: what a strong answer cites, and the "
                            "evidence on each side. Ask for a source and a grade with every claim."))
            + _chunks(rubric, _("Assessment: 500 words, 20 points"), prompt, _("Teacher guide · rubric"),
                      notes=_("Read the prompt aloud. Stress the separate paragraph dated as hindsight, the three "
                              "graded pieces of evidence, and a scenario quoted with its range."))
            + [Slide("section", _("What to take away"),
                     text=_("A chip built to pass one rule, a deal priced at 15%, and a government in Beijing that "
                            "could still say no: every claim in this story can be traced to a source and graded."),
                     meta=_("The H20 notebooks · report, slides, handouts and the teacher guide"),
                     notes=[_("Close on the method, not the verdict: which claims held, which were hedged, and "
                              "which source would settle the open questions (Huawei's real output, Beijing's "
                              "actual allowance).")])])


def explorer_slides() -> list[Slide]:
    """The scenario explorer on a slide: each preset's headline numbers, median and band, for the groups to
    start from (twelve sliders do not fit a slide; the explorer itself is in the report and in JupyterLab)."""
    from helpers.models.uncertainty import uncertainty_table
    from helpers.views.scenarios import preset_headlines

    rows = list(preset_headlines(uncertainty_table()).items())
    return _chunks(rows, _("Your scenario: start from a preset, then move the sliders in the report"), "",
                   _("Notebook 04 · median (5–95% band) of 10,000 draws; the explorer is in the HTML report"),
                   notes=_("Each group opens the explorer in the report (or JupyterLab), starts from its preset and "
                           "moves one slider at a time."))


def preset_slides() -> list[Slide]:
    """The presets side by side: what each changes from the defaults (every other input at the centre of its range)."""
    from helpers.models.scenarios import parameters, presets

    labels = {p.name: p for p in parameters()}

    def written(name: str, value: float) -> str:
        p = labels[name]
        if p.unit == "yes/no":
            number = _("yes") if value else _("no")
        else:  # a share and a percentage both as a percentage, as people write them (1.5%, 25%)
            pct = value * 100 if p.unit == "share" else value
            number = local_number(f"{pct:.1f}".rstrip("0").rstrip(".")) + ("\u00a0%" if lang() != "en" else "%")
        return _("{parameter}: {value}").format(parameter=translate(p.label), value=number)

    joint = "; " if lang() == "en" else "\u00a0; "  # French sets a no-break space before « ; »
    rows = [(name, joint.join(written(k, v) for k, v in overrides.items()) or _("every input at the centre of its range"))
            for name, overrides in presets().items()]
    return _chunks(rows, _("The presets side by side: what each one changes"), "",
                   _("Notebook 04 · helpers.models.scenarios; every other input at the centre of its range"),
                   per_slide=6, notes=_("Each preset changes one or two inputs and leaves the rest at the centre of their ranges: "
                           "the model illustrates what follows from an assumption, it does not forecast."))


#: Chart cells shown on slides as data slides instead: a chart whose rows of text cannot be read at a
#: lecture's type size (the who's-who chart has 19 rows of role text; the scenario charts three panels of six
#: long preset names, whose bars shrank to crumbs at 18 px) becomes a few slides of pairs, or none (the explorer:
#: its sliders are in the report, and its presets' bands are on the slides of the bands chart). The chart's
#: speaker notes go with the first of them, or with the slide before.
CHART_AS_DATA = {"00_primer/cell-07": actor_slides, "04_scenarios/cell-08": preset_slides,
                 "04_scenarios/7b5d3513": explorer_slides, "04_scenarios/cell-15": list}

#: Data slides and where they go: after a notebook's chart slides, or first after its section slide.
DATA_SLIDES = {"00_primer": ("after", glossary_slides),
               "01_article_as_data": ("before", lambda: article_slides() + statement_slides()),
               "04_scenarios": ("after", role_slides),
               "05_arguments": ("after", lambda: legality_slides() + both_parties_slides())}


def deck(notebooks: Path = NOTEBOOKS_DIR) -> list[Slide]:
    """The deck's slides in order, read from the committed notebooks and the data (no chart HTML)."""
    slides = [Slide("title", _(TITLE_SLIDE),
                    text=_("Why Nvidia's China chip became a bargaining chip between Washington and Beijing, "
                           "from one French article of 12 August 2025."),
                    notes=[_("One section per notebook: its finding, then its charts, each with its source under it. "
                             "Speaker notes (S) say what to ask; the teacher guide numbers every slide.")])]
    for info in discover(notebooks):
        section = Slide("section", info.title, text=info.headline,
                        meta=_("Notebook {n} · {time}").format(n=info.name[:2], time=info.time_to_read),
                        notebook=info.name,
                        notes=[_("By the end, students can: {objectives}.").format(
                            objectives="; ".join(o.rstrip(".;\u00a0") for o in info.objectives))]
                        if info.objectives else [])
        where, make = DATA_SLIDES.get(info.name, ("", list))
        extra = make()
        slides.append(section)
        slides += extra if where == "before" else []
        current = section
        for cell in read(info.path).cells:
            cell_tags = tags(cell)
            if cell.cell_type == "markdown" and NOTES_TAG in cell_tags:
                current.notes.append(cite_inline(cell.source))
            elif SLIDE_TAG in cell_tags and (title := chart_title(cell)) is not None:
                instead = CHART_AS_DATA.get(f"{info.name}/{cell.get('id', '')}")
                if instead is not None:
                    pairs = instead()
                    if pairs:  # the first stands for the chart: « [[slide: 04_scenarios/cell-08]] » finds it
                        pairs[0].notebook, pairs[0].cell_id = info.name, cell.get("id", "")
                        slides += pairs
                        current = pairs[0]
                    continue
                current = Slide("chart", title, notebook=info.name, cell_id=cell.get("id", ""))
                slides.append(current)
        slides += extra if where == "after" else []
    return slides + closing_slides()


def slide_titles(notebooks: Path = NOTEBOOKS_DIR) -> list[str]:
    """The deck's slide titles in order: what the teacher guide numbers and cites."""
    return [s.title for s in deck(notebooks)]


#: ``[[slide: 00_primer]]`` (a section), ``[[slide: 00_primer/cell-04]]`` (a chart cell) or
#: ``[[slide: Glossary]]`` (the first slide whose title starts so): how the guide cites a slide.
SLIDE_REF = re.compile(r"\[\[slide:\s*([^\]]+?)\s*\]\]")


MISSING_SLIDE = "no such slide in this deck"


class SlideRefError(KeyError):
    """A slide reference that names no slide of the deck."""


def cite_slides(text: str, notebooks: Path = NOTEBOOKS_DIR, *, strict: bool = True) -> str:
    """Replace each ``[[slide: …]]`` in ``text`` with the slide's number in the deck (the guide lists the titles).

    A reference to no slide raises :class:`SlideRefError`, or with ``strict=False`` (a guide built for
    another collection of notebooks) is marked as missing.
    """
    if not SLIDE_REF.search(text):
        return text
    from helpers.views.i18n import edition, edition_of

    # references are written against the English deck (its titles); an edition's deck has the same slides in
    # the same order (a test checks), so the English deck's numbers are the edition's
    with edition("en"):
        slides = deck(notebooks.parent if edition_of(notebooks) != "en" else notebooks)

    def titled(s: Slide) -> bool:  # cited by its title: the title slide, data slides, the closing section
        return s.kind != "chart" and not (s.kind == "section" and s.notebook)

    def number(m: re.Match[str]) -> str:
        ref = m[1]
        for n, s in enumerate(slides, start=1):
            if (ref == s.notebook and s.kind == "section") or ref == f"{s.notebook}/{s.cell_id}" \
                    or (titled(s) and s.title.startswith(ref)):
                return _("slide {n}").format(n=n)
        if strict:
            raise SlideRefError(f"no slide {ref!r} in the deck")
        return f"({ref}: {MISSING_SLIDE})"
    return SLIDE_REF.sub(number, text)
