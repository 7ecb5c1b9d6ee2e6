"""Find reported speech: who is said to have said, written or reported something, from the sentence's grammar.

spaCy's French pipeline tags each word (a verb or a noun?) and parses the sentence into dependencies
(who is the subject of which verb). Reported speech is found from that structure, the approach of the
Radar de Parité (Simon Fraser University's Discourse Processing Lab), which extracts quotes from French
news with syntactic rules over spaCy's parse and a curated list of reporting verbs:

- a **reporting verb** (:data:`REPORTING_VERBS`, by lemma) used as a verb, never the noun of the same
  form (« l'annonce du ministre » is not speech), and not negated (« ne précise pas »);
- its **speaker**: the verb's subject (``nsubj``), wherever it stands, so inversions after an adverb or a
  time word (« …, a déclaré lundi un haut fonctionnaire ») and long subjects with material in between
  (« Certains élus, notamment dans l'opposition, dénoncent ») are both found; the agent of a passive
  (``obl:agent``: « rapportées plus tôt par un quotidien économique »); the noun a present participle
  qualifies (« Pékin affirmant que »);
- **« selon X » / « d'après X »** when X can speak (a name, a pronoun, a person, an organisation, an
  outlet or a document), not when « selon » means *in line with* (« selon des critères stricts »);
- the speaker **trimmed to its noun phrase**: its adjectives, names and « de » complements, not a
  trailing « sur son réseau social » or a relative clause, and without its article.

The small model labels some inverted subjects as objects, so after a comma or a closing quote the
first noun phrase after the verb is its speaker whatever its label. Each source gets a kind: person,
organisation, anonymous, document or pronoun (:func:`source_kind`).

Bounds: spaCy's tagger and parser are linear in the number of words; :func:`helpers.text.nlp.parse`
feeds them pieces of bounded length, and the rules here visit each word's children once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A source longer than this is not a name; a longer stretch is not taken as a source.
MAX_SOURCE_WORDS = 12
#: A "sentence" longer than this many tokens is not news prose (a wire sentence runs to 60 or so): it is
#: skipped, which keeps the rules linear on adversarial text whose parse hangs thousands of words on one head.
MAX_SENTENCE_TOKENS = 200

#: Reporting verbs by lemma: the forms news copy uses (present, participles, imperfect, future,
#: conditional), written out because the small model's lemmatizer costs a fifth of the run and
#: still misses forms such as « dément ».
_FIRST_GROUP = ("déclarer", "affirmer", "indiquer", "annoncer", "préciser", "expliquer", "assurer", "estimer",
                "confirmer", "souligner", "ajouter", "rapporter", "noter", "signaler", "juger", "insister",
                "demander", "dénoncer", "marteler", "raconter", "confier", "commenter", "détailler", "déplorer",
                "témoigner", "plaider", "accuser", "relayer", "citer", "répéter", "mettre en garde",
                "critiquer", "révéler", "rappeler", "évoquer", "qualifier", "publier", "lancer", "glisser", "résumer", "féliciter")
_IRREGULAR = {
    "dire": ("dit", "disent", "disait", "disaient", "disant", "dira", "diront", "dirait", "diraient", "dis"),
    "écrire": ("écrit", "écrits", "écrite", "écrites", "écrivent", "écrivait", "écrivaient", "écrivant", "écrira"),
    "démentir": ("dément", "démentent", "démenti", "démentie", "démentait", "démentant", "démentira"),
    "avertir": ("avertit", "avertissent", "averti", "avertissait", "avertissant", "avertira"),
    "répondre": ("répond", "répondent", "répondu", "répondait", "répondant", "répondra"),
    "prévenir": ("prévient", "préviennent", "prévenu", "prévenait", "prévenant", "préviendra"),
    "reconnaître": ("reconnaît", "reconnait", "reconnaissent", "reconnu", "reconnaissait", "reconnaissant"),
    "admettre": ("admet", "admettent", "admis", "admettait", "admettant"),
    "soutenir": ("soutient", "soutiennent", "soutenu", "soutenait", "soutenant"),
    "faire savoir": ("fait savoir",),
    "tenir": ("tenus", "tenu", "tenue", "tenues"),  # « des propos tenus par », as a passive only
    "prévoir": ("prévoit", "prévoient", "prévoyait", "prévoyant"),
}


def _first_group_forms(infinitive: str) -> tuple[str, ...]:
    stem = infinitive[:-2]
    # « rappeler » doubles its l and « révéler » takes a grave accent before a silent ending
    strong = {"rappeler": "rappell", "révéler": "révèl", "répéter": "répèt"}.get(infinitive, stem)
    if infinitive == "mettre en garde":
        return ("met en garde", "mettent en garde", "mis en garde", "mettait en garde", "mettant en garde")
    # before a and o, -ger verbs keep an e (« jugeant ») and -cer verbs take a cedilla (« annonçant »)
    soft = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
    return (f"{strong}e", f"{strong}ent", f"{stem}é", f"{stem}ée", f"{stem}és", f"{stem}ées", f"{soft}ait",
            f"{soft}aient", f"{soft}ant", f"{strong}era", f"{strong}eront", f"{strong}erait", f"{strong}eraient")


REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    **{v: _first_group_forms(v) for v in _FIRST_GROUP}, **_IRREGULAR}
#: Each written form of a reporting verb -> its lemma (lower case; multi-word forms by their first word).
FORMS: dict[str, str] = {form: lemma for lemma, forms in REPORTING_VERBS.items() for form in forms}
#: Verbs that report only with a quotation or a « que » clause (« a lancé « … » » is speech, « a lancé une enquête »
#: is not; « prévoit que » is a forecast someone makes, « prévoit une hausse » a plan).
NEEDS_CONTENT = {"lancer", "glisser", "résumer", "féliciter", "prévoir", "évoquer", "qualifier"}
#: Verbs that report only in the passive, with an agent: « publiés par l'agence », « des propos tenus par ».
PASSIVE_ONLY = {"publier", "tenir"}
#: The first word of every form: most words are none, and are passed over with one set lookup.
_FIRST_WORDS = {form.split()[0] for form in FORMS}
#: The past-participle forms: without « avoir » they are passives (« cité par le New York Times »).
PARTICIPLES = {f for v in _FIRST_GROUP for f in _first_group_forms(v) if f.endswith(("é", "ée", "és", "ées"))} | {
    "dit", "dits", "dite", "dites", "écrit", "écrits", "écrite", "écrites", "démenti", "démentie", "averti",
    "répondu", "prévenu", "reconnu", "admis", "soutenu", "tenu", "tenus", "tenue", "tenues"}

_W = r"[\w’'-]+"
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




#: Determiners left out of a source (« le ministère » -> « ministère »); quantifiers (« Plusieurs ») stay.
_ARTICLES = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa", "ses",
             "leur", "leurs", "d'", "d’", "de"}
#: Dependents that belong to a speaker's noun phrase (« ministre chinois du Commerce », « Jensen Huang »).
_NP_DEPS = {"amod", "nmod", "flat:name", "flat", "flat:foreign", "compound", "nummod", "fixed", "det", "case", "acl",
            "conj", "cc", "appos", "obl:arg", "obl:mod", "obl"}
#: Prepositions that open a speaker's own complement (« porte-parole du ministère », « secrétaire au Commerce »,
#: « source au sein du ministère », « experts du cabinet »); others (« sur son réseau », « lors de ») do not.
_NP_PREPOSITIONS = {"de", "du", "des", "d'", "d’", "au", "aux", "à", "sein", "chez", "par", "auprès"}
#: Nouns that can speak, for « selon X » (« selon des critères stricts » is not speech).
_SPEAKER_NOUNS = (_ANONYMOUS_NOUNS | _ORG_NOUNS | _PERSON_NOUNS | _DOCUMENT_NOUNS | _QUANTIFIERS | {
    "quotidien", "journal", "agence", "presse", "média", "médias", "site", "magazine", "hebdomadaire", "chaîne",
    "télévision", "radio", "analyste", "économiste", "banque", "courtier", "courtiers", "diplomate", "diplomates",
    "élu", "élus", "officiel", "officiels", "fonctionnaire", "fonctionnaires", "industriel", "industriels",
    "chercheur", "chercheurs", "spécialiste", "données", "chiffres", "statistiques", "estimations", "calculs",
    "informations", "témoignages", "propos", "termes", "membre", "membres", "négociateur", "négociateurs",
    "dirigeants", "patrons", "acteurs", "fournisseurs", "clients", "acheteurs", "investisseurs", "article",
    "enquête", "étude", "note", "sondage", "agences", "compte", "entourage", "équipe", "firme", "cabinet",
})
#: Words of time and manner that sit between an inverted verb and its speaker (« a déclaré lundi un … »).
_BETWEEN = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "soir", "matin",
            "aujourd'hui", "encore", "également", "aussi", "ensuite", "alors", "toutefois", "pourtant", "cependant",
            "déjà", "récemment", "enfin", "plus", "tôt", "tard", "vendredi", "après-midi", "dernier", "mardi"}
#: Nouns that open an adjunct of time or occasion, not a part of who speaks (« au cours de son point presse »).
_NOT_WHO = {"cours", "moment", "occasion", "issue", "lendemain", "sortie", "veille", "fin", "début", "lors", "terme"}
#: Nouns that carry what was said, not who said it: « selon des propos relayés par l'agence » names the agency.
_CONTENT_NOUNS = {"propos", "informations", "information", "données", "chiffres", "déclarations", "déclaration",
                  "statistiques", "estimations", "images", "révélations", "éléments"}
_RELATIVES = {"qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels", "lesquelles", "dont"}
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
#: Subject pronouns inverted after the verb: « a-t-il ajouté », « ont-ils souligné ».
_CLITICS = {"-il", "-ils", "-elle", "-elles", "-on"}


def _form(tokens, i: int) -> tuple[str, int] | None:
    """The reporting lemma of the verb form starting at token ``i`` and how many tokens it spans."""
    word = tokens[i].lower_
    if i + 2 < len(tokens):  # « fait savoir », « met en garde »
        three = f"{word} {tokens[i + 1].lower_} {tokens[i + 2].lower_}"
        if three in FORMS:
            return FORMS[three], 3
    if i + 1 < len(tokens) and f"{word} {tokens[i + 1].lower_}" in FORMS:
        return FORMS[f"{word} {tokens[i + 1].lower_}"], 2
    return (FORMS[word], 1) if word in FORMS else None


def _is_verb(tok) -> bool:
    """A verb by its tag, or a reporting form the small model mistagged but that no article or preposition opens."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.pos_ in ("NOUN", "PROPN") and (any(c.dep_ == "det" for c in tok.children)
                                          or (tok.i > tok.sent.start and tok.nbor(-1).pos_ in ("DET", "ADP"))):
        return False  # « l'annonce du ministre », « en réponse à »
    return tok.pos_ in ("ADJ", "NOUN", "PROPN", "ADV", "X")


