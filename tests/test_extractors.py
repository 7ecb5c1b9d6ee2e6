"""Figures, time expressions and attributions on general French text."""

import datetime as dt
from pathlib import Path

import pytest

from helpers.text.attributions import find_attributions
from helpers.text.figures import find_figures
from helpers.text.timex import find_time_expressions

PUB = dt.date(2025, 8, 12)


@pytest.mark.parametrize(
    "text, value, unit, qualifier",
    [
        ("4,5 milliards de dollars", 4.5e9, "USD", ""),
        ("15%", 15, "percent", ""),
        ("15 %", 15, "percent", ""),
        ("plus de 100%", 100, "percent", "more_than"),
        ("moins de 3 millions d'euros", 3e6, "EUR", "less_than"),
        ("environ 1 200 yuans", 1200, "CNY", "about"),
        ("près de 12\u00a0000 puces", 12000, "count", "about"),
        ("jusqu'à 8\u202f000,5 dollars", 8000.5, "USD", "up_to"),
        ("jusqu\u2019à 30 jours", 30, "day", "up_to"),
        ("6 mois", 6, "month", ""),
        ("10 ans", 10, "year", ""),
        ("200 $", 200, "USD", ""),
    ],
)
def test_figures(text, value, unit, qualifier):
    (fig,) = find_figures(text)
    assert (fig.value, fig.unit, fig.qualifier) == (pytest.approx(value), unit, qualifier)
    assert text[fig.start : fig.end] == fig.surface


@pytest.mark.parametrize("text", ["la puce H20", "le H200 de Nvidia", "l'Ascend 910B", "la MI308", "B30A"])
def test_product_codes_are_not_figures(text):
    assert find_figures(text) == []


def test_figure_offsets_shift():
    (fig,) = find_figures("x 15%", offset=100)
    assert (fig.start, fig.end) == (102, 105)


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("le 12 août 2025", "date", "2025-08-12"),
        ("le 1er avril 2025", "date", "2025-04-01"),
        ("le 3 mai", "date", "2025-05-03"),
        ("en avril 2025", "month", "2025-04"),
        ("en avril", "month", "2025-04"),
        ("en novembre", "month", "2024-11"),
        ("avril dernier", "relative", "2025-04"),
        ("août dernier", "relative", "2024-08"),
        ("novembre prochain", "relative", "2025-11"),
        ("en 2024", "year", "2024"),
        ("90 jours", "duration", "P90D"),
        ("3 semaines", "duration", "P3W"),
        ("6 mois", "duration", "P6M"),
        ("2 ans", "duration", "P2Y"),
        ("hier", "relative", "2025-08-11"),
        ("l'an dernier", "relative", "2024"),
    ],
)
def test_time_expressions(text, kind, value):
    (t,) = find_time_expressions(text, PUB)
    assert (t.kind, t.value) == (kind, value)
    assert text[t.start : t.end] == t.surface


def test_impossible_date_is_skipped():
    assert [t.kind for t in find_time_expressions("le 31 février 2025", PUB)] == ["month"]


@pytest.mark.parametrize(
    "text, source, cue",
    [
        ("la demande, rapporte le Financial Times.", "Financial Times", "rapporte"),
        ("selon Reuters, la vente reprend", "Reuters", "selon"),
        ("d'après la Maison Blanche, rien", "Maison Blanche", "d'après"),
        ("Nvidia a déclaré que ses puces", "Nvidia", "a déclaré"),
    ],
)
def test_attributions(text, source, cue):
    (a,) = find_attributions(text)
    assert (a.source, a.cue) == (source, cue)


def test_selon_lequel_is_not_an_attribution():
    assert find_attributions("le signal selon lequel la sécurité a un prix") == []


def test_reported_speech_on_our_corpus():
    """Sentences we wrote in news style, one expected source (or none) each; see tests/corpus/README.md."""
    from helpers.text.evaluation import attribution_scores

    scores = attribution_scores(Path(__file__).parent / "corpus" / "attributions_fr.csv")
    assert scores["f1"] >= 0.85 and scores["kind_accuracy"] >= 0.85, scores


@pytest.mark.parametrize("name,floor", [
    ("attributions_wire_fr.csv", 0.85),  # issue 24's target, on sentences labelled before the parser rules ran
    # a second batch, more like real dispatches (clitic inversions, titles with names, « a tenu à préciser »),
    # written after the first rules and used to tune them: 0.67 before, 0.80, then 0.97 after stop 29's rules
    ("attributions_wire2_fr.csv", 0.90),
    # a third dev batch (U…), written blind in stop 29 and used to tune that stop's rules: 0.72 at first, 0.88 after
    ("attributions_wire3_fr.csv", 0.80),
    # written apart by other hands: X and Y were held out until stop 29 (X 0.77, Y 0.60 at first) and tuned on in
    # stop 30 (1.00 after); Q and P, written blind in stop 30 (0.81 and 0.76 at first), were tuned on in turn
    ("attributions_wire_heldout_fr.csv", 0.95),
    ("attributions_wire_heldout2_fr.csv", 0.95),
    ("attributions_wire_heldout3_fr.csv", 0.90),
    ("attributions_wire_heldout4_fr.csv", 0.90),
    # S, written blind in stop 31 (0.92 F1 at first as written, 0.94 with two titles and the brief's « media » kind
    # read by the house conventions), then tuned on (0.98)
    ("attributions_wire_heldout6_fr.csv", 0.93),
    # O, written blind at the end of stop 31 with the conventions spelled out (0.92 F1 at first), then two bugs fixed
    ("attributions_wire_heldout7_fr.csv", 0.90),
])
def test_reported_speech_on_wire_copy(name, floor):
    """Wire-style sentences (inversions, participles, headlines, long subjects, nouns that look like verbs)."""
    from helpers.text.evaluation import attribution_scores

    scores = attribution_scores(CORPUS / name)
    assert scores["sentences"] >= 35 and scores["f1"] >= floor and scores["kind_accuracy"] >= 0.85, scores


def test_reported_speech_on_the_held_out_wire_copy():
    """R: 60 sentences written blind in stop 30 with every labelling convention spelled out, never used to tune a
    rule (0.60 F1 with the rules at the start of that stop, 0.86 with its rules): a floor against regressions. The
    kind of source was right less often here (0.78); stop 31 read R's kind errors to write the words of
    :func:`source_kind` (0.96 after), so only R's F1 is still held out."""
    from helpers.text.evaluation import attribution_scores

    scores = attribution_scores(CORPUS / "attributions_wire_heldout5_fr.csv")
    assert scores["sentences"] == 60 and scores["f1"] >= 0.83 and scores["kind_accuracy"] >= 0.9, scores


@pytest.mark.parametrize("sentence,source", [
    ("Les acheteurs hésitent, a déclaré lundi un haut fonctionnaire.", "haut fonctionnaire"),
    ("Les ventes reprennent, a écrit le président sur son réseau social.", "président"),
    ("Des chiffres rapportés plus tôt par un quotidien économique font état d'une baisse.", "quotidien économique"),
    ("Pékin affirmant que les puces ne sont pas sûres, les commandes ont cessé.", "Pékin"),
    # stop 29: the shapes of the third and fourth dev batches, in sentences of our own
    ("Le patron du groupe, Jean Dupont, a tenu à préciser que rien n'avait changé.", "Jean Dupont"),
    ("« Rien n'est joué », s'est inquiété un élu local.", "élu local"),
    ("Pour Marie Leroy, analyste chez Natixis, « la reprise sera lente ».", "Marie Leroy"),
    ("« Nous ne céderons pas », prévient Pékin.", "Pékin"),
    ("Les livraisons restent bloquées, a-t-on appris de source proche du dossier.", "source proche du dossier"),
    ("Le ministre du Commerce Paul Martin a averti que les stocks baissaient.", "ministre du Commerce Paul Martin"),
    ("Le porte-parole, Li Wei, a accusé Washington de tricher, ajoutant que Pékin répondrait.", "Li Wei"),
    ("Selon un dirigeant cité par Les Echos, la production reprendra en mai.", "dirigeant cité par Les Echos"),
])
def test_speaker_from_the_sentence_structure(sentence, source):
    assert [a.source for a in find_attributions(sentence)] == [source]


