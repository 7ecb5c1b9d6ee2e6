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
first noun phrase after the verb is its speaker whatever its label. Where its parse of real dispatches
breaks (a name tagged as a verb, an auxiliary cut from its participle by an incise, a name in apposition
hung elsewhere, a list of firms read as a person), the rules read the words around the verb instead:
each such reading is a named function below (:func:`_name_in_apposition`, :func:`_auxiliary_before_an_incise`,
:func:`_subject_before_a_relative`, :func:`_agent_by_surface`, :func:`_complements_after`, :func:`_list_before`). Each source gets a kind: person,
organisation, anonymous, document or pronoun (:func:`source_kind`).

Bounds: spaCy's tagger and parser are linear in the number of words; :func:`helpers.text.nlp.parse`
feeds them pieces of bounded length, and the rules here visit each word's children once.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass

from spacy.attrs import IDX, LOWER, SENT_START
from spacy.strings import hash_string

from helpers.text.entities import DESCRIPTORS
from helpers.text.morphology import feature
from helpers.text.names import LISTED_KINDS

#: A source longer than this is not a name; a longer stretch is not taken as a source.
MAX_SOURCE_WORDS = 16
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
                "critiquer", "révéler", "rappeler", "évoquer", "qualifier", "publier", "lancer", "glisser", "résumer", "féliciter",
                "menacer", "réclamer", "tempérer", "assumer", "exhorter", "regretter", "fustiger", "nuancer",
                "minimiser", "inquiéter", "indigner", "alarmer", "invoquer", "montrer", "appeler", "réagir",
                "justifier", "évaluer", "répliquer", "recommander", "informer", "arguer", "argumenter",
                # stop 31: « le parquet a salué « une décision exemplaire » », « un chiffre contesté par la direction »
                "saluer", "contester")
_IRREGULAR = {
    "dire": ("dit", "disent", "disait", "disaient", "disant", "dira", "diront", "dirait", "diraient", "dis"),
    "écrire": ("écrit", "écrits", "écrite", "écrites", "écrivent", "écrivait", "écrivaient", "écrivant", "écrira"),
    "démentir": ("dément", "démentent", "démenti", "démentie", "démentis", "démenties", "démentait", "démentant",
                 "démentira"),
    "avertir": ("avertit", "avertissent", "averti", "avertissait", "avertissant", "avertira"),
    "répondre": ("répond", "répondent", "répondu", "répondait", "répondant", "répondra"),
    "prévenir": ("prévient", "préviennent", "prévenu", "prévenait", "prévenant", "préviendra"),
    "reconnaître": ("reconnaît", "reconnait", "reconnaissent", "reconnu", "reconnaissait", "reconnaissant"),
    "admettre": ("admet", "admettent", "admis", "admettait", "admettant"),
    "soutenir": ("soutient", "soutiennent", "soutenu", "soutenait", "soutenant"),
    "faire savoir": ("fait savoir",),
    "faire état": ("fait état", "font état", "faisait état", "faisaient état", "faisant état"),  # « a fait état de »
    "faire valoir": ("fait valoir", "font valoir", "faisait valoir", "faisant valoir"),
    "tenir": ("tenus", "tenu", "tenue", "tenues"),  # « des propos tenus par », as a passive only
    "prévoir": ("prévoit", "prévoient", "prévoyait", "prévoyant"),
    "apprendre": ("appris",),
    "défendre": ("défend", "défendent", "défendu", "défendait", "défendaient", "défendant", "défendra"),
    "promettre": ("promet", "promettent", "promis", "promettait", "promettaient", "promettant", "promettra"),  # « a-t-on appris de source proche du dossier »: only with the source named
}


def _first_group_forms(infinitive: str) -> tuple[str, ...]:
    stem = infinitive[:-2]
    # « rappeler » doubles its l and « révéler » takes a grave accent before a silent ending
    if infinitive == "réagir":  # the one verb of the second group here
        return ("réagit", "réagissent", "réagi", "réagissait", "réagissant", "réagira")
    strong = {"rappeler": "rappell", "appeler": "appell", "révéler": "révèl", "répéter": "répèt", "tempérer": "tempèr",
              "inquiéter": "inquièt"}.get(infinitive, stem)
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
NEEDS_CONTENT = {"lancer", "glisser", "résumer", "féliciter", "prévoir", "évoquer", "qualifier",
                 # « s'est inquiété un élu » after a quotation reports him; « les élus s'inquiètent de ces revirements »
                 # is the outlet describing them (the seed's s11)
                 "inquiéter", "indigner", "alarmer",
                 # « a invoqué des « lacunes » », « les données montrent que », « a ajouté que »: with what was said;
                 # « a ajouté quatorze entreprises à sa liste » is not speech
                 "invoquer", "montrer", "ajouter", "réagir",
                 # « a justifié la décision par la nécessité de « … » », « ont évalué le coût à « … » », « a été informé
                 # par La Haye que »: with what was said; « a évalué ses options », « informer le public » are not
                 "justifier", "évaluer", "informer",
                 # « a défendu mardi le Premier ministre » after a quotation; « défendre un projet » is not speech
                 "défendre",
                 # « a salué « une décision exemplaire » » reports; « a salué les efforts du gouvernement » praises
                 "saluer"}
#: Verbs that report only in the passive, with an agent: « publiés par l'agence », « des propos tenus par ».
PASSIVE_ONLY = {"publier", "tenir"}
#: Verbs that report only when the sentence names its source with « de source … » (« a-t-on appris de source
#: diplomatique »); « Nvidia a appris la décision » is not speech.
SOURCE_ONLY = {"apprendre"}
#: Verbs that report only as reflexives: « s'est inquiété un élu », « les élus s'indignent »; « inquiète » alone is
#: an adjective as often as a verb.
REFLEXIVE_ONLY = {"inquiéter", "indigner", "alarmer"}
#: Verbs of demand and stance (« réclamer », « menacer », « demander »): speech in a headline or a dispatch's own
#: sentence, but only what was said when another verb reports the clause they stand in.
WEAK = {"réclamer", "menacer", "promettre", "assumer", "exhorter", "regretter", "fustiger", "nuancer", "minimiser"}
#: What a newspaper publishes but does not say: « une tribune publiée par le Washington Post » is its author's.
_OPINION_NOUNS = {"tribune", "chronique", "éditorial", "édito", "lettre", "courrier"}
#: The first word of every form: most words are none, and are passed over with one set lookup.
_FIRST_WORDS = {form.split()[0] for form in FORMS}
#: The words that open a form of two or three words (« fait savoir »): only after them are the next words read.
_OPENS_LONGER = {form.split()[0] for form in FORMS if " " in form}
#: The past-participle forms: without « avoir » they are passives (« cité par le New York Times »).
PARTICIPLES = {f for v in _FIRST_GROUP for f in _first_group_forms(v) if f.endswith(("é", "ée", "és", "ées"))} | {
    "dit", "dits", "dite", "dites", "écrit", "écrits", "écrite", "écrites", "démenti", "démentie", "démentis",
    "démenties", "averti",
    "répondu", "prévenu", "reconnu", "admis", "soutenu", "tenu", "tenus", "tenue", "tenues"}

#: Participles that are also the present tense (« il dit », « il écrit »): in an incise, the present.
_PRESENT_TOO = {"dit", "écrit"}

_W = r"[\w’'-]+"
_WORD = re.compile(_W)
_PRONOUNS = {"lui", "elle", "eux", "elles", "il", "ils"}
#: Quantities that make a source anonymous ("plusieurs sources", "six sénateurs").
_QUANTIFIERS = {"plusieurs", "certains", "certaines", "quelques", "deux", "trois", "quatre", "cinq", "six", "sept",
                "huit", "dix", "nombre", "beaucoup"}
_DOCUMENT_NOUNS = {"décret", "rapport", "communiqué", "lettre", "note", "document", "texte", "arrêté", "décision",
                   "courrier", "avis", "déclaration", "règlement", "notice", "circulaire", "documents", "rapports",
                   "lettres", "notes", "textes", "communiqués", "décrets", "étude", "études", "enquête", "sondage",
                   "analyse",
                   # figures someone published: « selon les données des douanes », « les chiffres de l'Insee »
                   "données", "chiffres", "estimations", "statistiques", "prévisions", "projections", "calculs",
                   "dépêche", "mémo", "sondages", "enquêtes", "analyses"}
_ANONYMOUS_NOUNS = {"source", "sources", "porte-parole", "expert", "experts", "analyste", "analystes", "responsable",
                    "responsables", "observateur", "observateurs", "proche", "proches", "personne", "personnes",
                    "dirigeant", "dirigeants", "spécialiste", "spécialistes", "connaisseur", "connaisseurs"}
_ORG_NOUNS = {"ministère", "département", "gouvernement", "entreprise", "entreprises", "société", "sociétés",
              "groupe", "groupes", "fabricants", "agence", "commission",
              "administration", "congrès", "régulateur", "bureau", "autorité", "autorités", "maison", "conseil",
              "banque", "cabinet", "comité", "fabricant", "constructeur", "parlement", "sénat", "justice", "douanes",
              "pékin", "washington", "ministères", "ambassade", "ambassades", "chancellerie", "services",
              "gouvernements", "administrations", "institut", "organisation", "fédération", "syndicat", "union",
              "filiale", "filiales",
              # plurals and firms named by their rank or trade (« le numéro un de la distribution »)
              "syndicats", "fédérations", "régulateurs", "banques", "agences", "constructeurs",
              "opérateurs", "laboratoires", "numéro", "géant", "leader", "parquet", "équipementier", "opérateur",
              "laboratoire", "assureur", "compagnie", "firme", "conglomérat", "avionneur", "motoriste"}
