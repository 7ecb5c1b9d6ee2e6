"""Turn an :class:`~helpers.text.article.Article` into tidy tables (pandas DataFrames).

Every span table has ``start``/``end`` offsets into ``article.text`` and a ``surface`` (or
``text``) column, and ``article.text[start:end] == surface`` holds for every row: that is
what lets any number in the notebooks be traced back to the words it came from.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, fields
from functools import lru_cache

import pandas as pd

from helpers.text.article import Article
from helpers.text.attributions import find_attributions
from helpers.text.entities import (
    DESCRIPTORS,
    SENTENCE_WORDS,
    acronym_spans,
    apposed_person_spans,
    after_domain_opener,
    body_spans,
    department_name_start,
    described_spans,
    domain_end,
    english_body_spans,
    exchange_spans,
    institution_end,
    institution_label,
    intercapped_spans,
    is_nationality,
    kind_body_spans,
    listed_product_spans,
    lone_misc_firm,
    lone_surname,
    misc_person,
    name_parts,
    named_products,
    national_end,
    organisation_spans,
    person_spans,
    possessive_end,
    product_spans,
    product_start,
    station_spans,
    suffixed_spans,
    surname_spans,
    through_of,
    titled_spans,
    trade_house_spans,
    trimmed,
    with_company_suffix,
)
from helpers.text.figures import calendar_test, find_figures
from helpers.text.names import FULL_NAMES, KNOWN_PEOPLE, LISTED_KINDS
from helpers.text.hedges import find_hedges
from helpers.text.morphology import feature
from helpers.text.nlp import KEPT_STATISTICAL_LABELS, french_pipeline, load_gazetteer, pieces
from helpers.text.places import known_places, opens_sentence, part_end, place_spans, region_places, word_places
from helpers.text.tense import future_at
from helpers.text.timex import find_time_expressions

#: Text cells starting with one of these can run as a formula when a CSV is opened in a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe (OWASP's rule).

    Only text is changed, never numbers; :func:`read_csv_table` takes the apostrophe off again.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table_csv(df: pd.DataFrame) -> bytes:
    """One table as UTF-8 CSV bytes, formula-safe (see :func:`csv_safe`)."""
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(csv_safe)
    return safe.to_csv(index=False, float_format="%.15g", lineterminator="\n").encode("utf-8")


def read_csv_table(path) -> pd.DataFrame:
    """Read a table written by :func:`table_csv`, undoing the formula-safe apostrophe."""
    df = pd.read_csv(path, keep_default_na=False, na_values=[""])
    for col in df.columns:
        if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
            df[col] = df[col].map(
                lambda v: v[1:] if isinstance(v, str) and v.startswith("'") and v[1:].startswith(FORMULA_START) else v)
    return df


#: The tables, in the order the CLI writes them and the notebook shows them.
TABLE_NAMES = ("sentences", "entities", "mentions", "figures", "time_expressions", "attributions", "hedges")


@dataclass
class ArticleTables:
    """All tables extracted from one article (``claims`` only when annotations exist)."""

    sentences: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    figures: pd.DataFrame
    time_expressions: pd.DataFrame
    attributions: pd.DataFrame
    hedges: pd.DataFrame
    claims: pd.DataFrame | None = None

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """(name, table) pairs for every table present."""
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name) is not None]

    def row_counts(self) -> dict[str, int]:
        """Number of rows per table."""
        return {name: len(df) for name, df in self.items()}


def _slug(text: str) -> str:
    """« département d’État » -> departement_d_etat: accents folded, so ids stay readable ASCII."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'")).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")


def _paragraph_docs(article: Article) -> dict[int, object]:
    """spaCy's analysis of every paragraph, in one batched pass: sentences and entities both come from it."""
    return _paragraph_docs_many([article])[0]


#: About how many characters spaCy takes in one batch (memory grows with it; speed hardly does beyond this).
NLP_BATCH_CHARS = 100_000