@pytest.mark.parametrize("sentence", [
    "Les constructeurs ont demandé des licences d'exportation pour leurs aimants.",  # applied for, said nothing
    "Le ministère a ajouté trois entreprises à sa liste noire.",  # « ajouter » without anything said
    "Les élus s'inquiètent de ces revirements incessants.",  # the outlet describing them (the seed's s11)
    "Une puce appelée H20 a été conçue pour la Chine.",  # a name, not a call
])
def test_verbs_that_report_only_with_something_said(sentence):
    assert find_attributions(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Après l'annonce du ministre, le titre a progressé de 3 %.",
    "Les licences seront accordées selon des critères stricts.",
    "S'y ajoutent les serveurs livrés au premier semestre.",
])
def test_words_that_look_like_cues_are_not_speech(sentence):
    assert find_attributions(sentence) == []


@pytest.mark.parametrize("sentence,source,kind", [
    ("Les ventes reprendront, a déclaré le ministère chinois du Commerce.", "ministère chinois du Commerce",
     "organisation"),
    ("Le PDG de Nvidia, Jensen Huang, a indiqué que la demande restait forte.", "Jensen Huang", "person"),
    ("Selon lui, la puce est sûre.", "lui", "pronoun"),
    ("Des experts rappellent que la bande passante compte.", "experts", "anonymous"),
    ("Aucune porte dérobée n'existe, est-il écrit dans le décret.", "décret", "document"),
    ("Ces informations ont été rapportées par le Financial Times.", "Financial Times", "organisation"),
])
def test_each_shape_of_reported_speech(sentence, source, kind):
    (a,) = find_attributions(sentence)
    assert (a.source, a.source_kind) == (source, kind)
    assert a.source in sentence[a.start:a.end]


@pytest.mark.parametrize("sentence,sources", [
    # stop 30: the shapes of the blind sets X, Y, Q and P, in sentences of our own
    ("Le sénateur Paul Martin et la députée Anne Roux ont dénoncé un texte qui, selon eux, « affaiblit » l'industrie.",
     ["sénateur Paul Martin", "députée Anne Roux"]),
    ("Airbus, Safran et Thales ont fait savoir qu'ils investiraient ensemble.", ["Airbus, Safran et Thales"]),
    ("Le gouvernement aurait exigé un rapport complet, selon Bloomberg.", ["Bloomberg"]),
    ("Selon des sources proches du dossier, le groupe a demandé un délai.", ["sources proches du dossier"]),
    ("« Rien n'est acquis », a ajouté devant les élus réunis à Lyon le directeur de l'usine, Marc Dubois.",
     ["Marc Dubois"]),
    ("Le régulateur des télécoms, l'Autorité de régulation des communications, a estimé que l'offre était loyale.",
     ["Autorité de régulation des communications"]),
    ("Pour la directrice de l'Institut du commerce, Claire Martin, « la demande reste forte ».", ["Claire Martin"]),
    ("Le constructeur, dont les usines tournent au ralenti, a reconnu que les ventes reculaient.", ["constructeur"]),
    ("Jean Morel, le patron du groupe, a regretté que le marché, estimé à 3 milliards, reste fermé.", ["Jean Morel"]),
    ("Le ministre a, pour sa part, fait savoir que le plan serait maintenu.", ["ministre"]),
    ("Elles ont en outre prévenu que les prix allaient monter.", ["Elles"]),
    ("Le groupe ayant confirmé la fermeture du site, le titre a reculé.", ["groupe"]),
    ("Interrogé sur ce point, le ministre s'est contenté de rappeler que « rien n'est décidé ».", ["ministre"]),
    ("Le laboratoire Pharmacorp a annoncé que son essai était concluant.", ["laboratoire Pharmacorp"]),
    ("Plusieurs analystes interrogés par l'agence estiment que la hausse va durer.", ["Plusieurs analystes"]),
    ("Le budget a été jugé « irréaliste » jeudi par le président de la commission, Marc Leroy.", ["Marc Leroy"]),
    ("Les chiffres de l'institut montrent un net recul des ventes.", ["chiffres de l'institut"]),
    ("Selon les statistiques mensuelles des douanes françaises, les ventes ont chuté.",
     ["statistiques mensuelles des douanes françaises"]),
    ("Le groupe a été informé par Bruxelles que l'aide serait réduite.", ["Bruxelles"]),
    # stop 31: the shapes of the blind set S, in sentences of our own
    ("L'avocat du groupe, Me Paul Roux, a annoncé son intention de faire appel.", ["Me Paul Roux"]),
    ("Le projet a été qualifié de « décisif » par plusieurs analystes du secteur.", ["plusieurs analystes du secteur"]),
    ("Le groupe s'est dit « confiant » dans sa capacité à livrer.", ["groupe"]),
    ("Le parquet a salué « une décision exemplaire ».", ["parquet"]),
    ("Le Wall Street Journal a fait état de discussions avancées.", ["Wall Street Journal"]),
    ("Ce chiffre est contesté par la direction du groupe.", ["direction du groupe"]),
    ("Le secrétaire d'État au Budget, Paul Vidal, et la ministre déléguée à l'Industrie, Anne Morel, ont déclaré "
     "vendredi que les aides seraient maintenues.", ["Paul Vidal", "Anne Morel"]),
])
def test_shapes_of_real_dispatches(sentence, sources):
    assert sorted(a.source for a in find_attributions(sentence)) == sorted(sources)


@pytest.mark.parametrize("sentence", [
    "Les mesures annoncées par le gouvernement entrent en vigueur lundi.",
    "Les puces du groupe accusent encore un retard d'une génération.",
    "Plusieurs élus, dont la députée du Nord, s'inquiètent de ces revirements.",
    "Selon nos informations, le groupe prépare une offre.",
    "La Chine assure près de 80 % de la production mondiale de ces aimants.",
])
def test_look_alikes_of_real_dispatches(sentence):
    assert find_attributions(sentence) == []


@pytest.mark.parametrize("source,kind", [
    ("données des douanes", "document"),
    ("chiffres de l'institut", "document"),
    ("Santé publique France", "organisation"),
    ("La France insoumise", "organisation"),
    ("numéro un du secteur", "organisation"),
    ("syndicats de pilotes", "organisation"),
    ("chancelier allemand", "person"),
    ("Jean Caron", "person"),
    ("Marie de la Tour", "person"),
])
def test_kinds_of_source(source, kind):
    """Stop 31's words: figures someone published are documents; firms named by their rank, plural bodies, and
    names that open with an article or hold a lower-case word (other than a particle) are organisations."""
    from helpers.text.attributions import source_kind

    assert source_kind(source) == kind


def test_a_sentence_split_inside_a_name_is_joined():
    """The small model broke « … Chris | Coons estime … » into two sentences; reported speech is read within one."""
    from helpers.text.nlp import parse

    doc = parse("Alors que le ministre assure que tout va bien, le sénateur démocrate Chris Coons estime que "
                "l'administration « brade » l'avance.")
    assert len(list(doc.sents)) == 1


def test_a_negated_report_names_no_source():
    assert find_attributions("L'article ne précise pas la source de cette information.") == []


@pytest.mark.parametrize("text,kind,value", [
    ("dimanche, le ministère a annoncé", "relative", "2025-08-10"),  # PUB is Tuesday 12 August 2025
    ("lundi soir", "relative", "2025-08-11"),
    ("mardi", "relative", "2025-08-12"),
    ("cette semaine", "relative", "2025-W33"),
    ("en début de semaine", "relative", "2025-W33"),
    ("la semaine prochaine", "relative", "2025-W34"),
    ("au deuxième trimestre 2025", "quarter", "2025-Q2"),
    ("au dernier trimestre", "quarter", "2025-Q2"),
    ("T3", "quarter", "2025-Q3"),
    ("le quatrième trimestre", "quarter", "2024-Q4"),
    ("jusqu'au 10 novembre", "date", "2025-11-10"),
    ("à partir du 1er septembre", "date", "2025-09-01"),
    ("le 10 novembre", "date", "2024-11-10"),
])
def test_weekdays_weeks_quarters_and_forward_dates(text, kind, value):
    (t,) = find_time_expressions(text, PUB)
    assert (t.kind, t.value) == (kind, value)
    assert text[t.start:t.end] == t.surface


