"""A word's morphological features (tense, mood, verb form, number) from spaCy's morphologizer, read cheaply.

``Token.morph.get("Tense")`` parses the word's whole feature string again on every call, a dozen times dearer than
reading a word's text; the rules ask it thousands of times per corpus. The model has a few hundred feature strings
in all, so each is parsed once, by its hash, and kept.
"""

from __future__ import annotations

#: The parsed feature strings, by spaCy's hash of each (bounded by the model's own set of analyses).
_PARSED: dict[int, dict[str, str]] = {}


def feature(token, name: str) -> str | None:
    """The value of feature ``name`` of ``token`` as spaCy writes it (« Past », « Part », « Plur,Sing » when it has
    several), or None: ``feature(t, "Tense") == "Past"`` says what ``t.morph.get("Tense") == ["Past"]`` says."""
    morph = token.morph
    parsed = _PARSED.get(morph.key)
    if parsed is None:
        parsed = _PARSED[morph.key] = dict(pair.split("=", 1) for pair in str(morph).split("|") if "=" in pair)
    return parsed.get(name)
