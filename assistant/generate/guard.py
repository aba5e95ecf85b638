"""The guard: decides, offline and deterministically, whether a generated answer may be shown.

A generated sentence is shown only when it cites a passage that holds every fact it states (phone numbers, URLs,
e-mails, law articles, amounts, dates, deadlines, any other number, and names written as acronyms or CamelCase) and that
it is close to in meaning (cosine of the service's embedding model above a measured floor). Every sentence must cite;
no marker may point outside the citation list; every sentence must be in the person's language; the whole must fit the
phone budget. One failure anywhere and the grounded answer is shown instead: a frightened person must never be sent to
a wrong number or a law that does not exist. The checks are pure functions; the embedding is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.understand.language import detect_language
from assistant.vocabulary import CJK

Embed = Callable[[Sequence[str]], np.ndarray]  # texts -> unit-length rows

MARKER = re.compile(r"\[(\d+)\]")
_MARKERS = re.compile(r"(?:\s*\[\d+\])+")
_CITED = re.compile(r"(.*?)((?:\s*\[\d+\])+)[.。!?！？]*", re.S)  # a stretch of text and the markers ending it
# A sentence ends at . ! ? followed by a space and a capital (not "art. 226" or "U.S.C. § 2252"), at 。！？, or a line.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«\"“(\[])|(?<=[。！？])|\n+")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_SEP = r"[ \u00a0\u202f.,\-‐‑–—]"  # what people put between digit groups: spaces, dots, dashes
_DIGIT_RUN = re.compile(rf"\d+(?:{_SEP}?\d+)*")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>,;\"'，。）]+|(?<![A-Za-z0-9.@/-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gouv\.fr|gov\.uk|gov\.cn|"
                  r"gov|org|com|net|fr|uk|cn|eu|int|info|be|ch|ca|au|io)(?![a-z0-9-])(?:/[^\s)\]>,;\"'，。）]*)?", re.I)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_LAW = re.compile(r"(?:(?:\b(?:articles?|art\.|sections?|s\.)|§+)\s*(?:L\.?\s*|R\.?\s*)?"
                  r"(\d+[A-Za-z]?(?:-\d+[A-Za-z]?)*)"
                  r"|第\s*(\d+[A-Za-z]?(?:-\d+)*)\s*条"
                  r"|(\d+)\s*U\.?S\.?C\.?\s*§*\s*(\d+[A-Za-z]?))", re.I)
_UNITS = {
    "minute": r"minutes?|mins?|分钟",
    "hour": r"hours?|hrs?|heures?|h\b|小时|个小时",
    "day": r"days?|jours?|天|日内|日",
    "week": r"weeks?|semaines?|周|星期|个星期",
    "month": r"months?|mois|个月|月内",
    "year": r"years?|ans?\b|années?|年",
}
_DEADLINE = re.compile(r"(\d+)\s*(" + "|".join(f"(?P<{k}>{v})" for k, v in _UNITS.items()) + ")", re.I)
_MONTHS = {name: i for i, names in enumerate((
    "january janvier", "february février fevrier", "march mars", "april avril", "may mai", "june juin",
    "july juillet", "august août aout", "september septembre", "october octobre", "november novembre",
    "december décembre decembre"), 1) for name in names.split()}
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"
                   r"|(\d{4})-(\d{2})-(\d{2})"
                   r"|(?:(\d{1,2})(?:er|st|nd|rd|th)?\s+)?(" + "|".join(_MONTHS) + r")\s+(\d{4})"
                   r"|(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),?\s+(\d{4})", re.I)
_AMOUNT = re.compile(r"[€$£¥]\s?\d[\d ,.]*|\d[\d ,.]*\s?(?:€|euros?|dollars?|usd|eur|gbp|pounds?|万元|元|yuan|rmb)",
                     re.I)
_NAME = re.compile(r"(?<![A-Za-z])(?:[A-Z]{2,}[A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*)(?![A-Za-z])")  # CNIL, NCMEC, StopNCII, TikTok
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-eight": 48, "twenty-four": 24,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante-huit": 48, "vingt-quatre": 24,
}
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_WORD_NUMBER = re.compile(r"\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b(?=\s+\w)", re.I)
_ZH_NUMBER = re.compile(r"([一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
                        r"(?=\s*(?:个)?(?:小时|天|日|周|星期|月|年|分钟))")
_COMMENT = re.compile(r"<!--.*?-->", re.S)  # a line's source note: not something a sentence paraphrases
_CLAUSE = re.compile(r"\s*[;；:：]\s+|[；：]")  # "If this happened to you, it is not your fault; the person ..."
MIN_LETTERS_FOR_LANGUAGE = 12  # shorter sentences are too short to judge their language


@dataclass(frozen=True)
class Verdict:
    """The guard's decision: pass or not, the reason tags (logged; never the text), and what each sentence cites."""

    passed: bool
    reasons: tuple[str, ...] = ()
    sentences: tuple[tuple[str, int], ...] = ()  # (sentence without markers, the citation that supports it)
    closeness: tuple[float, ...] = field(default=(), compare=False)  # per sentence and passage it cites