@pytest.mark.parametrize("text,value,unit,qualifier", [
    ("8 EFLOPS de calcul", 8e18, "FLOPS", ""),  # compute in base units (issue 24)
    ("gravée en 7 nm", 7.0, "nm", ""),
    ("141 Go de mémoire", 141.0, "GB", ""),
    ("4,8 To/s de bande passante", 4.8, "TB/s", ""),
    ("des droits supérieurs à 100 %", 100.0, "percent", "more_than"),
    ("4 billions de dollars", 4e12, "USD", ""),
    ("au moins 200 000 puces", 200_000.0, "count", "at_least"),
])
def test_units_scales_and_qualifiers(text, value, unit, qualifier):
    (f,) = find_figures(text)
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)


def test_a_range_gives_both_ends_the_same_scale_and_unit():
    low, high = find_figures("entre 3 et 4 billions de dollars")
    assert (low.value, low.unit, low.qualifier) == (3e12, "USD", "between")
    assert (high.value, high.unit, high.qualifier) == (4e12, "USD", "between")


def test_hedges_on_general_text():
    from helpers.text.hedges import find_hedges

    text = ("Le ministère serait à la manœuvre ; il envisageraient peut-être une pause, à moins qu'il ne s'agisse "
            "d'un portrait flatteur.")
    found = [(h.surface, h.kind) for h in find_hedges(text)]
    assert found == [("serait", "conditional"), ("envisageraient", "conditional"), ("peut-être", "hedge_word"),
                     ("à moins qu'", "hedge_word")]  # "portrait" ends like a conditional and is not one
    assert all(text[h.start:h.end] == h.surface for h in find_hedges(text))


CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("name", ["figures_fr.csv", "figures_heldout_fr.csv", "figures_wire_fr.csv",
                                  "figures_wire_heldout_fr.csv"])
def test_figures_on_our_corpus(name):
    """Sentences we wrote, every figure with its value and unit (tests/corpus/README.md); issue 14's target."""
    from helpers.text.evaluation import figure_scores

    scores, errors = figure_scores(CORPUS / name)
    assert scores["sentences"] >= 40 and scores["f1"] >= (0.95 if "wire" in name else 0.9), (scores, errors)


@pytest.mark.parametrize("name", ["timex_fr.csv", "timex_heldout_fr.csv", "timex_wire_fr.csv",
                                  "timex_wire_heldout_fr.csv"])
def test_time_expressions_on_our_corpus(name):
    from helpers.text.evaluation import time_scores

    scores, errors = time_scores(CORPUS / name)
    # the wire files: 1.00 and 0.98 (held out, written blind in stop 30) once the future was read by its ending
    assert scores["sentences"] >= 40 and scores["f1"] >= (0.95 if "wire" in name else 0.9), (scores, errors)


@pytest.mark.parametrize("text,expected", [
    ("Le MIIT a donné quatre-vingt-dix jours aux groupes.", [(90.0, "day", "")]),
    ("Deux milliards de dollars, dont 300 millions en Chine.", [(2e9, "USD", ""), (3e8, "USD", "")]),
    ("Le groupe vise un tiers du marché et près de six fois plus de puces.",
     [(1 / 3, "fraction", ""), (6.0, "times", "about")]),
    ("Plus de la moitié des ventes.", [(0.5, "fraction", "more_than")]),
    ("Chaque Atlas 950 réunit 8 192 puces Ascend 950.", [(8192.0, "count", "")]),
    ("Un porte-parole et une entreprise neuve, vingt et un sites.", [(21.0, "count", "")]),
    ("Entre 1 et 1,5 million d'unités.", [(1e6, "count", "between"), (1.5e6, "count", "between")]),
    ("« Quinze pour cent », dit-il.", [(15.0, "percent", "")]),
])
def test_figure_shapes(text, expected):
    found = find_figures(text)
    assert [(pytest.approx(f.value), f.unit, f.qualifier) for f in found] == expected
    assert all(text[f.start:f.end] == f.surface for f in found)  # the offsets contract


@pytest.mark.parametrize("text,published,expected", [
    ("au deuxième trimestre de son exercice 2026", "2025-08-12", [("fiscal_quarter", "FY2026-Q2")]),
    ("le T1 de l’exercice fiscal 2026", "2025-08-12", [("fiscal_quarter", "FY2026-Q1")]),
    ("un sursis de quatre-vingt-dix jours", "2025-08-12", [("duration", "P90D")]),
    ("d’ici le 15 janvier", "2025-11-03", [("date", "2026-01-15")]),
    ("lundi prochain", "2025-08-12", [("relative", "2025-08-18")]),  # 12 Aug 2025 is a Tuesday
    ("mardi prochain", "2025-08-12", [("relative", "2025-08-19")]),
    ("mardi dernier", "2025-08-12", [("relative", "2025-08-05")]),
    ("reprendront le mois prochain", "2025-12-03", [("relative", "2026-01")]),  # stop 31: across the year's end
])
def test_time_shapes(text, published, expected):
    import datetime as dt

    found = find_time_expressions(text, dt.date.fromisoformat(published))
    assert [(t.kind, t.value) for t in found] == expected


def test_entities_on_wire_copy():
    """Agencies, brokers, outlets and platforms as organisations, « … Technologies » kept, number formats left
    out (tests/corpus/entities_wire_fr.csv, written before the fixes; 0.94 recall when they were made)."""
    from helpers.text.evaluation import entity_scores

    scores, errors = entity_scores(CORPUS / "entities_wire_fr.csv")
    assert scores["sentences"] >= 40 and scores["recall"] >= 0.9 and scores["none_found"] == 0, (scores, errors)


def test_entities_on_a_held_out_corpus():
    """Entities in 50 sentences written blind in stop 29 (tests/corpus/entities_heldout_fr.csv): 0.84 recall with the
    lists as they were, 0.93 with stop 29's; a floor against regressions."""
    from helpers.text.evaluation import entity_scores

    scores, errors = entity_scores(CORPUS / "entities_heldout_fr.csv")
    assert scores["sentences"] >= 50 and scores["recall"] >= 0.93 and scores["none_found"] <= 1, (scores, errors)