#: Words of rank before a role (« ancien conseiller », « haut responsable »): the role that follows says the kind.
_RANKS = {"ancien", "ancienne", "haut", "haute", "hauts", "hautes", "nouveau", "nouvelle", "ex", "premier", "première",
          "vice", "actuel", "actuelle", "futur", "future", "principal", "principale"}
_PERSON_NOUNS = {"gouverneur", "gouverneure", "conseiller", "conseillère", "ambassadeur", "ambassadrice", "député",
                 "députée", "commissaire", "maire", "juge",
                 "président", "présidente", "ministre", "pdg", "directeur", "directrice", "secrétaire", "sénateur",
                 "sénatrice", "représentant", "représentante", "élu", "élue", "patron", "patronne", "dirigeante",
                 "chef", "fondateur", "porte-parole", "chancelier", "chancelière", "homologue", "procureur",
                 "procureure", "préfet", "préfète", "général", "amiral", "rapporteur", "rapporteure"}


#: The one-word nouns that introduce a firm by what it is (« le laboratoire Novo Nordisk », « le constructeur
#: Stellantis »): the name after them belongs to the source.
_DESCRIPTOR_WORDS = {d for d in DESCRIPTORS if " " not in d}


def capitalised_after(source: str) -> bool:
    """Whether a capitalised name follows the source's first word (« laboratoire Novo Nordisk »)."""
    return any(w[:1].isupper() for w in source.split()[1:])


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
    written = _WORD.findall(source)
    words = [w.lower() for w in written]
    if not words:
        return "anonymous"
    if " et " in source:  # "Alibaba et ByteDance": the kind of the first of them
        items = re.split(r", | et ", source)
        if len(items) > 2 and any(len(item.split()) == 1 for item in items):
            return "organisation"  # « Bouygues Telecom, Iliad et Orange »: a list of firms, not of people
        return source_kind(items[0])
    if LISTED_KINDS.get(source) == "ORG":  # « Goldman Sachs » reads like a person's name
        return "organisation"
    head = words[0]
    if len(words) == 1 and head in _PRONOUNS:
        return "pronoun"
    if head in _QUANTIFIERS:  # « deux ministères » are organisations; « plusieurs responsables » no one in particular
        return "organisation" if len(words) > 1 and words[1] in _ORG_NOUNS else "anonymous"
    rest = words[1:]
    while head in _RANKS and rest:  # « ancien conseiller », « haut responsable », « nouvelle administration »
        head, rest = rest[0], rest[1:]
    if head in _DOCUMENT_NOUNS:
        return "document"
    capitalised = [w for w in written if w[:1].isupper()]
    # a role at an organisation no one names (« directeur des achats d'un équipementier ») is anonymous
    unnamed_employer = bool(re.search(r"\bd[’']une?\b|\bde plusieurs\b", source))
    if head in _ANONYMOUS_NOUNS and not (rest and source.split()[len(words) - len(rest)][:1].isupper()):
        return "anonymous"  # « analystes de Morgan Stanley »: unnamed people; « porte-parole Lin Jian » is named
    if head in _ORG_NOUNS or head in _MEDIA_NOUNS or (head in _DESCRIPTOR_WORDS and capitalised_after(source)):
        return "organisation"
    if head in _PERSON_NOUNS:
        return "anonymous" if unnamed_employer else "person"
    # « La France insoumise », « Santé publique France », « L'Usine Nouvelle »: a name that opens with an article, or
    # has a lower-case word that is no particle (« de », « von »), or names a country, is no one's
    if len(capitalised) >= 2 and source[:1].isupper() and (
            re.match(r"(?:La|Le|Les|L['’])\s*[A-Z]", source) or "France" in capitalised[1:]
            or any(w.islower() and w not in _NAME_PARTICLES for w in written[1:-1])):
        return "organisation"
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
#: Nouns a publication's name follows (« le quotidien South China Morning Post »).
_MEDIA_NOUNS = {"quotidien", "journal", "agence", "site", "magazine", "hebdomadaire", "chaîne", "radio", "télévision",
                "média", "revue", "mensuel", "bimensuel", "blog", "newsletter", "lettre"}
#: Words of time and manner that sit between an inverted verb and its speaker (« a déclaré lundi un … »).
_BETWEEN = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "soir", "matin",
            "aujourd'hui", "encore", "également", "aussi", "ensuite", "alors", "toutefois", "pourtant", "cependant",
            "déjà", "récemment", "enfin", "plus", "tôt", "tard", "vendredi", "après-midi", "dernier", "mardi"}
#: Nouns that open an adjunct of time or occasion, not a part of who speaks (« au cours de son point presse »).
_NOT_WHO = {"cours", "moment", "occasion", "issue", "lendemain", "sortie", "veille", "fin", "début", "lors", "terme"}
#: Nouns that carry what was said, not who said it: « selon des propos relayés par l'agence » names the agency.
_CONTENT_NOUNS = {"propos", "informations", "information", "données", "chiffres", "déclarations", "déclaration",
                  "statistiques", "estimations", "images", "révélations", "éléments"}
# The unions the rules below ask about, made once (on a corpus they are asked thousands of times per article).
_CONTENT_OR_DOCUMENT = frozenset(_CONTENT_NOUNS | _DOCUMENT_NOUNS)
_PERSON_OR_DOCUMENT = frozenset(_PERSON_NOUNS | _DOCUMENT_NOUNS)
_WHO_NOUNS = frozenset(_PERSON_NOUNS | _SPEAKER_NOUNS | _MEDIA_NOUNS)
_HEAD_NOUNS = frozenset(_MEDIA_NOUNS | _PERSON_NOUNS | _ANONYMOUS_NOUNS | _SPEAKER_NOUNS | _DESCRIPTOR_WORDS)
_BETWEEN_OR_DE = frozenset(_BETWEEN | {"de", "d'", "d’", "aussitôt", "immédiatement"})
_WEAK_OR_ASKING = frozenset(WEAK | {"demander", "recommander", "informer"})
_WEAK_OR_DEMANDING = frozenset(WEAK | {"demander", "recommander"})
#: Participles of asking: « analystes interrogés par Reuters » are the analysts.
_INTERVIEWED = {"interrogé", "interrogée", "interrogés", "interrogées", "sollicité", "sollicitée", "sollicités",
                "sollicitées", "contacté", "contactée", "contactés", "contactées", "joint", "jointe", "joints"}
_RELATIVES = {"qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels", "lesquelles", "dont"}
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
#: Subject pronouns inverted after the verb: « a-t-il ajouté », « ont-ils souligné ».
_CLITICS = {"-il", "-ils", "-elle", "-elles", "-on"}


def _form(tokens, i: int) -> tuple[str, int] | None:
    """The reporting lemma of the verb form starting at token ``i`` and how many tokens it spans."""
    word = tokens[i].lower_
    if word not in _OPENS_LONGER:
        return (FORMS[word], 1) if word in FORMS else None
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
                                          or (tok.i > _sent(tok).start and tok.nbor(-1).pos_ in ("DET", "ADP"))):
        # « l'annonce du ministre », « en réponse à »; but « ASML les juge « gérables » »: a name, then an object
        # pronoun the model read as an article
        before = tok.i - 2
        return before >= _sent(tok).start and tok.nbor(-1).lower_ in ("les", "la", "le", "l'", "l’", "lui", "leur") \
            and tok.doc[before].text[:1].isupper() and tok.doc[before].pos_ in ("PROPN", "NOUN", "X")
    return tok.pos_ in ("ADJ", "NOUN", "PROPN", "ADV", "X")


def _negated(verb) -> bool:
    # (most sentences have no « ne »: found in the document's one vectorised pass, and the parse read only if one is
    # in the verb's sentence, which holds all its children)
    negations, sent = _marks(verb.doc)[3], _sent(verb)
    if bisect.bisect_left(negations, sent.start) == bisect.bisect_left(negations, sent.end):
        return False
    heads = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    found = [c for h in heads for c in h.children if c.lower_ in ("ne", "n'", "n’")] + \
        [t for t in verb.doc[max(_sent(verb).start, verb.i - 3):verb.i] if t.lower_ in ("ne", "n'", "n’")]
    if not found:
        return False
    # a « ne » inside a quotation before the verb is the quotation's (« « Nous ne serons pas … », prévient X »)
    quote_end = max((t.i for t in verb.doc[_sent(verb).start:verb.i] if t.text in ("»", '"', "”")), default=-1)
    return any(t.i > quote_end for t in found)


_memo = threading.local()


def _sent(tok):
    """``tok.sent``, from the sentence being read when it holds ``tok`` (Token.sent walks the sentence each time)."""
    cur = getattr(_memo, "sent", None)
    if cur is not None and cur.doc is tok.doc and cur.start <= tok.i < cur.end:
        return cur
    return tok.sent


def _trim(head) -> tuple[int, int] | None:
    """The speaker's noun phrase around ``head`` as (first token, last token + 1), without its article (asked several
    times per speaker: remembered for the document being read, see :func:`attributions_in`)."""
    cache = getattr(_memo, "trims", None)
    if cache is None or cache[0] is not head.doc:
        cache = _memo.trims = (head.doc, {})
    if head.i not in cache[1]:
        cache[1][head.i] = _trim_uncached(head)
    return cache[1][head.i]


