"""Find reported speech: who is said to have said, written or reported something.

Four shapes cover most French news copy, each found from a cue and a bounded look around it:

- a cue before the source: ``selon X``, ``d'après X`` (any case; ``selon lui`` is a pronoun source);
- a source before a reporting verb: ``X a déclaré``, ``des experts rappellent``, and the apposition
  ``Le PDG de Nvidia, Jensen Huang, a indiqué`` (the name is the source);
- an inverted source after the verb, closing a quote or clause: ``…, a ajouté le président américain``,
  ``…, rapporte le Financial Times``, ``…, est-il écrit dans le décret``;
- a passive report: ``rapportées par le Financial Times``.

The verbs come from a lexicon of French reporting verbs (:data:`REPORTING_VERBS`), in the present,
the passé composé and the reporting conditional (``aurait déclaré``). Each source gets a kind:
person, organisation, anonymous, document or pronoun (:func:`source_kind`).

Why not the dependency parse: the parser roughly doubles the pipeline's load and run time and is
unbounded on the long, unpunctuated inputs the fuzz tests feed it; the patterns here look at most
:data:`MAX_SOURCE_WORDS` words around each cue, so the search stays linear in the text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A source longer than this is not a name; a longer stretch is not taken as a source.
MAX_SOURCE_WORDS = 12
#: How far back (characters) a subject is looked for before a reporting verb.
LOOK_BACK = 160

#: Reporting verbs: infinitive -> (3rd person present singular, plural, past participle).
REPORTING_VERBS = {
    "déclarer": ("déclare", "déclarent", "déclaré"), "affirmer": ("affirme", "affirment", "affirmé"),
    "indiquer": ("indique", "indiquent", "indiqué"), "annoncer": ("annonce", "annoncent", "annoncé"),
    "préciser": ("précise", "précisent", "précisé"), "expliquer": ("explique", "expliquent", "expliqué"),
    "assurer": ("assure", "assurent", "assuré"), "estimer": ("estime", "estiment", "estimé"),
    "confirmer": ("confirme", "confirment", "confirmé"), "souligner": ("souligne", "soulignent", "souligné"),
    "rappeler": ("rappelle", "rappellent", "rappelé"), "ajouter": ("ajoute", "ajoutent", "ajouté"),
    "rapporter": ("rapporte", "rapportent", "rapporté"), "noter": ("note", "notent", "noté"),
    "avertir": ("avertit", "avertissent", "averti"), "révéler": ("révèle", "révèlent", "révélé"),
    "signaler": ("signale", "signalent", "signalé"), "démentir": ("dément", "démentent", "démenti"),
    "dire": ("dit", "disent", "dit"), "écrire": ("écrit", "écrivent", "écrit"),
    "reconnaître": ("reconnaît", "reconnaissent", "reconnu"), "répondre": ("répond", "répondent", "répondu"),
    "juger": ("juge", "jugent", "jugé"), "insister": ("insiste", "insistent", "insisté"),
    "demander": ("demande", "demandent", "demandé"),
}
_PRESENT = sorted({f for s, p, _ in REPORTING_VERBS.values() for f in (s, p)}, key=len, reverse=True)
_PARTICIPLE = sorted({pp for _, _, pp in REPORTING_VERBS.values()}, key=len, reverse=True)
_AUX = r"(?:a|ont|avait|avaient|aurait|auraient)"
#: A reporting verb form: "a déclaré", "aurait indiqué", "rappellent", "est-il écrit".
VERB = re.compile(
    rf"\b(?P<cue>{_AUX}\s+(?:{'|'.join(_PARTICIPLE)})|(?:{'|'.join(_PRESENT)})|est-(?:il|elle)\s+(?:écrit|précisé|indiqué))"
    rf"(?![\w-])", re.I)
CUE_BEFORE = re.compile(r"(?<![\w'’])(?P<cue>selon|d['’]après)\s+", re.I)
PASSIVE = re.compile(r"\b(?P<cue>(?:rapporté|cité|révélé|publié|écrit)e?s?\s+par)\s+", re.I)

_DET = r"(?:(?:le|la|les|un|une|des|du|ce|cette|ces|son|sa|ses|leur|leurs)\s+|l['’]\s*)"
_W = r"[\w’'-]+"
#: A noun phrase of at most MAX_SOURCE_WORDS words, up to a clause boundary.
_NP = rf"(?P<np>{_DET}?{_W}(?:\s+{_W}){{0,{MAX_SOURCE_WORDS - 1}}}?)(?=\s*(?:[,.;:!?»)\n]|$|\s(?:que|qu['’]|dans|et)\b))"
NP_AFTER = re.compile(_NP)
_DOC_PLACE = re.compile(rf"dans\s+(?P<np>{_DET}?{_W}(?:\s+{_W}){{0,5}}?)(?=\s*(?:[,.;:!?»)\n]|$))")
_LEADING_DET = re.compile(_DET, re.I)  # used with .match, so anchored where it starts
_BOUNDARY = re.compile(r"[.!?;:«»(\n]")
_NOT_A_SOURCE = re.compile(r"(?i)^(lequel|laquelle|lesquels|lesquelles|moi|nous|vous|qui|que|ce|cela)$")

_PRONOUNS = {"lui", "elle", "eux", "elles", "il", "ils"}
#: Quantities that make a source anonymous ("plusieurs sources", "six sénateurs").
_QUANTIFIERS = {"plusieurs", "certains", "certaines", "quelques", "deux", "trois", "quatre", "cinq", "six", "sept",
                "huit", "dix", "nombre", "beaucoup"}
_DOCUMENT_NOUNS = {"décret", "rapport", "communiqué", "lettre", "note", "document", "texte", "arrêté", "décision",
                   "courrier", "avis", "déclaration", "règlement", "notice", "circulaire", "documents", "rapports",
                   "lettres", "notes", "textes", "communiqués", "décrets"}
_ANONYMOUS_NOUNS = {"source", "sources", "porte-parole", "expert", "experts", "analyste", "analystes", "responsable",
                    "responsables", "observateur", "observateurs", "proche", "proches", "personne", "personnes",
                    "dirigeant", "dirigeants", "spécialiste", "spécialistes", "connaisseur", "connaisseurs"}
_ORG_NOUNS = {"ministère", "département", "gouvernement", "entreprise", "entreprises", "société", "sociétés",
              "groupe", "groupes", "fabricants", "agence", "commission",
              "administration", "congrès", "régulateur", "bureau", "autorité", "autorités", "maison", "conseil",
              "banque", "cabinet", "comité", "fabricant", "constructeur", "parlement", "sénat", "justice", "douanes",
              "pékin", "washington"}
_PERSON_NOUNS = {"président", "présidente", "ministre", "pdg", "directeur", "directrice", "secrétaire", "sénateur",
                 "sénatrice", "représentant", "représentante", "élu", "élue", "patron", "patronne", "dirigeante",
                 "chef", "fondateur", "porte-parole"}


@dataclass(frozen=True)
class Attribution:
    """A reported-speech marker, the source it names and the kind of source."""

    start: int
    end: int
    source: str
    cue: str
    source_kind: str = ""


def source_kind(source: str) -> str:
    """person, organisation, anonymous, document or pronoun, from the words of the source."""
    words = [w.lower() for w in re.findall(_W, source)]
    if not words:
        return "anonymous"
    if " et " in source:  # "Alibaba et ByteDance": the kind of the first of them
        return source_kind(source.split(" et ")[0])
    head = words[0]
    if len(words) == 1 and head in _PRONOUNS:
        return "pronoun"
    if head in _QUANTIFIERS:
        return "anonymous"
    if head in _DOCUMENT_NOUNS:
        return "document"
    capitalised = [w for w in re.findall(_W, source) if w[:1].isupper()]
    if head in _ANONYMOUS_NOUNS and len(capitalised) < 2:
        return "anonymous"
    if head in _ORG_NOUNS:
        return "organisation"
    if head in _PERSON_NOUNS:
        return "person"
    if len(capitalised) >= 2 and all(c.lower() not in _ORG_NOUNS for c in capitalised) and \
            not any(w in {"times", "journal", "post", "street", "news", "daily", "press"} for w in words):
        return "person"
    return "organisation" if capitalised else "anonymous"


def _clean(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Strip a leading determiner from ``text[start:end]``; return the span and whether it was indefinite."""
    m = _LEADING_DET.match(text, start, end)
    indefinite = bool(m and m.group(0).strip().lower() in {"un", "une", "des"})
    return (m.end() if m else start), end, indefinite


