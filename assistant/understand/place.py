"""Where the person is, and which places a text speaks of, read from `places.yaml` (the one source for both).

The UI's choice (or --jurisdiction) always wins; a message fills the gap when it names a place ("I live in
Australia", "在杭州", "je suis à Lyon"), or, failing that, a platform or institution used only in one place (微信,
Pharos, eSafety). The answer side uses the same data to keep another place's helplines and laws out of an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from assistant.understand.gazetteer import Town, towns
from assistant.understand.names import names_pattern
from assistant.vocabulary import CJK, JURISDICTIONS

PLACES_FILE = Path(__file__).with_name("places.yaml")
Span = re.Match[str] | Town  # a name found in a text: by places.yaml's patterns, or in the gazetteer
_CJK = CJK


@dataclass(frozen=True)
class Place:
    """How one place shows in text: named outright, hinted at, or marked by its own services and laws."""

    code: str
    named: re.Pattern[str]  # names, demonyms and cities
    cities: re.Pattern[str] | None  # where someone is: the strongest sign of their place
    countries: re.Pattern[str] | None  # the country's names
    demonyms: re.Pattern[str] | None  # "French", 中国人: often where someone comes from, the weakest sign
    hinted: re.Pattern[str] | None  # platforms and institutions used only there
    marked: re.Pattern[str]  # names, cities, helplines, laws and bodies: "this line is about that place"
    includes: tuple[str, ...]  # places whose rules count as this one's own (EU for France)
    members: dict[str, re.Pattern[str]]  # parts with their own bodies or law (EU member states, Scotland), by names
    # The rest of the place, whose law the place's lines give when no member is named ("England and Wales", "66B"):
    # another place's for a person whose message names one of the members (Glasgow, Derry).
    rest: re.Pattern[str] | None = None


@cache
def places() -> dict[str, Place]:
    """Every covered place's patterns, read once from places.yaml (checked by a test: only known codes)."""
    data = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    everything = {code: [str(e) for key in ("names", "demonyms", "cities", "hints", "markers")
                         for e in entry.get(key, [])] for code, entry in data.items()}
    result = {}
    for code, entry in data.items():
        if code not in JURISDICTIONS:
            raise ValueError(f"{PLACES_FILE}: {code}: not one of {', '.join(JURISDICTIONS)}")
        others = tuple(e for other, entries in everything.items() if other != code for e in entries)

        def alternation(entries: list[str], others: tuple[str, ...] = others) -> re.Pattern[str] | None:
            return names_pattern(entries, others)

        names = entry.get("names", []) + entry.get("demonyms", []) + entry.get("cities", [])
        result[code] = Place(code=code, named=alternation(names), cities=alternation(entry.get("cities", [])),
                             countries=alternation(entry.get("names", [])),
                             demonyms=alternation(entry.get("demonyms", [])),
                             hinted=alternation(entry.get("hints", [])),
                             marked=alternation(names + entry.get("markers", [])),
                             includes=tuple(entry.get("includes", [])),
                             members={member: alternation(names_of)
                                      for member, names_of in (entry.get("members") or {}).items()},
                             rest=alternation(entry.get("rest", [])))
    return result


def named_jurisdictions(text: str) -> set[str]:
    """Every place a text names outright (a country, a demonym or a city)."""
    return {code for code, place in places().items() if place.named.search(text)}


def marked_jurisdictions(text: str) -> frozenset[str]:
    """Every place a text is about: named, or one of its helplines, laws or bodies ("3018", "Take It Down Act").

    Cached: answers test the same guidance lines again and again.
    """
    return _marked(text)


@lru_cache(maxsize=16384)
def _marked(text: str) -> frozenset[str]:
    return frozenset(code for code, place in places().items() if place.marked.search(text))


def _one(found: set[str]) -> str | None:
    if len(found) == 1:
        return next(iter(found))
    for code in found:  # France and the EU: the person is in France
        place = places()[code]
        if place.includes and found == {code, *place.includes}:
            return code
    return None


# A country right after these words is where someone comes from, not where they are ("a student from China").
_ORIGIN = re.compile(r"(?:\bfrom|\bd'origine|\boriginaire d[e']|\bvenue? d[e']|\bvien(?:s|t|nent) d[e']|来自|出身于?)\s*$",
                     re.I)


