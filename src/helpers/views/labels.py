"""The label catalogue: every word a reader sees for a column name or a coded value, in one place.

The data keep short codes (``cn_government``, ``memory_bandwidth_tb_s``, ``q3_levy_paid``) because
code needs them; readers need words. Tables shown in the notebooks, the report, the slides and the
handouts pass through :func:`column_label` and :func:`code_label` (see :mod:`helpers.views.tables`),
so a header or a code is named once, here, and a later translation hooks into this module alone.

The catalogue is static on purpose: every notebook's tables pass through it, so it reads no data file
and imports no model (a notebook would otherwise depend on files it never uses). Tables built from a
data file that names its own codes (chips, actors, model parameters) show those names themselves. A
code with no label is shown as it is, and the reader-table test then fails, so a new code cannot
reach a reader unnamed.
"""

from __future__ import annotations

from helpers.views.readable import header

#: Column names whose words are not simply the name with spaces (units in brackets).
COLUMNS: dict[str, str] = {
    "sentence_id": "Sentence",
    "paragraph_id": "Paragraph",
    "claim_id": "Claim",
    "entity_id": "Entity",
    "figure_id": "Figure",
    "event_id": "Event",
    "source_id": "Source",
    "question_id": "Question",
    "chip_id": "Chip",
    "gloss_en": "In English (our gloss)",
    "hedge_word": "Hedge word",
    "source_kind": "Kind of source",
    "outcome_date": "Date of the outcome",
    "key_label": "Label",
    "date_precision": "Date known to the",
    "fp16_dense_tflops": "FP16 dense (TFLOPS)",
    "fp8_dense_tflops": "FP8 dense (TFLOPS)",
    "int8_dense_tops": "INT8 dense (TOPS)",
    "memory_bandwidth_tb_s": "Memory bandwidth (TB/s)",
    "memory_gb": "Memory (GB)",
    "interconnect_gb_s": "Interconnect (GB/s)",
    "tdp_w": "Power, TDP (W)",
    "die_area_mm2": "Die area (mm²)",
    "price_usd": "Price ($)",
    "tpp": "Total processing performance (TPP)",
    "performance_density": "Performance density (TPP per mm²)",
    "io_bandwidth_gb_s": "Input/output bandwidth (GB/s)",
    "dram_bandwidth_gb_s": "Memory (DRAM) bandwidth (GB/s)",
    "combined_bandwidth_gb_s": "Memory plus input/output bandwidth (GB/s)",
    "cuda_cores": "CUDA cores",
    "memory_bus_bits": "Memory bus (bits)",
}

#: Coded values that no data file names; each is shown to readers as its label.
CODES: dict[str, str] = {
    # event topics (events.csv)
    "export_controls": "export controls", "rare_earths": "rare earths", "domestic_alternatives": "domestic chips",
    "chips": "chips", "levy": "levy", "security": "security", "tariffs": "tariffs", "trade": "trade",
    # claimants and targets the article names (claims.csv) beyond the actors table
    "cn_government": "Chinese government", "us_government": "US government", "us_congress": "US Congress",
    "donald_trump": "Donald Trump", "financial_times": "Financial Times", "united_states": "United States",
    "kill_switch": "kill switch", "remote_spying": "remote spying",
    # claimants and topics of the coded claims (claims.csv)
    "article": "the article", "unattributed": "unattributed", "miit": "MIIT (industry ministry)",
    "bargaining": "bargaining", "blackwell_hint": "Blackwell hint", "energy": "energy", "lawmakers": "lawmakers",
    "miit_request": "MIIT request", "us_easing": "US easing",
    # outcome questions (outcomes.csv)
    "q1_h20_boycott": "Did Chinese buyers shun the H20?", "q2_blackwell": "Was a Blackwell chip licensed?",
    "q3_levy_paid": "Was the 15% levy paid?", "q4_truce": "Did the tariff truce hold?",
    "q5_re_for_chips": "Were rare earths traded for chips?", "q6_h200": "Was the H200 licensed?",
    # figure kinds (notebook 01's figures table)
    "more_than": "more than",
    # the full card behind the RTX Pro 6000D (chips.csv; not one of the chips the notebooks compare)
    "rtx_pro_6000": "Nvidia RTX PRO 6000 (full card)",
}


#: Every code with its label; a metric named in a cell reads as its words without the unit (the cell has it).
_ALL_CODES: dict[str, str] = {**{k: v.split(" (")[0] for k, v in COLUMNS.items()}, **CODES}


def column_label(name: object) -> str:
    """A column's header for readers: the catalogue's words, else the name with spaces and its unit."""
    text = str(name)
    if text in COLUMNS:
        return COLUMNS[text]
    if " " not in text and text.islower():
        return header(text)
    return text[:1].upper() + text[1:]


def code_label(value: object) -> object:
    """A coded value's label when the catalogue knows it; anything else unchanged."""
    if isinstance(value, str):
        return _ALL_CODES.get(value, value)
    return value


def known_codes() -> dict[str, str]:
    """Every code the catalogue names, with its label (for tests and for a translation)."""
    return dict(_ALL_CODES)
