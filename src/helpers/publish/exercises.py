"""Feedback on checkable exercises without printing the answer.

Answers are stored as sha256 digests of their normalised form, so a student can call
``check("01.1", my_answer)`` and learn whether it is right without the key being on screen.
"""

from __future__ import annotations

import hashlib

_KEYS: dict[str, tuple[str, str]] = {
    # exercise id: (sha256 of the normalised answer, hint shown on a wrong answer)
    "01.1": ("c6024a242af76162ae795b21acc7a647807e85ca63485a6f268d762d5b485807", "Which table has a `kind` column with 'duration'?"),
    "02.1": ("50f33355a7ee09448ecd0e3a6c4ff600e0e15f9545be01108dc163b36adf141d", "Multiply dense throughput by bit length; take the highest over formats."),
    "02.2": ("05ada863a4cf9660fd8c68e2295f1d35b2264815f5b605003d6625bd9e0492cf", "Try values around the H20's 148 TFLOPS and watch where classify() changes."),
    "03.1": ("69f59c273b6e669ac32a6dd5e1b2cb63333d8b004f9696447aee2d422ce63763", "Find the window that covers 2025-08-12, then count days to its end."),
    "03.2": ("f5ca38f748a1d6eaf726b8a42fb575c3c71f1864a8143301782de13da2d9202b", "Build the step series, then read the US rate on that date."),
    "03.4": ("2fca346db656187102ce806ac732e06a62df0dbb2829e511a770556d398e1a6e", "Add the points the open window suspended (windows.csv) to the rate in force on 12 August 2025; the April increments were removed, not suspended."),
    "04.1": ("7688b6ef52555962d008fff894223582c484517cea7da49ee67800adc7fc8866", "Run model() with no arguments and read domestic_share."),
    "04.2": ("4942870d7312d707982f792e63180e31f72925b998dec46f7ce23db6f16e2d3b", "Evaluate model(allowance=grid) on a grid of 0, 0.05, ..., 1 and compare the two compute outputs."),
    "01.2": ("a8792157cb4f27fb949c035f45518c61e884bb86e6f420204379c2baa8beb66e", "Group the entities table by `type` and sum `mentions`."),
}


def normalise(answer: object) -> str:
    """Lower-case, trimmed text; numbers written without trailing zeros."""
    if isinstance(answer, float) and answer.is_integer():
        answer = int(answer)
    return str(answer).strip().lower()


def digest(answer: object) -> str:
    """The sha256 hex digest of a normalised answer (how keys are stored)."""
    return hashlib.sha256(normalise(answer).encode("utf-8")).hexdigest()


def check(exercise: str, answer: object) -> str:
    """Return 'Correct' or a hint; never the answer itself."""
    if exercise not in _KEYS:
        raise KeyError(f"no checkable exercise {exercise!r}; known: {sorted(_KEYS)}")
    key, hint = _KEYS[exercise]
    return "Correct." if digest(answer) == key else f"Not yet. Hint: {hint}"