def _add(found: list, text: str, offset: int, start: int, end: int, span: tuple[int, int], cue: str) -> None:
    s, e, indefinite = _clean(text, start, end)
    source = text[s:e].strip()
    if not source or _NOT_A_SOURCE.match(source.split()[0]) or len(source.split()) > MAX_SOURCE_WORDS:
        return
    kind = source_kind(source)
    if indefinite and kind in ("organisation", "person") and sum(w[:1].isupper() for w in source.split()) < 2:
        kind = "anonymous"  # "un responsable", "des entreprises": no one in particular
    # "Selon" at a sentence start is the same cue as "selon"
    cue = cue.lower() if cue.lower() in {"selon", "d'après", "d’après"} else cue
    found.append(Attribution(offset + span[0], offset + span[1], source, cue, kind))


def _subject_before(text: str, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase just before a reporting verb: back to the last clause boundary, or an apposition."""
    lo = max(0, verb_start - LOOK_BACK)
    window = text[lo:verb_start]
    end = len(window.rstrip())
    if end == 0:
        return None
    if window[:end].endswith(","):  # "Le PDG de Nvidia, Jensen Huang, a indiqué": the name between commas
        comma = window.rfind(",", 0, end - 1)
        if comma < 0:
            return None
        start = comma + 1
        end -= 1
    else:
        cut = max((m.end() for m in _BOUNDARY.finditer(window, 0, end)), default=0)
        start = max(cut, window.rfind(",", 0, end) + 1)
        if start == 0 and lo > 0:
            return None  # no boundary within reach: not a subject we can delimit
    segment = window[start:end]
    words = segment.split()
    if not words or len(words) > MAX_SOURCE_WORDS or VERB.search(segment) or re.search(r"\b(?:que|qui|qu['’])\b", segment):
        return None
    first = words[0]
    lone_pronoun = len(words) == 1 and first.lower() in _PRONOUNS
    if not (first[:1].isupper() or _LEADING_DET.match(segment.lstrip()) or lone_pronoun):
        return None
    s = lo + start + (len(segment) - len(segment.lstrip()))
    return s, lo + end


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Return attributions in ``text`` (offsets shifted by ``offset``)."""
    found: list[Attribution] = []
    for cue in CUE_BEFORE.finditer(text):
        m = NP_AFTER.match(text, cue.end())
        if m:
            _add(found, text, offset, m.start("np"), m.end("np"), (cue.start(), m.end("np")), cue["cue"])
    for cue in PASSIVE.finditer(text):
        m = NP_AFTER.match(text, cue.end())
        if m:
            _add(found, text, offset, m.start("np"), m.end("np"), (cue.start(), m.end("np")), cue["cue"])
    for verb in VERB.finditer(text):
        if re.search(r"\bn(?:e\s+|['’])$", text[max(0, verb.start() - 4):verb.start()], re.I):
            continue  # "l'article ne précise pas": a negated report names no source
        before = text[max(0, verb.start() - 3):verb.start()].rstrip()
        inverted = before.endswith((",", "»", "\"")) or verb["cue"].lower().startswith("est-")
        if inverted:
            place = _DOC_PLACE.match(text, verb.end() + 1) if verb["cue"].lower().startswith("est-") else None
            m = place or NP_AFTER.match(text, verb.end() + 1)
            if m and (place or _LEADING_DET.match(m["np"]) or m["np"][:1].isupper()):
                _add(found, text, offset, m.start("np"), m.end("np"), (verb.start(), m.end("np")), verb["cue"])
                continue
        span = _subject_before(text, verb.start())
        if span:
            _add(found, text, offset, span[0], span[1], (span[0], verb.end()), verb["cue"])
    return sorted(found, key=lambda a: (a.start, a.end))