def _trim_uncached(head) -> tuple[int, int] | None:
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if abs(child.i - head.i) > 2 * MAX_SOURCE_WORDS:
                continue  # too far to be in a phrase of at most MAX_SOURCE_WORDS unbroken words
            agent = child.dep_ == "obl:agent" and tok.dep_ == "acl" and tok.i != head.i  # « document consulté par X »
            if (child.dep_ not in _NP_DEPS and not agent) or child.dep_ == "acl:relcl" \
                    or (tok is head and child.dep_ == "case"):
                continue  # the head's own preposition (« par », « selon ») is the cue's, not the speaker's
            if child.lower_ in FORMS and feature(child, "Tense") != "Past" and child.lower_ not in PARTICIPLES:
                continue  # the reporting verb itself, when the small model hangs it under its subject
            if child.dep_ == "acl" and child.lower_ in _INTERVIEWED:
                continue  # « analystes interrogés par Reuters »: who asked, not who speaks
            if child.pos_ in ("VERB", "AUX") and not (child.dep_ == "amod" or (
                    child.dep_ == "acl" and feature(child, "Tense") == "Past"
                    and (not any(t.lower_ in _CONTENT_OR_DOCUMENT for t in (head, *head.lefts)) or any(
                        g.dep_ == "obl:agent" or any(c.lower_ == "par" for c in g.children) for g in child.children)))):
                continue  # a clause is not part of a name; « documents consultés par Reuters », « site spécialisé »
                # and an adjective the small model tags as a verb (« PME bretonne ») are
            if child.dep_ in ("obl", "obl:arg", "obl:mod", "nmod") and child.i > head.i:
                case = [c.lower_ for c in child.children if c.dep_ in ("case", "fixed")]
                # « règlement européen sur les biens … », « Administration d'État pour la régulation … »: a document's
                # subject or an institution's full name; « Bank of America »
                edge = child.left_edge.i  # « commission spéciale sur la Chine »: a body named by what it is about
                named = head.lower_ in _DOCUMENT_NOUNS or (head.text[:1].isupper() and head.i > _sent(head).start) \
                    or tok.lower_ in _ORG_NOUNS or (tok is not head and tok.text[:1].isupper()) \
                    or any(t.lower_ in _ORG_NOUNS for t in tok.doc[max(_sent(tok).start, edge - 3):edge])
                allowed = _NP_PREPOSITIONS | ({"sur", "pour", "en"} if named else set()) \
                    | ({"of"} if tok.pos_ == "PROPN" else set()) | ({"en"} if child.lower_ == "poste" else set())
                posted = child.i >= 2 and child.doc[child.i - 2].lower_ == "poste"  # « diplomate en poste à Pékin »
                if case and (case[0] not in allowed or child.lower_ in _NOT_WHO
                             or (tok is head and child.pos_ == "PROPN" and case[0] == "à" and not posted)):
                    continue  # « sur son réseau social », « au cours de », « à Pékin »: where or when, not who
                if not case and child.pos_ in ("VERB", "AUX", "PUNCT", "PRON", "SCONJ", "ADV"):
                    continue
            if child.dep_ == "appos" and child.pos_ != "PROPN" and not child.text[:1].isupper():
                continue  # « Le rapport signale une hausse »: the small model's appos is not part of the name
            of = any(g.dep_ == "case" and g.lower_ in _NP_PREPOSITIONS for g in child.children)
            names = _namelike(tok) and (child.pos_ == "PROPN" or child.text[:1].isupper())
            if child.dep_ == "conj" and not (names or tok is not head or of):
                continue
            if child.dep_ == "conj" and _own_phrase(child) and head.dep_ in _SUBJECT_DEPS:
                continue  # « le sénateur Paul Martin et la députée Anne Roux »: a second speaker, not part of the first  # « Alibaba et ByteDance », « Bureau de l'industrie et de la sécurité »; not other coordinations
            keep.add(child.i)
            stack.append(child)
    doc = head.doc
    # the phrase is the unbroken run of kept words around its head (a gap means the parse wandered off)
    lo, hi = head.i, head.i + 1
    while lo - 1 in keep:
        lo -= 1
    while hi in keep or (hi + 1 in keep and doc[hi].text == "," and doc[hi + 1].dep_ == "conj"
                         and doc[hi + 1].text[:1].isupper() and _namelike(head) and head.dep_ in _SUBJECT_DEPS
                         and not any(c.dep_ == "case" for c in head.children)):
        hi += 1
    if head.lower_ in _HEAD_NOUNS \
            or head.pos_ == "PROPN" \
            or (head.text[:1].isupper() and head.i > _sent(head).start):  # « Le Financial Times », « Financial » a noun
        # « le quotidien hongkongais South China Morning Post », « l'ancien conseiller à la sécurité nationale Jake
        # Sullivan »: a name right after the title, whatever its parse
        sent_end = _sent(head).end
        while hi < sent_end and hi - head.i <= 6 and _continues_name(doc, hi):
            hi += 1
    if (head.text.islower() and (_can_speak(head) or head.lower_ in _PERSON_OR_DOCUMENT)) \
            or head.lower_ in _ORG_NOUNS:
        hi = _complements_after(doc, head, hi)
    # a comma or a quotation mark ends the noun phrase on either side of its head
    for i in range(head.i + 1, hi):
        if doc[i].text == "," and _namelike(head) and doc[i + 1].dep_ == "conj" and doc[i + 1].text[:1].isupper() \
                and doc[i + 1].head.i == head.i and head.dep_ in _SUBJECT_DEPS \
                and not any(c.dep_ == "case" for c in head.children):
            continue  # « Microsoft, Amazon et Google »: a list of names is one source
        if doc[i].is_punct and doc[i].text not in ("-", "'", "’"):
            hi = i
            break
    for i in range(head.i - 1, lo - 1, -1):
        if doc[i].is_punct and doc[i].text not in ("-", "'", "’"):
            lo = i + 1
            break
    while lo < head.i and (doc[lo].lower_ in _ARTICLES or doc[lo].pos_ == "CCONJ") and not _article_of_a_name(doc, lo):
        lo += 1
    while hi - 1 > head.i and (doc[hi - 1].pos_ in ("ADP", "CCONJ", "DET") or doc[hi - 1].is_punct):
        hi -= 1
    if hi - lo > MAX_SOURCE_WORDS:
        return None
    return lo, hi


_OF = {"de", "du", "des", "d'", "d’"}
_MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"}


def _complements_after(doc, head, hi: int) -> int:
    """The end of a speaker's phrase read from the words when the parse hung its « de » complements elsewhere:
    « statistiques mensuelles | des douanes chinoises », « rapport | du Center for Strategic and International
    Studies ». Each complement is « de » + an article + a noun (not a time word) + its adjectives or its name."""
    end = _sent(head).end
    while hi < end and hi - head.i < MAX_SOURCE_WORDS:
        if doc[hi].pos_ == "ADJ" and doc[hi].text.islower() and doc[hi].lower_ not in _BETWEEN and doc[hi].lower_ not in FORMS \
                and doc[hi - 1].pos_ in ("NOUN", "ADJ", "PROPN"):
            hi += 1  # « rapport de la commission | parlementaire »
            continue
        named = doc[hi - 1].text[:1].isupper() or (doc[hi - 1].lower_ in ("for", "and", "of", "&")
                                                   and doc[hi - 2].text[:1].isupper())
        if named and not doc[hi].is_punct and (
                doc[hi].text[:1].isupper() and doc[hi].pos_ in ("PROPN", "NOUN", "X", "ADJ")
                or doc[hi].lower_ in ("for", "and", "of", "&") and hi + 1 < end and doc[hi + 1].text[:1].isupper()):
            hi += 1  # « rapport du Center | for Strategic and International Studies »: the name goes on
            continue
        # « Institut Mercator pour les études chinoises », « commission spéciale … sur la Chine »: a body named by
        # what it is about
        about = doc[hi].lower_ in ("pour", "sur") and any(t.lower_ in _ORG_NOUNS for t in doc[head.i:hi])
        if doc[hi].lower_ not in _OF and not about:
            break
        j = hi + 1
        while j < end and doc[j].pos_ == "DET" and doc[j].lower_ in _ARTICLES:
            j += 1
        if j >= end or doc[j].pos_ not in ("NOUN", "PROPN") or doc[j].lower_ in _NOT_WHO | _BETWEEN | _MONTHS \
                or doc[j].is_punct or doc[j].like_num:
            break
        named = doc[j].text[:1].isupper()
        j += 1
        while j < end and not doc[j].is_punct and (
                (doc[j].pos_ == "ADJ" or doc[j].dep_ == "amod" or doc[j].is_ancestor(head))
                and not doc[j].text[:1].isupper() and doc[j].lower_ not in _BETWEEN | _NOT_WHO
                or named and (doc[j].text[:1].isupper() or (doc[j].lower_ in ("for", "and", "of", "&")
                                                             and j + 1 < end and doc[j + 1].text[:1].isupper()))):
            j += 1
        hi = j
    return hi


def _article_of_a_name(doc, i: int) -> bool:
    """« Le Monde », « La Haye », « Les Echos »: a capitalised article inside a sentence, before a capitalised word,
    is part of the name."""
    return i > _sent(doc[i]).start and doc[i].text in ("Le", "La", "Les", "L'", "L’") and i + 1 < len(doc) \
        and doc[i + 1].text[:1].isupper()


def _list_before(doc, lo: int, head) -> int:
    """« Airbus, Thales et | Leonardo disent »: the names listed before the last one, when the parse kept only it."""
    start = _sent(head).start
    if head.pos_ != "PROPN" or lo - 2 < start or doc[lo - 1].lower_ != "et" or not doc[lo - 2].text[:1].isupper():
        return lo
    k = lo - 2
    while k >= start and doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "NOUN", "X", "ADJ"):
        k -= 1
    first = k + 1
    while k - 1 >= start and doc[k].text == "," and doc[k - 1].text[:1].isupper():
        k -= 1
        while k >= start and doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "NOUN", "X", "ADJ"):
            k -= 1
        first = k + 1
    if first > start and doc[first - 1].pos_ == "DET" or (first == start and doc[first].pos_ == "DET"):
        return lo  # « les Etats-Unis et Pékin »: not a list of names
    return first