# A Chinese country name before these words says who someone is, not where ("一个中国学生", "法国籍"), or whose an
# organisation is ("住中国公司安排的宿舍", "该找中国大使馆还是匈牙利警察？": a Chinese company's dormitory in Hungary).
_PERSON_AFTER = re.compile(r"(?:人|籍|学生|留学生|同学|女孩|女生|男生|男孩|朋友|姑娘|小伙|公司|企业|大使馆|使馆|领事馆|老板)")


# Words with which people say where they themselves are, just before a city or a country: "I'm a social worker in
# Melbourne", "we live in", "je suis à", "j'habite en", "我在", "我们住在". When the message names other places too (where
# the ex lives, where the images were made), the place the person puts themself in is theirs.
# Between "I'm" and "in": a few words of the same clause ("I'm a social worker in"), not another person's clause,
# and not a negation: "I'm not even in China" says where the person is not.
_GAP = (r"(?:(?!\b(?:he|she|they|his|her|my|il|elle|ils|mon|ma|son|sa|not|never|no longer|pas|plus|jamais)\b|n['’]t\b)"
        r"[^.!?\n,;]){0,32}?")
# The words that put someone at a place, or close to it: "in Leeds", "near Leeds", "just outside Leeds", "20 minutes
# from Leeds", "à Cambrai", "à côté de Cambrai", "près d'Amiens", "pas loin de Rennes", "à 30 km de Lille". A town
# near a city is under the same law and services, so "I live near Leeds" says where the person is as plainly as "in".
# ("to" only after the writer's own "I moved": "my sister is sending it to Boston" says nothing of where she is.)
_NEAR = (r"near|nearby|outside(?: of)?|around|close to|next to|"
         r"\d+\s*(?:miles?|mins?|minutes|km|kilometres|kilometers|hours?)\s+(?:from|outside(?: of)?|out of)")
_NEAR_EN = r"\b(?:in|at|" + _NEAR + r")\s+(?:the\s+)?"
_NEAR_EN_TO = r"\b(?:in|at|to|" + _NEAR + r")\s+(?:the\s+)?"
_NEAR_FR = (r"\b(?:(?:à|a|en|au|aux|vers|(?:près|à\s+côté|pas\s+loin|non\s+loin|autour|dans\s+la\s+région)\s+de"
            r"|à\s+\d+\s*(?:km|kilomètres|minutes|min|h|heures?)\s+de)\s+"
            r"|(?:près|à\s+côté|pas\s+loin|non\s+loin|autour|dans\s+la\s+région|"
            r"à\s+\d+\s*(?:km|kilomètres|minutes|min|h|heures?))\s+d['’]\s*)")
_SELF = re.compile(
    r"(?:\b(?:i['’]?m|i am|we['’]re|we are|i['’]?ve been living|i['’]?m living|based|"
    r"(?:i|we)(?:['’]?ve| have) (?:lived|been living|been based)|"
    # "we both teach in", "I still live in", "we all work in": an adverb between the person and the verb
    r"(?:i|we)(?: (?:both|all|still|now|currently|also|actually))? (?:live|study|work|teach|moved))\b"
    + _GAP + _NEAR_EN_TO +
    r"|\b(?:je suis|j['’]?habite|je vis|je réside|on (?:est|vit|habite)|nous (?:sommes|vivons|habitons)|j['’]?étudie|"
    r"je travaille|j['’]?enseigne)\b" + _GAP + _NEAR_FR +
    r"|(?:我|我们|我们一家|本人)(?:现在|目前|人|是|一直)*(?:在|住在|住|定居在?|生活在)\s*"
    # "i live guisborough", "we living Leeds": the preposition left out, as many who learnt English later write
    r"|\b(?:i|we)\s+(?:live|living|stay|staying)\s+"
    # "Ici en Chine, je dois appeler quel numéro ?", "here in France": where the writer is now (not "here or in")
    r"|\b(?:here|ici)\s+(?:in|en|au|aux|à|a)\s+(?:the\s+)?"
    # "does that work for me in the Netherlands?", "c'est possible pour moi en Belgique ?": the place the question is
    # asked for, the writer's own (a law named for another country, "the US Take It Down Act", is not where they are)
    r"|\b(?:for|pour)\s+(?:me|us|moi|nous)\s+(?:in|en|au|aux|à|a)\s+(?:the\s+)?)$",
    re.IGNORECASE)