def _negated(verb) -> bool:
    heads = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any(c.lower_ in ("ne", "n'", "n’") for h in heads for c in h.children) or \
        any(t.lower_ in ("ne", "n'", "n’") for t in verb.doc[max(verb.sent.start, verb.i - 3):verb.i])


def _trim(head) -> tuple[int, int] | None:
    """The speaker's noun phrase around ``head`` as (first token, last token + 1), without its article."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if abs(child.i - head.i) > 2 * MAX_SOURCE_WORDS:
                continue  # too far to be in a phrase of at most MAX_SOURCE_WORDS unbroken words
            if child.dep_ not in _NP_DEPS or child.dep_ == "acl:relcl" or (tok is head and child.dep_ == "case"):
                continue  # the head's own preposition (« par », « selon ») is the cue's, not the speaker's
            if child.lower_ in FORMS and child.morph.get("Tense") != ["Past"]:
                continue  # the reporting verb itself, when the small model hangs it under its subject
            if child.pos_ in ("VERB", "AUX") and not (child.dep_ in ("acl", "amod") and child.morph.get("Tense") == ["Past"]):
                continue  # a clause is not part of a name; « documents consultés par Reuters », « site spécialisé » are
            if child.dep_ in ("obl", "obl:arg", "obl:mod", "nmod") and child.i > head.i:
                case = [c.lower_ for c in child.children if c.dep_ in ("case", "fixed")]
                if case and (case[0] not in _NP_PREPOSITIONS or child.lower_ in _NOT_WHO
                             or (tok is head and child.pos_ == "PROPN" and case[0] == "à")):
                    continue  # « sur son réseau social », « au cours de », « à Pékin »: where or when, not who
                if not case and child.pos_ in ("VERB", "AUX", "PUNCT", "PRON", "SCONJ", "ADV"):
                    continue
            if child.dep_ == "appos" and child.pos_ != "PROPN":
                continue  # « Le rapport signale une hausse »: the small model's appos is not part of the name
            of = any(g.dep_ == "case" and g.lower_ in _NP_PREPOSITIONS for g in child.children)
            if child.dep_ == "conj" and not ((tok.pos_ == "PROPN" and child.pos_ == "PROPN") or tok is not head or of):
                continue  # « Alibaba et ByteDance », « Bureau de l'industrie et de la sécurité »; not other coordinations
            keep.add(child.i)
            stack.append(child)
    doc = head.doc
    # the phrase is the unbroken run of kept words around its head (a gap means the parse wandered off)
    lo, hi = head.i, head.i + 1
    while lo - 1 in keep:
        lo -= 1
    while hi in keep:
        hi += 1
    # a comma or a quotation mark ends the noun phrase on either side of its head
    for i in range(head.i + 1, hi):
        if doc[i].is_punct and doc[i].text not in ("-", "'", "’"):
            hi = i
            break
    for i in range(head.i - 1, lo - 1, -1):
        if doc[i].is_punct and doc[i].text not in ("-", "'", "’"):
            lo = i + 1
            break
    while lo < head.i and doc[lo].lower_ in _ARTICLES:
        lo += 1
    while hi - 1 > head.i and (doc[hi - 1].pos_ in ("ADP", "CCONJ", "DET") or doc[hi - 1].is_punct):
        hi -= 1
    if hi - lo > MAX_SOURCE_WORDS:
        return None
    return lo, hi


def _name_in_apposition(head):
    """« Le PDG de Nvidia, Jensen Huang, a dit »: the name, when the subject has one in apposition."""
    if head.pos_ == "PROPN":
        return head
    for child in head.children:  # between commas only: « le vice-Premier ministre He Lifeng » is one phrase
        edge = child.left_edge
        if child.dep_ in ("appos", "conj") and child.pos_ == "PROPN" and child.i > head.i and edge.i > 0 \
                and edge.nbor(-1).text == ",":
            return child
    return head


def _speaker_after(verb, end: int):
    """The first noun phrase after an inverted verb, over words of time and manner: its head token."""
    sent = verb.sent
    i = end
    while i < sent.end:
        tok = sent.doc[i]
        if tok.lower_ in _BETWEEN or tok.pos_ == "ADV":
            i += 1
        elif tok.pos_ == "ADP" or tok.lower_ in ("d'", "d’"):  # « à Genève », « dans la soirée », « en fin de journée »
            j = _noun_group(sent, i + 1)
            if j < sent.end and sent.doc[j].lower_ in ("de", "d'", "d’"):  # « de journée », « de télévision »
                j = _noun_group(sent, j + 1)
            if j == i + 1:
                break
            i = j
        else:
            break
    j = i
    while j < sent.end and sent.doc[j].pos_ in ("DET", "ADJ", "NUM") and sent.doc[j].lower_ not in _BETWEEN:
        j += 1
    if j < sent.end and sent.doc[j].pos_ in ("NOUN", "PROPN", "PRON") and sent.doc[j].lower_ not in _RELATIVES \
            and not sent.doc[j].is_punct and sent.doc[j].text not in ("«", "»", '"', "on"):
        return _top(sent.doc[j])
    if j > i and sent.doc[j - 1].pos_ == "ADJ":  # « un haut fonctionnaire » with the noun tagged as an adjective
        return sent.doc[j - 1]
    return None


def _noun_group(sent, i: int) -> int:
    """The index after one noun group from ``i``: determiners and adjectives, one noun, its adjectives."""
    while i < sent.end and sent.doc[i].pos_ in ("DET", "NUM") or (i < sent.end and sent.doc[i].pos_ == "ADJ"
                                                                   and i + 1 < sent.end and sent.doc[i + 1].pos_ == "NOUN"):
        i += 1
    if i < sent.end and sent.doc[i].pos_ in ("NOUN", "PROPN"):
        i += 1
        while i < sent.end and sent.doc[i].pos_ == "ADJ":
            i += 1
    return i


def _top(tok):
    """The head of a name written in several words (« Financial » for « Financial Times »)."""
    while tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("flat:name", "compound", "flat"):
        tok = tok.head
    return tok


def _agrees(verb, first: int, noun) -> bool:
    """Whether ``noun`` agrees in number with the verb (or its first auxiliary), when both say."""
    finite = verb.doc[first] if first < verb.i else verb
    a, b = finite.morph.get("Number"), noun.morph.get("Number")
    if not a and finite.lower_ in FORMS:  # the small model left the verb untagged: its written form says
        a = ["Plur"] if finite.lower_.endswith(("ent", "aient")) else ["Sing"]
    return not a or not b or a == b


def _inverted(verb, first: int) -> bool:
    """True when the verb (its auxiliaries from ``first``) follows a comma or a quote: an incise."""
    i = first - 1
    return i >= verb.sent.start and verb.doc[i].text in (",", "»", '"', "”")


def _clitic(verb, first: int, end: int):
    """« a-t-il ajouté »: the inverted pronoun after the verb or its auxiliary, if any."""
    doc = verb.doc
    for i in range(max(verb.sent.start, first - 3), min(end + 3, verb.sent.end)):
        if doc[i].lower_ in _CLITICS and abs(i - verb.i) <= 3:
            return doc[i]
    return None


def _from_source(verb):
    """« a-t-on appris de source proche du dossier », « de source industrielle, on indique »: the source named
    with « de source », or « chez X » after the verb; None when « on » names no one."""
    sent = verb.sent
    for tok in sent:
        if tok.lower_ in ("source", "sources") and tok.i > sent.start and tok.nbor(-1).lower_ == "de":
            return tok
    chez = next((t for t in verb.doc[verb.i + 1:min(verb.i + 5, sent.end)] if t.lower_ == "chez"), None)
    if chez is not None:
        return next((t for t in verb.doc[chez.i + 1:min(chez.i + 4, sent.end)] if t.pos_ in ("NOUN", "PROPN")), None)
    return None


def _has_content(verb, first: int) -> bool:
    """A « que » clause, a quotation, or an incise after a quotation: what makes « lancer » report speech."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return True
    if any(t.lower_ in ("que", "qu'", "qu’") for t in verb.doc[verb.i + 1:min(verb.i + 3, verb.sent.end)]):
        return True
    before = verb.doc[verb.sent.start:first].text
    after = verb.doc[verb.i + 1:verb.sent.end].text
    return "»" in before or '"' in before or "«" in after


