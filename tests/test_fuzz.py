"""Property-based fuzzing of the extractors and the CLI (Hypothesis), and 1 MB adversarial inputs.

Properties: no exception escapes; every span satisfies ``text[start:end] == surface``; the CLI
either writes its tables (exit 0) or prints one line and exits 2. The adversarial inputs are
the shapes that made the old patterns quadratic (long runs of capitalised words, of thousands
groups, of dates); each must finish within :data:`EXTRACTOR_BUDGET_S` on 1 MB.
"""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.cli import main
from helpers.text.attributions import find_attributions
from helpers.text.figures import find_figures
from helpers.text.timex import find_time_expressions

#: Seconds one extractor may take on 1 MB of adversarial text on the 2-core reference machine
#: (they take 0.1-1.3 s there; the quadratic patterns they replace took minutes to hours).
EXTRACTOR_BUDGET_S = 10.0
ONE_MB = 1_000_000

#: Pieces of French news copy and the characters that trouble parsers.
PIECES = ["Le", "la", "de", "d'", "d’", "l’", "selon", "d'après", "a déclaré", "rapporte", "estime", "Nvidia",
          "Pékin", "Financial Times", "H20", "910B", "15", "4 500", "4,5", "100 %", "%", "$", "dollars",
          "milliards", "plus de", "près de", "jusqu'à", "90 jours", "12 août", "avril", "dernier", "2025",
          "hier", "demain", "la semaine dernière", "1er", "31", "février", "«", "»", ".", ",", "\n", "\n\n",
          " ", "\u00a0", "\u202f", "-", "’", "é", "É", "<script>", "&amp;", "\u0301", "\ufeff", "\r\n"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map(" ".join)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


def _spans_hold(text: str, items) -> None:
    for item in items:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == getattr(item, "surface", text[item.start : item.end])


@settings(max_examples=300, deadline=None)
@given(texts, dates)
def test_extractors_never_raise_and_spans_hold(text, published):
    _spans_hold(text, find_figures(text))
    _spans_hold(text, find_time_expressions(text, published))
    attributions = find_attributions(text)
    _spans_hold(text, attributions)
    assert all(a.source in text[a.start : a.end] for a in attributions)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(texts, st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace"))),
       marker=st.sampled_from(["date 2025-08-12\n", "date 9999-12-31\n", "date 0001-01-01\n", "", "date 2025-02-30\n"]))
def test_cli_writes_tables_or_says_why_in_one_line(tmp_path_factory, capsys, body, marker):
    folder = tmp_path_factory.mktemp("fuzz")
    article = folder / "a.txt"
    article.write_text(marker + body, encoding="utf-8", errors="surrogatepass")
    code = main(["tables", str(article), "--out", str(folder / "out")])
    err = capsys.readouterr().err
    assert code in (0, 2)
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1
        assert not (folder / "out").exists()


ADVERSARIAL = {
    "capital letters": "A" * ONE_MB,
    "repeated Nvidia": "Nvidia " * (ONE_MB // 7),
    "a name that never ends": "Ministère de " * (ONE_MB // 13),
    "cues without sources": "selon " * (ONE_MB // 6),
    "sources without cues": "A a dit " * (ONE_MB // 8),
    "thousands groups": "1" + " 000" * (ONE_MB // 4),
    "numbers that end in letters": ("1" + " 000" * 50 + "x ") * (ONE_MB // 210),
    "dates": "12 août " * (ONE_MB // 8),
    "qualifiers": "plus de " * (ONE_MB // 8),
    "digits": "7" * ONE_MB,
}


@pytest.mark.parametrize("case", ADVERSARIAL)
def test_adversarial_megabyte_within_budget(case):
    text = ADVERSARIAL[case]
    for extractor in (find_figures, lambda t: find_time_expressions(t, dt.date(2025, 8, 12))):
        started = time.perf_counter()
        extractor(text)
        assert time.perf_counter() - started < EXTRACTOR_BUDGET_S, case


@pytest.mark.parametrize("case", ADVERSARIAL)
def test_reported_speech_rules_linear_on_adversarial_text(case):
    """The rules over a parse (spaCy's own time is the CLI budget's): a tenth of the megabyte, a tenth of the budget."""
    from helpers.text.attributions import attributions_in
    from helpers.text.nlp import parse

    text = ADVERSARIAL[case][: ONE_MB // 10]
    doc = parse(text)
    started = time.perf_counter()
    attributions_in(doc, text)
    assert time.perf_counter() - started < EXTRACTOR_BUDGET_S / 10, case


#: Seconds the whole CLI (spaCy included, about 40 s per MB here) may take on 1 MB.
CLI_BUDGET_S = 240.0


@pytest.mark.slow
def test_cli_on_an_adversarial_megabyte_within_budget(tmp_path):
    article = tmp_path / "long.txt"
    article.write_text("date 2025-08-12\n" + "Nvidia a déclaré 4 500 000 dollars le 12 août. " * 19_990,
                       encoding="utf-8")
    assert article.stat().st_size <= 1_000_000
    started = time.perf_counter()
    assert main(["tables", str(article), "--out", str(tmp_path / "out")]) == 0
    assert time.perf_counter() - started < CLI_BUDGET_S


#: Text the entity rules of stop 31 read: codes after names, product nouns, lists of ministries, titles.
ENTITY_ADVERSARIAL = {
    **ADVERSARIAL,
    "codes after names": "Instinct MI355X " * (ONE_MB // 16),
    "product nouns": "son traitement Velorax " * (ONE_MB // 23),
    "domains that never end": "ministère de l'Economie, du Commerce et de l'Industrie " * (ONE_MB // 56),
    "titles": "le prix Nobel Jean Dupont " * (ONE_MB // 26),
    "courts": "parquet de Paris " * (ONE_MB // 17),
    # stop 37: bodies by their noun and kind, whose domain goes on; people before their function; stations
    "bodies that never end": "Office national des vins et des céréales et des fruits " * (ONE_MB // 55),
    "functions": "Jean Dupont, son président, " * (ONE_MB // 28),
    "stations": "France 3 Pays de la Loire " * (ONE_MB // 26),
}


@pytest.mark.parametrize("case", ENTITY_ADVERSARIAL)
def test_entity_rules_linear_on_adversarial_text(case):
    """The entity corrections that read the raw text (spans of products, products a noun introduces, codes with the
    name before them, courts and ministries, titled people, surnames, abbreviations): a tenth of the megabyte, a
    tenth of the budget."""
    from helpers.text import entities

    text = ENTITY_ADVERSARIAL[case][: ONE_MB // 10]
    started = time.perf_counter()
    products = entities.product_spans(text)
    for start, end in products:
        entities.product_start(text, start, end, [])
    for finder in (entities.named_product_spans, entities.body_spans, entities.described_spans,
                   entities.acronym_spans, entities.organisation_spans, entities.titled_spans, entities.person_spans,
                   entities.listed_product_spans, entities.kind_body_spans, entities.station_spans,
                   entities.trade_house_spans):
        finder(text)
    for m in re.finditer(r"(?<!\w)[A-Z]\w* [A-Z]\w*", text):  # (from word starts only: linear)
        entities.misc_person(text, m.start(), m.end())
    entities.surname_spans(text, {"Jean Dupont", "Lisa Su"})
    assert time.perf_counter() - started < EXTRACTOR_BUDGET_S / 10, case
