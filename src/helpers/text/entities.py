"""Corrections to the statistical entity labels that the French model gets wrong in news about chips.

The small French model (trained on WikiNER) has no PRODUCT label and reads an institution by its
last word: « département du Commerce » and « ministère chinois du Commerce » come out as places.
Two general rules, applied to what the gazetteer does not already know:

- **Institutions**: an entity that begins with an institution noun (ministère, département,
  agence, commission…) is an organisation, whatever label the model gave it.
- **Products**: a model name in product shape is a product: a capitalised name followed by a
  model number (« Ascend 950 », « RTX Pro 6000D », « TaiShan 500 »), a code that mixes capitals
  and digits (« GB200 NVL72 », « B30A »). It replaces any overlapping statistical entity (the
  model's « Ascend » as a place). A bare name (« CUDA », « Rubin ») has no product shape: the
  gazetteer names those. Number formats (« FP8 », « FP16 », « INT8 », « BF16 ») are not products.
- **Organisations the model misreads**: news agencies, outlets, brokers and investment banks, AI labs
  and platforms (a wire service read as a person, a broker as a place) are organisations, from a list
  (:data:`~helpers.text.names.KNOWN_ORGANISATIONS`); a company name followed by « Technologies », « Cloud »… keeps that word
  (« Huawei Technologies ») and is an organisation whatever the model said.
- **Names a noun introduces** (« le cabinet TrendForce », « l'américain MP Materials »): organisations
  (:data:`DESCRIPTORS`); **abbreviations in capitals** (« BYD », « S&P Global Ratings ») too, but not units,
  currencies or common nouns (« PIB », « IA », :data:`NOT_ORGANISATIONS`).
- **A one-word person** that no full name of the article ends with and no title introduces is a firm (the model
  reads « Gartner » as a person); **a one-word place** that opens its clause as a verb's subject, with no article,
  is an actor (« Stellantis envisage », « Berlin a annoncé »).
- **Edges**: an article or descriptor the model kept in front goes (« le Pentagone »), a name cut after « de » goes
  on (« Banque populaire de Chine »), « Moody's » keeps its « s », a body keeps its complement (« Cour des
  comptes »); weekdays, months and memory types (« HBM3e ») are not entities.
- **Stop 31**: names a product noun introduces are products (« son traitement Dupixent », :data:`PRODUCT_NOUNS`),
  and a code keeps the unclaimed name before it (« Instinct MI355X », :func:`product_start`) and its variant
  (« Xiaomi 15 Ultra »); courts, prosecutors and ministries written in lower case are organisations, with their list
  of domains (« ministère de l'Economie, du Commerce et de l'Industrie »); a full name after a person's title is a
  person (:data:`PERSON_TITLES`), and so is a surname standing alone after the full name (:func:`surname_spans`).
- **Stop 36**: a name after a noun of goods or « marque » is a brand, a product (« les camemberts Président »,
  :data:`GOODS_NOUNS`), and so are the names listed after a plural one (« les marques Candia et Entremont »), but
  not after a seller (« l'enseigne de chaussures … »); regional bodies in lower case (« préfecture de la Gironde »,
  « conseil départemental de la Creuse »); a firm's branch and a house by their country (:func:`national_end`);
  regional stations (:func:`station_spans`); French firms by their trade and place (:func:`trade_house_spans`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from spacy.lang.fr.stop_words import STOP_WORDS

from helpers.text.frenchnum import MONTHS
from helpers.text.names import LISTED_KINDS, NameList
from helpers.text.places import known_places, opens_sentence

#: Words that open the name of an institution in French copy.
INSTITUTION_NOUNS = ("ministère", "département", "agence", "administration", "commission", "bureau", "office",
                     "autorité", "secrétariat", "conseil", "cour", "chambre", "sénat", "parlement", "gouvernement",
                     "banque", "comité", "direction", "service", "haut-commissariat", "université", "école",
                     "institut", "fondation", "tribunal", "cour", "fédération", "confédération", "association", "union",
                     "ligue", "syndicat", "organisation", "observatoire", "fonds", "caisse", "centre", "alliance",
                     "grupo", "port autonome")
_INSTITUTION = re.compile(rf"^(?:{'|'.join(INSTITUTION_NOUNS)})\b", re.IGNORECASE)

_CODE = r"(?=[A-Za-z]*\d)(?=\d*[A-Z])[A-Z0-9][A-Za-z0-9]*(?:\.\d+(?![\d.]))?"  # H20, B30A, GB200, NVL72, V3.1
_NAME = r"[A-Z][a-z]+[A-Z]?[a-z]*|[A-Z]{2,5}"  # Ascend, TaiShan, RTX
_NUMBER = r"\d{2,5}[A-Z]{0,2}"  # 950, 6000D, 910C
_VARIANT = r"(?:\s+(?:Pro|Max|Ultra|Plus|Mini|Air|Elite|Lite|Neo|SuperPoD|SuperCluster|SuperNode|e-tron|E-Tech|Hybrid))?"  # « Xiaomi 15 Ultra », « Snapdragon 8 Elite »
_VERSIONED = (r"[a-z][A-Z][a-z]+\s+\d{1,3}(?:\s+(?:Pro|Max|Ultra|Plus|Mini|Air))?"  # iPhone 17, iPad Pro
              r"|[A-Z][a-z]+\s+\d\s+(?:Pro|Max|Ultra|Plus|Elite|Lite)(?:\s+Gen\s+\d)?"  # Snapdragon 8 Elite (Gen 5)
              r"|[A-Z][a-z]+[A-Z][a-z]+\s+\d{1,2}(?!\d|[,.]\d)"  # AlphaFold 3, PlayStation 5: a name in two capitals
              r"|Model\s+[A-Z0-9](?![\w-])"  # Model Y
              r"|\d{3}\s+MAX(?:\s+\d{1,2})?"  # 737 MAX
              r"|[A-Z]{1,2}-\d{2,4}[A-Z]?(?![\w-])"  # C-390, KC-46: a letter, a hyphen, a number
              r"|ID\.\s?\d|VF\s\d"  # ID.3, VF 7: a carmaker's line and its number
              # DeepSeek-R1, MiniMax-M1: a name, a hyphen, a code (and a release: DeepSeek-V3.2-Exp)
              r"|[A-Z][a-z]+[A-Z]?[a-z]*-[A-Z]{1,2}\d+(?:\.\d+)?(?:-(?:Exp|Base|Instruct|Chat|Preview|Terminus))?"
              r"|[A-Z][a-z]+\d+(?:\.\d+)?-[A-Z][A-Za-z0-9]*"  # Qwen3-Max, Qwen2.5-VL: a model, its version, a variant
              r"|[A-Z]{3}:\d{3,4}[A-Za-z]{0,2}"  # NXT:2100i, a lithography scanner
              r"|(?:[A-Z][\w-]+\s+){1,2}Blend(?![\w-])"  # CPC Blend, Pilbara Blend: a crude oil's or an ore's grade
              r"|[A-Z][a-z]+OS"  # HarmonyOS
              r"|ChatGPT|[A-Z]{3}-\d[a-z]"  # ChatGPT, GPT-4o
              r"|[A-Z]{2,5}-\d+(?:\.\d+)?(?:\s+(?:Pro|Max|Ultra|Plus|Mini|Turbo|Flash))?"  # GPT-5, GPT-4.1
              r"|[A-Z][a-z]+\s+\d+\.\d+(?:\s+(?:Pro|Max|Ultra|Plus|Mini|Flash|Turbo))?")  # Gemini 2.5 Pro
PRODUCT = re.compile(
    rf"(?<![\w-])(?:{_VERSIONED}|(?:{_NAME})\s+(?:(?:{_NAME})\s+)?{_NUMBER}{_VARIANT}|{_CODE}(?:\s+{_CODE})?{_VARIANT})"
    r"(?![\w-])"
)
#: Capitalised words that may precede a number without naming a product (a sentence's first word, a month).
_NOT_NAMES = re.compile(r"^(?:Le|La|Les|Un|Une|Des|En|Selon|Sur|Dans|Pour|Avec|Plus|Moins|Près|Environ|Entre"
                        r"|Chaque|Ce|Cette|Ces|Son|Sa|Ses|Leur|Leurs|Tout|Toute|Aucun|Aucune|Depuis|Après|Avant"
                        r"|Mais|Et|Ou|Si|Il|Elle|Ils|Elles|On|Nous|Vous|"
                        + "|".join(m.capitalize() for m in MONTHS) + r")\s+")


_CALENDAR_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", *MONTHS}


#: A town's or a region's government by its name: « Orléans Métropole », « Région wallonne » (the body, not the area).
_LOCAL_BODY = re.compile(r"\s(?:Métropole|Agglo|Agglomération|Communauté)$"
                         r"|^Région\s+(?:wallonne|flamande|de\s+Bruxelles-Capitale)$")


def institution_label(text: str, label: str) -> str:
    """The label an entity should have: ``ORG`` when its text begins with an institution noun or ends with a
    company word (« Hygon Information Technology »), ``""`` (not an entity) for a number format (« FP8 »)."""
    if _NUMBER_FORMAT.fullmatch(text.strip()) or text.strip().lower() in _CALENDAR_WORDS \
            or text.strip() in NOT_ORGANISATIONS:
        return ""  # « FP8 »; « Lundi, … » at a sentence's start, which the model reads as a place
    if _INSTITUTION.match(text) or re.search(COMPANY_SUFFIX.pattern + "$", text) or _LOCAL_BODY.search(text):
        return "ORG"
    return label


def product_spans(text: str) -> list[tuple[int, int]]:
    """Spans of product-shaped names in ``text`` (see the module docstring)."""
    spans = []
    for m in PRODUCT.finditer(text):
        start, surface = m.start(), m.group()
        if lead := _NOT_NAMES.match(surface):  # « Chaque Atlas 950 »: the name starts after the first word
            start, surface = start + lead.end(), surface[lead.end():]
        if not re.search(r"[A-Za-z]", surface):
            continue  # « Selon 2 sources »: what is left is no name
        if re.fullmatch(r"(?:19|20)\d\d", surface.split()[-1]):
            continue  # « Nvidia 2025 »: a year, not a model number
        if any(_NUMBER_FORMAT.fullmatch(word) for word in surface.split()):
            continue  # « FP8 », « UE8M0 FP8 »: number formats
        if re.match(r"\d", surface.split()[-1]) and _COUNTED.match(text, m.end()):
            continue  # « a commandé à Dassault Aviation 42 Rafale »: a count of named things, not a model number
        spans.append((start, m.end()))
    return spans


#: What follows a count (« 42 Rafale », « 50 exemplaires »), not a model number.
_COUNTED = re.compile(r"\s+(?:[A-Z]|(?:exemplaires|unités|appareils|avions|rames|puces|serveurs|voitures)\b)")
#: Number formats that look like product codes and are not products.
_NUMBER_FORMAT = re.compile(r"(?:FP|BF|TF|INT|UINT)\d{1,2}|U?E\d{1,2}M\d{1,2}|(?:HBM|G?DDR|LPDDR)\d[A-Za-z]?|\d{1,2}[GK]", re.IGNORECASE)


def surname_spans(text: str, *name_sets: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Spans of the surnames of the full names in ``name_sets`` standing alone in ``text`` (« Mensch » after « Arthur
    Mensch »): the last word of each name, three letters or more, capitalised, not inside any of the full names.
    Each set's lists are made once (pass the fixed lists and an article's own names apart: the fixed ones are then
    never made again)."""
    patterns = [p for names in name_sets if (p := _surname_patterns(frozenset(names))) is not None]
    inside = sorted({span for _, full in patterns for span in full.spans(text)})
    starts = [s for s, _ in inside]
    ends = list(itertools.accumulate((e for _, e in inside), max))  # (the furthest end so far: overlapping names)
    spans = set()
    for surname, _ in patterns:
        for start, end in surname.spans(text):
            i = bisect.bisect_right(starts, start) - 1  # (the full names that may hold it: linear on a megabyte)
            if i < 0 or start >= ends[i]:
                spans.add((start, end))
    return sorted(spans)