def _quoted(tok) -> bool:
    """Whether ``tok`` stands inside a quotation « … » of its sentence."""
    depth, doc, quotes = 0, tok.doc, _marks(tok.doc)[2]
    for i in quotes[bisect.bisect_left(quotes, _sent(tok).start):bisect.bisect_left(quotes, tok.i)]:
        opening = doc[i].text == "«"
        depth += opening
        depth -= not opening and depth > 0
    return depth > 0


def _continues_name(doc, i: int) -> bool:
    """Whether token ``i`` goes on the name before it, whatever the small model tagged it: a capitalised word
    (« Li Qiang », whose « Qiang » it reads as a verb) or the glued pieces of a hyphenated one (« Lai Ching-te »)."""
    tok = doc[i]
    glued_hyphen = tok.text == "-" and not doc[i - 1].whitespace_ and not tok.whitespace_ and doc[i - 1].text[:1].isupper()
    after_hyphen = doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and i > 1 and doc[i - 2].text[:1].isupper()
    if glued_hyphen or after_hyphen or (tok.text.startswith("-") and doc[i - 1].text[:1].isupper()):
        return True
    if re.fullmatch(r"[A-Z][’']", tok.text) and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
        return True  # « O’Leary », « D’Alema »
    return not tok.is_punct and tok.text[:1].isupper() and tok.pos_ not in ("ADP", "DET", "CCONJ", "PRON", "SCONJ")


#: Small words inside a person's name (« Ursula von der Leyen », « Laure de La Raudière »).
_NAME_PARTICLES = {"von", "van", "der", "den", "de", "la", "le", "da", "del", "di", "bin", "al", "ben"}


def _particles_then_name(doc, k: int, end: int) -> bool:
    """Whether the particles from ``k`` (« von der ») lead to a capitalised word (« Leyen »)."""
    while k < end and doc[k].lower_ in _NAME_PARTICLES:
        k += 1
    return k < end and doc[k].text[:1].isupper()


def _name_in_apposition(head, verb_first: int | None = None):
    """« Le PDG de Nvidia, Jensen Huang, a dit », « a déclaré le porte-parole du ministère, He Yadong, en … »: the
    name, when the speaker's noun phrase has one in apposition between commas. With ``verb_first`` (where the
    reporting verb's words start), an organisation's name too: « Le régulateur chinois de la concurrence,
    l'Administration d'État pour la régulation du marché, a estimé »."""
    if head.pos_ == "PROPN" or (_namelike(head) and not any(c.dep_ == "det" for c in head.children)):
        return head  # a name has no name in apposition (« Airbus, Safran et Thales » is a list)
    doc, sent = head.doc, _sent(head)
    for child in head.children:  # between commas only: « le vice-Premier ministre He Lifeng » is one phrase
        if child.dep_ in ("appos", "conj") and child.pos_ == "PROPN" and child.i > head.i and child.i > 0 \
                and doc[child.i - 1].text == ",":
            return child
    # the small model often hangs the name elsewhere: read the words instead, « <phrase> , Name Name , »
    bounds = _trim(head)
    if bounds is None:
        return head
    j = bounds[1]
    # the title may go on past what the parse kept (« … de la Chambre des représentants sur la Chine, John
    # Moolenaar », « La présidente-directrice générale d'AMD, Lisa Su, »): to the next comma, over no verb or quote
    while j < sent.end and j - bounds[1] <= 8 and doc[j].text != "," and not doc[j].is_quote \
            and doc[j].lower_ not in FORMS and not (doc[j].pos_ in ("VERB", "AUX") and doc[j].text.islower()
                                                      and not doc[j].lower_.endswith(("é", "ée", "és", "ées"))):
        j += 1
    if j >= sent.end - 2 or doc[j].text != ",":
        return head
    k = j + 1
    while k < sent.end and k - j <= 6 and (
            doc[k].text[:1].isupper() and doc[k].pos_ not in ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT")
            or re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][’']", doc[k].text)  # « C.C. Wei », « Michael O’Leary »
            or (k > j + 1 and _continues_name(doc, k))
            or (k > j + 1 and doc[k].lower_ in _NAME_PARTICLES and _particles_then_name(doc, k, sent.end))):
        k += 1
    closes = k < sent.end and (doc[k].text == "," or (doc[k].text == "." and k == sent.end - 1))
    if k > j + 1 and closes and doc[j + 1].lower_ not in FORMS:
        return _top(doc[j + 1])
    if verb_first is not None and head.text.islower() and head.lower_ in _ORG_NOUNS:
        # « , l'Administration d'État pour la régulation du marché, a estimé »: an article, a capitalised name,
        # and the closing comma right before the verb
        k = j + 1
        while k < sent.end and doc[k].pos_ == "DET":
            k += 1
        if k < sent.end and doc[k].text[:1].isupper() and doc[verb_first - 1].text == "," and verb_first - 1 > k \
                and verb_first - 1 - k <= MAX_SOURCE_WORDS and not any(t.is_quote for t in doc[k:verb_first]):
            return _top(doc[k])
    return head
    doc = head.doc
    for child in head.children:  # between commas only: « le vice-Premier ministre He Lifeng » is one phrase
        if child.dep_ in ("appos", "conj") and child.pos_ == "PROPN" and child.i > head.i and child.i > 0 \
                and doc[child.i - 1].text == ",":
            return child
    # the small model often hangs the name elsewhere: read the words instead, « <phrase> , Name Name , »
    bounds = _trim(head)
    if bounds is not None:
        j = bounds[1]
        if j < _sent(head).end - 2 and doc[j].text == ",":
            k = j + 1
            while k < _sent(head).end and k - j <= 4 and doc[k].text[:1].isupper() \
                    and (doc[k].pos_ == "PROPN" or re.fullmatch(r"(?:[A-Z]\.)+", doc[k].text)):  # « C.C. Wei »
                k += 1
            if k > j + 1 and k < _sent(head).end and doc[k].text in (",", ".") and (doc[k].text == "," or k == _sent(head).end - 1):
                return _top(doc[j + 1])
    return head


def _speaker_after(verb, end: int):
    """The first noun phrase after an inverted verb, over words of time and manner: its head token."""
    sent = _sent(verb)
    i = end
    while i < sent.end:
        tok = sent.doc[i]
        if tok.lower_ in _BETWEEN or tok.pos_ == "ADV":
            i += 1
        elif i > end and tok.pos_ in ("VERB", "ADJ") and feature(tok, "VerbForm") == "Part" \
                and tok.lower_ not in FORMS and sent.doc[i - 1].pos_ in ("NOUN", "PROPN"):
            i += 1  # « devant les eurodéputés réunis à Strasbourg »: a participle of the adjunct, then its own adjunct
        elif tok.lower_ in ("des", "du") and i + 1 < sent.end and _can_speak(sent.doc[i + 1]):
            break  # « ont confié à l'AFP des sources proches du dossier »: the article, tagged as a preposition
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
    while j < sent.end and (sent.doc[j].pos_ in ("DET", "ADJ", "NUM") or (j == i and sent.doc[j].lower_ in ("des", "du"))) \
            and sent.doc[j].lower_ not in _BETWEEN:
        j += 1
    if j < sent.end and sent.doc[j].pos_ in ("NOUN", "PROPN", "PRON") and sent.doc[j].lower_ not in _RELATIVES \
            and not sent.doc[j].is_punct and sent.doc[j].text not in ("«", "»", '"', "on"):
        return _top(sent.doc[j])
    if j > i and sent.doc[j - 1].pos_ == "ADJ":  # « un haut fonctionnaire » with the noun tagged as an adjective
        # (« un haut fonctionnaire chinois »: the word that can speak, not the last adjective)
        return next((t for t in reversed(sent.doc[i:j]) if _can_speak(t)),
                    None if sent.doc[j - 1].is_quote else sent.doc[j - 1])
    return None


def _noun_group(sent, i: int) -> int:
    """The index after one noun group from ``i``: determiners and adjectives, one noun, its adjectives."""
    while i < sent.end and sent.doc[i].pos_ in ("DET", "NUM") or (i < sent.end and sent.doc[i].pos_ == "ADJ"
                                                                   and i + 1 < sent.end and sent.doc[i + 1].pos_ == "NOUN"):
        i += 1
    if i < sent.end and sent.doc[i].pos_ in ("NOUN", "PROPN"):
        named = sent.doc[i].pos_ == "PROPN" or sent.doc[i].text[:1].isupper() or sent.doc[i].lower_ in _MEDIA_NOUNS
        i += 1
        while i < sent.end and (sent.doc[i].pos_ == "ADJ" or (named and sent.doc[i].pos_ in ("PROPN", "NUM", "NOUN")
                                                              and sent.doc[i].text[:1].isupper())):
            i += 1
    return i


def _top(tok):
    """The head of a name written in several words (« Financial » for « Financial Times »)."""
    while tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("flat:name", "compound", "flat") \
            and tok.head.lower_ not in FORMS:  # « », prévient Bruxelles » parsed as one name: the verb is not its head
        tok = tok.head
    return tok


def _agrees(verb, first: int, noun) -> bool:
    """Whether ``noun`` agrees in number with the verb (or its first auxiliary), when both say."""
    finite = verb.doc[first] if first < verb.i else verb
    a, b = feature(finite, "Number"), feature(noun, "Number")
    if not a and finite.lower_ in FORMS:  # the small model left the verb untagged: its written form says
        a = "Plur" if finite.lower_.endswith(("ent", "aient")) else "Sing"
    return not a or not b or a == b


