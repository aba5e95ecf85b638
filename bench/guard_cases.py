"""Build the guard's test set: hand-written faithful rewrites of real passages, and faults injected into them.

    .venv/bin/python bench/guard_cases.py          # writes tests/data/guard_cases.jsonl

The faithful rewrites (tests/data/guard_faithful.yaml) name their passages by document and a piece of text; the
passages are read from the knowledge base as the index cuts them, so the cases are the texts a citation would carry.
Each fault is made from a faithful rewrite by one change a model could make (a digit of a phone number, an article of
another law, a URL or deadline it invented, an amount changed, a marker to a missing citation, a sentence in another
language, a sentence cited to an unrelated passage, a sentence with no marker, a date changed), plus hand-made ones
(tests/data/guard_faults.yaml). Deterministic: the same knowledge base gives the same file (a test checks it).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.generate.guard import _LAW, _URL, MARKER, _number_forms  # noqa: E402
from assistant.knowledge.chunking import chunk_document  # noqa: E402
from assistant.knowledge.documents import load_documents  # noqa: E402

DATA = ROOT / "tests" / "data"
FAITHFUL = DATA / "guard_faithful.yaml"
HAND_FAULTS = DATA / "guard_faults.yaml"
CASES = DATA / "guard_cases.jsonl"

INVENTED = {  # one sentence per language stating what no passage says, cited to passage 1
    "url": {"en": "You can also report it at https://www.report-abuse-now.org [1].",
            "fr": "Vous pouvez aussi signaler sur https://www.signalement-victimes.fr [1].",
            "zh": "你也可以在 https://www.jubao-help.cn 举报[1]。"},
    "deadline": {"en": "The platform must remove it within 72 hours [1].",
                 "fr": "La plateforme doit le retirer sous 72 heures [1].",
                 "zh": "平台必须在 72 小时内删除[1]。"},
    "amount": {"en": "The fine can reach 30 000 € [1].",
               "fr": "L'amende peut atteindre 30 000 € [1].",
               "zh": "罚款最高可达 30 000 €[1]。"},
}
OTHER_LAWS = ("226-4-1", "66E", "227-23", "2252A", "33", "364", "1019", "17", "81")
OTHER_LANGUAGE = {"zh": "en", "en": "fr", "fr": "en"}


def passages_by_anchor() -> dict[tuple[str, str], str]:
    """Every passage of the knowledge base, found by (document id, a piece of its text)."""
    docs, _ = load_documents(ROOT / "knowledge")
    return {(d.meta.id, c.text): c.text for d in docs for c in chunk_document(d) if c.metadata.get("kind") != "example"}


def resolve(cite: list[list[str]], chunks: dict[tuple[str, str], str]) -> list[str]:
    found = []
    for doc_id, anchor in cite:
        texts = [text for (doc, text) in chunks if doc == doc_id and anchor in text]
        if not texts:
            raise SystemExit(f"no passage of {doc_id} holds {anchor!r}")
        found.append(texts[0])
    return found


def _case(base: dict, passages: list[str], text: str, fault: str, expect: str, suffix: str = "") -> dict:
    return {"id": base["id"] + (f":{fault}{suffix}" if fault != "none" else ""), "language": base["lang"],
            "question": base["question"], "passages": {str(i): p for i, p in enumerate(passages, 1)}, "text": text,
            "fault": fault, "expect": expect}


def _sentence_spans(text: str) -> list[str]:
    """The case's sentences as written, each with its marker (for swapping one of them)."""
    pieces = re.findall(r".*?\[\d+\][.。!?！？]?\s*", text, flags=re.S)
    return [p for p in pieces if p.strip()]


def _change_digit(run: str, forbidden: set[str]) -> str | None:
    """`run` with one digit changed, so that it is a number the passages do not hold."""
    positions = [i for i, ch in enumerate(run) if ch.isdigit()]
    for i in reversed(positions):
        for step in (1, 2, 3):
            changed = run[:i] + str((int(run[i]) + step) % 10) + run[i + 1:]
            if re.sub(r"\D", "", changed) not in forbidden:
                return changed
    return None