def _paragraph_docs_many(articles: list[Article]) -> list[dict[int, object]]:
    """One batched spaCy pass over the paragraphs of many articles (what bounds the corpus mode's speed)."""
    from spacy.tokens import Doc

    nlp = french_pipeline()
    # the model splits « L’ » off as an entity with the typographic apostrophe, not with the straight one;
    # both are one character, so every offset stays the article's own
    texts = [a.text[p.start : p.end].replace("\u2019", "'") for a in articles for p in a.paragraphs]
    split = [pieces(t) for t in texts]
    # a batch's memory grows with its text: about 100,000 characters a batch keeps 1 MB of text under 1 GB
    longest = max((len(piece) for pieces in split for piece in pieces), default=1)
    batch = max(1, min(1000, NLP_BATCH_CHARS // max(longest, 1)))
    docs = iter(nlp.pipe((piece for pieces in split for piece in pieces), batch_size=batch))
    joined = iter([next(docs) if len(pieces) == 1 else Doc.from_docs([next(docs) for _ in pieces],
                                                                     ensure_whitespace=False)
                   for pieces in split])
    return [{p.paragraph_id: next(joined) for p in a.paragraphs} for a in articles]


#: Each table's columns, in order. Tables are built from plain rows (tuples) and made DataFrames once:
#: in corpus mode, once for all articles, since pandas costs more per small table than the text work.
COLUMNS = {
    "sentences": ["sentence_id", "paragraph_id", "kind", "start", "end", "text"],
    "entities": ["entity_id", "name", "type", "wikidata", "mentions"],
    "mentions": ["entity_id", "sentence_id", "start", "end", "surface"],
    "figures": ["figure_id", "sentence_id", "start", "end", "surface", "value", "unit", "qualifier"],
    "time_expressions": ["sentence_id", "start", "end", "surface", "kind", "value"],
    "attributions": ["sentence_id", "source", "source_kind", "cue", "start", "end"],
    "hedges": ["sentence_id", "start", "end", "surface", "kind"],
}


def sentence_rows(article: Article, docs: dict[int, object]) -> list[tuple]:
    """One row per sentence; headings are one sentence each, body paragraphs go through spaCy's senter."""
    spans = []
    for para in article.paragraphs:
        if para.kind == "heading":
            spans.append((para.paragraph_id, "heading", para.start, para.end))
            continue
        # the paragraph's own characters: spaCy keeps them all (Doc.text would rebuild them from every token)
        doc_text = article.text[para.start:para.end]
        for sent in docs[para.paragraph_id].sents:
            raw = doc_text[sent.start_char:sent.end_char]
            text = raw.strip()
            if not text:
                continue
            start = para.start + sent.start_char + (len(raw) - len(raw.lstrip()))
            spans.append((para.paragraph_id, "body", start, start + len(text)))
    return [(i, pid, kind, start, end, article.text[start:end])
            for i, (pid, kind, start, end) in enumerate(spans, start=1)]


_KICKER_COLON = re.compile(r"(?:\s+[a-zéèêàç][\w'’-]*){0,3}[ \u00a0\u202f]?:")  # (« Trêve commerciale : »)


def _kicker(ent, text: str) -> bool:
    """A one-word name the model found at a sentence's start, before a colon (after lower-case words at most), no place of
    :func:`~helpers.text.places.known_places` and no abbreviation: a headline's kicker (« Trêve : », « Luxe : »). A
    département named by a French word is still a place there (« Gironde : », « Somme : »)."""
    word = ent.text
    return (len(ent) == 1 and ent[0].is_sent_start and bool(_KICKER_COLON.match(text, ent.end_char))
            and (word not in known_places() or word in word_places() and word not in region_places())
            and not word.isupper() and LISTED_KINDS.get(word) != "ORG")


def entity_rows(article: Article, sentences: list[tuple], docs: dict[int, object]) -> tuple[list[tuple], list[tuple]]:
    """Rows of (entities, mentions): gazetteer hits are linked, other PER/LOC/ORG kept unlinked.

    Unlinked labels are corrected by :mod:`helpers.text.entities`: institutions become ORG, and
    product-shaped names (« Ascend 950 ») are kept as PRODUCT in place of what the model saw there.
    Entities come from the same paragraph analyses as the sentences (one spaCy pass per article);
    each mention is assigned to the sentence that contains it. Entities are sorted by mentions, then id.
    """
    gazetteer = load_gazetteer()
    starts = [row[3] for row in sentences]
    ids = [row[0] for row in sentences]
    mentions = []
    unlinked: dict[str, tuple[str, str]] = {}
    unplaced: set[tuple[int, int]] = set()  # (paragraph, start) of the « places » read as firms, for first names
    # the people the article names in full: a one-word « person » that is none of their surnames is a firm
    # (as trimmed: « maison mère de Macif » names no one in full, and « Macif » is no surname)
    # (a Doc makes its entities anew each time it is asked for them: asked once per paragraph here)
    ents = {para.paragraph_id: docs[para.paragraph_id].ents for para in article.paragraphs}
    # (not a listed firm the model read as a person: « Wallonie Entreprendre » names no one; nor a name that opens
    # with capitals, « CPC Blend »)
    named_in_full = {name for para in article.paragraphs for ent in ents[para.paragraph_id]
                     if ent.label_ == "PER" and " " in (name := _person_surface(article.text[para.start:para.end], ent))
                     and LISTED_KINDS.get(name, "PER") == "PER" and not re.match(r"[A-Z]{2,}\s", name)}
    own_full_names = frozenset(named_in_full - FULL_NAMES)  # (the listed ones are matched once per process)
    listed_people = _listed_people(tuple(e.name for e in gazetteer.values() if e.type == "PER"))
    # (the first and last words of those named in full, read once per process for the lists, once per article for
    # its own names, not once per entity)
    listed_words, listed_full_words = name_parts(listed_people)
    article_words, article_full_words = name_parts(frozenset(named_in_full))
    name_words, full_name_words = listed_words | article_words, listed_full_words | article_full_words
    for para in article.paragraphs:
        text = article.text[para.start:para.end]
        found = []  # (start, end, entity_id, name, label), offsets within the paragraph
        guessed: set[int] = set()  # starts of the one-word names labelled a firm for want of anything better
        for ent in ents[para.paragraph_id]:
            person = False  # (a MISC name that is a person's: :func:`~helpers.text.entities.misc_person`)
            if ent.ent_id_:
                # « Blackwell Ultra »: a product of the gazetteer keeps the variant written after it
                variant = _VARIANT_AFTER.match(text, ent.end_char) if ent.label_ == "PRODUCT" else None
                # (« Chine| continentale »: a linked place keeps the direction that names its part)
                end = part_end(text, ent.end_char) if gazetteer[ent.ent_id_].type == "LOC" else ent.end_char
                found.append((ent.start_char, variant.end() if variant else end, ent.ent_id_, "", ""))
            elif _kicker(ent, text):
                continue  # « Trêve : Washington et Pékin … »: a headline's first word before a colon, not a name
            elif len(ent) == 1 and _OPENING_PARTICIPLE.fullmatch(ent.text) and opens_sentence(text, ent.start_char) \
                    and re.match(r",|\s+par\s", text[ent.end_char:ent.end_char + 5]):
                continue  # « Contacté par l'AFP, … », « Interrogée, … »: a participle opening the sentence
            elif _REPUBLIC_TITLE.search(text, max(0, ent.end_char - 40), ent.end_char):
                continue  # « le président de la République »: a title
            elif (ent.label_ in KEPT_STATISTICAL_LABELS or _named_firm(ent.text)
                  or ent.label_ == "MISC" and (lone_misc_firm(text, ent.start_char, ent.end_char)
                                               or (person := misc_person(text, ent.start_char, ent.end_char)))) \
                    and institution_label(ent.text, ent.label_):
                start = trimmed(text, ent.start_char, ent.end_char)
                if (ent.label_ == "PER" or person) and (title := re.match(r"(?:Me|Mᵉ|Maître|Mgr|Dr|M\.|Mme|Mlle)\s+(?=[A-ZÉ])",
                                                              text[start:ent.end_char])):
                    start += title.end()  # « Me Claire Vasseur », « M. Clerc »: a title is not part of the name
                # « le ministre des Finances| Fernando Haddad »: the minister's domain, then the minister's full name
                minister = _MINISTER_OF.search(text, max(0, start - 30), start) \
                    and re.fullmatch(r"[A-ZÉ][\w-]+\s+([A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+){1,3})", text[start:ent.end_char])
                # « Commission européenne| de protéger l'aciérie »: a verb ends the name
                verb = next((t for t in ent if t.pos_ == "VERB" and feature(t, "VerbForm") == "Inf"
                             and t.i > ent.start + 1 and t.nbor(-1).lower_ in ("de", "d'", "d’")), None)
                # « Commission| promettant des prêts »: a present participle in lower case ends it too
                # (« Agence internationale de l'énergie| estime »: so does a conjugated verb)
                acting = next((t for t in ent if t.i > ent.start and t.is_lower and t.pos_ in ("VERB", "AUX")
                               and (feature(t, "VerbForm") == "Part" and feature(t, "Tense") == "Pres"
                                    or feature(t, "VerbForm") == "Fin")), None)
                raw_end = ent.end_char if verb is None else verb.nbor(-2).idx + len(verb.nbor(-2))
                if acting is not None:
                    before = acting.nbor(-1)
                    raw_end = min(raw_end, before.idx + len(before))
                # « Banque européenne d'investissement| et la »: the words of what follows are not the name's
                if tail := re.search(r"(?:\s+(?:et|ou|la|le|les|l['’]|une?|à|au|aux|en|pour|par|sur|avec|dans|chez))+$",
                                     text[start:raw_end]):
                    raw_end -= len(tail.group())
                if when := re.search(r"\s+(?:ce|cet|cette|ces)\s+[a-zéè][\w-]*$", text[start:raw_end]):
                    raw_end -= len(when.group())  # « La Plagne| cet hiver »: a demonstrative and its noun end a name
                # « Banque populaire de| Chine »: an organisation cut after « de » goes on; anything else ends before it
                end = raw_end - len(re.search(r"(?:\s+(?:de|du|des|d['’]))?$", text[start:raw_end]).group())
                label = institution_label(text[start:end], ("PER" if person else "ORG") if ent.label_ == "MISC"
                                          else ent.label_)
                if minister:
                    start, label = start + minister.start(1), "PER"
                if label == "ORG" and end < raw_end:
                    # (« Rassemblement national de| Marine Le Pen »: not over a person the model found)
                    further = through_of(text, raw_end)
                    if not any(p.label_ == "PER" and p.start_char < further and raw_end <= p.start_char
                               for p in ents[para.paragraph_id]):
                        end = further
                if counted := re.search(r"\s\d+\s+[A-Z]", text[start:end]):
                    end = start + counted.start()  # « Dassault Aviation| 42 Rafale »: a count ends the name
                end = possessive_end(text, end)
                if label == "ORG":
                    end = domain_end(text, start, institution_end(text, start, end))
                if label in ("PER", "ORG") and text[start:end] in known_places() \
                        and not _FIRM_BEFORE.search(text[max(0, start - 24):start]) \
                        and not (text[start:end] in word_places() and opens_sentence(text, start)):
                    label = "LOC"  # « Kuala Lumpur », « Hsinchu »: a listed place the model read as a person or a firm
                if label == "PER" and lone_surname(text[start:end], name_words, text[max(0, start - 30):start]):
                    # (« basé à Hefei », « notamment à Rousset »: after « à », the unknown one-word name is a town)
                    # (but « a confié à Ampere », « infligée à Shein »: the one a verb of giving gives to is a firm)
                    # (« le groupe de Suwon », « le géant de Cupertino »: the town a firm comes from)
                    label = "LOC" if (re.search(r"(?<![\w-])à\s$", text[max(0, start - 3):start])
                                      and not _given_to(ent)) or _HOME_TOWN.search(text[max(0, start - 40):start]) \
                        else "ORG"
                    guessed.add(start)
                if label == "PER" and (re.match(r"[A-Z]{2,}(?:\s|$)", text[start:end])
                                       or text[start:end].split()[0] in _NO_FIRST_NAME):
                    label = "ORG"  # « NTT Docomo », « China Molybdenum »: a name that opens so is a firm's
                if label == "LOC" and text[start:end] not in known_places() and _acting_place(ent):
                    label = "ORG"
                if label in ("LOC", "ORG") and " " not in text[start:end] and (digit := _ONE_DIGIT_AFTER.match(text, end)):
                    end, label = digit.end(), "PRODUCT"  # « Llama 4 », « Qwen 3 »: a model and its version
                if label == "LOC" and _DESCRIBED_AFTER.match(text, end) and text[start:end] not in known_places():
                    label = "ORG"  # « Pasqal, la pépite de l'informatique quantique »: what follows says it is a firm
                if (label == "LOC" or ent.label_ == "MISC") and _OWNED.search(text[max(0, start - 24):start]):
                    label = "PRODUCT"  # « son Explorer », « la future Twingo »: a place is not owned or new
                if " " not in text[start:end] and text[start:end] in full_name_words \
                        and not (label == "LOC" and text[start:end] in known_places()):
                    label = "PER"  # « Christine Lagarde … Lagarde a ajouté »: the surname of a person already named
                if re.fullmatch(r"[A-Z]\.?", text[start:end]):
                    # « sur X. »: the sentence's full stop is no part of a one-letter name; « 600 W. » is a unit
                    end = start + 1
                    label = "" if re.search(r"\d\s$", text[max(0, start - 2):start]) else label
                if " " not in text[start:end] and is_nationality(text[start:end]):
                    label = ""  # « aux Européens »: a nationality, written as a noun, names no one
                if label and not institution_label(text[start:end], label):
                    label = ""  # « HBM3e| de »: once trimmed, a number format
                unlisted_word = " " not in text[start:end] and text[start:end] not in known_places()
                placed = unlisted_word and label in ("LOC", "ORG") and _placed(text, start, end, found, gazetteer)
                if label in ("PER", "ORG") and text[start:end] not in LISTED_KINDS \
                        and _PLACE_NOUN_LEAD.search(text, max(0, start - 50), start):
                    placed = True  # (a name of several words too: the model reads « Reko Diq » as a person)
                if placed:
                    label = "LOC"
                if label == "LOC" and unlisted_word and not placed and found \
                        and _previous_type(text, found, gazetteer) == "ORG" \
                        and _LISTED_WITH.fullmatch(text, found[-1][1], start):
                    label = "ORG"  # « d'Oddo BHF et de Portzamparc »: an unknown name listed with a firm is a firm
                    if found[-1][0] in guessed:
                        guessed.add(start)  # (with a firm that was itself a guess)
                if label == "LOC" and unlisted_word and not placed \
                        and (not _PLACE_BEFORE.search(text[max(0, start - 30):start])
                             or _FIRM_OF.search(text, max(0, start - 40), start)):
                    # (« le PDG de| Lectra », « les ventes d'|Amorepacific »: « de » after a noun of firms is no place's)
                    # « Marubeni a signé », « l'Arcep », « Hennessy »: a one-word « place » that no list of places holds
                    # and no preposition of place introduces is a firm, a brand or a body; unless it is no name at all
                    # (« Contacté, … », « Hier, … », « la tech », « 8 To/s »)
                    first = next((t for t in ent if t.idx >= start), ent[-1])  # (after « la » the trim left out)
                    label = "" if (not text[start].isupper() or first.pos_ in _NOT_NAME_POS
                                   or re.search(r"\d\s$", text[max(0, start - 2):start])
                                   or after_domain_opener(text, start)) else "ORG"
                    unplaced.add((para.paragraph_id, start))
                    guessed.add(start)
                if label == "PER" and re.search(r"\s(?:Jr|Sr)$", text[start:end]) and text[end:end + 1] == ".":
                    end += 1  # « Ferdinand Marcos Jr. »: the abbreviation's full stop is part of the name
                if label == "ORG" and (name_at := department_name_start(text[start:end])) is not None:
                    start, label = start + name_at, "LOC"  # « le département du| Nord »: the place, by its name
                if label == "LOC" and re.match(r"[A-Z]{2,}\s+[A-ZÉ]", text[start:end]) \
                        and text[start:end].split()[0] not in known_places():
                    label = "ORG"  # « CCI Lyon Métropole Saint-Étienne Roanne »: a name that opens so is a body's
                if label == "LOC" and (airport := re.match(r"aéroport\s+(?:de\s+|d['’])(?=[A-ZÉ])", text[start:end])):
                    start += airport.end()  # « l'aéroport d'|Édimbourg »: the place is the town's name
                if label == "PER" and not text[start].isupper():
                    label = ""  # « maison mère »: lower-case words the model read as a person's name are none
                if label and start < end:
                    found.append((start, end, "", text[start:end], label))
        # « Maziar | Mike Doustdar »: a one-word name the model labelled apart, right before a person, is their first name
        found.sort()
        for k in range(len(found) - 1, 0, -1):
            (s0, e0, id0, _, l0), (s1, e1, id1, _, l1) = found[k - 1], found[k]
            if not id0 and not id1 and l1 == "PER" and (l0 != "ORG" or (para.paragraph_id, s0) in unplaced) \
                    and text[e0:s1] == " " \
                    and " " not in text[s0:e0] \
                    and not re.search(r"(?<![\w-])(?:de l['’]|de la|du|des|au|aux)\s*$", text[max(0, s0 - 8):s0]):
                # (but « le ministre de l'Électronique| Ashwini Vaishnaw »: a minister's domain is no first name)
                found[k - 1:k + 1] = [(s0, e1, "", text[s0:e1], "PER")]
        # a linked company keeps its suffix (« Huawei Technologies »), an unlinked one too
        # (and an organisation the country it is named for: « ArcelorMittal France », « Sénat américain »)
        found = [(s, suffixed, eid, text[s:suffixed] if not eid else name, "ORG" if label and suffixed > e else label)
                 for s, e, eid, name, label in found
                 for suffixed in [_organisation_end(text, s, e, gazetteer[eid].type if eid else label)]]
        # « Siemens| Energy »: the model's second entity inside the suffix the first one took goes
        found = [f for f in found if not any(g is not f and g[0] < f[0] and f[1] <= g[1] for g in found)]
        # the lists, unless the model found a longer name that only adds capitalised words to a listed one
        # (« Altice France », « Toyota Motor », « Jean-Marc Chery »); « DAX allemand » is still « DAX »
        # (a listed person is named in full: « secrétaire au Commerce Gina Raimondo » is still « Gina Raimondo »)
        known_orgs, known_people = _not_widened(text, organisation_spans(text), found, "ORG"), person_spans(text)
        # « canal de| Suez »: a listed firm named after the place is the place there
        waterways = [(s, e) for s, e in known_orgs if re.search(r"(?<![\w-])canal\s+de\s$", text[max(0, s - 10):s])]
        known_orgs = [span for span in known_orgs if span not in waterways]
        # (« Llama 4 », « Windows 11 »: a listed product keeps its version)
        listed_products = [(s, m.end() if (m := _VERSION_AFTER.match(text, e) or _LISTED_VARIANT.match(text, e)) else e)
                           for s, e in _not_widened(text, listed_product_spans(text), found, "PRODUCT")]
        # « CAC 40 » has a product's shape and is a listed index
        raw_products = [(s, e) for s, e in product_spans(text)
                        if not any(os <= s and e <= oe for os, oe in known_orgs)]
        # « Chine nouvelle », « Kimi K2 »: a listed name that holds a linked one (« Chine ») is the longer name
        listed = known_orgs + known_people + listed_products
        found = [f for f in found if not (f[2] and any(s <= f[0] and f[1] <= e and e - s > f[1] - f[0]
                                                       for s, e in listed))]
        linked = [(s, e) for s, e, eid, _, _ in found if eid]
        # « Le Huawei| Mate 70 Pro »: a product whose first word is a linked firm starts after it
        products = [(next((le + 1 for ls, le in linked if ls <= s < le < e - 1 and text[le] == " "), s), e)
                    for s, e in raw_products]
        products = [(s, e) for s, e in products if not any(ls < e and s < le for ls, le in linked)
                    and re.search(r"[A-Za-z]", text[s:e]) and not re.fullmatch(r"\d+", text[s:e])]
        # « Instinct| MI355X »: a code keeps the unclaimed name before it; « son traitement Dupixent »
        claimed = linked + [(f[0], f[1]) for f in found if f[4] in ("ORG", "PER")] + known_orgs + known_people
        products = [(product_start(text, s, e, claimed), e) for s, e in products]
        # (« moteur de recherche Qwant »: a listed firm after a noun of products stays a firm; « le cognac Hennessy »,
        # after a noun of goods, is the brand)
        products += [(s, e) for s, e, brand in named_products(text)
                     if not any(ls < e and s < le for ls, le in linked + products)
                     and (brand or not any(os <= s and e <= oe for os, oe in known_orgs))]
        # « Kimi K2 » over the code « K2 »: a listed product replaces the shorter spans it holds
        products = [(s, e) for s, e in products if not any(ls <= s and e <= le and le - ls > e - s
                                                           for ls, le in listed_products)]
        # « Kimi K2 Thinking »: the model's product (a listed one and a variant) over the pieces of it found here
        line_starts = {s for s, _ in listed_product_spans(text)}
        products = [(s, e) for s, e in products if not any(f[4] == "PRODUCT" and not f[2] and f[0] in line_starts
                                                           and text[f[1] - 1].isalnum() and f[0] <= s and e <= f[1]
                                                           for f in found)]  # (not « Ascend 910C. »)
        # « Instinct| MI308 »: a listed product line and the code right after it are one product (a linked code keeps
        # its link and takes the line's name)
        lines = {e + 1: s for s, e in listed_products if text[e:e + 1] == " "}
        found = [(lines[f[0]], *f[1:]) if f[2] and f[0] in lines else f for f in found]
        linked = [(s, e) for s, e, eid, _, _ in found if eid]
        listed_products = [(s, e) for s, e in listed_products if not any(ls == s for ls, _ in linked)]
        products += [(s, e) for s, e in listed_products
                     if not any(ls < e and s < le for ls, le in linked + products + known_orgs + known_people)]
        orgs = [(s, _organisation_end(text, s, e, "ORG")) for s, e in known_orgs
                if not any(ls < e and s < le for ls, le in linked)]
        # « commission des finances du| Sénat »: a body named in lower case holds the listed names of its house
        bodies = body_spans(text)
        orgs = [(s, e) for s, e in orgs if not any(bs <= s and e <= be and be - bs > e - s for bs, be in bodies)]
        orgs += [(s, e) for s, e in described_spans(text) + bodies
                 if not any(ls < e and s < le for ls, le in linked + orgs)]
        # « Center for a New American Security », « Bourse de Tokyo »: over the model's pieces of them, and over a
        # listed name they hold (« Peterson Institute| for International Economics »)
        english = [(s, national_end(text, s, e)) for s, e in english_body_spans(text)] + exchange_spans(text) \
            + station_spans(text) + trade_house_spans(text)
        # (« Conseil| constitutionnel »: a body the model cut short, not one it read whole or longer)
        english += [(s, e) for s, e in kind_body_spans(text)
                    if not any(f[0] <= s and e <= f[1] and f[1] - f[0] > e - s for f in found)]
        orgs = [(s, e) for s, e in orgs if not any(bs <= s and e <= be and be - bs > e - s for bs, be in english)]
        orgs += [(s, e) for s, e in english if not any(ls < e and s < le for ls, le in linked + orgs)]
        # abbreviations in capitals (« BYD a inauguré ») where nothing else was found
        statistical = [(f[0], f[1]) for f in found]
        # (an abbreviation just before the model's name goes with it: « AXA| Investment Managers »)
        acronyms = acronym_spans(text)
        wider = [(s, e) for s, e in acronyms if not any(ls < e and s < le for ls, le in linked + orgs)
                 and any(s < fs and fe <= e for fs, fe in statistical)]
        orgs += [(s, national_end(text, s, e)) for s, e in wider + [
            (s, e) for s, e in acronyms if not any(ls < e and s < le for ls, le in linked + orgs + statistical + raw_products)]]
        people = [(s, e) for s, e in known_people if not any(ls < e and s < le for ls, le in linked + orgs)]
        # a full name after a person's title (« le prix Nobel Alain Aspect »), then a surname alone the model missed,
        # of a person the article names in full (« Arthur Mensch … ; Mensch promet »), where nothing else was found
        for spans in (titled_spans(text), surname_spans(text, FULL_NAMES, own_full_names)):
            people += [(s, e) for s, e in spans
                       if not any(ls < e and s < le for ls, le in linked + orgs + products + people + statistical)]
        # « HongShan », « NielsenIQ »: a brand written with a capital inside; « Kerlann Biotech »: a name and a company
        # word; where nothing else was found
        # (« NewMed| Energy »: with the company word after it)
        for spans in (suffixed_spans(text), intercapped_spans(text)):
            orgs += [(s, _organisation_end(text, s, e, "ORG")) for s, e in spans
                     if not any(ls < e and s < le for ls, le in linked + orgs + products + people + statistical)]
        taken = products + orgs + people
        found = [f for f in found if f[2] or not any(s < f[1] and f[0] < e for s, e in taken)]
        # listed places the model missed, where nothing else was found (« basé à Hefei », « la région de Johor »)
        # (« Microsoft France », « Altice France »: a place right after a firm's name is part of it)
        # (« mer Rouge », « cap de Bonne-Espérance »: a listed place over the model's shorter piece of it)
        listed_places = place_spans(text)
        found = [f for f in found if f[2] or not any(s <= f[0] and f[1] <= e and e - s > f[1] - f[0]
                                                     for s, e in listed_places)]
        kept = [(f[0], f[1]) for f in found] + taken
        places = [(s, e) for s, e in listed_places
                  if not any(ls < e and s < le for ls, le in kept)
                  and not any(le == s - 1 and text[le] == " " for ls, le in kept)]
        found += [(s, e, "", text[s:e], "PRODUCT") for s, e in products]
        found += [(s, e, "", text[s:e], "ORG") for s, e in orgs if not any(ps < e and s < pe for ps, pe in products)]
        found += [(s, e, "", text[s:e], "PER") for s, e in people]
        found += [(s, e, "", text[s:e], "LOC") for s, e in places + waterways
                  if not any(f[0] < e and s < f[1] for f in found)]
        found = _bracketed_places(text, _listed_places(text, _maker_and_model(text, found), gazetteer, guessed),
                                  gazetteer)
        # « a déclaré le chef de la diplomatie hongroise, Péter Szijjártó. »: a full name after a function and a comma
        # is a person's, whatever the model read there
        for s0, e0 in apposed_person_spans(text):
            same = [k for k, f in enumerate(found) if (f[0], f[1]) == (s0, e0) and not f[2]]
            if same:
                found[same[0]] = (s0, e0, "", text[s0:e0], "PER")
            elif not any(f[0] < e0 and s0 < f[1] for f in found):
                found.append((s0, e0, "", text[s0:e0], "PER"))
        found.sort()
        # « la famille| Besnier », « la famille| Agnelli »: a family's name names its people, not their firm
        found = [(s, e, "", name, "PER") if not eid and label in ("ORG", "LOC") and " " not in name
                 and _FAMILY.search(text, max(0, s - 12), s) else (s, e, eid, name, label)
                 for s, e, eid, name, label in found]
        for s, e, entity_id, name, label in sorted(found):
            if not entity_id:
                entity_id = f"unlinked_{_slug(name)}"
                unlinked.setdefault(entity_id, (name, label))
            start = para.start + s
            i = bisect.bisect_right(starts, start) - 1
            mentions.append((entity_id, ids[i], start, para.start + e, article.text[start:para.start + e]))
    counts = Counter(m[0] for m in mentions)
    entities = [(e.entity_id, e.name, e.type, e.wikidata, counts[e.entity_id])
                for e in gazetteer.values() if e.entity_id in counts]
    entities += [(k, name, label, "", counts[k]) for k, (name, label) in unlinked.items()]
    entities.sort(key=lambda row: (-row[4], row[0]))
    return entities, mentions


@lru_cache(maxsize=2)
def _listed_people(linked: tuple[str, ...]) -> frozenset[str]:
    """The people the gazetteer (``linked``) and the lists name: one set per gazetteer, so that the words of their
    names (:func:`~helpers.text.entities.name_parts`, cached on it) are read once per process."""
    return frozenset({*linked, *KNOWN_PEOPLE})


def _organisation_end(text: str, start: int, end: int, kind: str) -> int:
    """The end of a name with its company suffix (« Huawei| Technologies »), and for an organisation (``kind``) the
    country it is named for after that (:func:`~helpers.text.entities.national_end`)."""
    end = with_company_suffix(text, end)
    return national_end(text, start, end) if kind == "ORG" else end


#: « le ministre des| », « la ministre de l'| »: a minister's domain follows, then often the minister's name.
_MINISTER_OF = re.compile(r"(?<![\w-])ministre\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])$")

#: A listed firm, then a product's code (with a digit) and its variant words: « Peugeot| 3008 », « Boeing| 777F »,
#: « Samsung| Galaxy S25 ».
_MAKER_AND_CODE = re.compile(r"(.+?)\s+((?:[A-Z][a-z]+\s+)?[A-Za-z]{0,4}\d[\w-]*(?:\s+[A-Z][\w-]*)*)")
#: A firm's name, then a name: « Opel| Mokka », which the model reads as one firm (the product must be listed).
_MAKER_AND_MODEL = re.compile(r"(\S+(?:\s\S+)?)\s+(\S+(?:\s\S+)?)")
#: Listed firms whose name is also another maker's product line: « RTX 4090D » is Nvidia's.
_ALSO_PRODUCT_LINES = frozenset(("RTX",))
#: The longest name read for a maker and its product (a name is a few words; the patterns backtrack).
_LONGEST_MAKE = 80


def _maker_and_model(text: str, found: list[tuple]) -> list[tuple]:
    """``found`` with each unlinked product that opens with a listed firm split in two, the firm then its product
    (« Peugeot 3008 » is « Peugeot » and « 3008 »: the brief of the blind sets counts a firm and its code as two
    names), and so with each firm the model read over a listed firm and a listed product (« Opel Mokka »)."""
    split = []
    for start, end, entity_id, name, label in found:
        m = None if entity_id or label not in ("PRODUCT", "ORG") or end - start > _LONGEST_MAKE else (
            _MAKER_AND_CODE.fullmatch(text, start, end) if label == "PRODUCT" else _MAKER_AND_MODEL.fullmatch(text, start, end))
        # (not « RTX| Pro 6000D », a product line that opens with a variant word and a firm's name)
        # (nor « RTX 4090D »: « RTX » is a firm's name and a line of Nvidia's)
        if m and LISTED_KINDS.get(m.group(1)) == "ORG" and not re.match(rf"(?:{_VARIANTS})\s", m.group(2)) \
                and m.group(1) not in _ALSO_PRODUCT_LINES \
                and (label == "PRODUCT" or LISTED_KINDS.get(m.group(2)) == "PRODUCT"):
            split += [(start, m.end(1), "", m.group(1), "ORG"), (m.start(2), end, "", m.group(2), "PRODUCT")]
        else:
            split.append((start, end, entity_id, name, label))
    return split


def _previous_type(text: str, found: list[tuple], gazetteer: dict) -> str:
    """The type of the last entity of ``found`` (a paragraph's, in order): a linked one's from the gazetteer, a listed
    place's « LOC », another place's « unlisted LOC », else the label it was given."""
    start, end, entity_id, _, label = found[-1]
    if entity_id:
        return gazetteer[entity_id].type
    return "unlisted LOC" if label == "LOC" and text[start:end] not in known_places() else label


#: A word in brackets right after a name: « Douai (Nord) », « Guéret (Creuse) ».
_BRACKETED = re.compile(r"\s\(([A-ZÉ][\w'’]*(?:-[\w'’]+)*)\)")


def _bracketed_places(text: str, found: list[tuple], gazetteer: dict) -> list[tuple]:
    """``found`` with the word in brackets right after a place as a place: French copy gives a town's département or
    region so (« Douai (Nord) », where the model reads « Nord » as a firm or misses it). Not an abbreviation in capitals
    or a listed name (« Paris (AFP) », « Pékin (Reuters) »: a dateline's agency)."""
    bracketed = []
    for start, end, entity_id, _, label in found:
        kind = gazetteer[entity_id].type if entity_id in gazetteer else label
        if kind == "LOC" and (m := _BRACKETED.match(text, end)) and not m.group(1).isupper() \
                and m.group(1) not in LISTED_KINDS:
            bracketed.append(m.span(1))
    if not bracketed:
        return found
    return [f for f in found if not any(s < f[1] and f[0] < e for s, e in bracketed)] + \
        [(s, e, "", text[s:e], "LOC") for s, e in bracketed]


#: A place that opens its clause (« Aux Philippines|, Meralco, … »): the comma after it ends the phrase, not a list's item.
_OPENING_PLACE = re.compile(r"(?:^|[.:;!?]\s+|,\s+)(?:À|A|Au|Aux|En|Dans|Depuis|Près de)\s+(?:les?\s+|la\s+|l['’])?$")
#: What joins the names of one list: « Crolles, Rousset et Agrate », « Porto, Palma ou Brindisi ».
_LIST_JOIN = re.compile(r"\s*,\s*|\s*,?\s+(?:et|ou)\s+")


def _listed_places(text: str, found: list[tuple], gazetteer: dict, guessed: set[int]) -> list[tuple]:
    """``found`` with the guessed firms of a list that holds a place read as places: in « ses sites de Crolles,
    Rousset et Agrate » or « via Tallakh et Bassora », one town (listed, or placed by a preposition) says what the
    unknown ones beside it are. ``guessed``: the starts of the one-word names labelled a firm only because nothing said otherwise."""
    if not guessed:
        return found
    found = sorted(found)
    runs, run, last_join = [], [0], ""  # (a run of names and the words that join its last one)
    for k in range(1, len(found)):
        if (join := _LIST_JOIN.fullmatch(text, found[k - 1][1], found[k][0])) \
                and not ("," in join.group() and _OPENING_PLACE.search(text, 0, found[k - 1][0])):
            run.append(k)
            last_join = join.group()
        else:
            runs.append((run, last_join))
            run, last_join = [k], ""
    runs.append((run, last_join))
    for run, last_join in runs:
        # (a list ends with « et » or « ou »: « filiale Somaïr|, Niamey ayant annoncé » is no list)
        if len(run) > 1 and last_join.strip() != "," \
                and any((gazetteer[found[k][2]].type if found[k][2] else found[k][4]) == "LOC" for k in run):
            for k in run:
                if not found[k][2] and found[k][0] in guessed and found[k][4] == "ORG" \
                        and found[k][3] not in LISTED_KINDS:
                    found[k] = (*found[k][:4], "LOC")
    return found


def _placed(text: str, start: int, end: int, found: list[tuple], gazetteer: dict) -> bool:
    """Whether the one-word name at ``start`` is a place by what surrounds it: listed with a place (« à Tianjin et
    Mobile »), in an incise after « à » (« Imec, à Louvain, »), after a noun of places (« le comté de Loudoun ») or
    placed in a place (« à Turnberry, en Écosse »)."""
    before = text[max(0, start - 30):start]
    return bool(found and _previous_type(text, found, gazetteer) == "LOC" and _ANDED.fullmatch(text, found[-1][1], start)
                or re.search(r"(?:^|,)\s*[àÀ]\s$", before[-4:])
                or _PLACE_NOUN_BEFORE.search(before)
                or _PLACE_BEFORE.search(before) and _PLACE_AFTER.match(text, end))


def _person_surface(text: str, ent) -> str:
    """The name the model read as a person's, without the lower-case words it kept in front (:func:`trimmed`)."""
    return text[trimmed(text, ent.start_char, ent.end_char):ent.end_char].strip()


def _not_widened(text: str, spans: list[tuple[int, int]], found: list[tuple], label: str) -> list[tuple[int, int]]:
    """``spans`` without those that a statistical entity of ``found`` (sorted, not overlapping) holds with only
    capitalised words or numbers more (« Altice| France »): the model's longer name is the name, and when it opens
    with the listed one it has the list's ``label`` (« KNDS France », which the model reads as a place)."""
    starts = [f[0] for f in found]
    kept = []
    for s, e in spans:
        i = bisect.bisect_right(starts, s) - 1  # (the one entity that can hold it: linear on a megabyte)
        if i >= 0 and not found[i][2] and e <= found[i][1] and (found[i][0], found[i][1]) != (s, e):
            extra = (text[found[i][0]:s] + " " + text[e:found[i][1]]).split()
            if all((w[:1].isupper() or w[:1].isdigit()) and w not in SENTENCE_WORDS for w in extra):
                if found[i][0] == s:
                    found[i] = (*found[i][:4], label)
                continue
        kept.append((s, e))
    return kept


#: What makes a number after a name a quantity, not a version (« 4 % », « 4 milliards », « 4 ans »).
_A_QUANTITY = r"\s*(?:%|pour|milliards?|millions?|ans?|mois|jours?|fois|h\b)"
#: « le groupe de| Suwon », « le géant de| Cupertino »: a firm's home town follows.
_HOME_TOWN = re.compile(r"(?<![\w-])(?:groupe|géant|constructeur|fabricant|firme|société|entreprise|laboratoire"
                        r"|champion|numéro un|leader|spécialiste|pépite|start-up|fondeur|équipementier)\s+(?:de|d['’])\s?$")
#: A version after a listed product: « Llama 4 », « Windows 11 », « Gemini 2.5 ».
_VERSION_AFTER = re.compile(rf"\s\d{{1,2}}(?:\.\d)?(?![\w%-]|[,.]\d|{_A_QUANTITY})")
_ONE_DIGIT_AFTER = re.compile(rf"\s\d(?:\.\d)?(?![\w,%-]|{_A_QUANTITY})")
_VARIANTS = "Ultra|Pro|Max|Plus|Mini"
_VARIANT_AFTER = re.compile(rf"\s+(?:{_VARIANTS})(?![\w-])")
#: A variant after a listed product, the gazetteer's and more: « Magistral Medium », « Gemini Flash ».
_LISTED_VARIANT = re.compile(rf"\s+(?:{_VARIANTS}|Medium|Small|Large|Lite|Flash|Turbo|Nano|Thinking"
                             r"|Reasoning|Instruct|Coder|Vision|Omni)(?![\w-])")
#: What follows a firm the model reads as a place: « , la pépite de … », « , le groupe … », « , une start-up … ».
_DESCRIBED_AFTER = re.compile(r",\s+(?:la|le|l['’]|les|un|une|sa|son|leur)\s*(?:" + "|".join(
    re.escape(d) for d in sorted(DESCRIPTORS, key=len, reverse=True)) + r")s?\b")
_OPENING_PARTICIPLE = re.compile(r"[A-ZÉ][a-zéèêàâîôûç]+ée?s?")
#: English words that open firms' names and no person's (« China Molybdenum », « Virgin Trains »).
_NO_FIRST_NAME = frozenset(("China", "India", "Japan", "Korea", "Bangladesh", "Indonesia", "Vietnam", "Taiwan",
                            "Singapore", "Malaysia", "Thailand", "Saudi", "Qatar", "Dubai", "Africa", "Europe", "Asia",
                            "America", "American", "British", "Chinese", "Korean", "Japanese", "Indian", "National",
                            "International", "Global", "General", "United", "Royal", "Virgin", "Trade", "Digital",
                            "Energy", "Green", "Smart", "Euro", "Pacific", "Atlantic"))
#: Parts of speech of a first word that is no name (« Annoncée », « Hier », « Les »).
_NOT_NAME_POS = frozenset(("VERB", "AUX", "ADV", "ADJ", "DET", "PRON", "ADP", "CCONJ", "SCONJ"))
#: What introduces a place (« à », « en », « près de », « de »): a name after it may be a place no list holds.
_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:à|À|A|en|En|au|aux|dans|vers|via|depuis|près de|proche de|autour de|sur|par"
                           r"|de|du|des|d['’]|dans\s+(?:le|la|les|l['’]))\s*$")
#: « le président de la République »: a title, not a body.
_REPUBLIC_TITLE = re.compile(r"présidente?\s+de\s+la\s+République$")
#: Nouns of sites and areas, which name a place after them (both patterns below).
_SITE_NOUNS = ("comtés?|ports?|terminal|terminaux|gisements?|mines?|provinces?|région|district|îles?|golfe|baie|vallée"
               "|fleuve|rivière|oblast")
#: A noun of places right before a name: « le comté de| Loudoun », « le lac| Gatún », « ses terminaux de| Balboa ».
_PLACE_NOUN_BEFORE = re.compile(rf"(?<![\w-])(?:{_SITE_NOUNS}|lac|détroit|village|commune|ville|quartier|banlieue"
                                r"|préfecture|land|État|canton)(?:\s+(?:de|du|des)|\s+d['’])?\s*$")
#: A noun of places, then what it holds or where it is, before a name: « le gisement de cuivre de| Reko Diq », « le
#: port marocain de| Tanger Med », « la vallée de la| Jadar ». (Its name, not its owner's: « la mine de| Rio Tinto »
#: names a listed firm, which the lists keep.)
_PLACE_NOUN_LEAD = re.compile(rf"(?<![\w-])(?:{_SITE_NOUNS}|bassin|plaine|désert|plateau|massif)"
                              r"(?:\s+(?:de\s+)?[a-zéèêàç][a-zéèêàç-]+){0,2}\s+(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*$")
#: A place's place, after its name: « Turnberry|, en Écosse », « Dholera|, dans le Gujarat ».
_PLACE_AFTER = re.compile(r",\s+(?:en|au|aux|dans\s+(?:le|la|les|l['’]))\s*[A-ZÉ]|\s+et\s+(?:dans|en|au|aux)\s")
#: What joins two names of one list: « X et de Y », « X, Y », « X ou Y ».
_LISTED_WITH = re.compile(r"\s*(?:,|,?\s+et|\s+ou)\s+(?:de\s+|d['’]|du\s+|des\s+|chez\s+)?")
#: « X et Y », « X et de Y », « X ou à Y »; not « En Corée du Sud, Naver … », a place before its sentence's subject.
_ANDED = re.compile(r"\s*,?\s+(?:et|ou)\s+(?:de\s+|d['’]|du\s+|des\s+|à\s+)?")
#: « la famille| Mulliez »: a family's name follows.
_FAMILY = re.compile(r"(?<![\w-])[Ff]amilles?\s+$")
#: A noun of what a firm has or does, then « de »: the name after it is the firm's (« le patron de| Lectra »).
_FIRM_OF = re.compile(r"(?<![\w-])(?:PDG|patronne?|présidente?|directeur|directrice|dirigeante?s?|fondat(?:eur|rice)"
                      r"|cofondat(?:eur|rice)|filiales?|maison\s+mère|actionnaires?|rachat|cession|capital|ventes"
                      r"|résultats|actions?|titre|chiffre\s+d['’]affaires|concurrent|rival)"
                      r"(?:\s+(?:général|générale|exécutif|financier|financière))?\s+(?:de|d['’]|du)\s*$")
#: A firm's noun right before a name: « le groupe Lyon » would be a firm, not the town (the list of places yields).
_FIRM_BEFORE = re.compile(r"(?<![\w-])(?:groupe|société|entreprise|firme|start-up|constructeur|fabricant|laboratoire"
                          r"|banque|chaîne|marque|enseigne|club|cabinet|fonds|assureur|opérateur)\s+$")
#: What comes before a product the model reads as a place: a possessive, or « la future », « le nouveau ».
_OWNED = re.compile(r"(?<![\w-])(?:son|sa|ses|leur|leurs|(?:[Ll]a|[Ll]e|[Ll]['’]|[Ll]es)\s*(?:future?s?|nouvel(?:le)?s?|nouveaux?))\s+$")


#: Verbs whose « à » names who receives, not where: « confier à », « infliger une amende à ».
#: (by the stem: the pipeline has no lemmatizer)
_GIVING = re.compile(r"(?:confi|inflig|vend|c[éè]d|livr|fourni|accord|impos|attribu|octroy|vers|propos|offr|rachet"
                     r"|demand|ordonn|interdi|perm)")


def _given_to(ent) -> bool:
    """Whether the entity is what a verb of giving (:data:`_GIVING`) gives to, directly or through its object."""
    head = ent.root.head
    if head.pos_ in ("NOUN", "PROPN") and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # « infligé une amende à Shein »
    return head.pos_ in ("VERB", "AUX") and bool(_GIVING.match(head.lower_))


def _acting_place(ent) -> bool:
    """« Stellantis envisage de … »: a one-word « place » that opens its clause as the subject of a verb, with no
    article, is a firm or a government acting (« Berlin a annoncé »), not a place."""
    root = ent.root
    before = ent.doc[ent.start - 1] if ent.start > ent.sent.start else None
    return len(ent) == 1 and root.dep_ in ("nsubj", "nsubj:pass") and root.head.pos_ in ("VERB", "AUX") \
        and root.head.i > root.i and (before is None or before.text == "," or before.pos_ == "CCONJ") \
        and not any(c.dep_ == "det" for c in root.children)


def _named_firm(text: str) -> bool:
    """A MISC entity that is a firm by its shape: « JPMorgan Chase & Co », « S&P Global Ratings »."""
    return "&" in text or bool(re.search(r"\s(?:Group|Holdings|Ratings|Corporation|Inc\.?|SA|SE|AG|plc|Co)$", text))


def _span_rows(sentences: list[tuple], finder) -> list[tuple]:
    rows = []
    for sid, _, _, start, _, text in sentences:
        rows += [(sid, item) for item in finder(text, start)]
    return rows


def _sentence_tokens(starts: dict[int, int], docs: dict[int, object], row: tuple):
    """The parsed tokens of one sentence row, from its paragraph's analysis (None if they do not align);
    ``starts``: each paragraph's first character."""
    _, pid, _, start, end, _ = row
    para_start = starts[pid]
    span = docs[pid].char_span(start - para_start, end - para_start, alignment_mode="expand")
    # aligned when the tokens cover exactly the sentence's characters (spaCy read ’ as ', one character for one)
    return span if span is not None and (span.start_char, span.end_char) == (start - para_start, end - para_start) \
        else None


def time_rows(article: Article, sentences: list[tuple], docs: dict[int, object] | None = None) -> list[tuple]:
    """Time expressions with ISO 8601 values, relative ones resolved against the publication date, and a
    yearless date in a future-tense sentence resolved forward (the tense from each sentence's parse)."""
    rows = []
    starts = {p.paragraph_id: p.start for p in article.paragraphs}
    for row in sentences:
        rows += [(row[0], t.start, t.end, t.surface, t.kind, t.value) for t in find_time_expressions(
            row[5], article.published, row[3], future_at=_lazy_tense(starts, docs, row) if docs is not None else None)]
    return rows


def _lazy_tense(starts: dict[int, int], docs: dict[int, object], row: tuple):
    """:func:`future_at` for one sentence row, its tokens looked up only if a date asks (most sentences have none)."""
    made: list = []

    def at(i: int) -> bool:
        if not made:
            tokens = _sentence_tokens(starts, docs, row)
            made.append(future_at(tokens) if tokens is not None else None)
        return made[0] is not None and made[0](i)

    return at


def figure_rows(sentences: list[tuple], times: list[tuple]) -> list[tuple]:
    """Figures in base units; numbers that belong to a date, month, year or quarter are not figures."""
    in_calendar = calendar_test((t[1], t[2], t[4]) for t in times)
    kept = [(sid, f) for sid, f in _span_rows(sentences, find_figures) if not in_calendar(f)]
    return [(f"f{n:03d}", sid, f.start, f.end, f.surface, f.value, f.unit, f.qualifier)
            for n, (sid, f) in enumerate(kept, start=1)]


def attribution_rows(article: Article, sentences: list[tuple], docs: dict[int, object]) -> list[tuple]:
    """Reported-speech markers (``selon X``, ``rapporte X``, ``X a déclaré``...) with the kind of source,
    found from each sentence's parse in the paragraph analyses already made (no second spaCy pass)."""
    # one pass per paragraph (the rules read each sentence of the parse in turn), each found span then given to
    # the sentence row that holds its start: a call per sentence cost a third more in corpus mode
    rows = []
    starts = [row[3] for row in sentences]
    for para in article.paragraphs:
        for a in find_attributions(article.text[para.start:para.end], para.start, tokens=docs[para.paragraph_id]):
            row = sentences[bisect.bisect_right(starts, a.start) - 1]
            rows.append((row[0], a.source, a.source_kind, a.cue, a.start, a.end))
    return rows


def hedge_rows(sentences: list[tuple]) -> list[tuple]:
    """Hedges: the reporting conditional and softening words, the signals of a less-than-sure sentence."""
    return [(sid, h.start, h.end, h.surface, h.kind) for sid, h in _span_rows(sentences, find_hedges)]


def table_rows(article: Article, docs: dict[int, object]) -> dict[str, list[tuple]]:
    """Every table of ``article`` as plain rows, by table name (see :data:`COLUMNS`)."""
    sentences = sentence_rows(article, docs)
    entities, mentions = entity_rows(article, sentences, docs)
    times = time_rows(article, sentences, docs)
    return {"sentences": sentences, "entities": entities, "mentions": mentions,
            "figures": figure_rows(sentences, times), "time_expressions": times,
            "attributions": attribution_rows(article, sentences, docs), "hedges": hedge_rows(sentences)}


def build_tables(article: Article, claims: pd.DataFrame | None = None,
                 docs: dict[int, object] | None = None) -> ArticleTables:
    """Extract every table from ``article``; ``claims`` are hand-coded annotations, if any."""
    rows = table_rows(article, _paragraph_docs(article) if docs is None else docs)
    return ArticleTables(**{name: pd.DataFrame(rows[name], columns=COLUMNS[name]) for name in TABLE_NAMES},
                         claims=claims)


def build_corpus_tables(articles: dict[str, Article], progress=None) -> dict[str, pd.DataFrame]:
    """The tables of many articles, stacked, each row with its ``article_id`` (the keys of ``articles``).

    spaCy runs once over all paragraphs (batched); ``progress(i, n, article_id)`` is called after
    each article's rows are made. Each table becomes a DataFrame once, for all articles. Claims are
    hand annotations of the seed only, so not included.
    """
    ids = list(articles)
    all_docs = _paragraph_docs_many([articles[i] for i in ids])
    stacked: dict[str, list[tuple]] = {name: [] for name in TABLE_NAMES}
    for n, (article_id, docs) in enumerate(zip(ids, all_docs, strict=True), start=1):
        for name, rows in table_rows(articles[article_id], docs).items():
            stacked[name] += [(article_id, *row) for row in rows]
        if progress:
            progress(n, len(ids), article_id)
    return {name: pd.DataFrame(rows, columns=["article_id", *COLUMNS[name]]) for name, rows in stacked.items()}
