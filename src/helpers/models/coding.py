"""Agreement between two people coding the same items: Cohen's kappa."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two codings of the same items: 1 = perfect, 0 = what chance alone would give.

    kappa = (p_o - p_e) / (1 - p_e), where p_o is the share of items both coders coded alike and p_e
    the share expected by chance from each coder's own frequencies. Raises ValueError when the two
    lists differ in length or are empty; returns 1.0 when both coders used one and the same code
    throughout (no disagreement is possible, so none is counted).
    """
    if len(first) != len(second) or not first:
        raise ValueError(f"two codings of the same items are needed; got {len(first)} and {len(second)} codes")
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    fa, fb = Counter(first), Counter(second)
    expected = sum(fa[c] * fb[c] for c in fa.keys() | fb.keys()) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)