def faults(base: dict, passages: list[str], others: dict[str, dict], unrelated: str) -> list[dict]:
    text, lang = base["text"], base["lang"]
    numbers = set().union(*(_number_forms(p) for p in passages))
    out: list[dict] = []
    # A phone number with one digit changed (runs of 3+ digits that are not years, dates, laws or inside URLs).
    masked = _URL.sub(lambda m: " " * len(m.group()), _LAW.sub(lambda m: " " * len(m.group()), text))
    masked = re.sub(r"\d{4}-\d{2}-\d{2}|\b(?:19|20)\d{2}\b", lambda m: " " * len(m.group()), masked)
    phone = next((m for m in re.finditer(r"\d[\d ]{1,}\d", masked) if len(re.sub(r"\D", "", m.group())) >= 3), None)
    if phone:
        changed = _change_digit(phone.group(), numbers)
        if changed:
            out.append(_case(base, passages, text[:phone.start()] + changed + text[phone.end():], "phone_digit", "fail"))
    # An article of another law.
    law = _LAW.search(text)
    if law:
        ident = next(g for g in law.groups() if g)
        other = next(o for o in OTHER_LAWS if o.upper() != ident.upper() and o not in " ".join(passages))
        start, end = law.span(law.groups().index(ident) + 1)
        out.append(_case(base, passages, text[:start] + other + text[end:], "law_other", "fail"))
    # A URL not in the passages: a real one's domain changed, or one invented.
    url = _URL.search(text)
    if url:
        fake = re.sub(r"(\.[a-z]+)(/|$)", r"-help\1\2", url.group(), count=1)
        out.append(_case(base, passages, text[:url.start()] + fake + text[url.end():], "url_invented", "fail"))
    else:
        out.append(_case(base, passages, text + " " + INVENTED["url"][lang], "url_invented", "fail"))
    # A marker to a citation that does not exist.
    last = list(MARKER.finditer(text))[-1]
    out.append(_case(base, passages, text[:last.start()] + f"[{len(passages) + 3}]" + text[last.end():],
                     "marker_missing", "fail"))
    # One sentence in another language (the same passage's rewrite in that language).
    other = others.get(OTHER_LANGUAGE[lang])
    if other:
        mine, theirs = _sentence_spans(text), _sentence_spans(other["text"])
        if len(mine) > 1 and len(theirs) > 1:
            swapped = mine[:1] + [theirs[1].strip() + (" " if lang != "zh" else "")] + mine[2:]
            out.append(_case(base, passages, "".join(swapped).strip(), "wrong_language", "fail"))
    # The sentence with the fewest facts cited to an unrelated passage (added as the next number).
    spans = _sentence_spans(text)
    pick = min(range(len(spans)), key=lambda i: (len(re.findall(r"\d", spans[i])), i))
    recited = MARKER.sub(f"[{len(passages) + 1}]", spans[pick])
    out.append(_case(base, [*passages, unrelated], "".join(spans[:pick] + [recited] + spans[pick + 1:]).strip(),
                     "unrelated_passage", "fail"))
    # A deadline made up (an existing one changed, else one added).
    deadline = re.search(r"(\d+)(\s*(?:hours?|heures?|小时|days?|jours?|日|天))", text)
    if deadline:
        changed = str(int(deadline.group(1)) * 2 + 1)
        out.append(_case(base, passages, text[:deadline.start(1)] + changed + text[deadline.end(1):], "deadline_invented",
                         "fail"))
    else:
        out.append(_case(base, passages, text + " " + INVENTED["deadline"][lang], "deadline_invented", "fail"))
    # An amount changed, or one added.
    amount = re.search(r"\d[\d ]*(?=\s*(?:€|yuans?|元|penalty units|个罚款单位))", text)
    if amount:
        changed = _change_digit(amount.group(), numbers)
        out.append(_case(base, passages, text[:amount.start()] + changed + text[amount.end():], "amount_changed", "fail"))
    else:
        out.append(_case(base, passages, text + " " + INVENTED["amount"][lang], "amount_changed", "fail"))
    # A sentence without a marker.
    first = spans[0]
    out.append(_case(base, passages, (MARKER.sub("", first).replace(" .", ".").replace("  ", " ") + "".join(spans[1:]))
                     .strip(), "uncited", "fail"))
    # A date changed.
    date = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if date:
        month = int(date.group(2)) % 12 + 1
        out.append(_case(base, passages, text[:date.start(2)] + f"{month:02d}" + text[date.end(2):], "date_changed",
                         "fail"))
    return out


def build_cases() -> list[dict]:
    chunks = passages_by_anchor()
    faithful = yaml.safe_load(FAITHFUL.read_text(encoding="utf-8"))
    resolved = {case["id"]: resolve(case["cite"], chunks) for case in faithful}
    by_topic: dict[str, dict[str, dict]] = {}
    for case in faithful:
        by_topic.setdefault(case["id"].rsplit("-", 1)[0], {})[case["lang"]] = case
    cases: list[dict] = []
    for base in faithful:
        passages = resolved[base["id"]]
        cases.append(_case(base, passages, base["text"], "none", "pass"))
        same_language = [c for c in faithful if c["lang"] == base["lang"]]
        unrelated = resolved[same_language[(same_language.index(base) + 5) % len(same_language)]["id"]][0]
        cases.extend(faults(base, passages, by_topic[base["id"].rsplit("-", 1)[0]], unrelated))
    by_id = {case["id"]: case for case in faithful}
    for hand in yaml.safe_load(HAND_FAULTS.read_text(encoding="utf-8")):
        base = by_id[hand["base"]]
        cases.append(_case(base, resolved[base["id"]], hand["text"], hand["fault"], "fail", suffix=f"-{hand['n']}"))
    return cases


def main() -> None:
    cases = build_cases()
    CASES.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    faults = sum(c["expect"] == "fail" for c in cases)
    print(f"{len(cases)} cases ({len(cases) - faults} faithful, {faults} faults) -> {CASES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