@functools.lru_cache(maxsize=8)
def _surname_patterns(full_names: frozenset[str]) -> tuple[NameList, NameList] | None:
    """The name lists of :func:`surname_spans`, made once per set of names (the fixed lists once per process, an
    article's names once per article), not once per paragraph. A surname that is also a French function word
    (« Sur », « Son ») is left out."""
    surnames = {n.split()[-1] for n in full_names if len(n.split()[-1]) >= 3 and n.split()[-1][:1].isupper()
                and n.split()[-1].lower() not in STOP_WORDS}
    if not surnames:
        return None
    return NameList(surnames, elided=False), NameList(full_names)


#: Titles right before a person's full name (« le prix Nobel Alain Aspect », « la sénatrice Jane Holt »).
PERSON_TITLES = ("prix Nobel", "président", "présidente", "ministre", "PDG", "patron", "patronne", "fondateur",
                 "fondatrice", "cofondateur", "cofondatrice", "directeur général", "directrice générale", "gouverneur",
                 "gouverneure", "sénateur", "sénatrice", "député", "députée", "porte-parole", "commissaire", "juge",
                 "professeur", "professeure", "chercheur", "chercheuse", "économiste", "analyste", "chancelier",
                 "chancelière", "général", "procureur", "procureure", "avocat", "avocate", "Me", "M.", "Mme")
_TITLED = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(PERSON_TITLES, key=len, reverse=True))
                     + r")\s+([A-ZÉ][a-zéèëïç]+(?:-[A-ZÉ][a-zéèëïç]+)?\s+(?:(?:de|von|van|der|Le|La)\s+)?"
                       r"[A-ZÉ][\w'’-]+)")


def titled_spans(text: str) -> list[tuple[int, int]]:
    """Spans of full names right after a person's title (:data:`PERSON_TITLES`): « le prix Nobel Alain Aspect »."""
    return [m.span(1) for m in _TITLED.finditer(text)
            if not _NOT_NAMES.match(m.group(1) + " ") and m.group(1).split()[0] not in _CALENDAR_WORDS]


_LISTED = NameList(LISTED_KINDS)


@functools.lru_cache(maxsize=4)
def _listed_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of every listed name in ``text``: the three lists are read in one pass, kept for the three
    finders below, which a paragraph calls in turn."""
    return tuple((s, e, LISTED_KINDS[text[s:e]]) for s, e in _LISTED.spans(text))


def person_spans(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`~helpers.text.names.KNOWN_PEOPLE` in ``text``."""
    return [(s, e) for s, e, kind in _listed_spans(text) if kind == "PER"]