@pytest.mark.parametrize("name,floor", [
    # M, written blind in stop 30 on broad business news (0.75 recall at first), tuned on in that stop (0.92 after)
    ("entities_heldout2_fr.csv", 0.93),
    # L, written blind after M's rules: 0.77 with the rules at the start of stop 30, 0.87 after (its held-out
    # figure); tuned on at the end of that stop and in stop 31
    ("entities_heldout3_fr.csv", 0.94),
    # K, written blind in stop 31 (0.82 recall at first: brand names, drugs, cars, clubs), then tuned on
    ("entities_heldout4_fr.csv", 0.92),
    # G, written blind in stop 31 on chips, AI and trade policy, issue 24's own ground (0.92 recall at first: firms,
    # analysts and outlets of the story the model reads as places), then tuned on
    ("entities_heldout5_fr.csv", 0.96),
    # D (chips and trade) and C (broad), written blind in stop 31 after its other rules: 0.93 and 0.87 at first,
    # then tuned on
    ("entities_heldout6_fr.csv", 0.96),
    ("entities_heldout7_fr.csv", 0.91),
    # B (the H20 affair), held out through stop 31 (0.94 at first), tuned on in stop 32
    ("entities_heldout8_fr.csv", 0.96),
    # A (the H20 affair), H (AI chips worldwide) and F (broad), written blind in stop 32: 0.91, 0.91 and 0.79 with
    # stop 31's rules, 0.97, 0.95 and 0.89 with the wider lists (their held-out figures), then tuned on
    ("entities_heldout9_fr.csv", 0.96),
    ("entities_heldout10_fr.csv", 0.96),
    ("entities_heldout11_fr.csv", 0.95),
    # I (chips and the US–China contest) and T (broad), held out through stop 32 (0.91 and 0.91), tuned on in stop 33
    ("entities_heldout12_fr.csv", 0.94),
    ("entities_heldout13_fr.csv", 0.95),
    # U (chips), V (broad) and W (supply chains), written blind in stop 33: 0.91, 0.85 and 0.84 with stop 32's rules,
    # 0.95, 0.90 and 0.86 with the list of places and the first rules of stop 33 (their held-out figures), then tuned on
    ("entities_heldout14_fr.csv", 0.94),
    ("entities_heldout15_fr.csv", 0.92),
    ("entities_heldout16_fr.csv", 0.91),
    # AB (chips), AC (broad) and AD (supply chains), written blind in stop 33 while its later rules were written:
    # 0.95, 0.95 and 0.93 once the list of places and the rules for U, V and W were in (their held-out figures), then
    # tuned on
    ("entities_heldout17_fr.csv", 0.94),
    ("entities_heldout18_fr.csv", 0.95),
    ("entities_heldout19_fr.csv", 0.93),
    # AE, AF and AG (round 3 of stop 33): 0.96, 0.92 and 0.95 held out, then tuned on
    ("entities_heldout20_fr.csv", 0.94),
    ("entities_heldout21_fr.csv", 0.91),
    ("entities_heldout22_fr.csv", 0.94),
    # AH, AI and AJ (round 4 of stop 33): 0.97, 0.90 and 0.93 held out, tuned on in stop 34
    ("entities_heldout23_fr.csv", 0.95),
    ("entities_heldout24_fr.csv", 0.92),
    ("entities_heldout25_fr.csv", 0.94),
    # AK, AL and AM (round 1 of stop 34): 0.97, 0.90 and 0.92 held out (stop 33's rules: 0.97, 0.89, 0.92), then
    # tuned on; AN, AO and AP (round 2): 0.95, 0.91 and 0.91 held out (0.95, 0.90, 0.89), then tuned on
    ("entities_heldout26_fr.csv", 0.96),
    ("entities_heldout27_fr.csv", 0.91),
    ("entities_heldout28_fr.csv", 0.95),
    ("entities_heldout29_fr.csv", 0.95),
    ("entities_heldout30_fr.csv", 0.90),
    ("entities_heldout31_fr.csv", 0.91),
])
def test_entities_on_broad_business_news(name, floor):
    from helpers.text.evaluation import entity_scores

    scores, errors = entity_scores(CORPUS / name)
    assert scores["sentences"] == 50 and scores["recall"] >= floor and scores["none_found"] <= 3, (scores, errors)


@pytest.mark.parametrize("name,floor,nones", [
    # AQ (the H20 affair and the chip contest), AR (broad business news) and AS (supply chains), written blind in stop
    # 34: 0.98, 0.89 and 0.88 held out, tuned on in stop 35
    ("entities_heldout32_fr.csv", 0.96, 0), ("entities_heldout33_fr.csv", 0.90, 2),
    ("entities_heldout34_fr.csv", 0.88, 2),
    # AT (the H20 affair), AU (broad business news) and AV (supply chains), written blind in stop 35 while its rules
    # were written: 0.96, 0.87 and 0.89 at their first score (the rule for nouns of places in), then tuned on
    ("entities_heldout35_fr.csv", 0.95, 0), ("entities_heldout36_fr.csv", 0.91, 4),
    ("entities_heldout37_fr.csv", 0.90, 3),
    # AW (the chip contest), AX (French and Belgian regional business news) and AY (trade routes and raw materials),
    # written blind in stop 35 once its rules were all in, scored once with them (0.96, 0.81 and 0.90; stop 34's rules:
    # 0.96, 0.77, 0.88), tuned on in stop 36
    ("entities_heldout38_fr.csv", 0.97, 1), ("entities_heldout39_fr.csv", 0.96, 3),
    ("entities_heldout40_fr.csv", 0.96, 1),
    # stop 36, round A: AZ (the chip contest), BA (regional business news, France, Belgium, Switzerland) and BB
    # (energy, mining and shipping), scored once (0.98, 0.87, 0.92), then tuned on
    ("entities_heldout41_fr.csv", 0.97, 2), ("entities_heldout42_fr.csv", 0.92, 1),
    ("entities_heldout43_fr.csv", 0.96, 2),
    # round B: BC (the H20 affair), BD (French and European industry) and BE (emerging markets), scored once (0.98,
    # 0.91, 0.87), then tuned on
    ("entities_heldout44_fr.csv", 0.97, 1), ("entities_heldout45_fr.csv", 0.95, 1),
    ("entities_heldout46_fr.csv", 0.95, 0),
    # round C: BF (Nvidia, AMD and China), BG (French and European business news) and BH (world trade and industry),
    # written blind once every rule of rounds A and B was in, scored once (0.98, 0.97, 0.94), then tuned on (a title
    # before a surname, the MIIT's full name, lists)
    ("entities_heldout47_fr.csv", 0.98, 0), ("entities_heldout48_fr.csv", 0.98, 0),
    ("entities_heldout49_fr.csv", 0.95, 3),
    # round D: BI (the chip and AI race), BJ (French regional and national business news) and BK (commodities and
    # infrastructure worldwide), written blind once every rule of stop 36 was in, scored once (0.98, 0.87, 0.89; stop
    # 35's rules: 0.97, 0.82, 0.84), held out in stop 36, tuned on in stop 37
    ("entities_heldout50_fr.csv", 0.98, 1), ("entities_heldout51_fr.csv", 0.95, 2),
    ("entities_heldout52_fr.csv", 0.94, 0),
    # stop 37, round E: BL (the chip contest), BM (French and European business news), BN (world business) and BO
    # (French regional business news), written blind while round D was tuned on, scored once (0.98, 0.94, 0.95, 0.91;
    # stop 36's rules: 0.98, 0.93, 0.93, 0.88), then tuned on
    ("entities_heldout53_fr.csv", 0.98, 0), ("entities_heldout54_fr.csv", 0.96, 3),
    ("entities_heldout55_fr.csv", 0.97, 0), ("entities_heldout56_fr.csv", 0.94, 1),
    # round F: BP, BQ, BR and BS on the same four subjects, written blind while round E was tuned on, scored once
    # with every rule of stop 37 (0.98, 0.98, 0.96, 0.92; stop 36's rules: 0.98, 0.97, 0.94, 0.87) and never tuned on:
    # held out
    ("entities_heldout57_fr.csv", 0.97, 0), ("entities_heldout58_fr.csv", 0.97, 2),
    ("entities_heldout59_fr.csv", 0.95, 1), ("entities_heldout60_fr.csv", 0.91, 1),
])
def test_entities_on_the_latest_blind_sets(name, floor, nones):
    """Sets of 50 sentences each, written blind by helpers who saw no code and no other corpus, each scored once
    before any rule was tuned on it (its held-out figure, in the comment): a floor against regressions, and a ceiling
    on the words labelled NONE (no entity) that the parser finds."""
    from helpers.text.evaluation import entity_scores

    scores, errors = entity_scores(CORPUS / name)
    assert scores["sentences"] == 50 and scores["recall"] >= floor and scores["none_found"] <= nones, (scores, errors)


