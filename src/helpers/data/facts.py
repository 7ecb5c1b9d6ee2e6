"""Project-wide facts, defined once: the article's publication date and the data's cut-off.

Charts and hindsight sections run to :data:`AS_OF`, never to "today", so that an output does not
change with the day a notebook is run.
"""

from __future__ import annotations

#: Publication date of the seed article (its date marker, data/article-2025-08-12-h20-fr.txt).
ARTICLE_DATE = "2025-08-12"

#: The day the data tables were compiled (the manifests' ``published``): what "now" means in hindsight.
AS_OF = "2026-11-29"