def _inverted(verb, first: int) -> bool:
    """True when the verb (its auxiliaries from ``first``) follows a comma or a quote: an incise."""
    i = first - 1
    return i >= _sent(verb).start and verb.doc[i].text in (",", "»", '"', "”")


def _clitic(verb, first: int, end: int):
    """« a-t-il ajouté »: the inverted pronoun after the verb or its auxiliary, if any."""
    doc, clitics = verb.doc, _marks(verb.doc)[1]
    lo, hi = max(_sent(verb).start, first - 3), min(end + 3, _sent(verb).end)
    for i in clitics[bisect.bisect_left(clitics, lo):bisect.bisect_left(clitics, hi)]:
        if abs(i - verb.i) <= 3:
            return doc[i]
    return None


def _from_source(verb):
    """« a-t-on appris de source proche du dossier », « de source industrielle, on indique »: the source named
    with « de source », or « chez X » after the verb; None when « on » names no one."""
    sent = _sent(verb)
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
    if any(t.lower_ in ("que", "qu'", "qu’") for t in verb.doc[verb.i + 1:min(verb.i + 5, _sent(verb).end)]):
        return True  # « a informé les syndicats qu'il … »
    if any(c.dep_ == "advcl" and c.i > verb.i and any(g.dep_ == "mark" and g.lower_ in ("que", "qu'", "qu’")
                                                     for g in c.children) for c in verb.children):
        return True  # « a été informé par La Haye que … », the clause parsed as an adverbial
    sent = _sent(verb)
    quote_before = any(t.text in ("»", '"') for t in verb.doc[sent.start:first])
    quote_after = any(t.text == "«" for t in verb.doc[verb.i + 1:sent.end])
    # an incise (« …, a lancé X ») reports; « Plusieurs sénateurs, dont …, s'inquiètent de … » has its subject before
    incise = _inverted(verb, first) and not any(c.dep_ in _SUBJECT_DEPS and c.i < first for c in verb.children)
    return quote_before or quote_after or incise


def _speaker(verb, first: int, end: int):
    """The token heading who speaks, for a reporting verb (its form spans ``first``..``end``)."""
    lemma, sent = FORMS.get(verb.lower_), _sent(verb)
    data = lemma == "montrer" and any(
        c.dep_ in _SUBJECT_DEPS and c.lower_ in _CONTENT_OR_DOCUMENT for c in verb.children)
    if lemma in NEEDS_CONTENT and not _has_content(verb, first) and not data:
        return None  # (« les chiffres de l'Insee montrent un repli »: figures speak by what they show)
    if lemma == "accuser" and any(t.lower_ in _SETBACKS for t in verb.doc[verb.i + 1:min(verb.i + 8, sent.end)]):
        return None  # « les puces accusent un retard », « le titre accuse une baisse »: to show a setback, not speech
    if lemma == "appeler" and not any(
            t.lower_ in ("à", "au", "aux") for t in verb.doc[verb.i + 1:min(verb.i + 10, sent.end)]):
        return None  # « Pékin appelle ses géants à renoncer » is a call; « une puce appelée H20 » is a name
    if lemma in ("demander", "recommander") and not _has_content(verb, first) and not any(
            c.dep_ in ("xcomp", "ccomp", "iobj") or (c.dep_.startswith("obl") and any(
                g.lower_ in ("à", "au", "aux") for g in c.children)) for c in verb.children):
        return None  # « ont demandé des licences » applies for them; « a demandé à X de justifier » asks X
    if (_form(verb.doc, verb.i) or ("",))[0] == "faire état" and any(t.lower_ == "par" for t in verb.doc[sent.start:first]):
        return None  # « Des chiffres rapportés par un quotidien font état de … »: the paper speaks, through its figures
    if any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") and c.i > sent.start
           and verb.doc[c.i - 1].lower_ in ("pour", "afin") for c in verb.children):
        return None  # « a convoqué ses dirigeants pour qu'ils s'expliquent »: speech asked for, not reported
    if lemma == "assurer" and not _inverted(verb, first) and not _has_content(verb, first) \
            and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None  # « Pékin assure ne donner aucune consigne » says; « la Chine assure 90 % du raffinage » provides
    clitic = _clitic(verb, first, end)
    if clitic is not None and clitic.nbor(-1).lower_ not in ("est", "sont", "était", "étaient", "sera"):
        # (« est-il écrit dans le décret » is an impersonal passive: the document speaks, below)
        return clitic if clitic.lower_ != "-on" else _from_source(verb)
    if feature(verb, "VerbForm") == "Inf" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head  # « a tenu à préciser »: who speaks is the subject of « tenir »
        head_first = head.i
        while head_first > _sent(head).start and verb.doc[head_first - 1].dep_.startswith("aux") \
                and verb.doc[head_first - 1].head.i == head.i:
            head_first -= 1
        return _speaker_of(head, head_first, head.i + 1, passive_only=False)
    if lemma == "tenir" and any(c.dep_ == "xcomp" and c.lower_ in REPORTING_VERBS for c in verb.children):
        return _speaker_of(verb, first, end, passive_only=False)  # « a tenu à préciser », parsed from « tenu »
    if lemma in REFLEXIVE_ONLY and not any(
            t.lower_ in ("s'", "s’", "se") for t in verb.doc[max(sent.start, first - 1):verb.i]):
        return None
    if lemma in SOURCE_ONLY:
        return _from_source(verb) if any(t.lower_ in ("source", "sources") for t in sent) else None
    return _speaker_of(verb, first, end)