@pytest.mark.parametrize("sentence,surface,label", [
    ("Les analystes de Jefferies relèvent leur objectif.", "Jefferies", "ORG"),
    ("Huawei Technologies a présenté sa feuille de route.", "Huawei Technologies", "ORG"),
    ("Le modèle d’OpenAI tourne sur des puces Nvidia.", "OpenAI", "ORG"),
    ("Le président a écrit sur le réseau social X que la taxe serait maintenue.", "X", "ORG"),
    # stop 30: the rules written for the blind sets M and N, in sentences of our own
    ("Selon le cabinet Datawise, la demande reste forte.", "Datawise", "ORG"),
    ("L'américain Northbridge Materials a signé un contrat.", "Northbridge Materials", "ORG"),
    ("Le syndicat CFDT a demandé une réunion.", "CFDT", "ORG"),
    ("Ventoria envisage de fermer son usine de Rennes.", "Ventoria", "ORG"),
    ("Le Pentagone a signé un contrat avec le groupe.", "Pentagone", "ORG"),
    ("La Banque populaire de Chine a abaissé ses taux.", "Banque populaire de Chine", "ORG"),
    ("Le rapport de la Cour des comptes est sévère.", "Cour des comptes", "ORG"),
    ("Le groupe présentera l'iPhone 17 en septembre.", "iPhone 17", "PRODUCT"),
    ("Le modèle GPT-5 a été présenté jeudi.", "GPT-5", "PRODUCT"),
    # stop 31: the rules written for the blind set K, in sentences of our own
    ("Son traitement Velorax a été autorisé en Europe.", "Velorax", "PRODUCT"),
    ("Le groupe a dévoilé ses accélérateurs Tempest MX400.", "Tempest MX400", "PRODUCT"),
    ("Le groupe a présenté son Nimbo 12 Ultra, en vente jeudi.", "Nimbo 12 Ultra", "PRODUCT"),
    ("La future Zelia sera produite à Douai.", "Zelia", "PRODUCT"),
    ("Le parquet de Valence a ouvert une enquête.", "parquet de Valence", "ORG"),
    ("Le rappel a été annoncé par le ministère des Transports, mardi.", "ministère des Transports", "ORG"),
    ("Les fonds viendront de la Banque européenne d'investissement.", "Banque européenne d'investissement", "ORG"),
    ("Corvel AI a levé 200 millions d'euros.", "Corvel AI", "ORG"),
    ("L'ONU a demandé une trêve.", "ONU", "ORG"),
    ("La maison Verlaine Paris reste le moteur du groupe.", "Verlaine Paris", "ORG"),
    ("Arthur Lemoine a fondé le groupe ; Lemoine reste actionnaire.", "Lemoine", "PER"),
    ("La start-up, cofondée par le prix Nobel Paul Verlaine, a levé des fonds.", "Paul Verlaine", "PER"),
    ("Le Huawei Mate 70 Pro a été démonté par un cabinet.", "Mate 70 Pro", "PRODUCT"),
    ("Ren Zhengfei a répondu ; selon Ren, le groupe tiendra.", "Ren", "PER"),
    ("Le ministère a commandé à Dassault Aviation 42 Rafale supplémentaires.", "Dassault Aviation", "ORG"),
    ("Le parquet national financier a ouvert une enquête.", "parquet national financier", "ORG"),
    ("Le porte-parole du ministère des Affaires étrangères a répondu.", "ministère des Affaires étrangères", "ORG"),
    ("Le ministère de l'Economie, du Commerce et de l'Industrie a durci les règles.",
     "ministère de l'Economie, du Commerce et de l'Industrie", "ORG"),
    ("Le laboratoire a publié son modèle Orvo 4 mardi.", "Orvo 4", "PRODUCT"),
    ("Le spécialiste de la mémoire basé à Quanzhou a commencé à produire.", "Quanzhou", "LOC"),
    ("Le parti Renouveau national de Marine Dubois refuse de voter.", "Renouveau national", "ORG"),
    ("OpenAI a présenté GPT-4o et ChatGPT.", "GPT-4o", "PRODUCT"),
    # stop 32: the wider lists, and where a listed name ends
    ("L'agence Chine nouvelle cite un haut responsable du ministère.", "Chine nouvelle", "ORG"),
    ("Altice France a cédé une partie de ses antennes à un fonds.", "Altice France", "ORG"),
    ("Selon Les Numériques, KNDS France livrera ses canons au printemps.", "KNDS France", "ORG"),
    ("Meta a publié Llama 4, que des chercheurs ont aussitôt testé.", "Llama 4", "PRODUCT"),
    ("La Commission a sanctionné Google pour son comparateur Google Shopping.", "Google Shopping", "PRODUCT"),
    ("Les abonnés de NTT Docomo ont doublé en un an, selon la direction.", "NTT Docomo", "ORG"),
    ("Les ventes de Wegovy ont ralenti au troisième trimestre.", "Wegovy", "PRODUCT"),
    ("Ils ont testé DeepSeek-R1 et MiniMax-M1 sur des puces locales.", "MiniMax-M1", "PRODUCT"),
    ("La start-up coréenne FuriosaAI a levé des fonds.", "FuriosaAI", "ORG"),
    ("L'Autorité de contrôle prudentiel et de résolution a ouvert une enquête.",
     "Autorité de contrôle prudentiel et de résolution", "ORG"),
    ("Devant la commission des finances du Sénat, le ministre a défendu son budget.",
     "commission des finances du Sénat", "ORG"),
    ("Cette commande soulage le groupe de Veldhoven, qui attendait un signal.", "Veldhoven", "LOC"),
    ("Boeing veut livrer davantage de 737 MAX cette année.", "737 MAX", "PRODUCT"),
    ("Moolenaar a répondu que les licences devaient être suspendues.", "Moolenaar", "PER"),
    # stop 33: the list of places (data/places.csv), and the rules written for the blind sets I, T, U, V and W
    ("Les négociateurs se retrouveront à Kuala Lumpur la semaine prochaine.", "Kuala Lumpur", "LOC"),
    ("La filiale, installée à Hefei, a recruté 300 ingénieurs.", "Hefei", "LOC"),
    ("Les éleveurs de la Creuse ont manifesté mardi devant la préfecture.", "Creuse", "LOC"),
    ("Les pétroliers évitent désormais la mer Rouge.", "mer Rouge", "LOC"),
    ("Le projet gazier de Cabo Delgado reprendra en 2026.", "Cabo Delgado", "LOC"),
    ("Au Chili, la société minière a signé l'accord.", "Chili", "LOC"),
    ("L'accord a été conclu avec Hennessy, qui distribue le cognac en Asie.", "Hennessy", "ORG"),
    ("Le contrat a été signé avec Marvolta, qui fournira les batteries.", "Marvolta", "ORG"),
    ("L'Union nationale des propriétaires immobiliers conteste la mesure.",
     "Union nationale des propriétaires immobiliers", "ORG"),
    ("Un rapport du Peterson Institute for International Economics juge la mesure coûteuse.",
     "Peterson Institute for International Economics", "ORG"),
    ("Le fonds a investi aux côtés de la Export-Import Bank of Korea.", "Export-Import Bank of Korea", "ORG"),
    ("Soutenue par Tencent et BlueHarbor, la start-up lève des fonds.", "BlueHarbor", "ORG"),
    ("Au salon Computex, le groupe a présenté ses cartes.", "Computex", "ORG"),
    ("Le promoteur Nexity étudie la vente de ses bureaux.", "Nexity", "ORG"),
    ("Le ministère vietnamien de l'Industrie a publié la liste.", "ministère vietnamien de l'Industrie", "ORG"),
    ("L'Arcep a publié son rapport annuel mardi.", "Arcep", "ORG"),
    ("Le tribunal des activités économiques de Lyon a ouvert une procédure.",
     "tribunal des activités économiques de Lyon", "ORG"),
    ("Le Chinois Gotion High-Tech construit une usine à Kénitra.", "Gotion High-Tech", "ORG"),
    ("Selon Me Claire Vasseur, la procédure est close.", "Claire Vasseur", "PER"),
    ("Les cadres de China Zinc Holding ont été entendus.", "China Zinc Holding", "ORG"),
    ("Le groupe a présenté Magistral Medium mardi.", "Magistral Medium", "PRODUCT"),
    ("Selon le bureau du représentant américain au Commerce, les droits resteront en place.",
     "bureau du représentant américain au Commerce", "ORG"),
    ("L'Alliance européenne pour les matières premières se réunit à Bruxelles.",
     "Alliance européenne pour les matières premières", "ORG"),
    ("L’Indien Sarvam AI a lancé son modèle en hindi.", "Sarvam AI", "ORG"),
    ("ASML livre encore des Twinscan NXT:2100i en Chine.", "Twinscan NXT:2100i", "PRODUCT"),
    ("Le président Ferdinand Marcos Jr. a signé le décret.", "Ferdinand Marcos Jr.", "PER"),
    ("Les fonderies de Sulawesi central tournent à plein.", "Sulawesi central", "LOC"),
    ("Les pétroliers quittent le golfe Persique.", "golfe Persique", "LOC"),
    ("AMD a adapté son Instinct MI308 pour la Chine.", "Instinct MI308", "PRODUCT"),
    ("Moonshot AI a dévoilé Kimi K2 Thinking, un modèle de raisonnement.", "Kimi K2 Thinking", "PRODUCT"),
    ("Alibaba a lancé Qwen3-Max mardi.", "Qwen3-Max", "PRODUCT"),
    ("Le tribunal fédéral de Los Angeles a condamné deux hommes.", "tribunal fédéral de Los Angeles", "ORG"),
    ("Selon l'Association des constructeurs européens d’automobiles, les ventes reculent.",
     "Association des constructeurs européens d’automobiles", "ORG"),
    ("Les cadres de Tongwei Foods ont été entendus.", "Tongwei Foods", "ORG"),
    # stop 34: a one-word name the model cannot type is a firm's (unless a list, a place or a product noun says
    # otherwise); a person's name is read without the words the model kept in front; more company words; names
    # listed with a place, or set in one; what ends a body's name
    ("Le régulateur a ordonné à Deutsche Telekom et Vodafone de retirer ces équipements.", "Vodafone", "ORG"),
    ("La grève inquiète la Cooperl, basée à Lamballe, selon un syndicat.", "Cooperl", "ORG"),
    ("Le holding, maison mère de Sofrapal et d’Abeille Assurances, a publié ses comptes.", "Sofrapal", "ORG"),
    ("Les comptes de Morvan Distribution ont été déposés au greffe.", "Morvan Distribution", "ORG"),
    ("Les machines de Daeil Engineering ont été saisies à Incheon.", "Daeil Engineering", "ORG"),
    ("L’avionneur assemble ses appareils à Toulouse, Hambourg, Tianjin et Mobile, en Alabama.", "Mobile", "LOC"),
    ("Le laboratoire Imec, à Louvain, coordonne le projet.", "Louvain", "LOC"),
    ("Le trafic par le canal de Suez reste faible.", "Suez", "LOC"),
    ("L'Agence internationale de l'énergie estime que la demande va croître.",
     "Agence internationale de l'énergie", "ORG"),
    ("L'Union européenne applique depuis mars de nouveaux droits.", "Union européenne", "ORG"),
    ("La Banque européenne d'investissement et la Commission ont signé.", "Banque européenne d'investissement", "ORG"),
    ("Le ministre indien de l'Électronique Ashwini Vaishnaw a visité l'usine.", "Ashwini Vaishnaw", "PER"),
    ("La ministre a annoncé la mesure sur X.", "X", "ORG"),
    # stop 35: the word in brackets after a town is its département; a noun of places, then what it holds or where it
    # is, before a name of several words; rivers, unions, regional papers and broadcasters of the lists
    ("Automobile : le site de Maubeuge (Nord), où le groupe assemble ses utilitaires, passera en deux équipes.",
     "Nord", "LOC"),
    ("Paris (Reuters) - Le groupe a annoncé une baisse de ses ventes à Lyon.", "Reuters", "ORG"),
    ("La société exploite le gisement de cuivre de Kamoa Kakula, dans le sud du pays.", "Kamoa Kakula", "LOC"),
    ("Le débit de la Garonne a baissé, selon La Dépêche du Midi et Sud Ouest.", "Garonne", "LOC"),
    ("Les syndicats SUD-Rail et CGT appellent à la grève, a rapporté franceinfo.", "franceinfo", "ORG"),
    ("Selon Le Courrier picard, l’usine d’Amiens sera reprise.", "Le Courrier picard", "ORG"),
    # stop 36: a brand after a noun of goods or « marque » (and the brands listed after a plural one); regional bodies
    # in lower case; a firm's branch and a house by its country; regional stations; a listed maker and its product
    # code as two names; a sentence's first word or « ex- » before a name; a firm by its trade and its place; a
    # minister's name after the domain; more product codes and company words; a listed place kept over a « surname »
    ("La coopérative commercialise les yaourts Fermevia et Laitbrun dans tout l’Ouest.", "Fermevia", "PRODUCT"),
    ("La coopérative commercialise les yaourts Fermevia et Laitbrun dans tout l’Ouest.", "Laitbrun", "PRODUCT"),
    ("Le groupe a racheté la marque Oréane l'an dernier, a indiqué son directeur.", 'Oréane', 'PRODUCT'),
    ("Le groupe vend aussi les biscuits Le Petit Mousse en Belgique.", "Le Petit Mousse", "PRODUCT"),
    ("Le site produit les tablettes Côte d’Or depuis 1989.", "Côte d’Or", "PRODUCT"),
    ("La préfecture du Doubs a pris mardi un arrêté contre les rejets de l’usine.", "préfecture du Doubs", "ORG"),
    ("Une usine a ouvert dans la préfecture de Kumamoto, au sud du Japon.", "Kumamoto", "LOC"),
    ("Le conseil départemental du Cantal a voté une aide de 2 millions d'euros.", 'conseil départemental du Cantal', 'ORG'),
    ("Le tribunal de l'entreprise de Liège a prononcé la faillite du carrossier.", "tribunal de l'entreprise de Liège", 'ORG'),
    ("Le Grand Port maritime du Havre a battu son record de conteneurs.", "Grand Port maritime du Havre", "ORG"),
    ("La direction de Renault Belgique a confirmé la fermeture, selon Le Soir.", "Renault Belgique", "ORG"),
    ("Le texte doit encore passer devant le Sénat brésilien avant l’été.", "Sénat brésilien", "ORG"),
    ("Le directeur du site s’est exprimé sur ici Gironde mardi matin.", "ici Gironde", "ORG"),
    ("Le reportage de France 3 Bretagne a été vu par 300 000 personnes.", "France 3 Bretagne", "ORG"),
    ("Stellantis assemblera la Peugeot 408 à Mulhouse dès 2026.", "Peugeot", "ORG"),
    ("Stellantis assemblera la Peugeot 408 à Mulhouse dès 2026.", "408", "PRODUCT"),
    ("Les ventes de la RTX 4090D ont été suspendues en Chine.", "RTX 4090D", "PRODUCT"),
    ("A Guéret, l’usine de pièces emploie 300 personnes.", "Guéret", "LOC"),
    ("Les anciens cadres de l’ex-Orpea ont été entendus.", "Orpea", "ORG"),
    ("La Bolivie a signé un accord sur le lithium avec Pékin.", "Bolivie", "LOC"),
    ("L'État de Jalisco accueillera la nouvelle usine de semi-conducteurs.", 'Jalisco', 'LOC'),
    ("La Fonderie de Bourgogne a été placée en redressement judiciaire.", "Fonderie de Bourgogne", "ORG"),
    ("Le ministre des Mines Joaquim Ferreira a signé le décret lundi.", "Joaquim Ferreira", "PER"),
    ("La compagnie a commandé dix avions C-295 à Airbus.", "C-295", "PRODUCT"),
    ("Volkswagen produira l'ID.4 à Zwickau.", 'ID.4', 'PRODUCT'),
    ("Le minier Northwind Copper a relevé ses prévisions.", "Northwind Copper", "ORG"),
    ("Wallonie : le gouvernement confie à Wallonie Entreprendre le dossier de l'aciérie.", 'Wallonie', 'LOC'),
    ("Le projet est porté par Orléans Métropole et la région Centre-Val de Loire.", "Orléans Métropole", "ORG"),
    ("La cheffe de file, Mme Berthaud, a quitté la séance.", "Berthaud", "PER"),
    ("Le ministère chinois de l’Industrie et des Technologies de l’information a convoqué les groupes.",
     "ministère chinois de l’Industrie et des Technologies de l’information", "ORG"),
    ("L’usine du pays de Galles fermera en mars.", "pays de Galles", "LOC"),
    # stop 37: unknown towns listed with a place, or after « via »; bodies named by
    # their noun, kind and domain; ministries with a lower-case word in their domain; stations of long regions; model
    # releases, chip generations and grades; a firm named for a month; a brand over the house that owns it; the wider
    # lists of news names; a strait by its own name; a linked place and its part; a person the model could not type,
    # named before their function; a firm after « le PDG de »
    ("Le groupe réorganise ses usines de Crolles, Rousset et Agrate, selon la direction.", "Rousset", "LOC"),
    ("Le groupe réorganise ses usines de Crolles, Rousset et Agrate, selon la direction.", "Agrate", "LOC"),
    ("Les vols relieront Nantes, Porto, Palma et Brindisi dès avril.", "Palma", "LOC"),
    ("Le convoi passera par Kerbala via Tallakh et Bassora, selon l’armée.", "Tallakh", "LOC"),
    ("Le convoi passera par Kerbala via Tallakh et Bassora, selon l’armée.", "Bassora", "LOC"),
    ("Le Conseil constitutionnel a validé mardi l’essentiel du texte.", "Conseil constitutionnel", "ORG"),
    ("Le Comité interprofessionnel du pruneau d’Agen réclame une aide.", "Comité interprofessionnel du pruneau", "ORG"),
    ("L’Office tunisien interprofessionnel des dattes a relevé ses prix.",
     "Office tunisien interprofessionnel des dattes", "ORG"),
    ("Le Haut Conseil des finances publiques juge la prévision optimiste.", "Haut Conseil des finances publiques", "ORG"),
    ("La cour administrative d'appel de Nantes a annulé le permis.", "cour administrative d'appel de Nantes", "ORG"),
    ("Selon le ministère kirghize de l’Industrie minière et de l’Énergie, le gisement sera vendu.",
     "ministère kirghize de l’Industrie minière et de l’Énergie", "ORG"),
    ("Le maire a été interrogé par France 3 Pays de la Loire lundi soir.", "France 3 Pays de la Loire", "ORG"),
    ("Le laboratoire a publié Corvel-V2.1-Exp sous licence libre.", "Corvel-V2.1-Exp", "PRODUCT"),
    ("Le Dragonfly 6 Elite Gen 3 équipera les téléphones haut de gamme.", "Dragonfly 6 Elite Gen 3", "PRODUCT"),
    ("Les chargements de Tengiz Blend ont repris à Novorossiisk.", "Tengiz Blend", "PRODUCT"),
    ("Le Caspian Pipeline Consortium (CPC) a suspendu ses chargements de CPC Blend.", "CPC", "ORG"),
    ("Le groupe Octobre, qui détient trois marques de biscuits, a publié ses comptes.", "Octobre", "ORG"),
    ("Richemont profite de la demande pour les montres Cartier en Asie.", "Cartier", "PRODUCT"),
    ("Cartier a ouvert une boutique à Shanghai.", "Cartier", "ORG"),
    ("Le groupe BPCE regroupe les Banques Populaires et les Caisses d’Epargne.", "Caisses d’Epargne", "ORG"),
    ("Les ventes de Veuve Clicquot ont reculé, selon Le Petit Bleu.", "Veuve Clicquot", "ORG"),
    ("Les ventes de Veuve Clicquot ont reculé, selon Le Petit Bleu.", "Le Petit Bleu", "ORG"),
    ("Le prix du Murban a gagné 2 % à Singapour.", "Murban", "PRODUCT"),
    ("YPF investit à Vaca Muerta, dans la province de Neuquén, a dit son patron.", "Vaca Muerta", "LOC"),
    ("Les pétroliers évitent le détroit d’Ormuz depuis lundi.", "Ormuz", "LOC"),
    ("La demande reste faible en Chine continentale, selon le groupe.", "Chine continentale", "LOC"),
    ("Le trafic reste faible, a déploré dimanche Ossama Rabie, président de l'Autorité du canal.", "Ossama Rabie",
     "PER"),
    ("La décision a été saluée par le conseil régional du Centre-Val de Loire.",
     "conseil régional du Centre-Val de Loire", "ORG"),
    ("Le PDG de Varnelle a confirmé la vente.", "Varnelle", "ORG"),
    ("Le fonds a pris une part de StarPlus Energy, selon Reuters.", "StarPlus Energy", "ORG"),
    ("Le campus sera construit à Cambrai, dans le Nord, selon la préfecture.", "Nord", "LOC"),
    ("Le groupe appartient à la famille Besnier depuis 1933.", "Besnier", "PER"),
    # stop 37, tuned on round E: sites after a plural noun of sites; an airport by its town; a French département is a
    # place; more company words; a body that opens with an abbreviation; stations of two towns; intercommunal
    # bodies; a full name after a function and a comma; nouns of materials and processes; a département or an old
    # region as a headline's kicker; a sea over the place in its name
    ("Le groupe exploite les ports de Balboa et Cristóbal, selon la presse.", "Cristóbal", "LOC"),
    ("Le trafic de l’aéroport d’Édimbourg a progressé de 6 %.", "Édimbourg", "LOC"),
    ("Les éleveurs du département du Nord manifestent mardi.", "Nord", "LOC"),
    ("Selon le département du Commerce, les ventes ont baissé.", "département du Commerce", "ORG"),
    ("Le groupe a racheté le chantier naval Philly Shipyard l’an dernier.", "Philly Shipyard", "ORG"),
    ("La CCI Lyon Métropole Saint-Étienne Roanne a publié son baromètre.",
     "CCI Lyon Métropole Saint-Étienne Roanne", "ORG"),
    ("Le directeur du site s’est exprimé sur ici Belfort-Montbéliard lundi.", "ici Belfort-Montbéliard", "ORG"),
    ("Le projet est soutenu par Lannion-Trégor Communauté, selon la préfecture.", "Lannion-Trégor Communauté", "ORG"),
    ("Le contrat a été signé, a déclaré le chef de la diplomatie hongroise, Péter Szijjártó.", "Péter Szijjártó",
     "PER"),
    ("Le groupe fabrique le polymère Kynar à Pierre-Bénite.", "Kynar", "PRODUCT"),
    ("Côtes-d’Armor : la coopérative a présenté un projet de méthanisation.", "Côtes-d’Armor", "LOC"),
    ("Picardie : la start-up a été placée en liquidation.", "Picardie", "LOC"),
    ("Gironde : le groupe va accélérer la cadence à Mérignac.", "Gironde", "LOC"),
    ("Les forages en mer du Nord reprennent, selon Equinor.", "mer du Nord", "LOC"),
])
def test_names_the_small_model_misreads(sentence, surface, label):
    from helpers.text.evaluation import sentence_entities

    assert (surface, label) in sentence_entities(sentence)


