"""The seed article's tables: spans, counts and the hand-coded annotations."""

import pytest

from helpers.text.annotations import gloss_for
from helpers.text.article import parse_article
from helpers.text.nlp import load_gazetteer
from helpers.text.tables import TABLE_NAMES, build_tables

SPAN_TABLES = {"sentences": "text", "mentions": "surface", "figures": "surface", "time_expressions": "surface"}


@pytest.mark.parametrize("name, column", SPAN_TABLES.items())
def test_every_span_points_back_to_its_text(seed, seed_tables, name, column):
    df = getattr(seed_tables, name)
    assert len(df) > 0
    for row in df.itertuples():
        assert seed.text[row.start : row.end] == getattr(row, column)


def test_attribution_spans_and_sentences(seed, seed_tables):
    sents = seed_tables.sentences.set_index("sentence_id")
    for row in seed_tables.attributions.itertuples():
        s = sents.loc[row.sentence_id]
        assert s.start <= row.start < row.end <= s.end
        assert row.source in seed.text[row.start : row.end]


def test_seed_counts(seed_tables):
    assert seed_tables.row_counts() == {
        "sentences": 11, "entities": 21, "mentions": 41, "figures": 3,
        "time_expressions": 2, "attributions": 2, "hedges": 9, "claims": 14,
    }


def test_seed_figures_and_times(seed_tables):
    figs = seed_tables.figures[["surface", "value", "unit", "qualifier"]].values.tolist()
    assert figs == [["15%", 15.0, "percent", ""], ["90 jours", 90.0, "day", ""],
                    ["plus de 100%", 100.0, "percent", "more_than"]]  # « des deux bords » (both sides) is no count
    times = seed_tables.time_expressions[["surface", "kind", "value"]].values.tolist()
    assert times == [["90 jours", "duration", "P90D"], ["avril dernier", "relative", "2025-04"]]
    atts = seed_tables.attributions[["source", "source_kind", "cue", "sentence_id"]].values.tolist()
    # the MIIT request is made by "il" (resolved by sentence 5), the whole sentence credited to the FT
    assert atts == [["il", "pronoun", "a demandé", 4], ["Financial Times", "organisation", "rapporte", 4]]


def test_gazetteer_links_and_canonicalises(seed_tables):
    ents = seed_tables.entities.set_index("entity_id")
    assert ents.loc["h20", "type"] == "PRODUCT"  # the statistical model calls it a person
    assert ents.loc["h20", "mentions"] == 7
    assert ents.loc["nvidia", "wikidata"] == "Q182477"
    miit = seed_tables.mentions.query("entity_id == 'miit'").surface.tolist()
    assert miit == ["ministère chinois de l'industrie et de l'information (MIIT)"]
    assert seed_tables.entities["mentions"].sum() == len(seed_tables.mentions)


def test_unknown_entities_are_kept_unlinked():
    art = parse_article("Jean Dupont a rencontré les dirigeants de Nvidia à Lyon.", published="2025-01-01")
    ents = build_tables(art).entities.set_index("entity_id")
    assert ents.loc["nvidia", "wikidata"] == "Q182477"
    unlinked = ents[ents.index.str.startswith("unlinked_")]
    assert set(unlinked["name"]) >= {"Jean Dupont", "Lyon"}
    assert (unlinked["wikidata"] == "").all()


def test_tables_have_the_documented_columns(seed_tables):
    assert list(seed_tables.sentences.columns) == ["sentence_id", "paragraph_id", "kind", "start", "end", "text"]
    assert list(seed_tables.entities.columns) == ["entity_id", "name", "type", "wikidata", "mentions"]
    assert list(seed_tables.mentions.columns) == ["entity_id", "sentence_id", "start", "end", "surface"]
    assert list(seed_tables.figures.columns) == [
        "figure_id", "sentence_id", "start", "end", "surface", "value", "unit", "qualifier"]
    assert list(seed_tables.time_expressions.columns) == ["sentence_id", "start", "end", "surface", "kind", "value"]
    assert list(seed_tables.attributions.columns) == ["sentence_id", "source", "source_kind", "cue", "start", "end"]
    assert [n for n, _ in seed_tables.items()] == [*TABLE_NAMES, "claims"]


def test_claim_quotes_are_verbatim_in_their_sentence(seed_tables):
    sents = seed_tables.sentences.set_index("sentence_id")["text"]
    for claim in seed_tables.claims.itertuples():
        assert claim.quote in sents.loc[claim.sentence_id], claim.claim_id


