"""Notebook 00's data: the who's who, the key events of the timeline and the glossary of concepts."""

import re

from helpers.data.datasets import load_table
from helpers.models.timeline import actor_events, whos_who
from helpers.text.seed import seed_tables


def test_every_role_rests_on_rows_that_exist():
    actors, events = load_table("actors"), load_table("events")
    chips, money = load_table("chips"), load_table("money")
    sentences = {f"s{i}" for i in seed_tables().sentences["sentence_id"]}
    for a in actors.itertuples():
        refs = re.findall(r"\b(e\d{3}|s\d+)\b", a.evidence)
        assert refs or "chips" in a.evidence, a.actor_id
        for ref in refs:
            assert ref in set(events["event_id"]) | sentences, (a.actor_id, ref)
        for chip in re.findall(r"chips (\w+)", a.evidence):
            assert chip in set(chips["chip_id"]), (a.actor_id, chip)
        for quantity in re.findall(r"money (\w+)", a.evidence):
            assert quantity in set(money["quantity"]), (a.actor_id, quantity)


def test_every_event_actor_belongs_to_someone_or_is_named_as_unassigned():
    events, actors = load_table("events"), load_table("actors")
    assigned = {x for v in actors["event_actors"].dropna() for x in v.split(";")}
    unassigned = set(events["actor"]) - assigned
    # generic or third-party actors the who's who leaves out on purpose
    assert unassigned <= {"Chinese market", "Chinese buyers", "CN regulators", "Intel (via FT)",
                          "ByteDance, Alibaba, Tencent"} | assigned, unassigned


def test_an_actor_acts_where_the_events_table_says_so():
    links = actor_events()
    nvidia = links[(links["actor_id"] == "nvidia") & (links["link"] == "acts")]
    assert set(nvidia["event_id"]) == set(load_table("events").query("actor.str.startswith('Nvidia') or actor == 'Jensen Huang'")["event_id"])
    # named, not acting: TSMC appears only in the text of Nvidia's order (e030)
    tsmc = links[links["actor_id"] == "tsmc"]
    assert list(tsmc["link"]) == ["named"] and list(tsmc["event_id"]) == ["e030"]
    w = whos_who().set_index("actor_id")
    assert w.loc["smic", "acts"] + w.loc["smic", "named"] == 0  # shown, and said to have no event


def test_about_a_dozen_key_events_are_labelled():
    events = load_table("events")
    key = events.dropna(subset=["key_label"])
    assert 10 <= len(key) <= 14
    assert key["key_label"].str.len().max() <= 30  # short enough to sit on the chart


def test_the_glossary_defines_every_term_the_issue_lists():
    g = load_table("glossary_fr_en").dropna(subset=["definition_en"])
    wanted = ["ECCN 3A090", "TPP", "performance density", "dense vs sparse", "HBM", "NVLink", "TDP", "licence exception",
              "NAC", "is-informed", "BIS and the EAR", "entity list", "affiliates rule", "IEEPA", "Section 122",
              "Section 232", "Section 301", "reciprocal tariff", "CAC", "MIIT", "MOFCOM", "GAC",
              "rare-earth export licensing", "H100-equivalent"]
    terms = " | ".join(g["term_en"])
    assert [w for w in wanted if w not in terms] == []
    for ref in re.findall(r"\be\d{3}\b", " ".join(g["definition_en"])):
        assert ref in set(load_table("events")["event_id"]), ref