@pytest.mark.parametrize("sentence,surface,label", [
    ("L'enseigne de chaussures Pasdeloup a été placée en liquidation.", "Pasdeloup", "PRODUCT"),  # a seller
    ("Le groupe possède la marque VW depuis 1937.", "VW", "PRODUCT"),  # a maker's abbreviation
    ("Les puces Trainium d'Amazon Web Services sont louées à l'heure.", "Trainium d'Amazon Web Services", "PRODUCT"),
    ("Les ventes de la RTX 4090D ont été suspendues en Chine.", "RTX", "ORG"),  # Nvidia's line, not the firm RTX
    # stop 37: a place that opens its clause is no list's item; a list ends with « et »; a month with its year; lower-
    # case words are no person's name
    ("Aux Philippines, Varomco, Lunaris et Tessel Power construisent un terminal.", "Varomco", "LOC"),
    ("L’entreprise a perdu sa filiale Kovar, Niamey ayant nationalisé la mine.", "Kovar", "LOC"),
    ("Le groupe Avril 2025 sera présenté en conseil.", "Avril", "ORG"),
    ("D’après l’AFP, le groupe BPCE, maison mère des Banques Populaires, a conclu la vente.", "maison mère", "PER"),
])
def test_goods_and_makers_are_not_misread(sentence, surface, label):
    """The stop-36 rules for brands and makers where they must not apply: a seller's or a maker's name after the
    noun, a chip line with its maker after « d' », a firm's name that is also another maker's product line."""
    from helpers.text.evaluation import sentence_entities

    assert (surface, label) not in sentence_entities(sentence)


