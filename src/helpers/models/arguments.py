"""The debate as data: each position's arguments with the grade of their evidence, and the check of
the article's « des deux bords » (lawmakers of both parties) against the events table."""

from __future__ import annotations

import re

import pandas as pd

from helpers.data.citations import resolve
from helpers.data.datasets import load_table

#: The positions in the order the notebook presents them, with who holds each.
POSITIONS = {
    "sell": "Selling is the better policy (Nvidia, and the administration in August 2025)",
    "restrict": "Selling gives away what matters (export-control hawks in Congress, both parties)",
    "beijing": "Beijing's stance (regulators and state media)",
    "buyers": "Chinese buyers' view",
    "legality": "Is the 15% lawful?",
}

#: How an event's actor names a lawmaker's party: "(R)", "(D)", or the party's name.
_PARTY = (("Republican", re.compile(r"\(R\)|Republican")), ("Democratic", re.compile(r"\(D\)|Democrat")))


def evidence(position: str) -> pd.DataFrame:
    """One row per argument of a position and piece of evidence: the key, its publisher and grade.

    Arguments with no evidence (status 'not found') keep one row with empty evidence columns.
    """
    args = load_table("arguments")
    rows = []
    for a in args[args["position"] == position].itertuples():
        keys = a.evidence.split(";") if isinstance(a.evidence, str) else []
        for key in keys or [None]:
            c = resolve(key) if key else None
            rows.append({"argument_id": a.argument_id, "argument": a.argument, "status": a.status, "key": key,
                         "publisher": c.publisher if c else None, "grade": c.grade if c else None})
    return pd.DataFrame(rows)


def grade_profile() -> pd.DataFrame:
    """Per position: pieces of evidence by grade, and arguments our sources could not show."""
    rows = []
    for position in POSITIONS:
        e = evidence(position)
        counts = e["grade"].value_counts()
        rows.append({"position": position, "primary": int(counts.get("primary", 0)),
                     "secondary": int(counts.get("secondary", 0)), "low": int(counts.get("low", 0)),
                     "not_found": int((e.drop_duplicates("argument_id")["status"] == "not found").sum())})
    return pd.DataFrame(rows)


def party_of(actor: str) -> str | None:
    """The party an event's actor names, if any."""
    return next((party for party, pattern in _PARTY if pattern.search(actor)), None)


def lawmakers_by_party(end: str) -> pd.DataFrame:
    """Lawmakers' objections in data/events.csv surely made by ``end`` (an ISO date), with their party.

    A month-precision event counts only if its whole month is over by ``end`` (a statement dated
    "2025-08" may come after 12 August).
    """
    events = load_table("events")
    events = events.assign(party=events["actor"].map(party_of))
    latest = events["date"].where(events["date"].str.len() == 10, events["date"] + "-31")
    picked = events[events["party"].notna() & (latest <= end)]
    return picked[["event_id", "date", "actor", "party", "event", "source_id"]].reset_index(drop=True)


def both_parties(end: str) -> bool:
    """Whether lawmakers of both parties had objected by ``end``, per data/events.csv."""
    return set(lawmakers_by_party(end)["party"]) == {party for party, _ in _PARTY}
