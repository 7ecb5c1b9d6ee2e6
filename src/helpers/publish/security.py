"""A Content-Security-Policy for every page of the report and the slides.

Data and article text are escaped where they enter a page; the policy is the second wall. It
allows scripts from the site's own files and, by sha256, the inline chart scripts the build
emitted (:func:`helpers.views.theme.is_chart_script`), nothing else: no inline event handlers, no
``javascript:`` URLs, no script a payload might have slipped in. Vega runs under it because the
charts ask for its expression interpreter (no ``eval``).
"""

from __future__ import annotations

import base64
import hashlib
import re

from helpers.views.theme import is_chart_script

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: list[str]) -> str:
    """The policy text for a page whose allowed inline scripts have these hashes."""
    scripts = " ".join(["'self'", *hashes])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            "style-src 'self' 'unsafe-inline'; "  # vega-embed and Jupyter's CSS set styles inline
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'none'")


def script_hash(body: str) -> str:
    """The CSP source expression that allows one inline script with exactly this text."""
    return _sha256(body)


def with_csp(page: str, extra_hashes: tuple[str, ...] = ()) -> tuple[str, int]:
    """``page`` with a CSP meta element first in its head; also the count of inline scripts left blocked.

    ``extra_hashes`` allow scripts the page itself does not hold: the slides' speaker view, which
    reveal.js writes into a window that inherits this policy.
    """
    hashes, blocked = list(extra_hashes), 0
    for m in _INLINE_SCRIPT.finditer(page):
        if "src=" in m["attrs"].lower():
            continue
        if is_chart_script(m["body"]):
            hashes.append(_sha256(m["body"]))
        else:
            blocked += 1
    head = _HEAD.search(page)
    if head is None:
        raise ValueError("page has no <head> to hold its Content-Security-Policy")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy(sorted(set(hashes)))}">'
    return page[: head.end()] + meta + page[head.end():], blocked
