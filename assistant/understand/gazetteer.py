"""Towns `places.yaml` does not name, read from GeoNames' list (`gazetteer.tsv`, made by bench/make_gazetteer.py).

Why: the hand-made list holds the cities people named in the messages we have seen; a person in Toowoomba, Pessac,
Getafe or 图文巴 is as sure of where they are, and was read as being nowhere, so shown every country's lines. The
gazetteer holds every town of 15,000 people or more in the covered places (50,000 until 2026-12-05, when a person in
Mildura or Dubbo was read as nowhere), minus the names that are also words, and the towns of 5,000 or more whose name
is nothing else (since 2026-12-06: Nowra, Broome, Port Pirie, Enniskillen), the towns of 1,000 or more whose name is
nothing else, read only capitalised (since 2026-12-07: Tenterfield, Roxby Downs, Kalbarri), and China's county- and
prefecture-level divisions GeoNames gives no Chinese name (since 2026-12-07: 乐清, 敦化, 邳州, 忠县), and the short
forms of towns' names that are nothing else (since 2026-12-07: "Le Touquet" for Le Touquet-Paris-Plage, "Sarlat",
"Bad Soden"), read only capitalised unless one word that is nothing else ("romorantin", as a teenager types it).

A town is read only where a message puts someone there: after "in", "near", "from", "à", "près de", "sur", 在, 住,
来自, 坐标, 是 ... ("I'm in Getafe", "j'habite à Pessac", "我在图文巴", "坐标Kendal", "我是安庆一所高校的老师"), or first in
the message before a stop or before Chinese text ("Geraldton。", "Mildura here, ...", "上饶。...", "宿迁的。", "mount gambier 他刚
..."), or, for a Chinese name of three characters or more, anywhere. A bare word that happens to be
a town's name elsewhere in a message ("Bexley" as a surname) says nothing. A name that is also, less often, a word
("Mackay", "Knoxville"; "shoreline") is read only when capitalised. A name that is above all a word (Lens, Bath, Gap,
Sens), and that no town elsewhere goes by, is read only capitalised right after words that say the person lives there.
`places.yaml` is read first and wins: the gazetteer only fills its gaps.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from assistant.vocabulary import CJK

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.tsv")


@dataclass(frozen=True)
class Town:
    """One town named in a text, shaped like a regex match (start, end, group) so the place rules read it as one."""

    text: str
    begin: int
    finish: int
    place: str  # the covered place: CN, US, UK, AU, FR, EU
    member: str  # the EU member state (DE, ES, ...) or the UK nation with its own law (SCT, NIR), or ""
    # "cased": read only when written with a capital letter (a name that is also, less often, a word: Mackay);
    # "resident": also a common word (Lens, Bath, Gap): read only capitalised right after words that say the person
    # lives there ("I live in Lens", "j'habite à Gap", "我是Lens一所初中的老师"), and in Chinese only before Chinese text
    mark: str = ""

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.text[self.begin:self.finish]


@cache
def _table() -> tuple[dict[str, tuple[str, str, str]], int]:
    """Each name (lower case, NFKC) -> (place, member, mark), and the most words a Latin name has."""
    table: dict[str, tuple[str, str, str]] = {}
    for number, line in enumerate(GAZETTEER_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) not in (3, 4) or fields[3:] not in ([], ["cased"], ["resident"]):
            raise ValueError(f"{GAZETTEER_FILE}:{number}: expected name, place, member and optionally 'cased' or "
                             "'resident', tab-separated")
        table[_key(fields[0])] = (fields[1], fields[2], "".join(fields[3:]))
    words = max((len(name.split()) for name in table if not CJK.search(name)), default=1)
    return table, words


# Words after which a place's name says where someone is, lives or comes from; in Chinese, the same characters as
# before a Chinese name ("我在Knoxville", "住在Mackay", "来自Spokane", "坐标Kendal", "我是Missoula一家庇护所的社工"); and
# French "habiter" with no "à", as often written ("J'habite Pierrelatte").
_LATIN_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|near|around|outside|from|at|to|à|a|au|en|près de|pres de|sur|vers|depuis|du côté de|de"
    r"|habite|habites|habitons|habitez|habitent)\s+"
    # "我在设得兰的Lerwick", "住在澳洲的Toowoomba", "在匈牙利Tiszaújváros": a region, then the town
    r"|\bd['’]|(?:[在住][\u4e00-\u9fff]{1,6}的?|[在住到去从回于是]|来自|坐标)\s*"
    # "i live guisborough", "we living Leeds": the preposition left out, as many who learnt English later write
    r"|\b(?:i|we)\s+(?:live|living|stay|staying)\s+)")
# A district or suburb, then its town, as addresses are written: "we teach in Yuetang district, Xiangtan", "in
# Bentleigh East, Melbourne". The town after the comma is read only capitalised.
# Not after "a" (the English article: "a Chinese student, Xiangtan born" says nothing of where she is).
# The words before it in any case ("In Yuhu district, Xiangtan" opening a message), as in _LATIN_BEFORE.
_ADDRESS = re.compile(r"\b(?i:in|at|near|à)\s+[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*,\s*")
_CONTRACTED = {"au": "le "}  # "au Touquet" is "à Le Touquet" ("du" and "aux" are not cues: see _LATIN_BEFORE)
_OPENING = re.compile(r"\s*")  # the message's first word
# A capitalised Latin name right after a Chinese character, with no cue word: "我刚入职Bridport的一家公司", "在瑞典Visby读研".
# Chinese holds no Latin words of its own, so a town's name typed there is the town (the brands and apps people name,
# Telegram, Pornhub, Soul, are no town's name the gazetteer keeps). Read only capitalised, and only before Chinese
# text, a stop or the end: a name, not the first word of an English phrase.
_AFTER_CJK = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Z])")
# A town's own police, court or council named after it ("Pocatello police said it's a civil matter", "the Leeds
# police"): as sure a place as "I'm in", at a sentence's start or after "the" before a capitalised name.
_BODIES = r"(?i:police|cops|pd|sheriff|constabulary|court|council)\b"
_LOCAL_BODY = re.compile(rf"\s+{_BODIES}")
_THE_BEFORE_BODY = re.compile(rf"\b[Tt]he\s+(?=[A-Z]\S*(?:\s+[A-Z]\S*)?\s+{_BODIES})")
_SENTENCE_OPENING = re.compile(r"(?<=[.!?。！？\n])[ \t]*")  # a later sentence's first word
# A stop, an aside that says the town is where the writer is ("Reno here", "coatbridge btw", "hazebrouck au fait"), or
# the message's end: "... what do i do. wrexham" signs off with the town.
_STOP_AFTER = re.compile(r"\s*(?:[,，。.:：;；!！?？\n]|-\s|–|—|\s+(?:here|ici|btw|fyi|by the way|if that matters|"
                         r"if it matters|if that helps|au fait|d['’]ailleurs|si ça compte|si ca compte)\b|$)", re.I)
# A US town's name followed by its state's two letters, as Americans write it ("bisbee az", "Ketchikan, AK"): the
# letters say the name is a US town even with no cue word before it, in any case for the codes that are no common
# word; the codes that are also words ("ma", "or", "me", "in", "la") only in capitals after a capitalised town, as
# addresses write them ("Topsfield MA", "Salem, OR": group `caps`). The name's last word ends just before them.
_STATE_AFTER = re.compile(r",?[ \t]+(?:(?i:az|ak|fl|ga|ks|ky|mn|nc|nd|nh|nj|nv|ny|ri|tn|tx|vt|wv|wy)"
                          r"|(?P<caps>AL|AR|CA|CO|CT|DE|DC|HI|ID|IL|IN|IA|LA|ME|MD|MA|MI|MS|MO|MT|NE|NM|OH|OK|OR|"
                          r"PA|SC|SD|UT|VA|WA|WI))\b")
_BLANK_THEN_CJK = re.compile(r"[ \t\u3000]+[\u4e00-\u9fff]")
_CJK_NEXT = re.compile(r"\s*[\u4e00-\u9fff]")  # a Latin name opening a Chinese message: "mount gambier 他刚..."
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-ž][0-9A-Za-zÀ-ÿĀ-ž_'’.-]*")  # Latin letters only: "Knoxville的" ends at 的
# The words that say the person lives in the town, just before a name that is also a common word.
_RESIDENT_BEFORE = re.compile(
    r"(?i)(?:\b(?:live|lives|living|lived|based|grew\s+up|moved|moving|settled|reside|residing)\s+(?:in|to|at)"
    r"|\b(?:i['’]?m|i\s+am|we['’]?re|we\s+are)\s+from"
    r"|\b(?:j['’]?|on\s+)?habit(?:e|ons|ez|ent)\s+(?:à|a)"
    # where the person works or studies, and "I'm a nurse in", "je suis assistante sociale à": a town as sure
    r"|\b(?:work|works|working|worked|study|studies|studying)\s+(?:in|at)"
    r"|\b(?:travaill|bosse|étudi|etudi)\w*\s+(?:à|a)"
    r"|\b(?:i['’]?m\s+an?|i\s+am\s+an?|je\s+suis|j['’]?suis)(?:\s+[^\s.,;!?]+){1,3}\s+(?:in|at|à|a)"
    r"|\b(?:(?:je\s+|j['’]?)vis|on\s+vit|nous\s+vivons|vivons|vivez|vivent|réside|résidons|(?:je\s+|j['’]?)suis|chuis"
    r"|on\s+est)\s+(?:à|a)"
    r"|住在|家在|生活在|来自|我在|我们在|我是|坐标)\s*$")
# The writer's own "I'm in" right before a name typed in lower case: "im in harlow", "im 14 in ogden". As sure as "I
# live in" for a name that is less often a word (Harlow, Waco), not for one that is above all a word ("im in bath").
_SELF_IN = re.compile(r"(?i)\b(?:i['’]?m|im|i\s+am|we['’]?re|we\s+are)(?:\s+\d{1,2})?\s+(?:in|at)\s+$")
_CUE_REACH = 48  # characters before a name in which those words are looked for: "je suis assistante sociale à "
# "we moved to deal with it", "I work at home", "je suis sûre qu'il a gap": after these, lower case says no town (one
# word between "je suis" and "à" is the writer's state, not another clause: "je suis seule à mauriac" is read)
_MOVED = re.compile(r"(?i)(?:moved|moving|settled|work|stud|travaill|bosse|étudi|etudi|i['’]?m\s+an?\s|i\s+am\s+an?\s"
                    r"|(?:je\s+|j['’]?)suis\s+\S+\s+\S+\s+\S)")
_CJK_BEFORE = "在住到去从回于是"  # 是: "我是安庆人", "我是安庆一所高校的老师"
_CJK_BEFORE_TWO = ("来自", "坐标")  # "from", and "located:" as people sign off a post ("坐标信阳")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_CJK_CHARS = re.compile(r"[\u4e00-\u9fff]")
_LATIN_LETTERS = re.compile(r"[A-Za-zÀ-ÿĀ-ž]")


def _key(name: str) -> str:
    """A name as looked up: NFKC, lower case, a hyphen read as a space ("saint brieuc" as typed on a phone is
    GeoNames' Saint-Brieuc, "stoke on trent" Stoke-on-Trent)."""
    return " ".join(unicodedata.normalize("NFKC", name).lower().replace("-", " ").split())


def _lives_in(text: str, start: int, name: str) -> bool:
    """A name that is also a word is the town when capitalised just after "I live in", "j'habite à", 住在 ..., or in
    lower case after those words that are not "moved to" ("on est a lens", not "we moved to deal with it"); after
    Chinese words only before Chinese text or a stop ("我在Reading读研", not "我在Mobile Legends里")."""
    cue = _RESIDENT_BEFORE.search(text[max(0, start - _CUE_REACH):start])
    if cue is None:
        return False
    if not (name[0].isupper() and name[1:2].islower()) and (CJK.search(cue.group()) or _MOVED.match(cue.group())):
        return False
    return not CJK.search(cue.group()) or bool(_CJK_NEXT.match(text, start + len(name))
                                                or _STOP_AFTER.match(text, start + len(name))
                                                or start + len(name) == len(text))


def towns(text: str) -> tuple[Town, ...]:
    """The gazetteer's towns a text names where it puts someone there, in order."""
    return _towns(text)


@lru_cache(maxsize=16384)
def _towns(text: str) -> tuple[Town, ...]:
    table, most_words = _table()
    found: list[Town] = []
    # A message that opens with a town's name and a stop ("Bathurst。 ...", "Warrnambool - he posted ...", "Reno
    # here") says where the writer is, as "I'm in" does: the same reading from the message's first word, kept only then.
    # So does a sentence that is only a town's name, anywhere ("... taken off last month. kilmarnock. how do i ...").
    openings = [_OPENING.match(text), *_SENTENCE_OPENING.finditer(text), *_THE_BEFORE_BODY.finditer(text)]
    addresses = [*_ADDRESS.finditer(text)]
    after_cjk = [*_AFTER_CJK.finditer(text)]
    for cue in [*openings, *_LATIN_BEFORE.finditer(text), *addresses, *after_cjk]:
        words = []
        position = cue.end()
        while len(words) < most_words:
            word = _LATIN_WORD.match(text, position)
            if word is None:
                break
            words.append(word)
            position = word.end()
            gap = re.match(r"[ \t-]+", text[position:])
            if gap is None:
                break
            position += gap.end()
        # "au Touquet": French joins "à" with the article that opens the town's name (Le Touquet)
        article = _CONTRACTED.get(cue.group().strip().lower(), "")
        for count in range(len(words), 0, -1):  # the longest name first: "East Kilbride", not "East"
            start, end = words[0].start(), words[count - 1].end()
            name = text[start:end].rstrip(".'’")
            # A name that is also a word is read only when capitalised ("in Mackay", not "near the shoreline"),
            # except after a Chinese cue: "住bakersfield" holds no English word, only a name typed in lower case.
            # A name that is above all a word only where the person says they live there (`_lives_in`), which also
            # reads a "cased" name typed in lower case ("je suis a saint etienne").
            if ((hit := table.get(_key(name)) or (table.get(_key(article + name)) if article else None))
                    and not CJK.search(name)
                    and (_lives_in(text, start, name) if hit[2] == "resident"
                         else name[0].isupper() or not hit[2] or CJK.search(cue.group())
                         or _lives_in(text, start, name) or bool(_SELF_IN.search(text[max(0, start - 16):start])))):
                if cue in addresses and not name[0].isupper():
                    break
                if cue in after_cjk and not (name[0].isupper() and (_STOP_AFTER.match(text, start + len(name))
                                                                  or _CJK_NEXT.match(text, start + len(name)))):
                    break
                if cue in openings and not (_STOP_AFTER.match(text, start + len(name))
                                           or _CJK_NEXT.match(text, start + len(name))
                                           or _LOCAL_BODY.match(text, start + len(name))):
                    break  # "Bathurst said he would post it": a name, not a place
                found.append(Town(text, start, start + len(name), *hit))
                break
    for state in _STATE_AFTER.finditer(text):
        offset = max(0, state.start() - 40)
        words = [*_LATIN_WORD.finditer(text[offset:state.start()])]
        for count in range(min(most_words, len(words)), 0, -1):  # the longest name first: "Sioux Falls", not "Falls"
            start, end = offset + words[-count].start(), offset + words[-1].end()
            if end != state.start() or re.search(r"[^A-Za-zÀ-ÿĀ-ž'’. -]", text[start:end]):
                continue
            if state.group("caps") and not text[start].isupper():
                continue
            hit = table.get(_key(text[start:end]))
            if hit and hit[0] == "US" and hit[2] != "resident" and not any(t.begin == start for t in found):
                found.append(Town(text, start, end, *hit))
                break
    first = len(text) - len(text.lstrip())  # where the message's first word starts
    # A Chinese name standing alone in a message written in Latin letters ("je suis en voyage à 盘锦", "I'm in 威海
    # now") is a name: the words it could also be are Chinese text around it.
    latin_message = len(_CJK_CHARS.findall(text)) * 2 < len(_LATIN_LETTERS.findall(text))
    for run in _CJK_RUN.finditer(text):
        chars = run.group()
        i = 0
        while i < len(chars):
            after_cue = (i > 0 and chars[i - 1] in _CJK_BEFORE) or chars[max(0, i - 2):i] in _CJK_BEFORE_TWO
            for length in range(min(8, len(chars) - i), 1, -1):
                # or the message opens with the name and a stop: "上饶。去年 ...", "天水，..."
                # ("宿迁的。": "from 宿迁", the same opening with 的 before the stop)
                after = run.start() + i + length
                # or a blank, as many type instead of a stop: "商丘 偷拍视屏又被传了"
                # ("阳江的 照片被...": the same with 的 before the blank)
                of = after + (text[after:after + 1] == "的")
                opens = run.start() + i == first and bool(_STOP_AFTER.match(text, of) or _BLANK_THEN_CJK.match(text, of))
                alone = latin_message and length == len(chars)
                if (length >= 3 or after_cue or opens or alone) and (hit := table.get(chars[i:i + length])):
                    found.append(Town(text, run.start() + i, run.start() + i + length, *hit))
                    i += length - 1
                    break
            i += 1
    return tuple(sorted(found, key=lambda town: town.begin))