def _speaker_of(verb, first: int, end: int, *, passive_only: bool = True):
    """:func:`_speaker` once the special forms are handled (``passive_only=False``: « tenu » of « a tenu à
    préciser », which reports through its infinitive)."""
    children = list(verb.children)
    has_avoir = any(c.dep_ == "aux:tense" and c.lower_ in ("a", "ont", "avait", "avaient", "aurait", "auraient", "aura",
                                                          "ayant")  # « le groupe ayant confirmé »
                    for c in children)
    # (« », écrit l'ancien conseiller »: a present tense in an incise, though it reads as a participle)
    reflexive = any(c.lower_ in ("s'", "s’", "se") and c.i < verb.i for c in children)  # « s'est félicité »: active
    passive = any(c.dep_ == "aux:pass" for c in children) or (verb.lower_ in PARTICIPLES and not has_avoir
                                                              and not reflexive
                                                              and feature(verb, "Tense") != "Pres"
                                                              and not (verb.lower_ in _PRESENT_TOO and first == verb.i
                                                                       and _inverted(verb, first)))
    # the agent, or one the small model hung under an adverb of the verb (« rapportés plus tôt par … »)
    near = children + [g for c in children if c.dep_ in ("advmod", "xcomp", "obl:mod") and c.i > verb.i
                       and (c.pos_ == "ADV" or c.lower_ in _BETWEEN) for g in c.children]
    agent = next((c for c in near if c.dep_ == "obl:agent"), None)
    if agent is None:
        agent = next((c for c in children if (c.dep_.startswith("obl") or c.dep_ == "nmod") and c.i > verb.i
                      and any(g.lower_ == "par" and g.dep_ == "case" for g in c.children)), None)
    if passive_only and FORMS.get(verb.lower_) in PASSIVE_ONLY and not (passive and agent is not None):
        return None
    if FORMS.get(verb.lower_) == "publier" and verb.head.lower_ in _OPINION_NOUNS:
        return None  # « une tribune publiée par le Washington Post »: the paper prints its author's words
    if passive and agent is None and FORMS.get(verb.lower_) != "citer":  # « cité par X » is not X's speech
        agent = _agent_by_surface(verb)
    if passive and agent is not None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN" \
            and FORMS.get(verb.lower_) in ("annoncer", "confirmer", "détailler", "publier") \
            and not _can_speak(verb.head) and not any(t.text == "«" for t in verb.doc[verb.i + 1:agent.i]):
        return None  # « les mesures annoncées par Washington »: an act reported, not words
    if passive:
        if agent is not None:
            return agent
        expletive = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.lower_.lstrip("-") == "il"), None)
        place = next((c for c in children if c.dep_.startswith("obl")
                      and any(g.lower_ == "dans" for g in c.children) and c.lower_ in _DOCUMENT_NOUNS), None)
        return place if expletive is not None else None  # « est-il écrit dans le décret »
    # (« -ant » first: the morphology is the dearer question, and every present participle ends so)
    if verb.lower_.endswith("ant") and feature(verb, "Tense") == "Pres" and feature(verb, "VerbForm") == "Part" \
            and verb.i > _sent(verb).start \
            and verb.nbor(-1).pos_ in ("PROPN", "NOUN"):
        noun = verb.nbor(-1)  # « Pékin affirmant que », « le ministre de l'Economie jugeant que »
        while noun.dep_ in ("nmod", "flat:name", "flat", "appos") and noun.head.i < noun.i \
                and noun.head.pos_ in ("NOUN", "PROPN") and noun.i - noun.head.i <= 6 \
                and not any(t.text == "," for t in verb.doc[noun.head.i:noun.i]):
            noun = noun.head
        return _top(noun)
    if FORMS.get(verb.lower_) == "citer":  # « Bloomberg, qui cite des sources »: the cited speak
        cited = next((c for c in children if c.dep_ == "obj"), None)
        if cited is not None:
            return cited
    participle = feature(verb, "VerbForm") == "Part" and feature(verb, "Tense") == "Pres"
    gerund = verb.lower_.endswith("ant") and verb.i > _sent(verb).start and verb.nbor(-1).lower_ == "en"
    if (participle or gerund) and verb.i > _sent(verb).start and verb.nbor(-1).text in (",", "en") \
            and _sent(verb).root.i != verb.i:
        # « …, estimant que … », « …, qualifiant ces informations de … »: the main clause's speaker, never a
        # noun the small model hung the participle on
        main = _sent(verb).root
        doc, k = verb.doc, verb.i - 2
        while k > _sent(verb).start and doc[k].pos_ == "PROPN" and verb.i - k <= 5:
            k -= 1
        if k < verb.i - 2 and doc[k].text == ",":
            return _top(doc[k + 1])  # « …, son président tournant, Eric Xu, assurant que »: the name between commas
        # its own subject first (« son président, Eric Xu, assurant que »), else the main clause's
        said = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i
                     and not any(t.text in ("«", "»", '"') for t in verb.doc[c.i:verb.i])
                     and sum(t.text == "," for t in verb.doc[c.i:verb.i]) <= 2), None) or \
            next((c for c in main.children if c.dep_ in _SUBJECT_DEPS), None)
        if said is None:
            said = next((g for c in main.children if c.dep_.startswith("aux") for g in c.children
                         if g.dep_ in _SUBJECT_DEPS), None)
        return None if said is None or said.lower_ in _RELATIVES or said.lower_ == "on" else _top(said)
    # « Le président de la commission, John Moolenaar, a exhorté le département … »: the comma before the verb
    # closes a name in apposition to its subject, and what follows the verb is its object, not an inverted speaker
    doc = verb.doc
    k = first - 2
    while k > _sent(verb).start and (doc[k].pos_ == "PROPN" or doc[k].text in _HONORIFICS) and first - k <= 5:
        k -= 1  # (« , Me Hervé Lambert, »: a lawyer's title before the name)
    subject_before = k < first - 2 and doc[k].text == "," and any(
        c.dep_ in _SUBJECT_DEPS and c.i < first and c.lower_ not in _RELATIVES for c in children)
    opener = _subject_before_a_relative(verb, first)
    if opener is not None:
        return opener
    if _inverted(verb, first) and not participle and not subject_before:
        after = _speaker_after(verb, end)
        qualified = FORMS.get(verb.lower_) == "qualifier" and after is not None and any(
            t.lower_ in ("de", "d'", "d’") for t in doc[after.i + 1:min(after.i + 3, _sent(verb).end)])
        if after is not None and _agrees(verb, first, after) and not qualified:
            return after  # « …, a reconnu le directeur financier », whatever the small model calls it
            # (« …, a qualifié le H200 de produit dépassé »: what follows is what is qualified, not who)
    subject = next((c for c in children if c.dep_ in _SUBJECT_DEPS and c.lower_ not in _BETWEEN), None)
    if subject is None:
        for aux in (c for c in children if c.dep_.startswith("aux")):
            subject = next((c for c in aux.children if c.dep_ in _SUBJECT_DEPS), subject)
    if subject is None and verb.dep_ in ("aux", "aux:tense", "dep") and verb.head.i > verb.i \
            and verb.head.pos_ in ("VERB", "AUX"):
        # « fait savoir », « affirme pouvoir »: the model made the cue an auxiliary of the next verb, which has the subject
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None:  # the small model put the subject under an incise before the verb
        subject = next((g for c in children if c.dep_ == "advcl" and c.i < verb.i
                        for g in c.children if g.dep_ in _SUBJECT_DEPS and g.i < c.i and g.lower_ not in _RELATIVES),
                       None)
    if subject is None and feature(verb, "VerbForm") == "Part" and feature(verb, "Tense") == "Pres" \
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
    if any(c.dep_ == "obj" and c.lower_ in ("que", "qu'", "qu’") for c in children):
        after = _speaker_after(verb, end)  # « …, ce qu'a démenti le ministère »: the subject follows the verb
        if after is not None:
            return after
    if verb.dep_ not in ("obj", "iobj", "ROOT") and not verb.dep_.startswith("obl") and verb.head.i < verb.i \
            and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        # « Pékin affirmant que »; and what the small model mis-parses as a noun's dependent: headlines
        # (« Pékin dément ») and subjects with material in between (« Certains élus, notamment …, dénoncent »);
        # up the chain of complements to the subject's own noun (« Deux sources au sein de l'industrie affirment »)
        noun = verb.head
        while noun.dep_ in ("nmod", "obl", "obl:mod", "obl:arg", "flat:name", "flat") and noun.head.i < noun.i \
                and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i >= _sent(verb).start:
            noun = noun.head
        return _top(noun)
    if verb.dep_ == "conj" and verb.head.i < verb.i:
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        after = _speaker_after(verb, end)
        if after is not None and (after.pos_ == "PROPN" or after.lower_ in _SPEAKER_NOUNS):
            return after  # « Reste que …, estime un analyste » without its comma
    if subject is None:
        subject = _word_before(verb, first)  # a headline the small model could not parse: « Huawei promet … »
    return subject


#: Titles written before a name (« Me Hervé Lambert », « M. Dupont »).
_HONORIFICS = {"M.", "Mme", "Mmes", "MM.", "Me", "Dr", "Pr", "Mgr", "Maître"}
_AUXILIARIES = {"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "est", "sont", "était", "étaient"}


def _phrase_before(doc, k: int, start: int):
    """The head of the noun phrase that ends right before token ``k`` (« Le président américain | a »), or None."""
    i = k - 1
    while i > start and doc[i].pos_ == "ADJ" and doc[i].text.islower():
        i -= 1
    if i < start:
        return None
    tok = doc[i]
    if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "PRON" and tok.lower_ in _PRONOUNS):
        return _top(tok)
    return None


def _auxiliary_before_an_incise(doc, first: int, start: int) -> int | None:
    """Where the cue starts when words stand between the auxiliary and the participle: « a, pour sa part, fait
    savoir », « a, sur son réseau social, menacé », « ont en outre prévenu ». The auxiliary at most seven words back,
    over an incise between commas or adverbs; None when there is none."""
    k = first - 1
    commas = 0
    while k >= start and first - k <= 8:
        tok = doc[k]
        if tok.lower_ in _AUXILIARIES and k < first - 1:
            return k if commas in (0, 2) and (commas == 2 or all(t.pos_ == "ADV" or t.lower_ in ("en", "outre")
                                                                  for t in doc[k + 1:first])) else None
        if tok.text == ",":
            commas += 1
        elif tok.pos_ in ("VERB", "AUX") or tok.is_quote or tok.text in (".", ";", ":"):
            return None
        k -= 1
    return None


def _subject_before_a_relative(verb, first: int):
    """« Huawei, dont les puces Ascend sont présentées comme l'alternative, a reconnu que … »: the sentence opens with
    a noun phrase, a relative clause between commas follows, and the verb comes right after it. The small model
    often hangs the opening name on the relative's verb; the words say it is the subject."""
    doc, sent = verb.doc, _sent(verb)
    if first - 1 <= sent.start or doc[first - 1].text != ",":
        return None
    comma = next((t.i for t in doc[sent.start:first - 1] if t.text == ","), None)
    if comma is None or comma == sent.start:
        return None
    opening = doc[sent.start:comma]
    named = all(t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES or t.text == "-" for t in opening)
    if doc[comma + 1].lower_ not in ("dont", "qui") and not (named and doc[comma + 1].pos_ == "DET"):
        return None  # neither « X, dont … , a dit » nor « Jensen Huang, le fondateur de Nvidia, a dit »
    if any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in opening) or any(t.is_quote for t in doc[comma:first]):
        return None
    found = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and sent.start <= c.i < comma), None)
    if named:
        return _top(doc[sent.start])
    if found is not None:
        return _top(found)  # the parse found it (and what follows the verb is not an inverted speaker)
    nouns = [t for t in opening if t.pos_ in ("NOUN", "PROPN")]
    return _top(nouns[0]) if nouns else None


def _agent_by_surface(verb):
    """« un chiffre jugé « exagéré » mercredi par le secrétaire au Trésor », « qualifiée de « préventive » par le
    ministre »: the agent of a participle read from the words, over a quotation, « de » and words of time, when the
    parse hung it elsewhere. None at a comma, another verb or after a dozen words."""
    doc, sent = verb.doc, _sent(verb)
    i, quoted = verb.i + 1, False
    while i < min(sent.end, verb.i + 14):
        tok = doc[i]
        if tok.text == "«":
            quoted = True
        elif tok.text == "»":
            quoted = False
        elif not quoted:
            if tok.lower_ == "par":
                j = i + 1
                while j < sent.end and doc[j].pos_ == "DET":
                    j += 1
                # (« par plusieurs analystes », the noun tagged as an adjective after a quantifier)
                return doc[j] if j < sent.end and (doc[j].pos_ in ("NOUN", "PROPN") or doc[j].lower_ in _SPEAKER_NOUNS) \
                    else None
            if tok.lower_ in _BETWEEN_OR_DE:
                i += 1  # (« jeudi », whatever the small model tags it)
                continue
            if tok.text in (",", ";", ":") or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "xcomp") \
                    or tok.pos_ != "ADV":
                return None
        i += 1
    return None


def _word_before(verb, first: int):
    """The name or speaking noun right before a verb (over object pronouns: « ASML les juge »), in a headline."""
    doc, i = verb.doc, first - 1
    while i >= _sent(verb).start and doc[i].lower_ in ("les", "la", "le", "l'", "l’", "lui", "leur", "y", "en", "se",
                                                     "s'", "s’", "ne", "n'", "n’"):
        i -= 1
    if i < _sent(verb).start:
        return None
    while i > _sent(verb).start and doc[i].pos_ == "ADJ" and doc[i].text.islower() and _can_speak(doc[i - 1]):
        i -= 1  # « la filiale chinoise affirme »
    tok = doc[i]
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "VERB", "ADJ", "X") or _can_speak(tok):
        return _top(tok)
    return None