def test_claims_use_known_ids_and_vocabularies(seed_tables):
    from helpers.data.datasets import read_manifest

    vocab = {f["name"]: f.get("constraints", {}).get("enum") for f in read_manifest("claims").fields}
    known = set(load_gazetteer()) | {"article", "unattributed"}  # the codebook's two non-entity speakers
    claims = seed_tables.claims
    assert set(claims["topic"]) <= set(vocab["topic"])
    assert set(claims["stance"]) <= set(vocab["stance"])
    assert set(claims["claimant"]) <= known
    assert {t for ts in claims["target"] for t in ts.split("|")} <= known
    required = {"us_easing", "blackwell_hint", "miit_request", "security", "energy", "levy",
                "tariffs", "domestic_alternatives", "rare_earths", "lawmakers"}
    assert required <= set(claims["topic"])


def test_gloss_covers_every_sentence(seed, seed_tables):
    gloss = gloss_for(seed)
    assert gloss["sentence_id"].tolist() == seed_tables.sentences["sentence_id"].tolist()
    assert gloss["gloss_en"].str.len().min() > 10


def test_other_articles_get_no_annotations():
    art = parse_article("date 2025-01-01 Une autre phrase.")
    assert gloss_for(art) is None


def test_kappa_by_hand():
    import pytest

    from helpers.models.coding import cohen_kappa

    # 10 items, 8 alike; coder A: 5 yes/5 no, coder B: 7 yes/3 no -> p_e = (5*7 + 5*3) / 100 = 0.5
    a = ["yes"] * 5 + ["no"] * 5
    b = ["yes"] * 5 + ["yes", "yes", "no", "no", "no"]
    assert cohen_kappa(a, b) == pytest.approx((0.8 - 0.5) / 0.5)
    assert cohen_kappa(a, a) == 1.0
    with pytest.raises(ValueError, match="two codings"):
        cohen_kappa(a, b[:3])


def test_hedged_claims_follow_the_codebook(seed_tables):
    from helpers.text.annotations import with_hedging

    coded = with_hedging(seed_tables.claims, seed_tables.hedges).set_index("claim_id")
    assert coded.loc["c01", "hedged"]  # « a peut-être assoupli »
    assert coded.loc["c05", "hedged"]  # « serait à la manœuvre », « plus ou moins mal vu »
    assert not coded.loc["c10", "hedged"]  # the levy is reported flatly
    assert coded.loc["c01", "claimant"] == "article" and coded.loc["c09", "claimant"] == "unattributed"


def test_entity_types_the_small_model_gets_wrong():
    """Institutions read as places, product names as places or people, « L’ » as an entity: issue 14, item 7."""
    from helpers.text.article import parse_article
    from helpers.text.tables import build_tables

    article = parse_article(
        "date 2025-08-12\n\nL’entreprise a confirmé que le département du Commerce avait accordé les licences. "
        "Selon le ministère chinois du Commerce, la plateforme Rubin arrivera. D’après l’agence Reuters, "
        "la RTX Pro 6000D et l’Ascend 950 de Huawei sont prêtes, comme le serveur TaiShan 500. "
        "Le département d’État et la Commission européenne ont réagi.")
    tables = build_tables(article)
    types = dict(zip(tables.entities["name"], tables.entities["type"], strict=True))
    assert types["US Department of Commerce"] == "GOV" and types["Ministry of Commerce of the PRC (MOFCOM)"] == "GOV"
    assert types["Nvidia Rubin (architecture)"] == "PRODUCT"
    assert types["Ascend 950"] == types["TaiShan 500"] == "PRODUCT"  # product shape, not in the gazetteer
    assert types["département d’État"] == types["Commission européenne"] == "ORG"  # institution nouns
    surfaces = set(tables.mentions["surface"])
    assert not {s for s in surfaces if len(s) <= 2}  # no « L’ » or « d’ » entity from curly apostrophes
    assert "unlinked_departement_d_etat" in set(tables.entities["entity_id"])
    for row in tables.mentions.itertuples():
        assert article.text[row.start:row.end] == row.surface  # offsets are the article's own


def test_corpus_mode_gives_each_article_its_single_article_tables():
    """The corpus mode makes each table once for all articles; per article, it is the single-article table."""
    from helpers.text.article import parse_article
    from helpers.text.seed import seed_article
    from helpers.text.tables import TABLE_NAMES, build_corpus_tables, build_tables

    articles = {"seed": seed_article(),
                "other": parse_article("date 2025-11-03\n\nSelon le ministère chinois du Commerce, 600 000 puces "
                                       "Ascend 950 seront livrées d’ici le 15 janvier, pour deux milliards de dollars.")}
    stacked = build_corpus_tables(articles)
    for article_id, article in articles.items():
        single = build_tables(article)
        for name in TABLE_NAMES:
            part = stacked[name][stacked[name]["article_id"] == article_id].drop(columns="article_id")
            expected = getattr(single, name)
            assert part.reset_index(drop=True).astype(str).equals(expected.astype(str)), (article_id, name)