# The person a helper writes about, put in a place: "my sister, who lives in Dalian", "ma copine vit à Berlin",
# "女儿在悉尼读书". That is where the person in the images is, and their place's law and services are the ones that
# apply to them (eSafety takes reports from people who live in Australia), so it outranks where the writer is
# ("I'm in Chicago"). Only the people a helper writes for, never a pronoun: "he moved to Brisbane" is often the ex.
_THEM = (r"(?:\d{1,2}[- ]?(?:year[- ]old|yo|y/o)|"  # "our 17-year-old is on an exchange year in Kalamazoo"
         r"daughter|son|sister|brother|friend|girlfriend|boyfriend|wife|husband|partner|client|student|pupil|"
         r"niece|nephew|cousin|flatmate|roommate|colleague|coworker|co-worker|fille|fils|sœur|soeur|frère|frere|amie?|"
         r"copine|copain|femme|collègue|collegue|"
         r"compagne|compagnon|cliente?|élève|étudiante?|nièce|neveu|cousine?|coloc|colocataire)")
_THEIRS = re.compile(
    r"(?:\b(?:my|our|his|her|ma|mon|notre|sa|son)\s+(?:\w+\s+)?" + _THEM + r"\b"
    # a few words of the same clause ("is 23 and", ", who"), none of them another person's (her ex lives in ...)
    r"(?:(?:(?!\b(?:he|she|his|her|him|ex|il|elle|lui|son|sa|ses|mec)\b)[^.!?\n;]){0,24}?"
    r"\b(?:now\s+|still\s+|currently\s+|actuellement\s+)?"
    r"(?:lives|is living|is based|studies|is studying|works|vit|habite|étudie|travaille|est|"
    r"fait (?:ses|son|sa|un|une) [\wéèê'’-]+)"
    # or, right after the person (an age between commas at most), "is" and a few words of the same clause: "my
    # daughter is 20 and at university in", "our daughter, 17, is finishing high school in"
    r"|(?:,\s*\d{1,2}(?:\s*(?:ans|years? old))?\s*,)?\s+(?:is|est)\b"
    r"(?:(?!\b(?:he|she|his|her|him|ex|il|elle|lui|son|sa|ses|mec|was|from|not|never|no longer|pas|plus|jamais)\b)"
    r"[^.!?\n;,]){0,40}?)"
    r"\s+(?:" + _NEAR_EN + "|" + _NEAR_FR + ")"
    # (not 前男友, the ex-boyfriend: "前男友在深圳" is where he is)
    r"|(?<!前)(?:女儿|儿子|妹妹|姐姐|弟弟|哥哥|闺蜜|朋友|女朋友|男朋友|女友|男友|老婆|妻子|表姐|表妹|来访者|学生|同事|室友|舍友)"
    r"(?:现在|目前|人|一直)*(?:在|住在|生活在|定居在?))$",
    re.IGNORECASE)


# Where people say they study, work or live without "I am" before it: "Je suis chinoise, en master à Grenoble",
# "je fais mes études à Nantes", "Studying in Manchester at the moment", "American living in Berlin", "just moved
# back to Nanjing". Counted as the writer's own place only when nothing earlier in the sentence names someone else
# ("Mon ex, en stage à Lyon", "my ex, living in Paris now"), the words have no subject of their own, nor when they
# tell where the writer was ("after studying in Australia", "avant mon stage à Lyon"). Not "back home in": as often
# where someone comes from ("Brit living in Madrid ... back home in the UK") as where they are.
_SELF_CUE = re.compile(
    r"(?:\b(?:studying|living|working|based|interning|doing (?:my|a|an) [\w'’-]+)\b" + _GAP + _NEAR_EN +
    r"|\b(?:just |recently )?(?:moved|relocated)(?: back)?\b" + _GAP + r"\bto\s+(?:the\s+)?"
    r"|\b(?:je fais (?:mon|ma|mes|un|une) [\wéèê'’-]+|je fais mes études|"
    # "étudiante à Grenoble" said of oneself, not "un étudiant à Lyon", someone else
    r"(?<!un )(?<!une )(?<!le )(?<!la )(?<!l')(?<!cet )(?<!cette )(?<!mon )(?<!ma )(?<!son )(?<!sa )(?<!des )"
    r"(?<!les )étudiante?|en (?:master|licence|stage|"
    r"thèse|doctorat|échange|erasmus|alternance|prépa|fac|bts|école))\b" + _GAP + r"\b(?:à|a|en|au|aux)\s+)$",
    re.IGNORECASE)
