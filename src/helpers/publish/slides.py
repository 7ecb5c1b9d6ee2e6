"""Lecture slides: the charts tagged ``slide`` in the notebooks, one offline HTML deck."""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup

from helpers.data.files import owned_dir
from helpers.data.paths import BUILD_DIR, NOTEBOOKS_DIR
from helpers.publish.catalogue import TITLE_SLIDE, discover, read, tags
from helpers.publish.pages import (
    commit_info,
    render_site_page,
    write_assets,
    write_page,
)
from helpers.publish.runner import executed_copies

SLIDES_DIR = BUILD_DIR / "slides"
def slide_outputs(executed: Path) -> list[str]:
    """HTML of the outputs of every cell tagged ``slide``."""
    nb = read(executed)
    return ["".join(o["data"]["text/html"]) for c in nb.cells if "slide" in tags(c)
            for o in c.get("outputs", []) if "text/html" in o.get("data", {})]


def build_slides(out: Path = SLIDES_DIR, cache: Path = BUILD_DIR / "cache", jobs: int | None = None,
                 notebooks: Path = NOTEBOOKS_DIR) -> Path:
    """Lecture slides from the charts tagged ``slide``: one offline HTML deck in ``out/index.html``."""
    infos = discover(notebooks)
    executed: dict[str, Path] = {}
    executed_copies(infos, cache, jobs or os.cpu_count() or 1,
                    on_done=lambda info, path: executed.__setitem__(info.name, path))
    commit = commit_info()
    slides = [{"kind": "title", "title": TITLE_SLIDE,
               "text": "Why Nvidia's China chip became a bargaining chip between Washington and Beijing, "
                       "from one French article of 12 August 2025.",
               "meta": f"The H20 notebooks · commit {commit['commit'][:12]}"}]
    for info in infos:
        slides.append({"kind": "section", "title": info.title, "text": info.headline,
                       "meta": f"Notebook {info.name[:2]} · {info.time_to_read}"})
        # chart outputs are HTML the build made (data inside them is escaped by the chart renderer)
        slides += [{"kind": "chart", "html": Markup(html)} for html in slide_outputs(executed[info.name])]
    with owned_dir(out) as stage:
        write_assets(stage / "assets")
        write_page(stage / "index.html", render_site_page("slides.html.j2", slides=slides))
    print(f"slides built: {out}/index.html ({len(slides)} slides)")
    return out