def _speaker(verb, first: int, end: int):
    """The token heading who speaks, for a reporting verb (its form spans ``first``..``end``)."""
    if FORMS.get(verb.lower_) in NEEDS_CONTENT and not _has_content(verb, first):
        return None
    clitic = _clitic(verb, first, end)
    if clitic is not None and clitic.nbor(-1).lower_ not in ("est", "sont", "était", "étaient", "sera"):
        # (« est-il écrit dans le décret » is an impersonal passive: the document speaks, below)
        return clitic if clitic.lower_ != "-on" else _from_source(verb)
    if verb.morph.get("VerbForm") == ["Inf"] and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head  # « a tenu à préciser »: who speaks is the subject of « tenir »
        head_first = head.i
        while head_first > head.sent.start and verb.doc[head_first - 1].dep_.startswith("aux") \
                and verb.doc[head_first - 1].head.i == head.i:
            head_first -= 1
        return _speaker_of(head, head_first, head.i + 1)
    return _speaker_of(verb, first, end)


def _speaker_of(verb, first: int, end: int):
    """:func:`_speaker` once the special forms are handled."""
    children = list(verb.children)
    has_avoir = any(c.dep_ == "aux:tense" and c.lower_ in ("a", "ont", "avait", "avaient", "aurait", "auraient", "aura")
                    for c in children)
    passive = any(c.dep_ == "aux:pass" for c in children) or (verb.lower_ in PARTICIPLES and not has_avoir
                                                              and verb.morph.get("Tense") != ["Pres"])
    # the agent, or one the small model hung under an adverb of the verb (« rapportés plus tôt par … »)
    near = children + [g for c in children if c.dep_ in ("advmod", "xcomp", "obl:mod") and c.i > verb.i
                       and (c.pos_ == "ADV" or c.lower_ in _BETWEEN) for g in c.children]
    agent = next((c for c in near if c.dep_ == "obl:agent"), None)
    if agent is None:
        agent = next((c for c in children if (c.dep_.startswith("obl") or c.dep_ == "nmod") and c.i > verb.i
                      and any(g.lower_ == "par" and g.dep_ == "case" for g in c.children)), None)
    if FORMS.get(verb.lower_) in PASSIVE_ONLY and not (passive and agent is not None):
        return None
    if passive:
        if agent is not None:
            return agent
        expletive = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.lower_.lstrip("-") == "il"), None)
        place = next((c for c in children if c.dep_.startswith("obl")
                      and any(g.lower_ == "dans" for g in c.children) and c.lower_ in _DOCUMENT_NOUNS), None)
        return place if expletive is not None else None  # « est-il écrit dans le décret »
    if verb.morph.get("Tense") == ["Pres"] and verb.morph.get("VerbForm") == ["Part"] and verb.i > verb.sent.start \
            and verb.nbor(-1).pos_ in ("PROPN", "NOUN"):
        return _top(verb.nbor(-1))  # « Pékin affirmant que », « le groupe précisant que »
    if FORMS.get(verb.lower_) == "citer":  # « Bloomberg, qui cite des sources »: the cited speak
        cited = next((c for c in children if c.dep_ == "obj"), None)
        if cited is not None:
            return cited
    participle = verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Pres"]
    if _inverted(verb, first) and not participle:
        after = _speaker_after(verb, end)
        if after is not None and _agrees(verb, first, after):
            return after  # « …, a reconnu le directeur financier », whatever the small model calls it
    subject = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.lower_ not in _BETWEEN), None)
    if subject is None:
        for aux in (c for c in children if c.dep_.startswith("aux")):
            subject = next((c for c in aux.children if c.dep_ in _SUBJECT_DEPS), subject)
    if subject is None and verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Pres"] \
            and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # « Les élus ont saisi la justice, estimant que … »: the participle's speaker is the clause's subject
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is not None and subject.lower_ in _RELATIVES and verb.dep_.startswith("acl"):
        subject = verb.head  # « un responsable qui a déclaré »
    if subject is not None and subject.lower_ in _RELATIVES:
        return None
    if subject is not None and subject.lower_ == "on":
        return _from_source(verb)
    if subject is not None:
        return _top(subject)
    if verb.dep_ not in ("obj", "iobj", "ROOT") and not verb.dep_.startswith("obl") and verb.head.i < verb.i \
            and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        # « Pékin affirmant que »; and what the small model mis-parses as a noun's dependent: headlines
        # (« Pékin dément ») and subjects with material in between (« Certains élus, notamment …, dénoncent »)
        return _top(verb.head)
    if verb.dep_ == "conj" and verb.head.i < verb.i:
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        after = _speaker_after(verb, end)
        if after is not None and (after.pos_ == "PROPN" or after.lower_ in _SPEAKER_NOUNS):
            return after  # « Reste que …, estime un analyste » without its comma
    return subject


