"""How sure can we be? Every parameter sampled over its stated range, each preset run 10,000 times.

Distributions, documented once: each sampled parameter is **uniform between its low and high end**
(:class:`helpers.models.scenarios.Parameter`). The sources give ranges (two outlets, a low and a
high estimate), not a most likely value, so no point inside a range is favoured. Two kinds of
parameter are not sampled: the ones a preset sets (a ban fixes Beijing's allowance at 0), and
Washington's three levers, the levy rate and the yes/no H20 licence and Blackwell approval, which are policy choices
the presets compare, not uncertain quantities.

Outputs are summarised as a median with a 5–95% band. The run is vectorised (one call of
:func:`helpers.models.scenarios.model` on arrays) and seeded, so the same seed gives the same band;
every preset is drawn with the same random numbers, so differences between presets are the presets'
own, never sampling noise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.models.scenarios import OUTPUTS, model, parameters, presets

#: Draws per preset and the seed (the article's date): enough for stable 5th and 95th percentiles.
DRAWS = 10_000
SEED = 20250812
#: Washington's policy levers, never sampled: the presets set them.
NOT_SAMPLED = ("h20_licensed", "blackwell_allowed", "levy_rate_pct")
BAND = (5, 50, 95)


def sample(overrides: dict[str, float], n: int = DRAWS, rng: np.random.Generator | None = None) -> dict[str, np.ndarray]:
    """Parameter draws: uniform over each range, except the preset's own values and the policy switches."""
    rng = rng or np.random.default_rng(SEED)
    draws: dict[str, np.ndarray] = {}
    for p in parameters():
        if p.name in overrides:
            draws[p.name] = np.full(n, float(overrides[p.name]))
        elif p.name in NOT_SAMPLED or p.low == p.high:
            draws[p.name] = np.full(n, p.default)
        else:
            draws[p.name] = rng.uniform(p.low, p.high, n)
    return draws


def simulate(overrides: dict[str, float], n: int = DRAWS, seed: int = SEED) -> dict[str, np.ndarray]:
    """Every output of the model for ``n`` draws of the parameters around one preset."""
    return model(**sample(overrides, n, np.random.default_rng(seed)))


def uncertainty_table(n: int = DRAWS, seed: int = SEED) -> pd.DataFrame:
    """One row per preset and output: the 5th percentile, the median and the 95th percentile."""
    rows = []
    for name, overrides in presets().items():
        # common random numbers: every preset gets the same draws, so two presets' bands differ only by
        # what the presets change (the levy preset's compute band is the baseline's, as the model says)
        out = simulate(overrides, n, seed)
        for output in OUTPUTS:
            p5, p50, p95 = np.percentile(out[output], BAND)
            rows.append({"scenario": name, "output": output, "p5": float(p5), "median": float(p50), "p95": float(p95)})
    return pd.DataFrame(rows)


#: The assumptions and levers a reader sets in the explorers (JupyterLab's and the report's); every other
#: input is drawn over its sourced range, so an explorer's band says how much the sources' disagreement
#: alone moves each figure, under the reader's choices.
READER_SET = ("allowance", "levy_rate_pct", "blackwell_share", "h20_licensed", "blackwell_allowed")
#: Draws behind the explorers' bands: few enough for the report page to carry them (about 30 kB), and the
#: same draws in both explorers, so JupyterLab and the report print the same band for the same settings.
EXPLORER_DRAWS = 400


def explorer_draws(n: int = EXPLORER_DRAWS, seed: int = SEED) -> pd.DataFrame:
    """The sourced inputs' draws behind the explorers' bands: one row per draw, one column per input.

    Rounded to four significant figures (far finer than any source's range) so the report can carry them
    as short JSON numbers; the Python explorer uses these same rounded draws.
    """
    drawn = sample({}, n, np.random.default_rng(seed))
    return pd.DataFrame({name: [float(f"{v:.4g}") for v in values]
                         for name, values in drawn.items() if name not in READER_SET})


def explorer_outputs(settings: dict[str, float], draws: pd.DataFrame | None = None) -> dict[str, np.ndarray]:
    """The model over :func:`explorer_draws`, with the reader's ``settings`` for :data:`READER_SET` kept."""
    draws = explorer_draws() if draws is None else draws
    kept = {k: float(settings[k]) for k in READER_SET if k in settings}
    return model(**kept, **{c: draws[c].to_numpy() for c in draws.columns})