def _after_colon(verb, first: int, head):
    """« Puces H20 : Nvidia dément … »: a headline's speaker comes after its colon, not before it."""
    colon = next((t for t in verb.doc[head.i + 1:first] if t.text == ":"), None)
    if colon is None:
        return head
    found = _word_before(verb, first)
    return found if found is not None and found.i > colon.i else None


def _selon(tokens, i: int):
    """The head of « selon X » / « d'après X » when X can speak, else None."""
    tok = tokens[i]
    if tok.lower_ == "selon":
        cue_start = i
    elif tok.lower_ == "après" and i > 0 and tokens[i - 1].lower_ in ("d'", "d’"):
        cue_start = i - 1
    elif tok.lower_ == "croire" and i > 1 and tokens[i - 1].lower_ == "en" and tokens[i - 2].lower_ == "à":
        cue_start = i - 2  # « à en croire les analystes »
    elif tok.lower_ == "pour" and tok.is_sent_start and any(t.text == "«" for t in tokens[i + 1:i + 40]):
        cue_start = i  # « Pour Marc Delorme, analyste chez Oddo BHF, « le marché a déjà … » »
    else:
        return None
    noun = tok.head if tok.dep_ in ("case", "fixed") and tok.head.i > tok.i and tok.lower_ not in ("croire", "pour") \
        else None
    if noun is None:
        nxt = next((t for t in tokens[i + 1:i + 4] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        noun = nxt
    if noun is None or noun.lower_ in _RELATIVES or any(t.lower_ in ("nos", "notre") for t in tokens[i + 1:noun.i]):
        return None  # « selon nos informations »: the outlet's own reporting, no one else's
    if noun.lower_ in _CONTENT_NOUNS and any(t.lower_ == "par" for t in tokens[noun.i + 1:min(noun.i + 6, _sent(noun).end)]):
        return None  # « selon des propos relayés par l'agence »: the participle names the speaker
    # « selon un communiqué conjoint »: the small model may make the adjective the head and the noun its modifier
    inner = any(_can_speak(t) for t in tokens[i + 1:noun.i] if t.head.i == noun.i)
    if noun.pos_ == "PROPN" or (noun.pos_ == "PRON" and noun.lower_ in _PRONOUNS) or _can_speak(noun) \
            or noun.text[:1].isupper() or inner:
        return cue_start, _top(noun)
    return None


def _can_speak(tok) -> bool:
    """A noun that can speak (or be read from): « cabinets » as « cabinet », « statistiques », « communiqué »."""
    word = tok.lower_
    return word in _SPEAKER_NOUNS or word in _CONTENT_NOUNS or (word[-1:] in ("s", "x") and word[:-1] in _SPEAKER_NOUNS)


def _attribution(text: str, base: int, offset: int, head, cue: str, cue_span: tuple[int, int]):
    bounds = _trim(head)
    if bounds is None:
        return None
    doc = head.doc
    lo, hi = bounds
    if head.pos_ == "PROPN":  # the title in front of a name belongs to the source (« le sénateur démocrate Chris Coons »)
        k = lo - 1
        while k >= _sent(head).start and lo - k <= 6 and (doc[k].pos_ in ("NOUN", "ADJ", "PROPN")
                                                        or doc[k].lower_ in ("de", "du", "des", "au", "aux", "à", "d'", "d’")
                                                        or (doc[k].lower_ in ("la", "l'", "l’") and k > 0
                                                            and doc[k - 1].lower_ in ("de", "à"))):
            if doc[k].lower_ in _WHO_NOUNS and doc[k].pos_ == "NOUN" \
                    and (k == _sent(head).start or doc[k - 1].pos_ == "DET" or doc[k - 1].lower_ in _RANKS):
                lo = k
                while lo - 1 >= _sent(head).start and doc[lo - 1].lower_ in _RANKS:
                    lo -= 1  # « l'ancien conseiller à la sécurité nationale Jake Sullivan »
                break
            k -= 1
    lo = _list_before(doc, lo, head)
    start, end = doc[lo].idx - base, doc[hi - 1].idx + len(doc[hi - 1]) - base
    if doc[lo].lower_ in _CLITICS:
        start += 1  # « -ils »: the pronoun, not its hyphen
    source = text[start:end].strip()
    if not source or source.split()[0].lower() in _RELATIVES or len(source.split()) > MAX_SOURCE_WORDS \
            or not re.search(r"[^\W\d_]", source):
        return None  # (« s'est dit « confiant » »: a quotation mark, parsed as the subject, names no one)
    kind = source_kind(source)
    indefinite = lo > 0 and doc[lo - 1].lower_ in ("un", "une", "des") and lo - 1 >= _sent(head).start
    if indefinite and kind in ("organisation", "person") and sum(w[:1].isupper() for w in source.split()) < 2:
        kind = "anonymous"  # "un responsable", "des entreprises": no one in particular
    span = (min(start, cue_span[0]), max(end, cue_span[1]))
    return Attribution(offset + span[0], offset + span[1], source, cue, kind)


#: What « accuser » shows when it does not accuse: « accuser un retard », « accuser une baisse de 5 % ».
_SETBACKS = {"retard", "recul", "baisse", "hausse", "perte", "pertes", "déficit", "repli", "chute", "coup",
             "ralentissement", "écart", "génération", "générations", "trimestre"}
#: Verbs whose infinitive complement reports through them: « s'est contenté de rappeler », « s'est borné à répéter ».
_GOVERNORS = {"contenté", "contentée", "contentés", "contente", "contentent", "borné", "bornée", "borne", "bornent",
              "empressé", "empressée", "empresse"}
#: Words that open a source without a verb: « selon X », « d'après X », « à en croire X », « Pour X, « … » ».
_OTHER_CUES = frozenset(("selon", "après", "croire", "pour"))


#: Every word that can open a cue (verb forms, infinitives, « selon »…), hashed as spaCy hashes lower-case text.
_CUE_HASHES = frozenset(hash_string(w) for w in _FIRST_WORDS | _OTHER_CUES | set(REPORTING_VERBS))
_CLITIC_HASHES = frozenset(hash_string(w) for w in _CLITICS)
_QUOTE_HASHES = frozenset(hash_string(w) for w in ("«", "»"))
_NEGATION_HASHES = frozenset(hash_string(w) for w in ("ne", "n'", "n’"))


def _cue_positions(doc, lo: int, hi: int) -> list[int]:
    """The token indices in ``lo``..``hi`` whose lower-case text can open a cue: found for the whole document in one
    vectorised pass, remembered while its sentences are read one by one."""
    positions = _marks(doc)[0]
    return positions[bisect.bisect_left(positions, lo):bisect.bisect_left(positions, hi)]


#: What :func:`_marks` finds, in the order of its lists.
_MARKED = (_CUE_HASHES, _CLITIC_HASHES, _QUOTE_HASHES, _NEGATION_HASHES)
_ANY_MARK = frozenset().union(*_MARKED)


def _marks(doc) -> tuple[list[int], list[int], list[int], list[int]]:
    """The token indices of ``doc`` that open a cue, that are an inverted pronoun (« -il »), that are a quotation
    mark « or » and that are a negation's « ne », found in one vectorised pass over spaCy's lower-case hashes and
    remembered while the document is read (reading tokens one by one makes a Python object of each)."""
    memo = getattr(_memo, "marks", None)
    if memo is None or memo[0] is not doc:
        lowers = doc.to_array(LOWER).astype("uint64").tolist()  # (spaCy keeps the hashes signed)
        found: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
        for i, h in enumerate(lowers):
            if h in _ANY_MARK:  # (most words are none: one test)
                for marks, hashes in zip(found, _MARKED, strict=True):
                    if h in hashes:
                        marks.append(i)
        memo = _memo.marks = (doc, found)
    return memo[1]


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
    cues = _cue_positions(doc, lo, hi)  # most words are no cue: visit only those that are
    c = 0
    while True:
        while c < len(cues) and cues[c] < i:
            c += 1
        if c == len(cues):
            break
        i = cues[c]
        tok = doc[i]
        if i >= sent_end:  # a new sentence: its bounds once (Token.sent walks the sentence each time it is asked)
            sent = _memo.sent = tok.sent
            sent_end = sent.end
            earlier = []  # the speakers found so far in this sentence
            if len(sent) > MAX_SENTENCE_TOKENS:
                i = sent_end
                continue
        word = tok.lower_
        if word in REPORTING_VERBS and tok.head.lower_ in _GOVERNORS and tok.head.i < tok.i:
            word = ""  # « s'est contenté de rappeler que »: the infinitive reports, through its governor's subject
        elif word not in _FIRST_WORDS and word not in _OTHER_CUES:
            i += 1
            continue
        selon = _selon(doc, i) if word in _OTHER_CUES else None
        if selon is not None and selon[1].lower_ in _PRONOUNS and earlier:
            selon = None  # « ont dénoncé une décision qui, selon eux, … »: the speakers already named, once
        if selon is not None:
            cue_start, noun = selon
            if noun.lower_ not in _CONTENT_OR_DOCUMENT:
                noun = _name_in_apposition(noun)  # « Pour l'économiste en chef de Natixis, Alicia García-Herrero, »
            cue_tok = doc[cue_start]
            cue = text[cue_tok.idx - base:tok.idx - base + len(tok)].lower()
            a = _attribution(text, base, offset, noun, cue, (cue_tok.idx - base, tok.idx - base + len(tok)))
            if a:
                found.setdefault((a.start, a.end), a)
            i += 1
            continue
        form = _form(doc, i) if word else (tok.lower_, 1)
        if form is None or not _is_verb(tok) or _negated(tok):
            i += 1
            continue
        _, width = form
        # the auxiliaries in front belong to the cue: « a déclaré », « aurait indiqué », « ont été rapportées »
        first = i
        while first > max(lo, sent.start) and doc[first - 1].dep_.startswith("aux") and doc[first - 1].head.i == tok.i:
            first -= 1
        if first > max(lo, sent.start) and doc[first - 1].lower_ in ("s'", "s’", "se"):
            first -= 1  # « », s'est félicité le gouverneur »: the reflexive pronoun opens the incise
        split = _auxiliary_before_an_incise(doc, first, max(lo, sent.start))
        if split is not None:
            first = split  # « a, pour sa part, fait savoir », « ont en outre prévenu »: the auxiliary is the cue's
        last = doc[min(i + width, hi) - 1]
        lemma = FORMS.get(tok.lower_)
        if (lemma in WEAK and _reported_by_a_later_incise(tok, last.i + 1)) \
                or (lemma in _WEAK_OR_ASKING and _in_reported_clause(tok)) \
                or (lemma in _WEAK_OR_DEMANDING and _reported_by_selon(tok)):
            i += width  # « La Chine réclame des garanties, a ajouté le président »: what he said, not a report
            continue
        participle = tok.lower_.endswith("ant") and first > sent.start and doc[first - 1].text in (",", "en")
        if participle and not earlier and _reported_by_selon(tok):
            i += width  # « Pékin aurait demandé …, invoquant …, selon Bloomberg »: the newspaper's account
            continue
        if participle and earlier:
            head = earlier[-1]  # « a regretté Jensen Huang, ajoutant que … »: the speaker already named goes on
        else:
            head = _speaker(tok, first, last.i + 1)
            if split is not None and head is None:  # such clauses parse poorly: the words before the auxiliary say who
                head = _phrase_before(doc, split, sent.start)
        if head is not None and head.i < first:
            head = _after_colon(tok, first, head)
        if head is not None and earlier and (head.lower_ in _PRONOUNS or lemma in NEEDS_CONTENT) \
                and _in_reported_clause(tok):
            head = None  # « a fait savoir qu'il jugeait … », « a indiqué que les dirigeants avaient évoqué … »: what
            # the speaker already named said, not a second report
        if head is not None and _quoted(head):
            head = None  # « « Nous ne voulons pas … » »: a word of the quotation is not who speaks
        if head is not None and head.dep_ == "conj" and _namelike(head) and _namelike(head.head) \
                and head.head.i < head.i and head.head.i >= sent.start \
                and not any(t.text == ":" for t in doc[head.head.i:head.i]):
            head = head.head  # « Microsoft, Amazon et Google ont fait savoir »: the list from its first name
        if head is not None and head.i != tok.i and lo <= head.i < hi:
            cue = text[doc[first].idx - base:last.idx - base + len(last)]
            for one in (head, *_coordinated(head)):
                one = _name_in_apposition(one, first)
                earlier.append(one)
                a = _attribution(text, base, offset, one, cue, (doc[first].idx - base, last.idx - base + len(last)))
                if a:
                    found.setdefault((a.start, a.end), a)
        i += width
    # one speaker is one source per sentence: « a-t-elle martelé, évoquant … » names her once
    seen: set[tuple[int, str]] = set()
    kept = []
    for a in sorted(found.values(), key=lambda a: (a.start, a.end)):
        key = (sentence_of(doc, a.start - offset + base), a.source.lower())
        if key not in seen:
            seen.add(key)
            kept.append(a)
    return kept


def _coordinated(head) -> list:
    """The other speakers of a coordinated subject when each has its own article (« le sénateur Jim Banks et la
    sénatrice Elizabeth Warren », « La société Rhodium Group et l'Institut Mercator »): two sources. Bare names
    (« Microsoft, Amazon et Google ») stay one source, the way the kinds read them."""
    # (« Le secrétaire au Commerce, Howard Lutnick, et le représentant …, Jamieson Greer, »: the subject is the
    # first name in apposition, which has no article of its own)
    if head.dep_ not in _SUBJECT_DEPS:
        return []
    in_apposition = head.pos_ == "PROPN" and head.i > _sent(head).start and head.doc[head.i - 1].text == ","
    if not (any(g.dep_ == "det" for g in head.children) or in_apposition):
        return []
    # the second speaker hangs on the first's head or on its name (« le sénateur Paul Martin et la députée … »)
    holders = [head, *(c for c in head.children if c.dep_ in ("appos", "flat:name", "nmod") and c.pos_ == "PROPN")]
    others = [c for h in holders for c in h.children if c.dep_ == "conj" and c.i > head.i
              and c.pos_ in ("NOUN", "PROPN") and _own_phrase(c)]
    # or on the verb, as a second subject after « et » (« Le secrétaire d'État, Paul Vidal, et la ministre, Anne
    # Morel, ont déclaré »)
    verb, doc = head.head, head.doc
    return others + [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i > head.i and c not in others
                     and c.pos_ in ("NOUN", "PROPN") and any(g.dep_ == "det" for g in c.children)
                     and c.left_edge.i > 0 and doc[c.left_edge.i - 1].lower_ in ("et", "ou") and c.i < verb.i]


def _own_phrase(tok) -> bool:
    """« et la députée Anne Roux »: a coordinated noun with its own article, a phrase of its own."""
    return any(g.dep_ == "det" and g.lower_ in _ARTICLES for g in tok.children) \
        and any(g.dep_ == "cc" and g.lower_ in ("et", "ou") for g in tok.children) \
        and not any(g.dep_ == "case" for g in tok.children)  # « Bureau de l'industrie et de la sécurité »: one name


def _namelike(tok) -> bool:
    """A proper name, or a capitalised word the small model tagged as a common noun (« Airbus »)."""
    return tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.pos_ in ("NOUN", "X"))


def _in_reported_clause(verb) -> bool:
    """True when the verb stands in the « que » clause of another reporting verb (« ont confirmé que Nvidia avait
    demandé … »)."""
    tok = verb
    for _ in range(6):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("ccomp", "xcomp") and (tok.head.lower_ in FORMS or tok.head.lower_ in REPORTING_VERBS):
            return True
        tok = tok.head
    return False


def _reported_by_selon(verb) -> bool:
    """True when « selon X » / « d'après X » opens the sentence or hangs on the verb: « D'après le Wall Street Journal,
    le MIIT a recommandé … » reports the newspaper's account of a demand, not the demand as said."""
    sent = _sent(verb)
    for tok in sent:
        if tok.i >= verb.i:
            break
        cue = tok.lower_ == "selon" or (tok.lower_ == "après" and tok.i > sent.start and tok.nbor(-1).lower_ in ("d'", "d’"))
        if cue and (tok.i <= sent.start + 1 or tok.head.head.i == verb.i):
            return True
    # « Pékin aurait demandé …, selon Bloomberg. »: the source closes the sentence
    tail = next((t for t in reversed(sent) if t.lower_ in ("selon", "après") and t.i > verb.i), None)
    return tail is not None and tail.i > sent.start and tail.nbor(-1).text in (",", "d'", "d’") \
        and not any(t.lower_ in FORMS and _is_verb(t) for t in verb.doc[tail.i + 1:sent.end])


def _reported_by_a_later_incise(verb, end: int) -> bool:
    """True when a reporting incise follows the verb's clause (« …, a ajouté le président », « …, a-t-il dit »):
    the clause is what was said, and its verb reports nothing of its own."""
    doc, sent = verb.doc, _sent(verb)
    if any(t.text in ("«", "»", '"') for t in doc[sent.start:verb.i]):
        return False  # a quotation before it: the verb may be an incise itself
    for j in range(end, sent.end - 1):
        if doc[j].text != ",":
            continue
        k = j + 1
        while k < sent.end and doc[k].pos_ == "AUX":
            k += 1
        bare_participle = k == j + 1 and doc[k].lower_ in PARTICIPLES and doc[k].lower_ not in _PRESENT_TOO
        if k < sent.end and doc[k].lower_ in FORMS and not doc[k].lower_.endswith("ant") and _is_verb(doc[k]) \
                and not bare_participle:  # « , estimé à 50 milliards, » qualifies a noun; it reports nothing
            return True
    return False


def sentence_of(doc, char: int) -> int:
    """The index of the first token of the sentence holding character ``char`` of ``doc`` (-1 for a space between
    words): the token by its offset, its sentence by the sentences' first tokens, both found in lists made once per
    document."""
    memo = getattr(_memo, "starts", None)
    if memo is None or memo[0] is not doc:
        sent_starts = doc.to_array(SENT_START).tolist()
        memo = _memo.starts = (doc, doc.to_array(IDX).tolist(),
                               [0] + [i for i in range(1, len(doc)) if sent_starts[i] == 1])
    _, offsets, firsts = memo
    i = bisect.bisect_right(offsets, char) - 1
    if i < 0 or char >= offsets[i] + len(doc[i]):
        return -1
    return firsts[bisect.bisect_right(firsts, i) - 1]


def find_attributions(text: str, offset: int = 0, tokens=None) -> list[Attribution]:
    """Return attributions in ``text`` (offsets shifted by ``offset``); ``tokens``: its parse, if already made."""
    from helpers.text.nlp import parse

    return attributions_in(parse(text) if tokens is None else tokens, text, offset)
