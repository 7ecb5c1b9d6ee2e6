"""Does a sentence speak of the future where a date sits? The tense of the verb that governs it.

A date, month or quarter written without its year is resolved against the publication date: the last one
before it, in a report of what happened; the next one, when the verb is in the future (« reprendront »,
« va reprendre ») or in the present conditional of a forecast (« devrait reprendre »). A past conditional
(« aurait annoncé », the reporting conditional) is not a forecast. The tense comes from spaCy's
morphologizer, already in the pipeline for reported speech.
"""

from __future__ import annotations

from collections.abc import Callable

from helpers.text.morphology import feature

#: How far up the parse a date looks for its verb (a date hangs a few links below it; the bound keeps
#: adversarial parses linear).
MAX_CLIMB = 8


#: Endings of the simple future (« sortiront », « ouvrira »): the small model tags some of them as the imperfect or
#: the present, and a finite verb with one of these endings is a future in news copy (the passé simple is not used).
FUTURE_ENDINGS = ("ront", "rons", "rez", "ra", "ras", "rai")


def _future_form(word) -> bool:
    return word.pos_ in ("VERB", "AUX") and feature(word, "VerbForm") != "Inf" and len(word.text) > 4 \
        and word.lower_.endswith(FUTURE_ENDINGS) and word.text.islower()


def _is_future(verb) -> bool:
    """Future, « aller » + infinitive, or a present conditional, on the verb or its auxiliaries."""
    words = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if any(feature(w, "Tense") == "Fut" or _future_form(w) for w in words):
        return True
    if any(c.dep_.startswith("aux") and c.lower_ in ("va", "vont", "allait", "allaient") for c in verb.children):
        return True
    if verb.head.i != verb.i and verb.head.lower_ in ("va", "vont") and feature(verb, "VerbForm") == "Inf":
        return True
    past = feature(verb, "Tense") == "Past" and feature(verb, "VerbForm") == "Part"
    if past and not any(c.dep_ == "aux:pass" for c in verb.children):
        return False  # « aurait annoncé »: the reporting conditional is about the past
    return any(feature(w, "Mood") == "Cnd" for w in words) or \
        any(feature(c, "Mood") == "Cnd" for c in verb.children if c.dep_ in ("xcomp",)) or \
        (verb.head.i != verb.i and verb.dep_ == "xcomp" and feature(verb.head, "Mood") == "Cnd"
         and verb.head.lower_.startswith(("devr", "pourr")))


def future_at(tokens) -> Callable[[int], bool]:
    """For a parsed spaCy Doc or Span: a function of a character position (from the span's start) that says
    whether the nearest verb above the word there is in the future."""
    doc = getattr(tokens, "doc", tokens)
    base = tokens[0].idx if len(tokens) else 0

    def at(i: int) -> bool:
        tok = doc.char_span(base + i, base + i + 1, alignment_mode="expand")
        if tok is None or not len(tok):
            return False
        word = tok[0]
        for _ in range(MAX_CLIMB):
            adjective = word.dep_ in ("acl", "amod") and feature(word, "VerbForm") == "Part"
            if word.pos_ in ("VERB", "AUX") and not word.dep_.startswith("aux") and not adjective:
                return _is_future(word)  # (« commandes … américaines en février »: an adjectival participle is skipped)
            if word.head.i == word.i:
                return False
            word = word.head
        return False

    return at