def split_sentences(text: str) -> list[tuple[str, list[int]]]:
    """Sentences with the citation numbers they carry.

    A group of markers ends a sentence (whatever follows it); text before it that holds several sentences gives the
    earlier ones no marker. Text after the last marker is a sentence without one.
    """
    sentences: list[tuple[str, list[int]]] = []
    position = 0
    pieces: list[tuple[str, list[int]]] = []
    for m in _CITED.finditer(text):
        pieces.append((m.group(1), [int(n) for n in MARKER.findall(m.group(2))]))
        position = m.end()
    pieces.append((text[position:], []))
    for body, numbers in pieces:
        parts = [_LIST_MARK.sub("", p).strip() for p in _SENTENCE_END.split(body) if p and p.strip()]
        parts = [p for p in parts if re.search(r"\w", p)]
        for i in range(len(parts) - 1):  # "Yes." / "有。" opening the next sentence is part of it
            if len(re.findall(r"\w", parts[i])) < 4:
                parts[i + 1], parts[i] = f"{parts[i]} {parts[i + 1]}", ""
        parts = [p for p in parts if p]
        for i, part in enumerate(parts):
            sentences.append((part, numbers if i == len(parts) - 1 else []))
        if numbers and not parts and sentences:  # markers after a sentence's own end: "... today. [1]"
            sentences[-1][1].extend(numbers)
    return sentences


def _numbers_in_words(text: str) -> str:
    """'three months', 'trois mois', '三个月' written with digits, so they are checked like '3 months'."""
    text = _WORD_NUMBER.sub(lambda m: str(_NUMBER_WORDS[m.group(1).lower()]), text)

    def zh(m: re.Match) -> str:
        word = m.group(1)
        if "十" in word:
            tens, _, ones = word.partition("十")
            return str(_ZH_DIGITS.get(tens, 1) * 10 + _ZH_DIGITS.get(ones, 0))
        return str(_ZH_DIGITS[word])

    return _ZH_NUMBER.sub(zh, text)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _number_forms(text: str) -> set[str]:
    """Every number a text holds, digits only, each run also cut at its separators ('3018 24h' gives 3018, 24, 301824)."""
    forms: set[str] = set()
    for run in _DIGIT_RUN.findall(text):
        groups = re.split(_SEP, run)
        groups = [g for g in groups if g]
        for i in range(len(groups)):
            for j in range(i + 1, len(groups) + 1):
                forms.add("".join(groups[i:j]))
    return forms


def _plain_url(url: str) -> str:
    url = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
    return url.rstrip("/.")


@dataclass(frozen=True)
class Source:
    """A cited passage, read once: its text lowered, its numbers, deadlines, dates and law articles."""

    text: str
    lower: str
    numbers: frozenset[str]
    deadlines: frozenset[tuple[str, str]]
    dates: frozenset[tuple[int | None, int | None, int | None]]
    laws: frozenset[str]

    @classmethod
    def read(cls, text: str) -> Source:
        words = _numbers_in_words(text)
        return cls(text=text, lower=re.sub(r"https?://|www\.", "", words.lower()),
                   numbers=frozenset(_number_forms(words)), deadlines=frozenset(_deadlines(words)),
                   dates=frozenset(_dates(words)), laws=frozenset(_laws(words)))


def _deadlines(text: str) -> set[tuple[str, str]]:
    return {(m.group(1), next(k for k in _UNITS if m.group(k))) for m in _DEADLINE.finditer(text)}


def _dates(text: str) -> set[tuple[int | None, int | None, int | None]]:
    found = set()
    for m in _DATE.finditer(text):
        g = m.groups()
        if g[0]:
            found.add((int(g[0]), int(g[1]), int(g[2]) if g[2] else None))
        elif g[3]:
            found.add((int(g[3]), int(g[4]), int(g[5])))
        elif g[7]:
            found.add((int(g[8]), _MONTHS[g[7].lower()], int(g[6]) if g[6] else None))
        else:
            found.add((int(g[11]), _MONTHS[g[9].lower()], int(g[10])))
    return found


def _laws(text: str) -> set[str]:
    found = set()
    for m in _LAW.finditer(text):
        if m.group(3):  # 18 U.S.C. § 2252: the title and section, and the section alone
            found.update({f"{m.group(3)}USC{m.group(4).upper()}", m.group(4).upper()})
            continue
        ident = m.group(1) or m.group(2)
        found.add(re.sub(r"[‐‑–—]", "-", ident).upper())
    return found