def test_d_ici_is_no_station():
    from helpers.text.evaluation import sentence_entities

    assert sentence_entities("Le chantier sera fini d'ici Noël, selon la mairie de Brest.") == [("Brest", "LOC")]


def test_number_formats_are_not_products():
    from helpers.text.evaluation import sentence_entities

    found = sentence_entities("Le H20 offre 296 TFLOPS en FP8 et 148 en FP16, contre 8 en INT8.")
    assert ("H20", "PRODUCT") in found and not any(s in ("FP8", "FP16", "INT8") for s, _ in found)


@pytest.mark.parametrize("sentence,surface", [
    ("Lundi, le yuan a progressé face au dollar.", "Lundi"),
    ("Trêve fragile : les deux capitales ont repris leurs discussions.", "Trêve"),  # a kicker of two words
    ("Le modèle utilise le format UE8M0 FP8 pour ses poids.", "UE8M0 FP8"),
    ("Le rôle de l'État dans la filière reste discuté.", "État"),
    ("La mémoire HBM3e reste rare.", "HBM3e"),
    ("Le PIB a reculé de 0,2 %.", "PIB"),
    ("Le groupe reste le premier fournisseur de mémoire HBM3e de Nvidia.", "HBM3e"),
    ("Le sud-coréen a dépassé son rival sur le marché de la DRAM.", "DRAM"),
    # stop 33
    ("Contacté par l'AFP, le groupe n'a pas répondu.", "Contacté"),  # a participle opening the sentence
    ("Tours de table : la start-up lève des fonds.", "Tours"),  # a town named by a French word, as a kicker
    ("Microsoft France a confirmé l'enquête.", "France"),  # a place right after a firm's name is part of it
    ("Le chantier avance, selon des sources proches du CoWoS de TSMC.", "CoWoS"),  # mostly capitals: no brand
    # stop 34
    ("Le président de la République a reçu les patrons.", "République"),  # a title
    ("Ces droits pèsent sur les exportations des Européens.", "Européens"),  # a nationality as a noun
    ("Les coursiers passeront en CDI dès janvier.", "CDI"),  # a kind of contract
    ("La carte consomme jusqu’à 600 W.", "W"),  # a unit
])
def test_words_that_name_no_entity_are_not_entities(sentence, surface):
    from helpers.text.evaluation import sentence_entities

    assert surface not in [s for s, _ in sentence_entities(sentence)]


