"""Hand-written annotations of the seed article: claims and the English gloss.

Annotations belong to one exact text, so they are attached only when the article's
sha256 equals the one recorded in their manifest.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.datasets import load_table, read_manifest
from helpers.text.article import Article


def _matches(name: str, article: Article) -> bool:
    return read_manifest(name).meta.get("article_sha256") == article.sha256


def claims_for(article: Article) -> pd.DataFrame | None:
    """The coded claims of ``article``, or None when it has no annotations."""
    return load_table("claims") if _matches("claims", article) else None


def gloss_for(article: Article) -> pd.DataFrame | None:
    """The English gloss of ``article`` (sentence_id, gloss_en), or None."""
    return load_table("article_gloss_en") if _matches("article_gloss_en", article) else None


def with_hedging(claims: pd.DataFrame, hedges: pd.DataFrame) -> pd.DataFrame:
    """The claims with a ``hedged`` column: True when the claim's sentence carries a hedge.

    The codebook's rule (notebook 01): a hedge anywhere in the sentence (a reporting conditional,
    « peut-être », « plus ou moins »...) qualifies every claim coded in it.
    """
    hedged = set(hedges["sentence_id"])
    return claims.assign(hedged=claims["sentence_id"].isin(hedged))
