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
  (:data:`KNOWN_ORGANISATIONS`); a company name followed by « Technologies », « Cloud »… keeps that word
  (« Huawei Technologies »).
"""

from __future__ import annotations

import re

from helpers.text.frenchnum import MONTHS

#: Words that open the name of an institution in French copy.
INSTITUTION_NOUNS = ("ministère", "département", "agence", "administration", "commission", "bureau", "office",
                     "autorité", "secrétariat", "conseil", "cour", "chambre", "sénat", "parlement", "gouvernement",
                     "banque", "comité", "direction", "service", "haut-commissariat")
_INSTITUTION = re.compile(rf"^(?:{'|'.join(INSTITUTION_NOUNS)})\b", re.IGNORECASE)

_CODE = r"(?=[A-Za-z]*\d)(?=\d*[A-Z])[A-Z0-9][A-Za-z0-9]*"  # mixes capitals and digits: H20, B30A, GB200, NVL72
_NAME = r"[A-Z][a-z]+[A-Z]?[a-z]*|[A-Z]{2,5}"  # Ascend, TaiShan, RTX
_NUMBER = r"\d{2,5}[A-Z]{0,2}"  # 950, 6000D, 910C
PRODUCT = re.compile(
    rf"(?<![\w-])(?:(?:{_NAME})\s+(?:(?:{_NAME})\s+)?{_NUMBER}|{_CODE}(?:\s+{_CODE})?)(?![\w-])"
)
#: Capitalised words that may precede a number without naming a product (a sentence's first word, a month).
_NOT_NAMES = re.compile(r"^(?:Le|La|Les|Un|Une|Des|En|Selon|Sur|Dans|Pour|Avec|Plus|Moins|Près|Environ|Entre"
                        r"|Chaque|Ce|Cette|Ces|Son|Sa|Ses|Leur|Leurs|Tout|Toute|Aucun|Aucune|Depuis|Après|Avant"
                        r"|Mais|Et|Ou|Si|Il|Elle|Ils|Elles|On|Nous|Vous|"
                        + "|".join(m.capitalize() for m in MONTHS) + r")\s+")


def institution_label(text: str, label: str) -> str:
    """The label an entity should have: ``ORG`` when its text begins with an institution noun or ends with a
    company word (« Hygon Information Technology »), ``""`` (not an entity) for a number format (« FP8 »)."""
    if _NUMBER_FORMAT.fullmatch(text.strip()):
        return ""
    if _INSTITUTION.match(text) or re.search(COMPANY_SUFFIX.pattern + "$", text):
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
        if _NUMBER_FORMAT.fullmatch(surface):
            continue  # « FP8 »: a number format
        spans.append((start, m.end()))
    return spans


#: Number formats that look like product codes and are not products.
_NUMBER_FORMAT = re.compile(r"(?:FP|BF|TF|INT|UINT)\d{1,2}", re.IGNORECASE)

#: Organisations the small model reads as people or places: agencies, outlets, brokers, banks, AI labs,
#: platforms. A list, not a rule: nothing in « Jefferies » or « Nikkei » says what it is.
KNOWN_ORGANISATIONS = (
    "Agence France-Presse", "AFP", "Reuters", "Bloomberg", "Associated Press", "Xinhua", "Chine nouvelle",
    "Financial Times", "Wall Street Journal", "New York Times", "Washington Post", "The Information", "Caixin",
    "Nikkei", "DigiTimes", "South China Morning Post", "CNBC", "Global Times", "Les Echos", "Le Monde",
    "Morgan Stanley", "Goldman Sachs", "JPMorgan", "Jefferies", "Bernstein", "Citi", "UBS", "Barclays", "HSBC",
    "Bank of America", "Mizuho", "Macquarie", "TSMC", "SMIC", "OpenAI", "DeepSeek", "Anthropic", "Moonshot AI",
    "Zhipu", "Truth Social", "WeChat", "Weibo", "Douyin", "TikTok",
    # stop 29: more outlets and the chip and cloud firms of the story that the small model reads as places or people
    "Nikkei Asia", "Quotidien du peuple", "Quotidien du Peuple", "People's Daily", "CCTV", "Yicai", "Sina",
    "SoftBank", "Kunlunxin", "Biren", "Moore Threads", "MetaX", "Hygon", "Enflame", "Iluvatar", "Inspur", "Lenovo",
    "Xiaomi", "Samsung", "SK Hynix", "Micron", "Foxconn", "Supermicro", "Tokyo Electron", "Applied Materials",
    "Lam Research", "Qualcomm", "Broadcom", "Oracle", "Microsoft", "Intel", "ASML", "Nexperia",
)
#: People of the story the small model reads as places or misses at the start of a sentence (« He Lifeng »,
#: « Xi Jinping »): names, not linked to a knowledge base (the gazetteer holds the linked ones).
KNOWN_PEOPLE = (
    "Xi Jinping", "Li Qiang", "He Lifeng", "Wang Wentao", "Li Chenggang", "Wang Yi", "Lin Jian", "Guo Jiakun",
    "He Yadong", "Ren Zhengfei", "Eric Xu", "Jensen Huang", "Lisa Su", "Colette Kress", "C.C. Wei", "Donald Trump",
    "Howard Lutnick", "Scott Bessent", "Jamieson Greer", "Marco Rubio", "John Moolenaar", "Raja Krishnamoorthi",
    "Elizabeth Warren", "Gina Raimondo", "Ursula von der Leyen", "Maroš Šefčovič", "Christophe Fouquet",
)
_PEOPLE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(KNOWN_PEOPLE, key=len, reverse=True))
                     + r")(?![\w-])")


def person_spans(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`KNOWN_PEOPLE` in ``text``."""
    return [(m.start(), m.end()) for m in _PEOPLE.finditer(text)]
_KNOWN = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(KNOWN_ORGANISATIONS, key=len, reverse=True))
                    + r"|(?<=réseau social )X)(?![\w-])")
#: Words that stay with a company's name (« Huawei Technologies », « Alibaba Cloud »).
COMPANY_SUFFIX = re.compile(r"\s+(?:Technologies|Technology|Information Technology|Cloud|Group|Holdings|Semiconductor"
                            r"|Semiconductors|Corporation|Inc\.?)(?![\w-])")


def organisation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`KNOWN_ORGANISATIONS` in ``text`` (and « X » right after « réseau social »)."""
    return [(m.start(), m.end()) for m in _KNOWN.finditer(text)]


def with_company_suffix(text: str, end: int) -> int:
    """``end`` moved past a company suffix that follows it (« Huawei| Technologies »), else unchanged."""
    m = COMPANY_SUFFIX.match(text, end)
    return m.end() if m else end