_WAS = re.compile(r"(?i:\b(?:after|before|since|used to|when i was|from|après|avant|depuis|quand j['’]étais)\s*$)")
_SOMEONE_ELSE = re.compile(
    r"(?i:\b(?:he|she|they|his|her|their|ex|boyfriend|girlfriend|husband|wife|partner|daughter|son|friend|il|elle|"
    r"ils|elles|son|sa|ses|leur|copain|copine|mec|fille|fils|ami|amie|mari|femme|conjoint|ex-conjoint)\b)")


# The person who did it, put at a place: "my ex in Leeds", "her ex back in France", "the scammer in Lagos", "mon ex, qui vit
# en Allemagne", "对方在国内", "前男友回了合肥". When a message names two places, that one is where the harm comes
# from, not where the person who asks for help is: "English au pair in Vitry-le-François. My ex in Leeds is spreading
# my pics" is a person in France. Only a tie-breaker (`detect_jurisdiction`): a message that names only the ex's place
# most often tells of a couple who lived in one country. Not "he" or "il": in "he is in Paris and she is in London" no
# one says which of them is the person asking.
_OTHER_GAP = r"(?:(?!\b(?:i|i['’]m|me|my|we|us|our|she|her|je|j['’]|moi|ma|mes|nous|on|elle)\b)[^.!?\n;]){0,30}?"
_OTHERS = re.compile(
    r"(?:\b(?:my|her|his|their|our|the|mon|ton|son|l['’])\s*(?:ex|ex-?(?:boyfriend|girlfriend|husband|wife|partner|"
    r"copain|copine|mari|femme|compagnon|conjoint)|abuser|stalker|scammer|blackmailer|harasser|arnaqueur|agresseur|"
    r"harceleur|maître chanteur)\b)" + _OTHER_GAP +
    r"(?:\b(?:" + _NEAR + r")\s+(?:the\s+)?|\b(?:in|at|to)\s+(?:the\s+)?|" + _NEAR_FR + r")$"
    r"|(?:前任|前男友|前女友|前夫|前妻|对方|骗子|那个人|那人)(?:现在|目前|人|已经|还|也|一直|又)*"
    r"(?:在|住在|回了?|回到|去了?|跑到?|生活在)\s*$",
    re.IGNORECASE)


def _others_place(text: str, match: Span) -> bool:
    """Whether a place is named as where the person who did it is ("my ex in Leeds", "对方在国内")."""
    return _said_there(text, match, _OTHERS, 64)


def _says_self(text: str, match: Span) -> bool:
    """Whether the writer puts themself at a place: "I'm in", "je suis à", "我在" (`_SELF`), or a subjectless cue
    ("en master à", "studying in") in a sentence that names no one else before it."""
    if _said_there(text, match, _SELF, 48):
        return True
    before = text[max(0, match.start() - 48):match.start()]
    cue = _SELF_CUE.search(before)
    if cue is None or text[match.end():match.end() + 1] == "的":
        return False
    start = match.start() - len(before) + cue.start()
    sentence = re.split(r"[.!?\n]", text[:start])[-1]
    return not _SOMEONE_ELSE.search(sentence) and not _WAS.search(sentence[-24:])


def _said_there(text: str, match: Span, before: re.Pattern[str], reach: int) -> bool:
    """Whether a place is named as where someone is: `before` ends the `reach` characters before it (_SELF: the writer,
    "I'm in", "je suis à", "我在"; _THEIRS: the person a helper writes about, "ma sœur qui vit à"). Not "我在国内的家人"
    (my family back home). "Here in" and "ici en" count (_SELF); "here or in France?" asks which place, it does not say
    one."""
    if text[match.end():match.end() + 1] == "的":
        return False
    return bool(before.search(text[max(0, match.start() - reach):match.start()]))