# -- stop 35: faster readings that must say what the slower ones said --------------------------------------------------

def test_a_words_features_read_from_the_parsed_strings_say_what_spacy_says():
    """:func:`helpers.text.morphology.feature` parses each feature string once; on every word of a parsed paragraph
    (tenses, moods, participles, numbers) it gives what ``Token.morph.get`` gives."""
    from helpers.text.morphology import feature
    from helpers.text.nlp import parse

    doc = parse("Les licences seront accordées demain, a déclaré lundi un haut fonctionnaire, qui aurait ajouté que "
                "Pékin, affirmant vouloir réduire sa dépendance, devrait acheter moins de puces cette année.")
    names = {"Tense", "VerbForm", "Mood", "Number", "Person", "Gender"}
    for tok in doc:
        for name in names:
            want = tok.morph.get(name)
            assert feature(tok, name) == (",".join(want) if want else None), (tok.text, name)


def test_every_qualifier_and_number_word_can_open_a_figure():
    """The figures' pattern first tests the letter a figure opens with (:data:`~helpers.text.frenchnum.FIRST_LETTERS`,
    made from the lists): each qualifier and each number word still opens one."""
    from helpers.text.frenchnum import QUALIFIERS

    for qualifier in ("plus de", "moins de", "environ", "près de", "quelque", "autour de", "au-delà de", "jusqu'à",
                      "supérieur à", "inférieures à", "au moins", "entre"):
        assert any(pattern for pattern in QUALIFIERS if pattern[0] == qualifier[0])
        (fig,) = find_figures(f"Il en reste {qualifier} 40 %.")
        assert fig.qualifier and fig.surface.lower().startswith(qualifier[:4])
    for word in ("zéro", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "dix", "onze", "douze", "treize",
                 "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "mille"):
        for written in (word, word.capitalize()):
            (fig,) = find_figures(f"{written} jours")
            assert fig.unit == "day", written


def test_fractions_are_read_only_where_their_words_are():
    """Fractions are looked for only in sentences with « tiers », « quart » or « moitié », in any case."""
    assert [f.unit for f in find_figures("Les DEUX TIERS des puces, la Moitié du marché.")] == ["fraction", "fraction"]
    assert all(f.unit != "fraction" for f in find_figures("Deux trois fois plus, un peu moins."))


def test_the_sentence_of_a_character_is_the_one_spacy_gives():
    """:func:`helpers.text.attributions.sentence_of` finds a character's sentence from lists made once per document;
    on every character of a word it agrees with spaCy's own span lookup."""
    from helpers.text.attributions import sentence_of
    from helpers.text.nlp import parse

    text = ("Nvidia a démenti. « Il n'y a pas de porte dérobée », a déclaré un porte-parole. Selon le FT, le MIIT "
            "a demandé des explications aux groupes chinois.")
    doc = parse(text)
    assert len(list(doc.sents)) >= 2  # (so that a wrong sentence shows)
    for char, letter in enumerate(text):
        if not letter.isspace():
            assert sentence_of(doc, char) == doc.char_span(char, char + 1, alignment_mode="expand").sent.start


@pytest.mark.parametrize("text, name", [
    ("Le tribunal administratif de Paris a tranché.", "tribunal administratif de Paris"),
    ("La cour d'appel de Versailles a confirmé.", "cour d'appel de Versailles"),
    ("Le conseil de prud'hommes de Lyon a jugé.", "conseil de prud'hommes de Lyon"),
    ("La chambre régionale des comptes de Bretagne a noté.", "chambre régionale des comptes de Bretagne"),
    ("Le parquet de Nanterre a ouvert une enquête.", "parquet de Nanterre"),
    ("Le Parquet national financier a requis.", "Parquet national financier"),
    ("Le ministère des Transports a répondu.", "ministère des Transports"),
    ("Le département du Commerce a publié.", "département du Commerce"),
    ("Le secrétariat d'État de la Mer a indiqué.", "secrétariat d'État de la Mer"),
    ("Une sous-commission du Sénat a entendu Nvidia.", "sous-commission du Sénat"),
    ("Le bureau du représentant américain au Commerce a réagi.", "bureau du représentant américain au Commerce"),
])
def test_each_branch_of_the_lower_case_bodies_is_read(text, name):
    """:func:`~helpers.text.entities.body_spans` reads only paragraphs that hold one of its nouns: each branch of its
    patterns still finds its body."""
    from helpers.text.entities import body_spans

    assert name in [text[s:e] for s, e in body_spans(text)]


@pytest.mark.parametrize("noun", ["Center", "Institute", "Council", "Foundation", "Bank", "Fund", "Office", "Trust",
                                  "Reserve", "Exchange", "Organization", "Initiative"])
def test_english_bodies_and_exchanges_are_read_where_their_nouns_are(noun):
    from helpers.text.entities import english_body_spans, exchange_spans

    text = f"Selon le Peterson {noun} for International Economics et la Bourse de Tokyo, la demande recule."
    assert [text[s:e] for s, e in english_body_spans(text)] == [f"Peterson {noun} for International Economics"]
    assert [text[s:e] for s, e in exchange_spans(text)] == ["Bourse de Tokyo"]
