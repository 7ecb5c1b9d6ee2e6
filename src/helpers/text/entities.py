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
  gazetteer names those.
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
    """The label an entity should have: ``ORG`` when its text begins with an institution noun."""
    return "ORG" if _INSTITUTION.match(text) else label


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
        spans.append((start, m.end()))
    return spans