# A place right after these words is where a website or its server is, not where the person is ("site hébergé aux
# USA", "a site hosted in the US", "网站服务器在美国"): the person's own place decides their law and their help, and the
# site's counts only when nothing else says where they are.
_SITE = re.compile(
    r"(?:\b(?:hosted|hébergée?s?|herbergée?s?|registered|enregistrée?s?|servers?|serveurs?)"
    r"(?:\s+(?:is|are|est|sont))?\s+(?:in|on|at|en|aux|au|à|a|dans)\s+(?:the\s+|les\s+|l['’])?"
    r"|\b(?:site|website|sites|websites|forum|platform|plateforme)\s+(?:(?:is|est|qui est)\s+)?"
    r"(?:based\s+|basée?\s+)?(?:in|en|aux|au)\s+(?:the\s+)?"
    r"|(?:服务器|主机|网站|网址)(?:是|设)?(?:在|于|位于)\s*|托管(?:在|于)\s*)$",
    re.IGNORECASE)


def _as_site(text: str, match: Span) -> bool:
    """Whether a place is named as where a website or its server is ("hosted in the US", "服务器在美国")."""
    return bool(_SITE.search(text[max(0, match.start() - 40):match.start()]))


def _as_origin(text: str, match: Span) -> bool:
    """Whether a country's or a city's name is used as an origin or a nationality rather than as where someone is
    ("originally from Guangzhou, doing my masters in Melbourne")."""
    if _ORIGIN.search(text[max(0, match.start() - 16):match.start()]):
        return True
    if not _CJK.match(match.group()):
        return False
    # "我是浙江青田人": the province, then the county, then 人: both where the writer comes from
    end = match.end()
    while (inner := _CHINESE_PLACE_AFTER.match(text, end)) and not _PERSON_AFTER.match(text, end):
        end = inner.end()
    return bool(_PERSON_AFTER.match(text, end))


# A Chinese division's name right after another ("浙江青田", "河北康保县"), as an origin is written before 人.
_CHINESE_PLACE_AFTER = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:省|市|县|区)|[\u4e00-\u9fff]{2}(?=人)")


def _named(text: str) -> dict[str, tuple[list[Span], list[Span]]]:
    """Each place's cities and countries as the text names them, found once: every level of evidence reads the same
    matches (four scans of every city's name took half of reading a place)."""
    named = {code: ([*place.cities.finditer(text)] if place.cities else [],
                    [*place.countries.finditer(text)] if place.countries else [])
             for code, place in places().items()}
    # Towns places.yaml does not list (GeoNames'), where they do not overlap a name it does.
    taken = [(m.start(), m.end()) for cities, countries in named.values() for m in (*cities, *countries)]
    for town in towns(text):
        if town.place in named and not any(s < town.end() and town.start() < e for s, e in taken):
            named[town.place][0].append(town)
    # A town with its country or region said beside it ("Leominster en Angleterre", "Portland, Oregon", "英国的
    # Leominster") is that country's town: a namesake elsewhere (Leominster, Massachusetts, is the bigger one, and the
    # gazetteer's) does not count against it. Only a town of another place than the one said beside it gives way.
    # A state or province is listed with the cities ("Paris, Texas"): a name of that list qualifies too, only after a
    # comma or in brackets (so would another country's city: over 32,621 labelled texts no message lists two).
    countries = [(code, m, False) for code, (_, found) in named.items() for m in found]
    regions = [(code, m, True) for code, (found, _) in named.items() for m in found]
    for code, (cities, _) in named.items():
        cities[:] = [m for m in cities if not any(other != code and _qualifies(text, m, q, listed)
                                                  for other, q, listed in (*countries, *regions))]
    return named


# What may stand between a town and the country said beside it: "Leominster, England", "Leominster (UK)", "Leominster
# en Angleterre", "Leominster in England"; before it, as Chinese writes it, "英国Leominster", "英国的Leominster"; a state
# or province, only a comma or a bracket.
_QUALIFIER_AFTER = re.compile(r"\s*(?:,|\(|（|\bin\b|\ben\b|\bau\b|\baux\b|\bdans le\b|\bdans l['’])?\s*", re.I)
_QUALIFIER_BEFORE = re.compile(r"\s*的?\s*")  # the Chinese order only: "England, Leominster" says two things
_REGION_AFTER = re.compile(r"\s*(?:,|\(|（)\s*")


def _qualifies(text: str, town: Span, country: Span, listed: bool = False) -> bool:
    """Whether a country's or region's name is said right beside a town, as its country. `listed`: a name listed with
    the cities (a state, a province), which qualifies only after a comma or in brackets ("Paris, Texas")."""
    if 0 <= country.start() - town.end() <= 12:
        between = text[town.end():country.start()]
        return bool((_REGION_AFTER if listed else _QUALIFIER_AFTER).fullmatch(between))
    if not listed and 0 <= town.start() - country.end() <= 2:
        return bool(_QUALIFIER_BEFORE.fullmatch(text[country.end():town.start()]))
    return False


