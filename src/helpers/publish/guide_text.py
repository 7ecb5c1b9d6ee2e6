"""The teacher guide in each edition's language: its prose (``teaching/teacher-guide.md``) and the session plans'
activities (``teaching/session_plans.csv``) in one catalogue per edition, ``translations/<lang>/teacher-guide.po``.

The guide is segmented like a notebook's Markdown (:mod:`helpers.publish.segments`); its generated parts
(markers such as ``<!-- GLOSSARY -->``) are filled in each edition's language by :mod:`helpers.publish.teaching`.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from helpers.data.paths import ROOT
from helpers.publish.segments import TranslationError, merge_catalog, new_catalog, rebuild, segments_of

#: The guide's written source and the plans it times.
GUIDE_SOURCE = ROOT / "teaching" / "teacher-guide.md"
PLANS_FILE = ROOT / "teaching" / "session_plans.csv"
TRANSLATIONS_DIR = ROOT / "translations"


#: The teacher guide's written source and the session plans' activities: one catalogue, two contexts.
GUIDE_CONTEXT, PLANS_CONTEXT = "teacher-guide", "session_plans"
_MARKER = re.compile(r"<!-- [A-Z0-9 ]+ -->")


def guide_catalogue_path(lang: str) -> Path:
    """``translations/<lang>/teacher-guide.po``: the guide's prose (segmented like a notebook's) and the plans."""
    return TRANSLATIONS_DIR / lang / "teacher-guide.po"


def guide_template(lang: str) -> Catalog:
    """The guide's segments and every distinct activity of the session plans, with empty translations."""
    import pandas as pd

    catalog = new_catalog(lang)
    for text in segments_of(GUIDE_SOURCE.read_text(encoding="utf-8")):
        if _MARKER.fullmatch(text.strip()):
            continue  # a generated part's marker: filled in each edition's language, nothing to translate
        if (text, GUIDE_CONTEXT) not in {(m.id, m.context) for m in catalog}:
            catalog.add(text, "", context=GUIDE_CONTEXT)
    for text in pd.read_csv(PLANS_FILE, dtype=str, keep_default_na=False)["activity"]:
        if text and catalog.get(text, context=PLANS_CONTEXT) is None:
            catalog.add(text, "", context=PLANS_CONTEXT)
    return catalog


def merged_guide(lang: str) -> Catalog:
    """``translations/<lang>/teacher-guide.po`` brought up to date with the English guide and plans."""
    return merge_catalog(guide_template(lang), guide_catalogue_path(lang))


def guide_translation(lang: str) -> dict[tuple[str, str], str]:
    """{(context, English): translation} from the committed guide catalogue (fuzzy and empty entries left out:
    the tests and ``make translations`` name them)."""
    path = guide_catalogue_path(lang)
    return _guide_table(path.read_bytes(), str(path)) if path.exists() else {}


@lru_cache(maxsize=2)
def _guide_table(po: bytes, name: str) -> dict[tuple[str, str], str]:
    from babel.messages.pofile import PoFileError

    try:
        catalog = read_po(io.BytesIO(po), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError) as exc:
        raise TranslationError(f"{name}: not a gettext catalogue ({' '.join(str(exc).split())[:120]})") from None
    return {(str(m.context), str(m.id)): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def localize_guide(text: str, lang: str, context: str = GUIDE_CONTEXT) -> str:
    """A guide segment or a plan's activity in ``lang``; :class:`KeyError` naming it if it has no translation
    (an edition never ships an English paragraph in its guide)."""
    if lang == "en" or _MARKER.fullmatch(text.strip()):
        return text
    found = guide_translation(lang).get((context, text))
    if found is None:
        raise TranslationError(f"{guide_catalogue_path(lang)}: no translation for {text[:60]!r} ({context}); "
                               "run `make translations` and translate it")
    return found


def localized_guide_source(lang: str) -> str:
    """The teacher guide's written source (``teaching/teacher-guide.md``) in ``lang``, its markers left for the
    generated parts."""
    text = GUIDE_SOURCE.read_text(encoding="utf-8")
    return text if lang == "en" else rebuild(text, lambda unit: localize_guide(unit, lang))
