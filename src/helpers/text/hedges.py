"""Find the signals that a sentence is less than sure of itself: the hedges a reader should weigh.

Two kinds:

- ``conditional``: the French reporting conditional, a verb in the conditional that presents a fact
  as reported or unconfirmed (« serait à la manœuvre », « envisageraient »), and the modal
  « pourrait »;
- ``hedge_word``: words and phrases that soften a statement (« peut-être », « sans doute », « laisse
  entendre », « plus ou moins »...), from :data:`HEDGE_WORDS`.

A conditional is told from look-alike words (portrait, extrait) by its ending and a short stop
list; it is a signal, not a proof: a conditional after « si » is a plain hypothesis, and it is
flagged too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEDGE_WORDS = (
    "peut-être", "sans doute", "probablement", "vraisemblablement", "apparemment", "semble-t-il",
    "il semble", "laisse entendre", "laisse entrevoir", "laissent entendre", "laissent entrevoir",
    "plus ou moins", "a priori", "éventuellement", "potentiellement", "potentiel", "potentielle",
    "présumé", "présumée", "supposé", "supposée", "selon toute vraisemblance", "il est possible que",
    "ne serait-ce", "à moins que", "à moins qu'", "à moins qu’",
)
_WORDS = re.compile(r"(?<![\w-])(?:" + "|".join(
    re.escape(w) + ("" if w.endswith(("'", "’")) else r"(?![\w-])")  # "à moins qu'il": the apostrophe ends it
    for w in sorted(HEDGE_WORDS, key=len, reverse=True)) + ")", re.I)
#: Third-person conditional endings: serait, aurait, deviendrait, envisageraient, pourrait...
_CONDITIONAL = re.compile(r"(?<![\w-])\w{2,}(?:rait|raient)(?![\w-])", re.I)
#: Words that end like a conditional and are not verbs.
_NOT_VERBS = {"portrait", "portraits", "attrait", "extrait", "retrait", "abstrait", "distrait", "trait", "soustrait",
              "parfait"}


@dataclass(frozen=True)
class Hedge:
    """A hedging signal: its span and kind."""

    start: int
    end: int
    surface: str
    kind: str


def find_hedges(text: str, offset: int = 0) -> list[Hedge]:
    """Return the hedges in ``text`` (offsets shifted by ``offset``), in order."""
    found = [Hedge(offset + m.start(), offset + m.end(), m.group(0), "hedge_word") for m in _WORDS.finditer(text)]
    found += [Hedge(offset + m.start(), offset + m.end(), m.group(0), "conditional")
              for m in _CONDITIONAL.finditer(text) if m.group(0).lower() not in _NOT_VERBS]
    return sorted(found, key=lambda h: h.start)