def _mentions(text: str, level: str, named: dict[str, tuple[list[Span], list[Span]]] | None = None,
              others: bool = True) -> dict[str, int]:
    """How many times each place is named at one level of evidence: where the writer says they are (a city or a
    country after "I'm in"), cities, countries, demonyms (with the countries named as an origin), hints. `named`:
    the cities and countries the text names (`_named`), when already found; `others`: False leaves out the places
    named as where the person who did it is (`_OTHERS`)."""
    named = _named(text) if named is None else named
    counts: dict[str, int] = {}
    for code, place in places().items():
        cities, countries = named[code]
        if level in ("self", "theirs"):
            def there(m: Span) -> bool:
                return _says_self(text, m) if level == "self" else _said_there(text, m, _THEIRS, 60)
            hits = sum(1 for m in (*cities, *countries) if there(m))
        elif level == "demonyms":
            hits = len(place.demonyms.findall(text)) if place.demonyms else 0
            hits += sum(1 for m in (*countries, *cities) if _as_origin(text, m) and not _as_site(text, m))
        elif level in ("countries", "cities"):
            hits = sum(1 for m in (countries if level == "countries" else cities)
                       if not _as_origin(text, m) and not _as_site(text, m) and (others or not _others_place(text, m)))
        elif level == "sites":
            hits = sum(1 for m in (*countries, *cities) if _as_site(text, m))
        else:
            hits = len(place.hinted.findall(text)) if place.hinted else 0
        if hits:
            counts[code] = hits
    return counts


def detect_jurisdiction(text: str) -> str | None:
    """The one place a message puts the person in, or None (no place, or several that weigh the same).

    The strongest evidence decides: where a helper says the person they write about is ("ma sœur qui vit à Dalian"),
    then where the writer says they are ("I live in Melbourne", "我在休斯顿") over any other mention, then a city
    ("in Manchester") over a country ("my family in China"), a country over a demonym or an origin ("I'm French", "a
    student from China"); platforms and institutions used only in one place count when no place is named at all (a
    Chinese student in London who mentions WeChat is in the UK); where a site is hosted ("site hébergé aux USA")
    counts last. Within one level, the place named most often wins; of two places named as cities or as countries, one
    named as where the person who did it is ("my ex in Leeds") gives way when that leaves the other ahead (`_OTHERS`);
    a tie stays unknown, and the person is asked.
    """
    named = _named(text)
    unread: list[bool] = []  # whether the writer lives somewhere Recourse does not read, worked out once if asked

    def lives_unread() -> bool:
        if not unread:
            unread.append(_lives_where_unread(text, named))
        return unread[0]

    for level in ("theirs", "self", "cities", "countries", "demonyms", "hints", "sites"):
        if level == "demonyms" and lives_unread():
            continue
        counts = _mentions(text, level, named)
        if not counts:
            continue
        if level in ("cities", "countries") and (len(counts) > 1 or lives_unread()):
            without = _mentions(text, level, named, others=False)
            if not without and lives_unread():
                # "I moved to Thiers for work. My ex back in Ohio posted ...": the only place named is the ex's, and
                # the writer says they live somewhere Recourse does not read: not the ex's place, and they are asked
                continue
            if len(counts) > 1 and without and (most := _most(without)) is not None:
                return most  # only when it leaves one place ahead
        return _most(counts)
    return None


# The writer says where they live and names a place Recourse does not read ("Française, je vis à Moruya", "I'm
# British but I live in Quebec"): their nationality is then where they come from, not where they are, and the person
# is asked rather than given their country of origin's numbers. The name must be capitalised, as names are.
_LIVES_AT = re.compile(
    r"(?i:\b(?:i live|we live|i['’]?m based|(?:i|we)(?:['’]?ve| have) (?:lived|been living)|j['’]?habite|je vis|"
    r"je réside|nous (?:vivons|habitons)|on (?:vit|habite))(?: (?:now|currently|maintenant|actuellement))?)"
    r"\s+(?i:in|à|a|au|aux|en)\s+(?P<name>[A-ZÀ-Ý][\w'’-]+)"
    # "I'm American and moved to Thiers for work": where the writer moved to is where they live
    r"|(?i:\b(?:i|i['’]m|i am|we)\b" + _GAP + r"\bmoved(?: here| over| back)? to)\s+(?P<moved>[A-ZÀ-Ý][\w'’-]+)")