def listed_product_spans(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`~helpers.text.names.KNOWN_PRODUCTS` in ``text`` (« Wegovy », « Kimi K2 »)."""
    return [(s, e) for s, e, kind in _listed_spans(text) if kind == "PRODUCT"]
_SOCIAL_X = re.compile(r"(?<=réseau social )X(?![\w-])")  # « le réseau social X »
#: Words that stay with a company's name (« Huawei Technologies », « Alibaba Cloud »).
COMPANY_SUFFIX = re.compile(r"\s+(?:Technologies|Technology|Information Technology|Cloud|Group|Holdings|Platforms|Semiconductor"
                            r"|Semiconductors|Corporation|Inc\.?|Electronics|Materials|Securities|Rare Earths|Motors"
                            r"|Systems|Capital|Partners|Industries|Pharmaceuticals|Therapeutics|Airlines|Energy"
                            r"|Research|Labs|Ventures|Automotive|Mobility|Bank|Investments|Insights|Intelligence|Industry|Networks"
                            r"|Retail|Medicines|Holding|Company|Limited|Biotech|Cobalt|Lithium|Mining|Metals|Steel"
                            r"|Shipping|Logistics|Pharma|High-Tech|Magnetics|Frères|Associés|Assurances|Ateliers"
                            r"|Transports|Laboratoires|Éditions|Agriculteurs|Champions|Medicine|Farms|Foods|Dairy"
                            r"|Gestion|Distribution|Engineering|Resources|Groupe|Aéro|Studios|Games|Software|Solutions"
                            r"|Robotics|Aerospace|Defence|Defense|Chemicals|Chemical|Minerals|Petroleum|Entertainment"
                            r"|Communications|Telecom|Télécom|Media|Médias|Biosciences|Instruments|Devices|Manufacturing"
                            r"|Trading|Finance|Immobilier|Industrie|Microelectronics|Photonics|Optics|Batteries|Ports|Investment|LNG"
                            r"|Copper|Gold|Nickel|Aluminium|Aluminum|Uranium|Oil|Power|Truck|Trucks|Airways|Railways"
                            r"|Terminal|Terminals|Mobilités|Shipyard|Shipyards|Shipbuilding|Investment Management"
                            r"|SA|SE|AG|NV|plc|Ltd|& Co\.?)(?![\w-])")


#: Capitalised words before a company word: « Kerlann Biotech », « Gotion High-Tech », « NewSpace India Limited ».
_SUFFIXED = re.compile(r"(?<![\w&+.'’-])((?:[A-Z][\w&'’-]*\s){1,3})" + COMPANY_SUFFIX.pattern[3:])


def suffixed_spans(text: str) -> list[tuple[int, int]]:
    """Spans of firms named by capitalised words and a company word (:data:`COMPANY_SUFFIX`), without the words a
    sentence opens with (« Selon Kerlann Biotech » is « Kerlann Biotech »)."""
    spans = []
    for m in _SUFFIXED.finditer(text):
        # (« Le Chinois Gotion High-Tech »: the nationality is not the name either)
        if (start := _name_start(m.group(1), nationalities=True)) is not None:
            spans.append((m.start(1) + start, m.end()))
    return spans


def _name_start(words: str, nationalities: bool = False) -> int | None:
    """Where a name begins in ``words`` (capitalised words before a name's last part), past the words a sentence
    opens with (« Selon », « Le ») and, if asked, a nationality written as a noun; ``None`` if nothing is left."""
    for word in re.finditer(r"\S+", words):
        if not (word.group() in SENTENCE_WORDS or _NOT_NAMES.match(word.group() + " ")
                or nationalities and word.group().lower() in _NATIONALITY_FORMS):
            return word.start()
    return None


def _without_full_stop(name: str) -> str:
    """``name`` without the sentence's full stop it ends on (« … le cabinet TrendForce. »), unless the stop is part of
    an abbreviation (« Inc. », « Co. », « Corp. »)."""
    return name[:-1] if name.endswith(".") and not name.endswith(("Inc.", "Co.", "Corp.")) else name


_AI_FIRM = re.compile(r"(?<![\w-])[A-Z][a-z]+\s?AI(?![\w-])")  # « Mistral AI », « Scale AI », « FuriosaAI »


def organisation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`~helpers.text.names.KNOWN_ORGANISATIONS` in ``text`` (and « X » right after « réseau social »), and of firms named
    « … AI »."""
    spans = sorted([(s, e) for s, e, kind in _listed_spans(text) if kind == "ORG"]
                   + [m.span() for m in _SOCIAL_X.finditer(text)])
    firms = [m.span() for m in _AI_FIRM.finditer(text) if not _NOT_NAMES.match(m.group())]
    # « Zhipu| AI »: a listed name the word « AI » follows is that longer name
    spans = [(s, e) for s, e in spans if not any(fs == s and e < fe for fs, fe in firms)]
    return sorted(spans + [(fs, fe) for fs, fe in firms if not any(s < fe and fs < e for s, e in spans)])


def with_company_suffix(text: str, end: int) -> int:
    """``end`` moved past a company suffix that follows it (« Huawei| Technologies », « JPMorgan| Chase & Co »: one
    more capitalised word may come before the suffix), else unchanged."""
    m = COMPANY_SUFFIX.match(text, end) or re.compile(r"\s+[A-Z][a-z]+" + COMPANY_SUFFIX.pattern).match(text, end)
    return m.end() if m else end


#: A country after a firm's name, its branch there: « ArcelorMittal| France », « AXA Bank| Belgium ».
_BRANCH = re.compile(r"\s(?:France|Belgique|Belgium|Suisse|Schweiz|Switzerland|Deutschland|Italia|España|UK|Nederland"
                     r"|Benelux|Canada|Japan|China|India)(?![\w'’-])")
#: Houses of parliament written with their country's adjective: « le Sénat| américain », « le Congrès| mexicain ».
_HOUSES = frozenset(("Sénat", "Congrès", "Parlement", "Bundestag", "Sejm"))


def national_end(text: str, start: int, end: int) -> int:
    """``end`` of the organisation at ``start`` moved past the country it is named for: a firm's branch (« ArcelorMittal
    France »: a country's name right after it) or a house of parliament (« Sénat américain »: its adjective)."""
    if m := _BRANCH.match(text, end):
        return m.end()
    if text[start:end] in _HOUSES and (m := re.match(r"\s([a-zé][\w-]+)(?![\w'’-])", text[end:end + 30])) \
            and m.group(1) in NATIONALITIES:
        return end + m.end()
    return end


#: Nouns that introduce a company or body by what it is, before its name: « le cabinet TrendForce », « le groupe
#: australien Lynas Rare Earths », « l'allemand Infineon ». The name after them is an organisation's.
DESCRIPTORS = ("cabinet", "cabinet d'études", "cabinet d’études", "société", "groupe", "institut", "courtier",
               "banque", "banque d'affaires", "banque d’affaires", "fabricant", "start-up", "géant", "équipementier",
               "constructeur", "opérateur", "laboratoire", "fonds", "assureur", "conglomérat", "chimiste",
               "sidérurgiste", "motoriste", "avionneur", "pétrolier", "énergéticien", "distributeur", "éditeur",
               "fondeur", "concepteur", "firme", "agence de notation", "plateforme", "réseau social", "think tank",
               "centre de recherche", "cabinet de conseil", "société de conseil", "entreprise", "spécialiste",
               "numéro un", "leader", "compagnie", "transporteur", "minier", "négociant", "régulateur",
               "quotidien", "journal", "hebdomadaire", "magazine", "chaîne", "radio", "site", "média", "agence",
               "PME", "ETI", "ONG", "association", "fédération", "syndicat", "club", "label", "marque", "maison",
               "pépite", "licorne", "filiale", "jeune pousse",
               # stop 33: more nouns of firms (« le promoteur Nexity », « la foncière Gecina », « son rival X »)
               "promoteur", "foncière", "armateur", "brasseur", "cimentier", "verrier", "industriel", "sous-traitant",
               "fournisseur", "hébergeur", "gestionnaire", "gestionnaire d'actifs", "gestionnaire d’actifs",
               "investisseur", "holding", "coopérative", "mutuelle", "enseigne", "logisticien", "rival", "concurrent")
NATIONALITIES = ("américain", "allemand", "français", "chinois", "japonais", "coréen", "sud-coréen", "taïwanais",
                 "néerlandais", "britannique", "suisse", "italien", "espagnol", "indien", "australien", "canadien",
                 "suédois", "finlandais", "européen", "belge", "danois", "norvégien", "israélien", "saoudien",
                 # stop 33: « le ministère malaisien de l'Investissement », « l'émirati G42 »
                 "malaisien", "singapourien", "vietnamien", "indonésien", "thaïlandais", "philippin", "émirati",
                 "qatari", "turc", "turque", "russe", "ukrainien", "polonais", "tchèque", "hongrois", "roumain", "grec",
                 "grecque", "portugais", "irlandais", "autrichien", "mexicain", "brésilien", "argentin", "chilien",
                 "sud-africain", "nigérian", "égyptien", "marocain", "algérien", "tunisien", "iranien", "irakien",
                 "pakistanais", "néo-zélandais", "luxembourgeois", "hongkongais", "koweïtien", "libanais", "kényan",
                 "sénégalais", "ivoirien", "mozambicain", "colombien", "péruvien", "kazakh",
                 # stop 37: the other countries wire copy names (« le ministère ouzbek de l'Industrie minière »)
                 "ouzbek", "kirghize", "kirghiz", "turkmène", "tadjik", "azerbaïdjanais", "arménien", "géorgien",
                 "biélorusse", "serbe", "croate", "slovène", "slovaque", "bulgare", "estonien", "letton", "lituanien",
                 "islandais", "maltais", "chypriote", "albanais", "bosnien", "moldave", "afghan", "bangladais",
                 "sri-lankais", "népalais", "birman", "cambodgien", "laotien", "mongol", "nord-coréen", "jordanien",
                 "syrien", "yéménite", "omanais", "bahreïni", "koweïti", "ghanéen", "éthiopien", "tanzanien",
                 "ougandais", "rwandais", "congolais", "camerounais", "gabonais", "malien", "burkinabé", "nigérien",
                 "tchadien", "guinéen", "béninois", "togolais", "mauritanien", "libyen", "soudanais", "angolais",
                 "zambien", "zimbabwéen", "namibien", "malgache", "mauricien", "vénézuélien", "équatorien", "bolivien",
                 "paraguayen", "uruguayen", "cubain", "dominicain", "panaméen", "guyanien", "palestinien", "kosovar")
#: (« italien », « italienne »: a final « n » doubles in the feminine)
_FORMS = {n: ("", "e", "s", "es") + (("ne", "nes") if n.endswith(("en", "on")) else ()) for n in NATIONALITIES}
_ADJ = "|".join(f"{n}(?:{'|'.join(e for e in ends if e)})?" for n, ends in _FORMS.items())
_NATIONALITY_FORMS = frozenset(n + end for n, ends in _FORMS.items() for end in ends)
_DESCRIBED = re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(re.escape(d) for d in sorted(DESCRIPTORS, key=len, reverse=True)) + r")s?"
    # (« le fabricant de camping-cars Trigano », « le spécialiste des bateaux Beneteau »: what the firm makes, in lower
    # case, may come between; « le belge Umicore »: a nationality after « le » or « la » describes a firm too)
    + r"(?:\s+(?:de|des|du|d['’])\s*(?!(?:la|le|les|l)\b)[a-zéèêà][\wéèêàç]+(?:-[a-zéèêàç]+)?)?"
    + rf"(?:\s+(?:{_ADJ}|[a-zéèêà][a-zéèêàç]{{3,}}(?:-[a-zéèêàç]+)?))?|[lL]['’](?:{_ADJ})|[Ll][ea]\s+(?:{_ADJ}))\s+"
    + r"((?:[A-Z][\w&.'’-]*)(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*)*)")


#: A name with a capital inside a word (« HongShan », « MultiChoice », « NielsenIQ », « FranceAgriMer »): a brand,
#: which French copy uses for firms, funds and fairs; not a surname with a particle (« McCarthy », « LeCun »).
_INTERCAPPED = re.compile(r"(?<![\w&+.'’-])(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von)[A-Z])[A-Z][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]*)+"
                          r"(?![\w&+-]|['’]\w)")


def intercapped_spans(text: str) -> list[tuple[int, int]]:
    """Spans of one-word names with a capital inside (:data:`_INTERCAPPED`)."""
    # (« CoWoS », « SoIC »: mostly capitals, a packaging technique's abbreviation, not a brand)
    return [m.span() for m in _INTERCAPPED.finditer(text) if sum(c.isupper() for c in m.group()) <= 0.4 * len(m.group())]


#: Nouns of bodies in English names (« Center for a New American Security », « Export-Import Bank of the United
#: States », « Southern Environmental Law Center »).
_ENGLISH_BODY_NOUNS = ("Center", "Centre", "Institute", "Institution", "Council", "Foundation", "Endowment", "Bank",
                       "Fund", "Agency", "Office", "Bureau", "Committee", "Association", "Alliance", "Federation",
                       "Forum", "Society", "School", "University", "College", "Laboratory", "Administration",
                       "Authority", "Commission", "Corporation", "Department", "Board", "Reserve", "Exchange",
                       "Organization", "Coalition", "Partnership", "Initiative", "Trust", "Consortium")
_ENGLISH_BODY = "(?:" + "|".join(_ENGLISH_BODY_NOUNS) + ")"
_ENGLISH_WORD = r"[A-Z][\w&.-]*"
_ENGLISH_ORG = re.compile(
    rf"(?<![\w-])((?:{_ENGLISH_WORD}\s(?:(?:and|&|of)\s)?){{0,4}}){_ENGLISH_BODY}"
    rf"((?:\s(?:for|of|on|in)(?:\s(?:the|a|an))?\s{_ENGLISH_WORD}(?:\s(?:and\s|of\s|&\s|for\s|the\s)?{_ENGLISH_WORD}){{0,5}})?)"
    r"(?![\w-])")


def english_body_spans(text: str) -> list[tuple[int, int]]:
    """Spans of bodies named in English: capitalised words before a body's noun (:data:`_ENGLISH_BODY`), or a body's
    noun and its complement after « for », « of », « on » (« Council on Foreign Relations »). French words that open
    a sentence are not part of the name (« Le Forum »)."""
    spans: list[tuple[int, int]] = []
    if not _holds_any(text, _ENGLISH_BODY_NOUNS):
        return spans
    for m in _ENGLISH_ORG.finditer(text):
        # (« Le Forum », « Selon Bank of America »: the sentence's word is not the name's)
        start = _name_start(m.group(1))
        if start is not None or m.group(2):
            spans.append((m.start(1) + (start if start is not None else len(m.group(1))),
                          m.start() + len(_without_full_stop(m.group()))))
    return spans


#: « Bourse de Tokyo », « Bourse de Hongkong »: a stock exchange named by its city.
_EXCHANGE = re.compile(r"(?<![\w-])Bourse\s+(?:de\s+|d['’])([A-ZÉ][\w-]+(?:\s[A-Z][\w-]+)?)")


#: Regional stations named by their network and their area: « ici Nord » (Radio France's local radio), « France 3
#: Hauts-de-France », « France Bleu Armorique ».
#: Regions whose names hold lower-case words, which a station's name takes whole (« France 3 Pays de la Loire »).
_LONG_REGIONS = ("Pays de la Loire", "Centre-Val de Loire", "Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte d’Azur",
                 "Côte d'Azur", "Côte d’Azur", "Paris Île-de-France", "Nord Pas-de-Calais", "Corse ViaStella")
_STATION = re.compile(r"(?<![\w'’-])(?:ici|France 3|France Bleu)\s+("
                      + "|".join(re.escape(r) for r in _LONG_REGIONS)
                      + r"|[A-ZÉ][\w'’-]+(?:\s[A-ZÉ][\w'’-]+)?)")
#: Areas of stations that no list of places holds: the points of the compass, old provinces.
_STATION_AREAS = frozenset(("Nord", "Sud", "Armorique", "Azur", "Pays basque", "Pays Basque", "Béarn Bigorre",
                            *_LONG_REGIONS))


def station_spans(text: str) -> list[tuple[int, int]]:
    """Spans of regional radio and television stations (:data:`_STATION`) named for a listed place (« ici Gironde »;
    not « d'ici Noël », which the apostrophe before it rules out)."""
    spans: list[tuple[int, int]] = []
    if not _holds_any(text, ("ici", "France 3", "France Bleu")):
        return spans
    for m in _STATION.finditer(text):
        area = m.group(1) if _is_area(m.group(1)) else m.group(1).split()[0]
        if _is_area(area):
            spans.append((m.start(), m.start(1) + len(area)))
    return spans


def _is_area(name: str) -> bool:
    # (« ici Belfort-Montbéliard »: two listed towns joined by a hyphen name a station's area too)
    return name in known_places() or name in _STATION_AREAS \
        or "-" in name and all(part in known_places() for part in name.split("-"))


def exchange_spans(text: str) -> list[tuple[int, int]]:
    """Spans of stock exchanges named « Bourse de » and a listed place (:func:`~helpers.text.places.known_places`)."""
    spans: list[tuple[int, int]] = []
    if "Bourse" not in text:
        return spans
    for m in _EXCHANGE.finditer(text):
        place = m.group(1) if m.group(1) in known_places() else m.group(1).split()[0]
        if place in known_places():
            spans.append((m.start(), m.start(1) + len(place)))
    return spans


def described_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names an organisation noun introduces (:data:`DESCRIPTORS`, or « l'américain » and the like)."""
    spans = []
    for m in _DESCRIBED.finditer(text):
        start = m.start(1)
        name = _without_full_stop(m.group(1))
        end = start + len(name)
        firm_named_for_a_month = name.lower() in MONTHS and not re.match(r"\s+\d", text[end:end + 3])
        if not firm_named_for_a_month and (_NOT_NAMES.match(name.split()[0] + " ") or name.lower() in _CALENDAR_WORDS):
            continue  # « le groupe Le … », « l'allemand En »: no name (but « le groupe Avril » is a firm)
        if name.split()[0].upper() in NOT_ORGANISATIONS or _NUMBER_FORMAT.fullmatch(name.split()[0]):
            continue  # « les fournisseurs de mémoire HBM3e »: what they make, not who they are
        spans.append((start, end))
    return spans


_ARTICLE_LEAD = re.compile(r"^(?:(?:le|la|les|l['’]|du|des|de la|de l['’])\s*)", re.IGNORECASE)


#: A lower-case word that is part of a ministry's domain: « de l'Industrie| minière », « de la Transition| écologique ».
_DOMAIN_ADJ = (r"(?:\s+(?:minières?|écologique|solidaire|publiques?|sociales?|numérique|énergétique|alimentaire"
               r"|nationale|économiques?|maritimes?|territoriales?|intérieure|extérieure?|financière|agricole|rurale"
               r"|durable|industrielle|scientifique|technologique|supérieur|civile|fiscale)(?![\w-]))")

#: Courts and bodies written in lower case before a place or a capitalised domain: « tribunal administratif de
#: Paris », « cour d'appel de Versailles », « parquet de Nanterre », « ministère des Transports ».
_LOWER_BODY = re.compile(r"(?<![\w-])(?:tribunal|cour (?:administrative )?d['’]appel|conseil de prud['’]hommes|chambre régionale des comptes"
                          r"|parquet(?= (?:de|d['’]|du|des) )|ministère|département|secrétariat d['’]État"
                          # (the State's office in a French département, which takes an article: « préfecture de la
                          # Gironde », « du Nord »; not « préfecture de Mie », the Japanese region)
                          r"|(?:sous-)?préfecture\s+de\s+police|(?:sous-)?préfecture(?=\s+(?:de\s+la\s|de\s+l['’]|du\s|des\s))"
                          r"|[Cc]onseil\s+(?:départemental|régional|municipal|général|métropolitain)"
                          r"|[Cc]hambre\s+de\s+commerce\s+et\s+d['’]industrie(?:\s+(?:régionale|territoriale))?"
                          r"|[Cc]hambre\s+(?:de\s+métiers\s+et\s+de\s+l['’]artisanat|d['’]agriculture)"
                          # (a French seaport's authority: « Grand Port maritime de Marseille »)
                          r"|Grand\s+Port\s+maritime)"
                          r"(?:\s+(?:administratif|judiciaire|correctionnel|de commerce|des affaires économiques"
                          r"|de\s+l['’]entreprise"
                          r"|des activités économiques|fédéral(?:\s+du\s+district(?:\s+(?:nord|sud|est|ouest|centre))?)?"
                          rf"|{_ADJ}))?"
                          # (« tribunal fédéral de Los Angeles »: a place of three words at most)
                          r"\s+(?:de|d['’]|du|des)\s*(?:la\s+|l['’])?(?:"
                          + "|".join(re.escape(r) for r in _LONG_REGIONS)
                          + r"|[A-ZÉ][\w'’-]+(?:\s(?:[A-Z][\w'’-]+)){0,2})"
                          rf"{_DOMAIN_ADJ}?"
                          # « ministère de l'Economie, du Commerce et de l'Industrie »: a list of domains, but not a
                          # second body (« ministère des Armées| et du Centre national d'études spatiales »)
                          r"(?:,?\s+(?:et\s+)?(?:de\s+la|de\s+l['’]|du|des)\s*"
                          r"(?!(?:Centre|Agence|Office|Institut|Conseil|Commission|Autorité|Bureau|Banque)\b)[A-ZÉ][\w'’-]+"
                          rf"{_DOMAIN_ADJ}?)*"
                          # « commission du commerce international du Parlement européen »: a house's committee
                          r"|(?<![\w-])(?:sous-)?commission(?:\s+(?:spéciale|permanente|mixte|parlementaire|d['’]enquête))?"
                          r"(?:\s+(?:des|du|de\s+la|de\s+l['’]|de|d['’])\s*[\w'’ -]{3,60}?)?"
                          r"\s(?:du\s+Sénat|de\s+l['’]Assemblée(?:\s+nationale)?|du\s+Parlement\s+européen"
                          r"|de\s+la\s+Chambre\s+des\s+(?:représentants|communes|lords|députés))(?![\w-])"
                          # (and the subject of a special committee: « … sur le Parti communiste chinois »)
                          r"(?:\s+sur\s+(?:le|la|les|l['’])\s*[A-ZÉ][\w'’-]+(?:\s+[a-zé][\w-]+){0,2})?"
                          # (« bureau du représentant américain au Commerce », the USTR's office, not the person)
                          r"|(?<![\w-])[Bb]ureau du représentant (?:américain )?(?:au|pour le) Commerce(?![\w-])")


#: Nouns that introduce a product by what it is, before its name: « son traitement Dupixent », « le sac Birkin »,
#: « la berline Lucid Air », « un nouveau modèle Mistral Large ». The name after them is a product's.
PRODUCT_NOUNS = ("modèle", "modèles", "traitement", "médicament", "vaccin", "molécule", "sac", "berline", "citadine",
                 "voiture", "SUV", "smartphone", "smartphones", "téléphone", "console", "messagerie", "application",
                 "logiciel", "navigateur", "comparateur", "assistant", "chatbot", "puce", "puces", "processeur",
                 "processeurs", "accélérateur", "accélérateurs", "carte graphique", "cartes graphiques", "rames",
                 "avion", "avions", "moyen-courrier", "long-courrier", "lanceur", "fusée", "satellite", "réacteur",
                 "système d'exploitation", "système d’exploitation", "moteur de recherche", "jeu", "série", "parfum",
                 "serveur", "serveurs", "superordinateur", "supercalculateur",
                 # stop 37: materials, processes and equipment a firm makes (« le polymère Kynar », « son procédé
                 # Smart Cut », « les turbines Arabelle », « les verres Luminarc »)
                 "polymère", "polymères", "procédé", "turbine", "turbines", "verres", "assiettes", "gamme", "gammes")
#: Brands of goods, which the lists of names cannot hold all of: a name right after « la marque », « les marques » or
#: a noun of food, drink, cosmetics or household goods is the brand's (« les camemberts Président », « les poêles
#: Ingenio »), not its maker's. (Not vehicles: « les autocars Van Hool » names the maker.)
GOODS_NOUNS = ("marque", "marques", "yaourt", "yaourts", "fromage", "fromages", "camembert", "camemberts", "lait",
               "beurre", "crème", "crèmes", "salade", "salades", "cidre", "cidres", "conserve", "conserves",
               "confiture", "confitures", "biscuit", "biscuits", "gâteaux", "chocolat", "chocolats", "tablettes",
               "bonbons", "bière", "bières", "champagne", "champagnes", "cognac", "eau minérale", "eaux minérales",
               "soins", "cosmétiques", "shampooing", "lessive", "poêle", "poêles", "casseroles", "cocottes",
               "jouets", "chaussures", "baskets", "montres", "lunettes")
_PRODUCT_NOUN_LEAD = (
    r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(PRODUCT_NOUNS + GOODS_NOUNS, key=len, reverse=True)) + r")"
    r"(?:\s+(?:contre|pour|de|d['’])\s+(?:l['’]|la\s+|le\s+)?[a-zéè]+)?")  # « traitement contre l'obésité Wegovy »
_PRODUCT_NOUN = re.compile(_PRODUCT_NOUN_LEAD + r"\s+((?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|\d{1,4}[A-Za-z]{0,3}"
                           r"|d['’][A-ZÉ][\w'’-]*))*)")  # (« les tablettes Côte d’Or »)

#: Who sells or makes goods, before their noun: « l'enseigne de| chaussures », « le fabricant de| jouets ».
_SELLER_OF = re.compile(r"(?<![\w-])(?:enseignes?|chaînes?|magasins?|boutiques?|distributeurs?|fabricants?|spécialistes?"
                        r"|réseau|groupe|maison)\s+(?:de\s+|d['’])$")
_PLURAL_GOODS = frozenset(n for n in GOODS_NOUNS if n.endswith(("s", "x")))
#: Another brand in the list a goods noun opens: « …, Belvita », « … et Entremont » (a name of one or two words).
_MORE_BRANDS = re.compile(r"(?:,\s+|\s+et\s+|\s+ou\s+)((?!(?:Le|La|Les|Un|Une|Des|En|Selon)\s)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
                          r"(?![\w'’-])")

#: A product noun and its complement right before a name (« les puces », « le traitement contre l'obésité »).
_PRODUCT_NOUN_END = re.compile(_PRODUCT_NOUN_LEAD + r"\s+(?:[a-zé]+\s+)?$")


def named_product_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names a product noun introduces (:data:`PRODUCT_NOUNS`): « son traitement Dupixent »."""
    return [(s, e) for s, e, _ in named_products(text)]


def named_products(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, brand) of the names a product noun introduces (:func:`named_product_spans`); ``brand`` when the noun
    is one of goods (:data:`GOODS_NOUNS`: « le cognac Hennessy », « la marque Yves Rocher »), which names the brand
    even where a list names the house that owns it."""
    spans = []
    for m in _PRODUCT_NOUN.finditer(text):
        start, end = m.span(1)
        name = m.group(1).rstrip(".")
        words = name.split()
        # (« les marques Le Gaulois », « La Chouffe »: right after the noun, an article in capitals opens the name)
        if _NOT_NAMES.match(words[0] + " ") and not (words[0] in ("Le", "La", "Les") and len(words) > 1) \
                or name.lower() in _CALENDAR_WORDS \
                or words[0] in NOT_ORGANISATIONS or _NUMBER_FORMAT.fullmatch(words[0]):
            continue
        lead = text[m.start():start].rstrip()
        if lead not in GOODS_NOUNS and (of := re.search(r"\sd['’]", name)):
            name = name[:of.start()]  # « les puces Trainium| d'Amazon »: only a brand goes on so (« Côte d’Or »)
        if lead.startswith("marque") and name.isupper() \
                or lead in GOODS_NOUNS and _SELLER_OF.search(text, max(0, m.start() - 30), m.start()):
            continue  # « la marque VW », « l'enseigne de chaussures Maison Berlaud »: the maker, the seller
        spans.append((start, start + len(name), lead in GOODS_NOUNS))
        if lead in _PLURAL_GOODS:
            # « les marques Candia et Entremont », « les biscuits Lu, Belvita et Prince »: the brands listed after a
            # plural noun (after « la marque Yoplait et| Sodiaal », the second name is the firm's)
            end = start + len(name)
            while more := _MORE_BRANDS.match(text, end):
                spans.append((*more.span(1), True))
                end = more.end(1)
    return spans


def product_start(text: str, start: int, end: int, claimed: list[tuple[int, int]]) -> int:
    """« Instinct| MI355X », « Galaxy Z| Fold7 », « Citroën| C3 »: a product code keeps the capitalised words right
    before it (two at most) that no other entity claims and that do not open the sentence (an entity over the code
    itself, the model's « Instinct MI355X » as a person, claims nothing)."""
    claimed = [(s, e) for s, e in claimed if not (s < end and start < e)]
    for _ in range(2):
        # (a window before the code, not the whole text before it: linear on a megabyte of codes)
        window = max(0, start - 60)
        m = re.search(r"(?<![\w'’-])([A-ZÉ][\w-]*)\s+$", text[window:start])
        if not m or _NOT_NAMES.match(m.group(1) + " ") or m.group(1).lower() in _CALENDAR_WORDS \
                or m.group(1) in NOT_ORGANISATIONS or any(s < start and window + m.start(1) < e for s, e in claimed):
            break
        word = window + m.start(1)
        if word == 0 or re.search(r"[.!?:;«(]\s*$", text[max(0, word - 8):word]):
            break  # the sentence's first word, or after a colon or a quote mark: not known to be a name
        start = word
    return start


#: Offices named by lower-case words alone.
_NATIONAL_OFFICE = re.compile(r"(?<![\w-])[Pp]arquet national (?:financier|antiterroriste)(?![\w-])")

#: A word each name of :func:`body_spans` holds, one per branch of its patterns (« arquet »: « parquet » and
#: « Parquet »; « ureau »: « bureau » and « Bureau »).
_LOWER_BODY_NOUNS = ("tribunal", "cour", "onseil", "hambre", "arquet", "ministère", "département", "secrétariat",
                     "commission", "ureau", "préfecture", "Grand Port")


#: A French firm named by its trade and its place: « Forge de Laguiole », « Fonderie de Bretagne », « Interprofession du
#: Gruyère » (the trade's noun in capitals, so a name).
_TRADE_WORDS = ("Forge", "Fonderie", "Brasserie", "Verrerie", "Papeterie", "Laiterie", "Fromagerie", "Distillerie",
                "Chocolaterie", "Biscuiterie", "Coutellerie", "Manufacture", "Filature", "Cristallerie", "Faïencerie",
                "Savonnerie", "Conserverie", "Sucrerie", "Cidrerie", "Tuilerie", "Interprofession")
_TRADE_HOUSE = re.compile(rf"(?<![\w-])(?:{'|'.join(_TRADE_WORDS)})s?"
                          r"\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])[A-ZÉ][\w'’-]+(?:\s[A-ZÉ][\w'’-]+)?")


#: A body named by its noun and an adjective of its kind, then what it deals with, all in lower case: « Conseil
#: constitutionnel », « Comité interprofessionnel de gestion du comté », « Office algérien interprofessionnel des
#: céréales » (a nationality may come between). The model keeps the capitalised noun alone.
_KIND_NOUNS = ("Conseil", "Comité", "Office", "Bureau", "Centre", "Institut", "Syndicat", "Union", "Fédération",
               "Confédération", "Observatoire", "Agence", "Caisse", "Établissement", "Etablissement", "Haut Conseil",
               "Haute Autorité", "Autorité", "Cour", "Chambre", "Conservatoire", "Commissariat", "Inspection", "Salon",
               "Foire")
_KIND_ADJ = (r"(?:interprofessionnel(?:le)?|constitutionnel(?:le)?|national(?:e)?|régional(?:e)?|fédéral(?:e)?"
             r"|central(?:e)?|supérieur(?:e)?|général(?:e)?|consultati(?:f|ve)|paritaire|technique|scientifique"
             r"|professionnel(?:le)?|international(?:e)?|mondial(?:e)?|européen(?:ne)?)")
#: (« des finances| publiques », « du prêt-à-porter| féminin »: a lower-case adjective after a domain, by its ending)
_LOWER_ADJ = r"(?:\s+[a-zéèêàç]+(?:el|elle|al|ale|aux|ier|ière|ique|if|ive|in|ine|aire|eux|euse)s?(?![\w'’-]))?"
_KIND_BODY = re.compile(rf"(?<![\w-])(?:{'|'.join(_KIND_NOUNS)})"
                        rf"(?:\s+(?:{_ADJ})(?:\s+{_KIND_ADJ})?|\s+{_KIND_ADJ}|(?<=Haut Conseil)|(?<=Haute Autorité))(?![\w-])"
                        r"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|pour\s+(?:les?|la|l['’])"
                        r"|et(?:\s+(?:les?|la|l['’]|des|du|de\s+la|de\s+l['’]))?)\s*"
                        r"(?!(?:la|le|les|ses|son|sa|leurs?|une?|des|du|ce|cet|cette|ces|qui|que|dont|en|y)\b|\w['’])"
                        r"[a-zéèêàç][\w'’-]+"
                        rf"{_LOWER_ADJ}){{0,3}}")


def kind_body_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the bodies named by their noun, an adjective of their kind and their lower-case domain
    (:data:`_KIND_BODY`)."""
    if not _holds_any(text, _KIND_NOUNS):
        return []
    return [m.span() for m in _KIND_BODY.finditer(text)]


def trade_house_spans(text: str) -> list[tuple[int, int]]:
    """Spans of French firms named by their trade and their place (:data:`_TRADE_HOUSE`)."""
    if not _holds_any(text, _TRADE_WORDS):
        return []
    return [m.span() for m in _TRADE_HOUSE.finditer(text)]


def body_spans(text: str) -> list[tuple[int, int]]:
    """Spans of courts, prosecutors' offices and ministries named in lower case before their seat or domain
    (:data:`_LOWER_BODY`), and of the national prosecutors' offices (« parquet national financier »)."""
    if not _holds_any(text, _LOWER_BODY_NOUNS):
        return []
    return [(m.start(), domain_end(text, m.start(), m.end())) for m in _LOWER_BODY.finditer(text)
            if department_name_start(m.group()) is None] + [m.span() for m in _NATIONAL_OFFICE.finditer(text)]


#: « le département du| Nord », « de la| Somme »: a French département is a place, not a body (« département du
#: Commerce », the American ministry, is one). Its name comes after the article.
_FRENCH_DEPARTMENT = re.compile(r"département\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)(?P<name>[^,;.]+)$")


def department_name_start(surface: str) -> int | None:
    """Where the place's name starts in « département du Nord » (a French département, by a listed place's name),
    else None (« département du Commerce »)."""
    dep = _FRENCH_DEPARTMENT.match(surface)
    return dep.start("name") if dep and dep.group("name") in known_places() else None


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words``, each a part every match of a pattern holds: a pattern that tries its
    branches at every word of a paragraph then reads only the paragraphs where it can match (a substring test runs in
    C over the whole text)."""
    return any(word in text for word in words)


def trimmed(text: str, start: int, end: int) -> int:
    """The start of an entity without a lowercase article or descriptor the model kept in front (« le Pentagone »,
    « institut Rhodium Group »); an institution named in lower case (« ministère chinois du Commerce ») stays."""
    surface = text[start:end]
    if re.match(r"(?:ONG|PME|ETI)\s+[A-Z]", surface):  # « ONG Greenpeace »: the kind of body, then its name
        start, surface = start + 4, surface[4:]
    # « l'ETI de| Pouzauges », « le Chinois de| MA Steel »: a kind of firm or a nationality, then « de », then the name
    if (kind_of := re.match(r"(\w+)\s+(?:de|du|d['’])\s*(?=[A-ZÉ])", surface)) \
            and (kind_of.group(1) in ("ETI", "PME", "TPE", "ONG") or kind_of.group(1).lower() in _NATIONALITY_FORMS):
        start, surface = start + kind_of.end(), surface[kind_of.end():]
    # « L'ONU » at a sentence's start: the article is not the name (names that keep it, « L'Oréal », are listed in
    # :data:`~helpers.text.names.KNOWN_ORGANISATIONS`, whose spans replace the model's)
    if re.match(r"[LD]['’](?=[A-ZÉ])", surface):
        start, surface = start + 2, surface[2:]
    if state := re.match(r"(?:État|Etat)\s+(?:de|du|d['’])\s*(?=[A-ZÉ])", surface):
        start, surface = start + state.end(), surface[state.end():]  # « l'État de| Sonora »: the place is its name
    lead = _ARTICLE_LEAD.match(surface)
    if lead and surface[:1].islower():
        start, surface = start + lead.end(), surface[lead.end():]
    # « A Guéret, … », « La Bolivie a … »: a sentence's first word before a listed place is no part of it (« Le Caire »,
    # « La Haye » are listed whole)
    if (first := re.match(r"(?:A|À|La|Le|Les)\s+(?=[A-ZÉ])", surface)) and surface not in known_places() \
            and surface[first.end():] in known_places():
        start, surface = start + first.end(), surface[first.end():]
    if surface[:1].islower() and not _INSTITUTION.match(surface):
        # (« détournement de l'|Ozempic », « l'ex-|Orpea »; not « micro-LED », a thing)
        m = re.search(r"(?:[\s'’]|(?<![\w-])ex-)([A-Z])", surface)
        if m:
            start += m.start(1)
    elif (nationality := re.match(r"(\w+)\s+(?=[A-Z])", text[start:end])) \
            and nationality.group(1).lower() in _NATIONALITY_FORMS:
        start += nationality.end()  # « l'Indien Sarvam AI »: the nationality, written as a noun, is not the name
    return start


# (compiled and matched at a position, not on a copy of the rest of the paragraph: linear on a megabyte)
_CAPITALISED_RUN = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
#: A lower-case adjective of a body's name (« interprofessionnel », « immobiliers », « publique »).
_BODY_ADJECTIVE = (r"\s+(?:[a-zé][a-zéèê]+(?:els?|elles?|aux|ales?|iers?|ières?|ifs?|ives?|iques?|aires?)"
                   rf"|{_ADJ})(?![\w-])")  # (« constructeurs européens| d'automobiles »)
#: « (interprofessionnel) du cognac », « des propriétaires (immobiliers) », « d'investissement »: the lower-case
#: complement of a body's name, with an adjective before or after it.
# (a preposition is a whole word: not the « de » of « depuis »; and what follows it is no determiner, « d'une amende »)
_LOWER_COMPLEMENT = re.compile(rf"(?:{_BODY_ADJECTIVE})?\s+(?:(?:de|du|des|de la|pour (?:les|la|le))\s+|d['’]|de l['’]"
                               r"|pour l['’])(?!(?:une?|ses|son|sa|leurs?|ces?|cette)\b)([a-zé][\wé-]+)"
                               rf"(?:{_BODY_ADJECTIVE})?")  # (« Alliance européenne pour les matières premières »)
_COMPLEMENT = re.compile(r"\s+(?:(?:des|du|de la|de)\s+|de l['’]|d['’])(?!(?:une?|ses|son|sa|leurs?|ces?|cette)\b)"
                         r"[\wÉé-]+")


def through_of(text: str, end: int) -> int:
    """« Banque populaire de| Chine »: a name the model cut after « de » goes on over the capitalised words after it."""
    if not re.search(r"\s(?:de|du|des|d['’])$", text[max(0, end - 4):end]):
        return end
    m = _CAPITALISED_RUN.match(text, end)
    return m.end() if m else end


@functools.lru_cache(maxsize=8)
@functools.lru_cache(maxsize=4)
def name_parts(names: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The first and last words of every name, and of the names of two words or more (the listed people's are read
    once, not once per article or per entity)."""
    return (frozenset(part for n in names for part in (n.split()[0], n.split()[-1])),
            frozenset(part for n in names if " " in n for part in (n.split()[0], n.split()[-1])))


#: Words the model cannot type that name no firm: a wage, a tariff, a packaging, holidays (« SMIC » in capitals is one).
_NOT_FIRMS = frozenset(("Smic", "Arenh", "CoWoS", "Toussaint", "Noël", "Pâques", "Lyme"))
#: What a capitalised domain of a body follows: « ministère américain de la| Justice », « secrétaire au| Commerce ».
_DOMAIN_BEFORE = re.compile(r"(?:ministère|ministre|secrétaire|secrétariat|département|représentant|commissaire|agence)"
                            r"[^.,;:]{0,30}(?:de la|de l['’]|du|des|au|aux|à la)\s*$")


def is_nationality(word: str) -> bool:
    """Whether ``word`` is a nationality, as an adjective or a noun (« chinois », « les Européens »)."""
    return word.lower() in _NATIONALITY_FORMS


def after_domain_opener(text: str, start: int) -> bool:
    """Whether the word at ``start`` is a body's or an office's domain (« le ministre indien de l'|Électronique »)."""
    return bool(_DOMAIN_BEFORE.search(text[max(0, start - 60):start]))


#: What follows a person named before their function: « Ossama Rabie|, président de … », « Young Liu|, son président ».
_FUNCTION_AFTER = re.compile(r",\s+(?:(?:son|sa|leur|le|la|l['’]|un|une)\s*)?(?:(?:vice-|co-)?présidente?|directeur|directrice"
                             r"|PDG|patronne?|ministre|fondat(?:eur|rice)|cofondat(?:eur|rice)|porte-parole|secrétaire"
                             r"|cheffe?|responsable|analyste|économiste|gouverneure?|ambassadeur|ambassadrice|dirigeante?"
                             r"|président-directeur|administrat(?:eur|rice)|associée?|avocate?|procureure?|maire|député"
                             r"|députée|sénat(?:eur|rice))(?![\w-])")
#: What comes before a person named after a verb of saying or « par la voix de »: « a déploré dimanche| Ossama Rabie ».
_VOICE_BEFORE = re.compile(r"(?:par\s+la\s+voix\s+d['’]|par\s+la\s+voix\s+de\s+|a\s+(?:déclaré|indiqué|précisé|confirmé"
                           r"|affirmé|annoncé|expliqué|déploré|souligné|ajouté|estimé|assuré|averti|dit|reconnu|regretté"
                           r"|jugé|martelé|prévenu|rappelé|relevé|insisté)(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi"
                           r"|samedi|dimanche|hier|aussi|encore|également))?\s+)$")


#: A person's function, its complement, a comma, then the person's full name closing the clause: « a déclaré le chef
#: de la diplomatie hongroise, Péter Szijjártó. », « a indiqué le fondateur du groupe, Pham Nhat Vuong. »
_APPOSED = re.compile(r"(?<![\w-])(?:chef(?:fe)?|ministre|présidente?|directeur|directrice|PDG|patronne?|fondat(?:eur|rice)"
                      r"|porte-parole|secrétaire|gouverneure?|dirigeante?|responsable)(?![\w-])[^,.;:()«»]{0,60},\s+"
                      r"([A-ZÉ][\w'’-]+(?:\s[A-ZÉ][\w'’-]+){1,2})(?=\s*(?:[.,;)]|$))")


def apposed_person_spans(text: str) -> list[tuple[int, int]]:
    """Spans of full names set after a person's function and a comma, at the end of a clause (:data:`_APPOSED`)."""
    return [m.span(1) for m in _APPOSED.finditer(text)]


def misc_person(text: str, start: int, end: int) -> bool:
    """A name of two or three capitalised words the model could not type (MISC) that is a person's: named before
    their function (:data:`_FUNCTION_AFTER`), or after a verb of saying or « par la voix de » (:data:`_VOICE_BEFORE`)."""
    if not re.fullmatch(r"[A-ZÉ][\w'’-]+(?:\s[A-ZÉ][\w'’-]+){1,2}", text[start:end]):
        return False
    return bool(_FUNCTION_AFTER.match(text, end) or _VOICE_BEFORE.search(text, max(0, start - 40), start))


def lone_misc_firm(text: str, start: int, end: int) -> bool:
    """A one-word name the model could not type (MISC) that is a firm's: not the word a sentence opens with, not an
    abbreviation of a thing (:data:`NOT_ORGANISATIONS`), a day or month, a body's domain (« de la Justice ») or a
    product a noun introduces (« puces Ascend »). On our corpora nine in ten such words are firms (« Deutsche
    Telekom et Vodafone », « la Cooperl »); the lists of places and products, read after, take back theirs."""
    surface = text[start:end]
    if not re.fullmatch(r"[A-ZÉ][\w&'’+-]*", surface) or any(ch.isdigit() for ch in surface):
        return False
    if surface.upper() in NOT_ORGANISATIONS or surface in _NOT_FIRMS or surface.lower() in _CALENDAR_WORDS \
            or is_nationality(surface):  # (« les Européens »)
        return False
    before = text[max(0, start - 60):start]
    if re.search(r"[A-Z][\w'’]*\s$", before) or len(surface) == 1 and not before.endswith("sur "):
        return False  # « Assassin’s Creed »: the end of a name the model split; « rayons X » (but « sur X »)
    return not (opens_sentence(text, start) or after_domain_opener(text, start) or _PRODUCT_NOUN_END.search(before))


def lone_surname(surface: str, name_words: frozenset[str], before: str) -> bool:
    """A one-word « person » that is not the first or last word of a name the article gives in full
    (``name_words``, :func:`name_parts`) and that no title introduces: the small model reads unknown one-word names
    (« Gartner », « Infineon ») as people, where news names a person in full first."""
    if " " in surface.strip() or "-" in surface:
        return False
    if surface in name_words:
        return False  # (« Ren » after « Ren Zhengfei »: a Chinese name puts the family name first)
    return not re.search(r"(?:\bM\.|\bMme|\bMe|\bDr|président|présidente|ministre|secrétaire|sénateur|sénatrice"
                         r"|député|députée|porte-parole|patron|patronne|PDG|directeur|directrice|chef)\s*$", before)


#: Capitalised abbreviations that name no organisation: units, currencies, common nouns (« PIB », « IA »), formats.
NOT_ORGANISATIONS = {"PIB", "IA", "TVA", "PME", "ETI", "USD", "EUR", "CNY", "JPY", "GBP", "CHF", "HBM", "GPU", "CPU",
                     "NPU", "TPU", "IPO", "OPA", "CEO", "PDG", "DG", "RH", "AI", "IT", "TV", "OK", "USA", "US", "UK",
                     "RDC", "EAU", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XX", "XXI", "GW", "MW", "KW",
                     "TWH", "GWH", "MWH", "GB", "TB", "NM", "FP", "INT", "BF", "CO2", "HT", "TTC", "SMS", "PC",
                     "QG", "JO", "BTP", "CAC", "DAX", "ETF", "PER", "LOC", "ORG", "NB", "PS", "EUV", "DUV",
                     "ONG", "SUV", "PLF", "RSA", "CSG", "IR", "IS", "ESG", "LNG", "GNL", "Bourse", "DRAM", "NAND",
                     "SRAM", "SSD", "ASIC", "FPGA", "SoC", "LLM", "API", "SOI", "État", "Etat", "TPE",
                     # stop 34: contracts, units, a tax, a regime and an insurance scheme (« en CDI », « 20 000 EVP »)
                     "CDI", "CDD", "SCOP", "EVP", "MACF", "RIGI", "CATNAT"}
_ACRONYM = re.compile(r"(?<![\w&-])[A-Z][A-Z&]{1,5}(?:\s+[A-Z][a-z]+){0,2}(?![\w&-])")


def acronym_spans(text: str) -> list[tuple[int, int]]:
    """Spans of abbreviations in capitals that name a firm or a body (« BYD », « CGT », « S&P Global Ratings »), with
    the capitalised words that follow them; not units, currencies or common nouns (:data:`NOT_ORGANISATIONS`)."""
    spans = []
    for m in _ACRONYM.finditer(text):
        first = m.group().split()[0]
        if first.upper() in NOT_ORGANISATIONS or first.replace("&", "") == "" or len(first.replace("&", "")) < 2:
            continue
        if m.start() == 0 or text[m.start() - 1] in ".!?\n":
            words = m.group().split()
            end = m.start() + len(first) if len(words) > 1 and words[1] in SENTENCE_WORDS else m.end()
        else:
            end = m.end()
        spans.append((m.start(), end))
    return spans


#: Capitalised words that open a sentence and are not part of a name before or after them (« AXA| Selon »,
#: « Le| Pentagone »).
SENTENCE_WORDS = {"Le", "La", "Les", "Un", "Une", "Des", "Du", "De", "En", "Selon", "Pour", "Avec", "Dans", "Sur", "Et",
                  "Mais", "Chez", "Après", "Avant", "Depuis", "Face"}


def possessive_end(text: str, end: int) -> int:
    """« Moody'|s »: a name the tokenizer cut after its apostrophe goes on over the « s »."""
    return end + 1 if text[end - 1:end] in ("'", "’") and text[end:end + 1] == "s" else end


def institution_end(text: str, start: int, end: int) -> int:
    """« Cour| des comptes », « Conseil| d'État »: a body named by an institution noun keeps its complement, and a
    second one after « et » (« Autorité de contrôle prudentiel| et de résolution »)."""
    end = _first_complement_end(text, start, end)
    if _INSTITUTION.match(text[start:end]) and text[end - 1:end].isalpha() and text[end - 1:end].islower() \
            and (m := _AND_COMPLEMENT.match(text, end)) and not re.search(r"(?:er|ir|oir)$", m.group(1)):
        return m.end()
    return end


#: A second domain after « et »: « et de la réforme », « et de radioprotection ».
_AND_COMPLEMENT = re.compile(r"\s+et\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])([a-zéèê][\wéèê-]+)"
                             rf"(?:{_BODY_ADJECTIVE})?")  # (« et de l'union douanière »)


def _first_complement_end(text: str, start: int, end: int) -> int:
    """``end`` past the complement of a body named by an institution noun (see :func:`institution_end`)."""
    if text[start:end].split()[-1].lower() not in INSTITUTION_NOUNS:
        # « Banque européenne| d'investissement »: after an adjective, a lower-case noun complement (not a verb)
        m = _LOWER_COMPLEMENT.match(text, end)
        if _INSTITUTION.match(text[start:end]) and " " in text[start:end] and m \
                and not re.search(r"(?:er|ir|re|oir)$", m.group(1)):
            return m.end()
        return end
    m = _COMPLEMENT.match(text, end)
    return m.end() if m else end


#: Lower-case words that end the name of a ministry or office after its capitalised domain (« ministère des
#: Affaires| étrangères », « ministère des Armées », « direction générale des Finances| publiques »).
_DOMAIN_TAIL = re.compile(r"\s+(?:étrangères|économiques|sociales|publiques|publics|intérieures|maritimes|minérales"
                          r"|naturelles|numériques|renouvelables|stratégiques"
                          # (« ministère de l'Industrie et des Technologies| de l'information », China's MIIT)
                          r"|de\s+l['’]information(?:\s+et\s+de\s+la\s+communication)?)(?![\w-])")


def domain_end(text: str, start: int, end: int) -> int:
    """``end`` past a lower-case word that closes an institution's domain (:data:`_DOMAIN_TAIL`), else unchanged."""
    if not _INSTITUTION.match(text[start:end]) or not text[end - 1:end].isalpha():
        return end
    m = _DOMAIN_TAIL.match(text, end)
    return m.end() if m else end
