"""The chart colours stay distinguishable for colour-blind readers, measured rather than assumed.

Every set of colours that one chart shows together is passed through the simulations of
protanopia, deuteranopia and tritanopia of Machado, Oliveira & Fernandes (2009, severity 1, applied
in linear RGB), and every pair must stay at least ``MIN_DELTA_E`` apart in CIELAB (CIE76 ΔE), for
normal vision too. Charts also label their series directly (actor rows, legends with text), so
colour is never the only cue; this test checks the colours themselves.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from helpers.views.arguments import GRADE_COLORS
from helpers.views.theme import ACTOR_COLORS, PALETTE

#: Machado et al. (2009), Table 1, severity 1.0 (also in colorspacious and prismatic).
MACHADO = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
#: Two colours closer than this are hard to tell apart in a legend (ΔE 10 is a clearly visible step).
MIN_DELTA_E = 10.0

#: Colours one chart shows together (from helpers.views: theme, timeline, controversy, negotiation, scenarios).
SETS = {
    "actor colours (timelines, who's who)": list(ACTOR_COLORS.values()),
    "category palette": PALETTE,
    "allegations (controversy)": ["#D55E00", "#E69F00"],
    "US and China (controversy)": ["#0072B2", "#D55E00"],
    "H20 against other chips": ["#009E73", "#777777"],
    "event kinds (tariff ladder)": ["#555555", "#CC79A7"],
    "compute sources (scenarios)": ["#009E73", "#56B4E9", "#E69F00"],
    "money (scenarios)": ["#009E73", "#0072B2"],
    "source grades (arguments)": list(GRADE_COLORS.values()),
}


def _linear(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(linear, 0, 1)
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])  # D65 white
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(colours: list[str], vision: str) -> tuple[float, str, str]:
    """The smallest CIE76 ΔE between two of ``colours`` as seen with ``vision`` ("normal" or a Machado key)."""
    matrix = np.eye(3) if vision == "normal" else np.array(MACHADO[vision])
    lab = {c: _lab(matrix @ _linear(c)) for c in colours}
    return min((float(np.linalg.norm(lab[a] - lab[b])), a, b) for a, b in itertools.combinations(colours, 2))


def test_simulation_is_sane():
    assert closest_pair(["#000000", "#ffffff"], "normal")[0] == pytest.approx(100, abs=0.5)
    assert closest_pair(["#ff0000", "#00ff00"], "deuteranopia")[0] < closest_pair(["#ff0000", "#00ff00"], "normal")[0] / 2


@pytest.mark.parametrize("vision", ["normal", *MACHADO])
@pytest.mark.parametrize("name", list(SETS))
def test_colours_shown_together_stay_apart(name, vision):
    distance, a, b = closest_pair(SETS[name], vision)
    assert distance >= MIN_DELTA_E, f"{name}: {a} and {b} are ΔE {distance:.1f} apart with {vision}"