def fact_problems(sentence: str, source: Source, named: str) -> list[str]:
    """The kinds of fact in `sentence` that `source` does not hold (empty: every fact is there).

    Facts are read from the most specific kind to the least (an e-mail before a URL, a law or date before a bare
    number); each one read is blanked out, so its digits are not read again as another kind. `named` is other text the
    person sees named (their own message): a platform they wrote may be named back to them.
    """
    problems: list[str] = []
    text = _numbers_in_words(sentence)

    def take(pattern: re.Pattern, holds: Callable[[str], bool], kind: Callable[[str], str] | str) -> None:
        nonlocal text
        for m in list(pattern.finditer(text)):
            if not holds(m.group()):
                problems.append(kind if isinstance(kind, str) else kind(m.group()))
        text = pattern.sub(lambda m: " " * len(m.group()), text)

    take(_EMAIL, lambda s: s.lower() in source.lower, "email")
    take(_URL, lambda s: _plain_url(s) in source.lower, "url")
    take(_LAW, lambda s: _laws(s) <= source.laws, "law")
    take(_DATE, lambda s: _dates(s) <= source.dates, "date")
    take(_DEADLINE, lambda s: _deadlines(s) <= source.deadlines, "deadline")
    take(_AMOUNT, lambda s: _digits(s) in source.numbers, "amount")
    take(_DIGIT_RUN, lambda s: _digits(s) in source.numbers, lambda s: "phone" if len(_digits(s)) >= 3 else "number")
    known = named.lower()
    take(_NAME, lambda s: s in ("I", "OK") or s.lower() in source.lower or s.lower() in known, "name")
    return list(dict.fromkeys(problems))


def language_of(sentence: str, language: str) -> str | None:
    """The sentence's language, or None when it is too short to say (numbers, URLs and names do not count)."""
    bare = _NAME.sub(" ", _URL.sub(" ", _EMAIL.sub(" ", sentence)))
    letters = re.findall(r"[^\W\d_]", bare)
    cjk = len(CJK.findall(bare))
    if language == "zh":
        # A Chinese sentence may hold a Latin name; one with no Chinese at all, or mostly Latin words, is not Chinese.
        return "zh" if cjk and cjk / max(len(letters), 1) >= 0.3 else ("other" if len(letters) >= 4 else None)
    if cjk:
        return "zh"
    if len(letters) < MIN_LETTERS_FOR_LANGUAGE:
        return None
    return detect_language(bare, hint=language)


def check(text: str, passages: dict[int, str], language: str, *, embed: Embed, floor: float, max_chars: int,
          named: str = "") -> Verdict:
    """The verdict on a generated answer `text`, whose markers point into `passages` (citation number -> text)."""
    reasons: list[str] = []
    if not text.strip():
        return Verdict(False, ("empty",))
    if len(_MARKERS.sub("", text)) > max_chars:
        reasons.append("too_long")
    sentences = split_sentences(text)
    if not sentences:
        return Verdict(False, ("empty",))
    if any(n not in passages for _, numbers in sentences for n in numbers):
        reasons.append("unknown_marker")
    sources = {n: Source.read(t) for n, t in passages.items()}
    units = {n: _units(t) for n, t in passages.items()}
    chosen: list[tuple[str, int]] = []
    closeness: list[float] = []
    wanted = [(s, [n for n in dict.fromkeys(numbers) if n in passages]) for s, numbers in sentences]
    if any(not cited for _, cited in wanted):
        reasons.append("uncited")
    texts = [s for s, _ in wanted]
    unit_texts = sorted({u for cited in (c for _, c in wanted) for n in cited for u in units[n]})
    vectors = embed(texts + unit_texts) if unit_texts else np.zeros((len(texts), 1), dtype=np.float32)
    row = {u: vectors[len(texts) + i] for i, u in enumerate(unit_texts)}
    for i, (sentence, cited) in enumerate(wanted):
        detected = language_of(sentence, language)
        if detected is not None and detected != language:
            reasons.append("language")
        best: tuple[float, int] | None = None
        problems_seen: list[str] = []
        for n in cited:
            problems = fact_problems(sentence, sources[n], named)
            near = max(float(vectors[i] @ row[u]) for u in units[n])
            if not problems and (best is None or near > best[0]):
                best = (near, n)
            problems_seen.extend(problems)
            closeness.append(near)
        if not cited:  # already failed; name what it states that no passage holds, for the logs
            reasons.extend(fact_problems(sentence, Source.read("\n".join(passages.values())), named))
        elif best is None:  # no cited passage holds all its facts
            reasons.extend(dict.fromkeys(problems_seen))
        else:
            if best[0] < floor:
                reasons.append("far_from_source")
            chosen.append((sentence, best[1]))
    reasons = list(dict.fromkeys(reasons))
    return Verdict(not reasons, tuple(reasons), tuple(chosen) if not reasons else (), tuple(closeness))


def _units(passage: str) -> list[str]:
    """A passage as the pieces a sentence may paraphrase: its lines and sentences, and the whole passage."""
    plain = _COMMENT.sub("", passage)
    lines = [p.strip(" -*•#") for p in _SENTENCE_END.split(plain) if p and len(p.strip()) > 3]
    clauses = [c.strip() for line in lines for c in _CLAUSE.split(line) if len(c.strip()) > 3]
    return list(dict.fromkeys([*lines, *clauses, plain.strip()]))


def closeness(embed: Embed, sentence: str, passage: str) -> float:
    """How close a sentence is to a passage: its cosine with the nearest of the passage's lines (or the whole)."""
    units = _units(passage)
    vectors = embed([sentence, *units])
    return float(max(vectors[0] @ vectors[i] for i in range(1, len(vectors))))