def _selon(tokens, i: int):
    """The head of « selon X » / « d'après X » when X can speak, else None."""
    tok = tokens[i]
    if tok.lower_ == "selon":
        cue_start = i
    elif tok.lower_ == "après" and i > 0 and tokens[i - 1].lower_ in ("d'", "d’"):
        cue_start = i - 1
    elif tok.lower_ == "croire" and i > 1 and tokens[i - 1].lower_ == "en" and tokens[i - 2].lower_ == "à":
        cue_start = i - 2  # « à en croire les analystes »
    else:
        return None
    noun = tok.head if tok.dep_ in ("case", "fixed") and tok.head.i > tok.i and tok.lower_ != "croire" else None
    if noun is None:
        nxt = next((t for t in tokens[i + 1:i + 4] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        noun = nxt
    if noun is None or noun.lower_ in _RELATIVES or noun.lower_ in _CONTENT_NOUNS:
        return None  # « selon des propos relayés par l'agence »: the participle names the speaker
    if noun.pos_ == "PROPN" or (noun.pos_ == "PRON" and noun.lower_ in _PRONOUNS) or noun.lower_ in _SPEAKER_NOUNS \
            or noun.text[:1].isupper():
        return cue_start, _top(noun)
    return None


def _attribution(text: str, base: int, offset: int, head, cue: str, cue_span: tuple[int, int]):
    bounds = _trim(head)
    if bounds is None:
        return None
    doc = head.doc
    lo, hi = bounds
    start, end = doc[lo].idx - base, doc[hi - 1].idx + len(doc[hi - 1]) - base
    if doc[lo].lower_ in _CLITICS:
        start += 1  # « -ils »: the pronoun, not its hyphen
    source = text[start:end].strip()
    if not source or source.split()[0].lower() in _RELATIVES or len(source.split()) > MAX_SOURCE_WORDS:
        return None
    kind = source_kind(source)
    indefinite = lo > 0 and doc[lo - 1].lower_ in ("un", "une", "des") and lo - 1 >= head.sent.start
    if indefinite and kind in ("organisation", "person") and sum(w[:1].isupper() for w in source.split()) < 2:
        kind = "anonymous"  # "un responsable", "des entreprises": no one in particular
    span = (min(start, cue_span[0]), max(end, cue_span[1]))
    return Attribution(offset + span[0], offset + span[1], source, cue, kind)


def attributions_in(tokens, text: str, offset: int = 0) -> list[Attribution]:
    """Reported speech in ``tokens`` (a parsed spaCy Doc, or a Span of one, whose characters are ``text``)."""
    doc = getattr(tokens, "doc", tokens)
    lo, hi = (tokens.start, tokens.end) if doc is not tokens else (0, len(doc))
    if hi <= lo:
        return []
    base = doc[lo].idx
    found: dict[tuple[int, int], Attribution] = {}
    i = lo
    sent_end = -1
    while i < hi:
        tok = doc[i]
        if i >= sent_end:  # a new sentence: its bounds once (Token.sent walks the sentence each time it is asked)
            sent = tok.sent
            sent_end = sent.end
            if len(sent) > MAX_SENTENCE_TOKENS:
                i = sent_end
                continue
        word = tok.lower_
        if word not in _FIRST_WORDS and word not in ("selon", "après", "croire"):
            i += 1
            continue
        selon = _selon(doc, i) if word in ("selon", "après", "croire") else None
        if selon is not None:
            cue_start, noun = selon
            cue_tok = doc[cue_start]
            cue = text[cue_tok.idx - base:tok.idx - base + len(tok)].lower()
            a = _attribution(text, base, offset, noun, cue, (cue_tok.idx - base, tok.idx - base + len(tok)))
            if a:
                found.setdefault((a.start, a.end), a)
            i += 1
            continue
        form = _form(doc, i)
        if form is None or not _is_verb(tok) or _negated(tok):
            i += 1
            continue
        _, width = form
        # the auxiliaries in front belong to the cue: « a déclaré », « aurait indiqué », « ont été rapportées »
        first = i
        while first > max(lo, sent.start) and doc[first - 1].dep_.startswith("aux") and doc[first - 1].head.i == tok.i:
            first -= 1
        last = doc[min(i + width, hi) - 1]
        head = _speaker(tok, first, last.i + 1)
        if head is not None and head.i != tok.i and lo <= head.i < hi:
            head = _name_in_apposition(head)
            cue = text[doc[first].idx - base:last.idx - base + len(last)]
            a = _attribution(text, base, offset, head, cue, (doc[first].idx - base, last.idx - base + len(last)))
            if a:
                found.setdefault((a.start, a.end), a)
        i += width
    return sorted(found.values(), key=lambda a: (a.start, a.end))


def find_attributions(text: str, offset: int = 0, tokens=None) -> list[Attribution]:
    """Return attributions in ``text`` (offsets shifted by ``offset``); ``tokens``: its parse, if already made."""
    from helpers.text.nlp import parse

    return attributions_in(parse(text) if tokens is None else tokens, text, offset)