def _lives_where_unread(text: str, named: dict[str, tuple[list[Span], list[Span]]]) -> bool:
    """Whether the writer says they live at a named place that no place, city or town Recourse reads covers."""
    spans = [(m.start(), m.end()) for cities, countries in named.values() for m in (*cities, *countries)]
    return any(not any(s <= said.start(said.lastgroup) < e for s, e in spans) for said in _LIVES_AT.finditer(text))


def _most(counts: dict[str, int]) -> str | None:
    """The place named most often; a place that includes another (France, the EU) takes its mentions."""
    counts = dict(counts)
    for code in list(counts):
        for included in places()[code].includes:
            counts[code] += counts.pop(included, 0)
    top = max(counts.values())
    leaders = {code for code, n in counts.items() if n == top}
    return _one(leaders) if len(leaders) > 1 else next(iter(leaders))


def member_states(text: str) -> frozenset[str]:
    """The members a text names: EU member states ("BE" for "en Belgique", "Bruxelles", "Child Focus") and the UK's
    nations with their own law ("SCT" for "Glasgow")."""
    return _members(text)


@lru_cache(maxsize=16384)
def _members(text: str) -> frozenset[str]:
    listed = {member for place in places().values() for member, pattern in place.members.items()
              if pattern.search(text)}
    return frozenset(listed | {town.member for town in towns(text) if town.member})


def own_places(jurisdiction: str) -> set[str]:
    """The places whose guidance counts as the person's own: theirs, and the ones it includes (EU for France)."""
    place = places().get(jurisdiction)
    return {jurisdiction, *(place.includes if place else ())}


def foreign_places(text: str, jurisdiction: str | None, members: frozenset[str] | None = None) -> set[str]:
    """The places other than the person's own that a line of an answer is about (empty when the place is unknown).

    With `members` (the member states the person's message names), a line about one EU member state ("In Belgium,
    Child Focus ...") is another place's for a person in the EU or in France whose message does not name it: the EU
    is one place in Recourse, but Belgium's bodies are not Portugal's. The UK's nations with their own law
    (Scotland, Northern Ireland) are members of the UK in the same way.
    """
    if not jurisdiction or jurisdiction == "GLOBAL":
        return set()
    own = own_places(jurisdiction)
    found = marked_jurisdictions(text) - own
    nations = _nations(jurisdiction)
    if members is not None and nations:
        found |= (member_states(text) & nations) - members
        if members & nations:
            # A person in Glasgow or Derry: a line about the rest of the UK ("In England and Wales, section 66B ...")
            # is not their law; their own nation's line is (is-it-a-crime's Scotland and Northern Ireland lines).
            rest = places()[jurisdiction].rest if jurisdiction in places() else None
            if rest is not None and rest.search(text):
                found = found | {jurisdiction}
    return found


@lru_cache(maxsize=64)
def _nations(jurisdiction: str) -> frozenset[str]:
    """The members of the person's own places (the EU's member states for France, Scotland for the UK)."""
    return frozenset(member for code in own_places(jurisdiction) if code in places()
                     for member in places()[code].members)


def check_jurisdiction(value: object) -> str | None:
    """A place code a caller passed (the API, the chat's place, a JSONL row), checked against JURISDICTIONS.

    Empty means "not said" (None). Anything else that is not a known code raises ValueError, so an unknown value is
    never searched for, answered about or written to the log; the error names the allowed codes, never the value.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str) and value in JURISDICTIONS:
        return value
    raise ValueError(f"jurisdiction must be one of {', '.join(JURISDICTIONS)}, or empty")


def without_towns(text: str) -> str:
    """The text with the gazetteer's towns it names taken out ("my dorm in Tunxi district." -> "my dorm in ."): what
    is left says what happened, for reading the situation."""
    found = towns(text)
    if not found:
        return text
    kept = [True] * len(text)
    for town in found:
        kept[town.start():town.end()] = [False] * (town.end() - town.start())
    return re.sub(r"\s+", " ", "".join(c for c, keep in zip(text, kept, strict=True) if keep)).strip()
