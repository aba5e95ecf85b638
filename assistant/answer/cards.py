"""Answer cards: find the card for the person's situation, and put its parts together for them.

A card is matched by its example messages (the way people describe the situation), not by its text: a frightened
person writes "he wants 500 or he posts my pics", and the guidance says "sextortion". The composer then does what a
caseworker does: one calm sentence, the answer to the literal question, one ordered list of steps with the person's
own place's (and age's) lines, and the one question whose answer would change the advice. Every line but the first
and the question is quoted from the card and cited.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.documents import Document
from sklearn.linear_model import LogisticRegression

from assistant.answer.compose import Citations, Similarity, is_intro, quotable, shown_heading, tells_of_a_death
from assistant.answer.labels import LabelledQuestion, labels_digest
from assistant.answer.messages import message, speaks_familiar
from assistant.answer.types import Block, ComposedAnswer, Line
from assistant.index.lexical import passage_terms, tokenize
from assistant.index.retrieval import IndexSnapshot
from assistant.knowledge.chunking import ANSWER_SEPARATOR
from assistant.safety.classifier import FeatureConfig, features
from assistant.understand.age import detect_minor
from assistant.understand.audience_model import HELPER_ROLES
from assistant.understand.followup import strip_places
from assistant.understand.gender import for_women_only
from assistant.understand.person import Person
from assistant.understand.place import marked_jurisdictions, member_states, own_places, places
from assistant.understand.platform import named_other_platforms, named_platforms
from assistant.understand.question_kind import verdict_misleads, without_verdict
from assistant.vocabulary import CJK

# A card is used when one of its examples is at least the embedding model's `card_floor` close (cosine) to the message:
# far from every example, the message is about something the cards do not cover, and the reference pages answer it.
# The card is the one the situation model gives most; when the model is unsure (under UNSURE), a card with an example
# at least the model's `near_example` close is taken instead: short messages ("被裸聊敲诈了怎么办") have too few features
# for the model, but one example says the same thing. Chosen on the tuning half of the first-sight batch
# (bench/data/README.md). Until 2026-12-06 a card also needed the model's probability at least 0.30: the messages
# under it got an outline of reference pages, often court news or statute history ("I forwarded a secretly filmed
# video, am I in trouble?" got "If you think you were filmed ..."). Without that bar, on the tuning halves 1-52 and the
# spent hold-outs 1-52: USE 11,476 -> 11,503 and 10,898 -> 10,909 facts, e5 11,073 -> 11,067 and 10,624 -> 10,629
# (0.10: USE 11,491 and 10,910).
UNSURE = 0.35
FEATURES = FeatureConfig(ngram_min=1, ngram_max=4, char_weight=1.0)  # measured: bench/card_model.py
C = 10.0
# A helper's card (written only for people helping someone else: a friend, a parent, school staff) answers "how do I
# help?" whatever happened; a helper who names what happened ("my friend is being blackmailed for money ...") gets the
# card for that situation from the one model, which learns it from the labelled questions. Until 2026-12-07 a second
# model, trained without the helpers' cards, replaced a helper's card with its own at probability 0.4 or more (chosen
# in 2026-12 on tuning halves 1-14, when the model had no labelled questions). On tuning halves 1-56 and the spent
# hold-outs 1-56 (USE) it had come to cost facts at every bar: 0.3 / 0.4 / 0.5 / 0.6 / never -> 12,211 / 12,225 /
# 12,247 / 12,254 / 12,269 of 14,678 and 11,585 / 11,603 / 11,604 / 11,610 / 11,614 of 14,585.
HELPERS = HELPER_ROLES  # the people who write about someone else (understand/audience_model.py)
SHARER = "person-who-shared"
UNDER_18 = "under-18"  # the topic of the cards written for images of someone under 18
MAX_STEPS = 6
# How much the story counts beside the question when an answer of a card is chosen (`answer_relevance`): a little,
# to break a tie when the question says nothing of which answer ("What should I be doing right now?").
STORY_WEIGHT = 0.15
# The situation model's probability, for the message's question alone, of the law card ("is it illegal?") at which the
# law card's answer joins another card's answer when the person's place is unknown (a known place always gets its
# law's line). On the answer batches' tuning halves (1-18, 1,350 questions): 0.3 / 0.5 -> +5 / +1 facts; letting the
# question bring any other card's answer instead was noisy (+16 for 232 answers changed: a short question alone is
# often read as the wrong card).
LAW_QUESTION = 0.3
SAYS_THE_SAME = 0.6  # a reference passage this close (cosine) to the card's answer or steps adds nothing


@dataclass(frozen=True)
class CardMatch:
    """The card chosen for a message, the model's probability for it, and how close its nearest example is."""

    group: str
    probability: float
    similarity: float


def examples_digest(example_ids: list[str], model: str, labels: str = "") -> str:
    """What the situation model depends on: the example messages (their ids hold their text's hash), the embedding
    model, the features, the regularisation and the labelled questions it also learns from (`labels`: their digest,
    "" for none). Equal digests: the same model."""
    parts = [sorted(example_ids), model, FEATURES.__dict__, C] + ([labels] if labels else [])
    payload = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


class SituationModel:
    """Which card's situation a message describes: a logistic regression on the cards' example messages, and on the
    blind questions labelled with the card that answers them (`labels.py`; `labelled`, embedded with `embed` when
    the model is trained, like the examples; left out without `embed`).

    The features are the ones the safety router uses (the message's embedding and its character n-grams), and the
    examples of all three languages train one model: the embedding is multilingual, so a French example helps a
    Chinese message. Measured on the examples (5-fold, 18 cards), it picks the right card 74-80% of the time, where
    the nearest example alone did 35-48% (bench/card_model.py). It is trained once for the examples being served
    (12 s of CPU with 2,693 examples): `kb build` trains it when the examples change and keeps it beside the index
    (`situations-<digest>.npz`, plain arrays), so a running app swapping in a new generation only reads it.
    """

    def __init__(self, snapshot: IndexSnapshot, cache_dir: Path | None = None,
                 labelled: Sequence[LabelledQuestion] = (), embed: Callable[[list[str]], np.ndarray] | None = None):
        ids = [cid for lang in sorted(snapshot.examples) for cid in snapshot.examples[lang][0]]
        cards = {snapshot.records[cid]["metadata"]["group"] for cid in ids}
        # A label for a card this index does not serve (renamed or removed since the labels were made) is dropped.
        extra = [q for q in labelled if q.card in cards] if embed is not None else []
        # Whom each card is written for (its front matter's audience): a card is never given to someone it is not
        # for (the card for people who shared images, to the person in them).
        self.audiences: dict[str, set[str]] = {}
        for record in snapshot.records.values():
            meta = record["metadata"]
            if meta.get("kind") == "card":
                self.audiences.setdefault(meta["group"], set()).update(meta["audience"])
        self.helper_cards = frozenset(g for g, who in self.audiences.items() if who and who <= HELPERS)
        self.sharer_cards = frozenset(g for g, who in self.audiences.items() if SHARER in who)
        # The situations of images of someone under 18 (a card's topic `under-18`, not a card for a helper's role):
        # not for a message that says the person in the images is an adult (a counsellor's 20-year-old client). The
        # card for school staff stays: a lecturer of adult students is still school staff.
        self.minors_cards = frozenset(record["metadata"]["group"] for record in snapshot.records.values()
                                      if record["metadata"].get("kind") == "card"
                                      and UNDER_18 in (record["metadata"].get("topics") or ())) - self.helper_cards
        self.classes: list[str] = []
        self.coef: np.ndarray | None = None
        self.intercept: np.ndarray | None = None
        self._coef_t: np.ndarray | None = None
        if len(cards) >= 2:
            digest = examples_digest(ids, snapshot.generation.model, labels_digest(extra) if extra else "")
            path = cache_dir / f"situations-{digest}.npz" if cache_dir is not None else None
            if path is not None and path.exists():
                self._load(path)
            else:
                texts = [snapshot.records[cid]["text"] for cid in ids] + [q.text for q in extra]
                labels = [snapshot.records[cid]["metadata"]["group"] for cid in ids] + [q.card for q in extra]
                vectors = np.stack([snapshot.vectors[cid] for cid in ids])
                if extra:
                    vectors = np.concatenate([vectors, np.asarray(embed([q.text for q in extra]), dtype=np.float32)])
                matrix = features(texts, vectors, FEATURES)
                self.classes, self.coef, self.intercept = _fit(matrix, labels)
                if path is not None:
                    self._save(path)
        self.snapshot = snapshot
        if self.coef is not None:
            self._coef_t = np.ascontiguousarray(self.coef.T)  # a sparse row times `coef.T` copied it every time
        # Each language's example rows ordered card by card, with where each card's rows start, worked out once (not
        # in a question's time): a card's closest example is then one `maximum.reduceat` over all cards.
        self._example_groups: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
        for language, (example_ids, _) in snapshot.examples.items():
            names = [snapshot.records[cid]["metadata"]["group"] for cid in example_ids]
            groups = sorted(set(names))
            rows = [np.array([i for i, n in enumerate(names) if n == g]) for g in groups]
            starts = np.cumsum([0] + [len(r) for r in rows[:-1]])
            self._example_groups[language] = (groups, np.concatenate(rows), starts)
        # Each card's example rows per language, with the answer each asks for ("" for the card's own examples), for
        # the cards that answer more than one question (their `answers:`).
        self._asked: dict[tuple[str, str], tuple[np.ndarray, list[str]]] = {}
        for language, (example_ids, _) in snapshot.examples.items():
            by_card: dict[str, list[tuple[int, str]]] = {}
            for row, cid in enumerate(example_ids):
                meta = snapshot.records[cid]["metadata"]
                for heading in (meta.get("answer") or "").split(ANSWER_SEPARATOR):
                    by_card.setdefault(meta["group"], []).append((row, heading))
            for group, pairs in by_card.items():
                if any(heading for _, heading in pairs):
                    self._asked[(language, group)] = (np.array([r for r, _ in pairs]), [h for _, h in pairs])

    def _save(self, path: Path) -> None:
        """Plain arrays (no pickle), written whole then renamed, so a reader never sees half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        arrays = {"classes": np.array(self.classes), "coef": self.coef, "intercept": self.intercept}
        with partial.open("wb") as handle:
            np.savez(handle, **arrays)
        partial.replace(path)

    def _load(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as data:
            self.classes = [str(c) for c in data["classes"]]
            self.coef, self.intercept = data["coef"], data["intercept"]

    def probabilities(self, text: str, query: np.ndarray, row=None) -> dict[str, float]:
        """The model's probability for each card (a softmax over the linear scores, as scikit-learn computes it).
        `row`: the message's features, when already made."""
        row = features([text], query[None, :], FEATURES) if row is None else row
        return _softmax(self.classes, np.asarray(row @ self._coef_t).ravel() + self.intercept)

    def match(self, vector: list[float] | np.ndarray, text: str, language: str, floor: float,
              near: float = 1.0, audience: str | None = None, minor: bool | None = None) -> CardMatch | None:
        """The card for the message, when the model is sure enough and an example is near enough; when the model is
        unsure, the card of an example at least `near` to the message. Only cards written for the person's audience
        (when known) compete, and not the cards for under-18s when the message says the person is an adult
        (`minor` False)."""
        if self.coef is None:
            return None
        query = np.asarray(vector, dtype=np.float32)
        by_card = self.probabilities(text, query)
        nearest = self._nearest(query, language)
        barred = {g for g, who in self.audiences.items() if audience not in who} if audience else set()
        if minor is False:
            barred |= self.minors_cards
        if barred:
            by_card = {g: p for g, p in by_card.items() if g not in barred}
            nearest = {g: p for g, p in nearest.items() if g not in barred}
            if not by_card:
                return None
        group = max(by_card, key=lambda g: (by_card[g], g))
        if by_card[group] < UNSURE and nearest:
            if audience != SHARER:
                # Only a model sure of it gives the card for people who shared images to anyone else: its nearest
                # example is often the one that names the asker's role ("I'm a therapist and my client shared ..."),
                # and a social worker helping a victim would be told what to do about images they shared.
                nearest = {g: p for g, p in nearest.items() if g not in self.sharer_cards} or nearest
            closest = max(nearest, key=lambda g: (nearest[g], g))
            if nearest[closest] >= near:
                return CardMatch(closest, by_card.get(closest, 0.0), nearest[closest])
        similarity = nearest.get(group, -1.0)
        if similarity < floor:
            return None
        return CardMatch(group, by_card[group], similarity)

    def match_sentences(self, parts: list[str], vectors: list[list[float]] | np.ndarray, language: str, floor: float,
                        near: float = 1.0, audience: str | None = None, minor: bool | None = None
                        ) -> CardMatch | None:
        """The card of the sentence the model is surest of (`parts`, embedded as `vectors`), each sentence matched as a
        message of its own (`match`), under the same closeness floor. For a long message no card fits as a
        whole. (With the probability bar of 0.30 it had then, measured against 0.5: tuning halves 1-41 +17 facts with
        0.30, +10 with 0.5; the bar is gone since 2026-12-06, see the note above `UNSURE`.)"""
        matches = (self.match(vector, part, language, floor, near, audience, minor)
                   for part, vector in zip(parts, vectors, strict=True))
        found = [m for m in matches if m is not None]
        return max(found, key=lambda m: (m.probability, m.group)) if found else None

    def answer_relevance(self, group: str, language: str, query: np.ndarray | list[float],
                         asked: Callable[[], np.ndarray | None] | None = None) -> Relevance:
        """How close the message is to the question each answer section of a card answers: the nearest of that
        answer's own example messages (`answers:`), or, for a section without any, the nearest of the card's
        examples. A particular answer is chosen only when the message is closer to its examples than to every other
        way of describing the card's situation. Computed only when a card has answers to choose between.

        `asked` gives the vector of the message's question alone (its sentences that end in a question mark): a long
        message is mostly its story ("my daughter is 12, a man on Discord has her photos"), close to the card's
        examples whatever it asks, while its question ("should I delete her account?") is what decides the answer;
        but a question can also say nothing of which answer ("What should I be doing right now?"). When there is one,
        every section's examples are compared with the question and, weighing STORY_WEIGHT, with the story (on the
        tuning halves 4,800 -> 4,801 of 5,872 facts and on the spent hold-outs 4,359 -> 4,363 of 5,556 against the
        question alone; 0.5: 4,800 and 4,366, and the question "should I close her account?" lost to the story)."""
        closest: dict[str, float] = {}

        def relevance(section: Document) -> float:
            if not closest and (language, group) in self._asked:
                rows, headings = self._asked[(language, group)]
                _, matrix = self.snapshot.examples[language]
                question = asked() if asked is not None and any(headings) else None
                values = matrix[rows] @ np.asarray(query, dtype=np.float32)
                if question is not None:
                    asked_values = matrix[rows] @ np.asarray(question, dtype=np.float32)
                    values = STORY_WEIGHT * values + (1 - STORY_WEIGHT) * asked_values
                for heading, value in zip(headings, values.tolist(), strict=True):
                    closest[heading] = max(closest.get(heading, -1.0), value)
            heading = _variant_key(section).rsplit(" > ", 1)[-1]  # a platform= variant answers its section's question
            return closest.get(heading, closest.get("", -1.0))

        return relevance

    def _nearest(self, query: np.ndarray, language: str) -> dict[str, float]:
        """Each card's closest example in the message's language (cosine)."""
        ids, matrix = self.snapshot.examples.get(language, ([], None))
        if not ids:
            return {}
        groups, order, starts = self._example_groups[language]
        closest = np.maximum.reduceat((matrix @ query)[order], starts)
        return dict(zip(groups, closest.tolist(), strict=True))


def _fit(matrix, labels: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """A logistic regression's classes and float32 weights, for the situation model."""
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(matrix, labels)
    return [str(c) for c in model.classes_], model.coef_.astype(np.float32), model.intercept_.astype(np.float32)


def _softmax(classes: list[str], scores: np.ndarray) -> dict[str, float]:
    scores = np.exp(scores - scores.max())
    return dict(zip(classes, (float(p) for p in scores / scores.sum()), strict=True))


def _fits(doc: Document, person: Person) -> bool:
    """A section's qualifiers all hold for this person (an unknown age or audience matches no qualifier)."""
    meta = doc.metadata
    if meta.get("for_audience") and meta["for_audience"] != person.audience:
        return False
    if meta.get("for_age") and meta["for_age"] != {True: "minor", False: "adult"}.get(person.minor):
        return False
    if meta.get("for_place") and meta["for_place"] != "GLOBAL":
        return bool(person.place) and meta["for_place"] in own_places(person.place)
    return True


Relevance = Callable[[Document], float]  # how close an answer section's question is to the message


def _variant_key(doc: Document) -> str:
    """The section a platform= variant replaces (its own, for a plain section)."""
    return doc.metadata.get("varies") or doc.metadata.get("section", "")


def for_their_apps(sections: list[Document], person: Person) -> list[Document]:
    """The card's sections with a `platform=` variant in place of the section it varies (the plain one just above it
    in the card, `varies`) when the message names one of its apps (the variant for the app named first when several
    fit), and without the variants that do not apply. "Telegram was not on the partner lists we found" is for the
    person whose images are on Telegram: it was said to 168 answers about a QQ, WeChat, WhatsApp or Snapchat group
    on the tuning halves 1-68 and the spent hold-outs 1-67, and to none after."""
    variants = [s for s in sections if s.metadata.get("for_platform")]
    if not variants:
        return sections
    order = {app: i for i, app in enumerate(dict.fromkeys(person.apps))}  # each app's first mention
    chosen: dict[str, tuple[int, str]] = {}  # the section varied -> (rank of the app, the variant's apps)
    for doc in variants:
        apps = doc.metadata["for_platform"]
        rank = min((order[a] for a in apps.split(",") if a in order), default=None)
        key = _variant_key(doc)
        if rank is not None and (key not in chosen or rank < chosen[key][0]):
            chosen[key] = (rank, apps)

    def shown(section: Document) -> bool:
        wanted = chosen.get(_variant_key(section), (0, ""))[1]  # "": the plain section, the variant for no app
        return (section.metadata.get("for_platform") or "") == wanted

    return [s for s in sections if shown(s)]


def _pick(sections: list[Document], role: str, person: Person,
          relevance: Relevance | None = None) -> Document | None:
    """The most specific section of a role that fits the person, else the plain one. Of two as specific, the one for
    their place: a friend in Bordeaux asking "what is the offence?" gets "It is an offence (art. 226-1)", not the
    helper's "believe them" written for every place (on the tuning halves, 4 facts more and none fewer). When the
    card answers several questions for that same person (its `answers:`), the one whose question is closest to the
    message."""
    fitting = [s for s in sections if s.metadata.get("role") == role and _fits(s, person)]

    def specificity(section: Document) -> tuple[int, bool]:
        qualified = sum(bool(section.metadata.get(k)) for k in ("for_audience", "for_age", "for_place"))
        return qualified, bool(section.metadata.get("for_place"))

    def qualifiers(section: Document) -> tuple:
        return tuple(section.metadata.get(k) or "" for k in ("for_audience", "for_age", "for_place"))

    chosen = max(fitting, key=specificity, default=None)
    if chosen is None or relevance is None:
        return chosen
    same = [s for s in fitting if qualifiers(s) == qualifiers(chosen)]
    return max(same, key=relevance) if len(same) > 1 else chosen  # of equals, the first: the card's own order


def _locals(sections: list[Document], person: Person) -> list[list[Document]]:
    """The person's own local sections, in groups: their place's (France first, then the EU for France), or the
    everywhere-lines when the place is unknown or has none; then their age's. When the age is unknown, the lines for
    each age, which say whom they are for ("if you were under 18 ..."): what applies, whichever the person is. Of
    those, the adults' line first: most people who write are adults, the list keeps its first lines when it is full,
    and the question back asks the age."""
    local = [s for s in sections if s.metadata.get("role") == "local"]
    groups: list[list[Document]] = []
    if person.place and person.place != "GLOBAL":
        for code in sorted(own_places(person.place), key=lambda c: c != person.place):
            # the lines written for their place and their age first (3018 for a teenager in France): under the
            # budget, a group keeps its first lines
            mine = sorted((s for s in local if s.metadata.get("for_place") == code and _fits(s, person)),
                          key=lambda s: not s.metadata.get("for_age"))
            if mine:
                groups.append(mine)
                break
    if not groups:
        groups.append([s for s in local if s.metadata.get("for_place") == "GLOBAL" and _fits(s, person)])
    by_age = [s for s in local if s.metadata.get("for_age") and not s.metadata.get("for_place")]
    if person.minor is not None:
        groups.append([s for s in by_age if _fits(s, person)])
    else:
        groups += [[s] for s in sorted(by_age, key=lambda s: s.metadata.get("for_age") != "adult")]
    return [group for group in groups if group]


# A line the guidance speaks to those who help ("If you are a parent, carer or teacher, tell the young person about
# Report Remove", "Si vous êtes parent ou ami, ...", "如果你是家长或朋友，..."): not the answer for the person in the
# images. A 16-year-old asking "je peux faire report remove toute seule ou il faut un adulte" (answer batch 61) was
# told first "Si vous êtes parent, proche aidant ou enseignant, parlez au jeune de Report Remove".
_TO_HELPERS = re.compile(r"(?i:^(?:if you are|if you're) (?:a |an )?(?:parent|carer|teacher|friend)|"
                         r"^si vous êtes (?:un |une )?(?:parent|proche|enseignant|ami))|^如果你是(?:家长|照顾者|老师|朋友)")


def spoken_to_helpers(line: str) -> bool:
    """A line of guidance addressed to a parent, carer, teacher or friend of the person in the images."""
    return bool(_TO_HELPERS.search(line.lstrip("*")))


def _theirs(lines: list[tuple[str, str | None]], person: Person) -> list[tuple[str, str | None]]:
    """The lines that are for this person: not help for women only ("Women facing violence can call 3919") when the
    message says the person in the images is a man or a boy (understand/gender.py), and not a line spoken to those
    who help ("If you are a parent, carer or teacher, tell the young person about Report Remove") when the person
    writing is not one of them: a 16-year-old in Leeds read it as her own answer."""
    helper = person.helps_someone
    return [(u, url) for u, url in lines
            if not (person.man and for_women_only(u)) and (helper or not spoken_to_helpers(u))]


def _for_their_age(lines: list[tuple[str, str | None]], minor: bool | None) -> list[tuple[str, str | None]]:
    """The lines of a place's section that are not written for the other age: "Adults can call the Revenge Porn
    Helpline" is not for a 16-year-old, "Under-18s can use Report Remove" not for a woman of 30."""
    return lines if minor is None else [(u, url) for u, url in lines if detect_minor(u) in (None, minor)]


def _for_age(group: list[Quote]) -> bool:
    """A group of local lines written for an age (under 18, or 18 and over), not for a place."""
    return all(doc.metadata.get("for_age") and not doc.metadata.get("for_place") for doc, _, _ in group)


def _question(sections: list[Document], person: Person) -> tuple[str | None, bool, bool]:
    """The one question to ask back (message key), and whether the place and the age would change the advice."""
    asks = sections[0].metadata.get("asks", ()) if sections else ()
    depends_place = any(s.metadata.get("for_place") not in ("", "GLOBAL", None) for s in sections)
    depends_age = any(s.metadata.get("for_age") for s in sections)
    needs_place = "place" in asks and depends_place and not person.place
    needs_age = "age" in asks and depends_age and person.minor is None
    # The lines for each age are shown when the age is unknown, so the place is asked first when it is unknown too.
    if needs_place:
        return "ask_place", needs_place, needs_age
    if needs_age:
        return "ask_age", needs_place, needs_age
    return None, needs_place, needs_age


Quote = tuple[Document, str, str | None]  # a passage, one of its lines, that line's own sources


def compose_card(question: str, sections: list[Document], person: Person, *, supporting: list[Document],
                 max_chars: int = 1400, first_citation: int = 1, lead: str | None = None,
                 similarity: Similarity | None = None, relevance: Relevance | None = None,
                 law: tuple[list[Document], bool] = ([], False), places_listed: bool = False,
                 facts: Sequence[Quote] = ()) -> ComposedAnswer:
    """The card's answer for this person, then whether it is a crime where they are, then at most one supporting
    passage from the reference pages.

    The law card's line for their place (`law`: its sections, and whether the message asks about the law) and a
    supporting passage come right after the direct answer: the passage answers what the message names and the card
    does not ("on Telegram"). Under the phone budget, what gives way first is that passage when the person's place is
    known and its lines would otherwise be cut (on the answer batches' tuning halves: 1,701 -> 1,718 of 2,237 facts),
    then the law's line, then all but the first line of each local section (a place's section gives up to three:
    110, 12377 and the law in China), then the last general steps (never fewer than three), then the supporting
    passage's second line, the law's second, the direct answer's second, the supporting passage, the law; when even
    that does not fit (after the lines to call in a crisis), the local lines, the question and the last steps.
    """
    language, place = person.language, person.place
    members = member_states(question)
    sections = for_their_apps(sections, person)
    ack = _pick(sections, "ack", person)
    ack_text = next(iter(quotable(ack, place, members)), ("", None))[0] if ack is not None and not lead else ""
    if (ack_text and person.helps_someone and "survivor" in ack.metadata.get("audience", ())
            and ack.metadata.get("for_audience") != person.audience):
        # The card's plain acknowledgement speaks to the person in the images ("it is not your fault"); someone
        # helping them (a friend, a parent, a teacher) is thanked instead, in Recourse's own words.
        ack_text = message("helper_ack", language)
    direct = _pick(sections, "answer", person, relevance)
    direct_lines: list[Quote] = ([(direct, u, url) for u, url in _theirs(quotable(direct, place, members), person)[:2]]
                                 if direct else [])
    # What the message asks about a service it names ("3018 c'est payant ?": `facts`, answer/service_facts.py) is
    # answered first, in the guidance's lines about that service; the card's answer to the situation follows.
    facts = list(facts)
    facts_said = [u for _, u, _ in facts]  # what the lines below must not say again
    direct_lines = _not_said(direct_lines, facts_said, language)
    if direct_lines and verdict_misleads(question, direct_lines[0][1], language):
        # "How do I get it off Google?" is not answered "Yes: ..." (`question_kind.py`), nor is "my colleague says the
        # police only act past 200 views: is that right?", nor "do I need a solicitor first?" with "Yes, you can
        # report it": the verdict is dropped, the rest of the card's line stands as written (the citation still
        # quotes the whole passage).
        first, unit, url = direct_lines[0]
        direct_lines[0] = (first, without_verdict(unit, language), url)
    steps = _pick(sections, "steps", person)
    step_lines: list[Quote] = ([(steps, u, url) for u, url in _theirs(quotable(steps, place, members), person)]
                               if steps is not None else [])
    step_lines = _not_said(_not_said(step_lines, [u for _, u, _ in direct_lines], language),
                           facts_said, language, SAME_LINE)
    if person.minor:
        step_lines = [quote for quote in step_lines if not tells_to_screenshot(quote[1])]
    local_groups: list[list[Quote]] = []
    for group in _locals(sections, person):
        per_section = 3 if len(group) == 1 and group[0].metadata.get("for_place") else 1
        local_groups.append([(doc, u, url) for doc in group
                             for u, url in _for_their_age(_theirs(quotable(doc, place, members), person),
                                                          person.minor)[:per_section]])
    if facts:  # the place's line that says what the service's line already said ("report to eSafety anonymously")
        local_groups = [kept for group in local_groups
                        if (kept := _not_said(group, facts_said, language, SAME_LINE))]
    key, needs_place, needs_age = _question(sections, person)
    if key == "ask_place" and places_listed:
        key = "ask_place_listed"  # after the lines to call for every place (`places_listed`): not listed again
    # The card's lines for a young person say "tu": the heading over them and the question after them do too.
    familiar = speaks_familiar([u for _, u, _ in step_lines[:3]], language)
    question_text = message(key, language, familiar) if key else ""
    support = _supporting(question, person, members, sections, [d for d in (direct, steps) if d is not None],
                          supporting, similarity)
    # The same line again, said first already as the service's line: only a line that adds nothing to it goes (a
    # step on 3018's hours and price stays after its line on what 3018 does).
    support = _not_said(support, facts_said, language, SAME_LINE)
    law_lines = _law_lines(law, person, members, [u for _, u, _ in direct_lines])
    if not law[1]:
        # Unasked, "is it a crime here?" is said once: not when the place's own lines already say it (the person who
        # shared, in France, read art. 226-2-1 in the law passage and again in two of six steps).
        law_lines = _not_said(law_lines, [u for group in local_groups for _, u, _ in group[:1]], language)

    def assemble() -> tuple[list[Block], list]:
        cites = Citations(first_citation)
        blocks: list[Block] = []
        if lead:
            blocks.append(Block("lead", (Line(lead),)))
        if ack_text:
            blocks.append(Block("ack", (Line(ack_text),)))
        if facts:
            blocks.append(Block("direct", tuple(cites.line(d, u, url) for d, u, url in facts)))
        if direct_lines:
            blocks.append(Block("direct", tuple(cites.line(d, u, url) for d, u, url in direct_lines)))
        if law_lines:  # whether it is a crime where they are
            blocks.append(Block("passage", tuple(cites.line(d, u, url) for d, u, url in law_lines),
                                shown_heading(law_lines[0][0], place, members)))
        if support:  # the message's own subject ("on Telegram") the card does not name: right after the answer
            blocks.append(Block("passage", tuple(cites.line(d, u, url) for d, u, url in support),
                                shown_heading(support[0][0], place, members)))
        local = [quote for group in local_groups for quote in group]
        ordered = step_lines[:max(3, MAX_STEPS - len(local))] + local
        if ordered:
            blocks.append(Block("steps", tuple(cites.line(d, u, url) for d, u, url in ordered[:MAX_STEPS]),
                                message("steps_heading", language, familiar)))
        if question_text:
            blocks.append(Block("question", (Line(question_text),)))
        return blocks, cites.items

    def length(blocks: list[Block]) -> int:
        return len(ComposedAnswer(blocks, [], True).answer)

    blocks, citations = assemble()
    all_steps, all_locals, all_support = step_lines, [list(group) for group in local_groups], support
    while length(blocks) > max_chars:
        if support and place and any(len(group) > 1 for group in local_groups):
            # The person's own place's lines (its numbers and bodies) outrank another page's passage: a caseworker
            # gives the local numbers before background. With the place unknown, the passage on what the message
            # names ("on Telegram") outranks the everywhere-lines.
            support = []
        elif law_lines and place and any(len(group) > 1 for group in local_groups):
            law_lines = []  # then whether it is a crime there, which they did not ask (on the tuning halves: +43 facts)
        elif any(len(group) > 1 for group in local_groups):
            local_groups = [group[:1] for group in local_groups]
        elif len(step_lines) > 3:
            step_lines = step_lines[:min(len(step_lines), MAX_STEPS) - 1]
        elif len(support) > 1:
            support = support[:1]
        elif len(law_lines) > 1:
            law_lines = law_lines[:1]
        elif len(direct_lines) > 1:
            direct_lines = direct_lines[:1]
        elif support:
            support = []
        elif law_lines:
            law_lines = []
        elif (person.minor is None and place and any(_for_age(group) for group in local_groups)
              and any(not _for_age(group) for group in local_groups)):
            # The age unknown, the lines for each age ("if you were under 18 ...", "if you were 18 or over ...") go
            # before the person's own place's line: the question back asks the age, and the place is known. One at a
            # time, the last first (the adults' line comes first, and most people who write are adults): both at
            # once freed twice the room needed and left short answers without either.
            last = max(i for i, group in enumerate(local_groups) if _for_age(group))
            local_groups = local_groups[:last] + local_groups[last + 1:]
        elif key == "ask_age" and question_text and place and any(not _for_age(group) for group in local_groups):
            # Short of room (after the lines to call), the question "were you under 18?" gives way before the
            # place's own lines: a woman in Caen whose ex hit her and comes home tonight needs her place's line (the
            # police or gendarmerie, 3919) more than the choice between Take It Down and StopNCII.
            question_text = ""
        elif lead and place and len(step_lines) > 2 and any(not _for_age(group) for group in local_groups):
            # After the lines to call, the place's own line (the police there, 3919) outranks a third general step.
            step_lines = step_lines[:-1]
        elif any(not _for_age(group) for group in local_groups):
            # Short of room (after the lines to call): the place's lines go before the age's, which are the most
            # specific to the person (Take It Down for a 15-year-old), then the age's, then fewer steps.
            local_groups = [group for group in local_groups if _for_age(group)]
        elif local_groups and len(step_lines) > 1 and person.minor is not None:
            # The age's own line (Take It Down for a 15-year-old) outranks the later steps; the lines for each age,
            # shown when the age is unknown, do not.
            step_lines = step_lines[:-1]
        elif local_groups:
            local_groups = []
        elif len(step_lines) > 2 and question_text:
            # The one question that changes the advice (where are you? under 18?) outranks a third general step:
            # after the lines to call for every place, the place question is what gets the person their own.
            step_lines = step_lines[:-1]
        elif question_text:
            question_text = ""
        elif len(step_lines) > 1:
            step_lines = step_lines[:-1]
        else:
            break
        blocks, citations = assemble()
    # Each cut frees a whole line or group; a line cut early may fit again in the room a later cut freed. Given back
    # one line at a time while the answer fits: the place's own lines first (3919 after the police for a woman in
    # France), then one line of the supporting passage, then the general steps (only as many as the list shows).
    def fitting() -> tuple[list[Block], list] | None:
        attempt = assemble()
        return attempt if length(attempt[0]) <= max_chars else None

    for index, group in enumerate(local_groups):
        full = next((g for g in all_locals if g and group and g[0][0] is group[0][0]), group)
        while len(local_groups[index]) < len(full):
            local_groups[index] = full[:len(local_groups[index]) + 1]
            if (attempt := fitting()) is None:
                local_groups[index] = local_groups[index][:-1]
                break
            blocks, citations = attempt
    if all_support and not support:
        support = all_support[:1]
        if (attempt := fitting()) is None:
            support = []
        else:
            blocks, citations = attempt
    shown = min(len(all_steps), max(3, MAX_STEPS - sum(len(group) for group in local_groups)))
    while len(step_lines) < shown:
        step_lines = all_steps[:len(step_lines) + 1]
        if (attempt := fitting()) is None:
            step_lines = step_lines[:-1]
            break
        blocks, citations = attempt
    card_group = sections[0].metadata["group"] if sections else None
    return ComposedAnswer(blocks, citations, True, needs_place=needs_place, needs_age=needs_age, card=card_group)


def _law_lines(law: tuple[list[Document], bool], person: Person, members: frozenset[str],
               said: list[str]) -> list[Quote]:
    """The law card's answer for this person, not saying again what the direct answer says: its first line (whether
    it is a crime where they are) when their place is known, two when they asked; none when the law card has no
    answer for their place (its "in many countries" is for a person who asked and has not said where)."""
    sections, asked = law
    answer = _pick(sections, "answer", person) if sections else None
    if answer is None or not (asked or answer.metadata.get("for_place")):
        return []
    lines = [(answer, u, url) for u, url in _theirs(quotable(answer, person.place, members), person)]
    parts = places()[person.place].members if person.place in places() else {}
    if members & parts.keys():
        # the law of the person's own nation or member state first (Scotland's 2016 Act for a person in Glasgow,
        # before England and Wales's section 66B): when only one line fits, it is theirs
        lines.sort(key=lambda quote: not any(parts[m].search(quote[1]) for m in members if m in parts))
    return _not_said(lines, said, person.language)[:2 if asked else 1]


# A step that tells the person to screenshot a post or a page ("Take screenshots that show the link (URL), the
# username and the date"): a screenshot of the post shows the image, and saving a nude image of someone under 18 may
# be a crime, whoever saves it. The cards' lines for under-18s say what to do instead ("write down the link and the
# username"), so when the message says someone involved is under 18 these steps are left out. Screenshots of threats,
# messages or a profile ("screenshot each message with the person's name") are kept, and so is a line that says not
# to. (Every screenshot step left out: -2 facts on the tuning halves, parents of sextorted teens told to keep the
# threats; only the post's: 0.)
_SCREENSHOT = re.compile(r"(?i:screenshot|screen ?shot|captures? d['’]écran|capturez|photograph(?:ie[zr])? .{0,12}écran"
                         r"|film the screen|photograph or film)|截图|截屏|截下|翻拍")
# Photographing the screen captures what is on it, whatever it shows ("If a screenshot is not possible, take a photo
# of the screen with another device").
_PHOTO_OF_SCREEN = re.compile(r"(?i:photo(?:graph)? of the screen|(?:photograph|film) (?:or film )?the screen|"
                              r"photographi(?:ez|er) (?:ou filme[zr] )?l['’]écran)|翻拍|拍下(?:或录下)?屏幕|录下屏幕|拍摄屏幕")
_OF_A_POST = re.compile(r"(?i:\burl\b|\blink|\bpage|\bposts?\b|\bresults?\b|\bstor(?:y|ies)\b|\blien|publication|"
                        r"résultat)"
                        r"|链接|网址|页面|帖子|搜索结果")
_NOT = re.compile(r"(?i:\b(?:do not|don't|never|not|without|no)\b|\bne\b|\bn['’]|\bsans\b|\bjamais\b)|不要|别|不能|切勿|勿")


def tells_to_screenshot(line: str) -> bool:
    """Whether a line tells the reader to screenshot a post or a page (and does not say not to), or to photograph the
    screen."""
    if _PHOTO_OF_SCREEN.search(line):
        return True
    return bool(_SCREENSHOT.search(line)) and bool(_OF_A_POST.search(line)) and not _NOT.search(line)


REPEATS = 0.5  # a step whose terms are this much (share of its own) in the direct answer says it again
SAME_LINE = 0.9  # a line whose terms are this much in another is the same line


def _not_said(lines: list[Quote], said: list[str], language: str, share: float = REPEATS) -> list[Quote]:
    """The steps that do not repeat the direct answer: "Do not touch the camera; photograph it, leave and call the
    police" followed by "1. Leave the camera, photograph it" spends a step and a hundred characters on the same
    words, and keeps a later step (the place's number) off a phone screen."""
    if not said:
        return lines
    told = frozenset().union(*(passage_terms(u, language) for u in said))
    kept = []
    for quote in lines:
        terms = passage_terms(quote[1], language)
        if not terms or len(terms & told) / len(terms) < share:
            kept.append(quote)
    return kept


def for_them(doc: Document, place: str | None) -> bool:
    """A reference passage that applies to the person: guidance for everywhere, or for their own place. When the place
    is unknown, a passage for one country is a guess (a Chinese court's ruling for someone in New York): the card
    already asks where they are."""
    places = doc.metadata.get("jurisdictions", ("GLOBAL",))
    if "GLOBAL" in places:
        return True
    return bool(place) and bool(own_places(place) & set(places))


# A line that dates an event ("On 2025-09-26 the Federal Court ordered ...", "in force since 2023-01-10") is news or
# statute history: a caseworker leaves it out unless the person asks when ("when did", "depuis quand", 什么时候; not the
# everyday "when I found out", "depuis deux jours") or names a year.
_DATED = re.compile(r"(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)")
# StopNCII.org is for images of adults (Take It Down for images taken under 18): a platform's page that says it is a
# StopNCII partner ("Facebook, Instagram and Threads are StopNCII partners") is not advice for a 14-year-old's images.
_ADULTS_TOOL = re.compile(r"(?i:stopncii)")
_MINORS_TOOL = re.compile(r"(?i:take it down|\b18\b)|18岁|18 ans")


def for_adults_only(line: str) -> bool:
    """A line about StopNCII.org that says nothing of what applies under 18."""
    return bool(_ADULTS_TOOL.search(line)) and not _MINORS_TOOL.search(line)


# A line that retells the news ("In 2025, news reports described a Telegram forum ..."): background a caseworker
# gives only to someone who asks about it (a year, "when", "the news"), never in place of what to do.
_NEWS = re.compile(r"(?i:\bnews\b|\bla presse\b|\bles médias\b|\breported in (?:19|20)\d\d\b)|新闻|被报道|据报道|媒体报道")
_WHEN = re.compile(r"(?i:(?<![\d.,])\b(?:19|20)\d\d\b(?![.,]?\d)|\bwhen (?:did|does|do|was|is|will|were|are)\b|"
                   r"\bsince when\b|\bquand (?:est|a|ont|était|sera|entre)\b|\b(?:depuis|à partir de) quand\b)|"
                   r"什么时候|何时|哪一?年")


def _about_elsewhere(doc: Document, place: str) -> bool:
    """A section whose heading names only other places than the person's ("Report to NCMEC's CyberTipline" on a page
    for everywhere): its lines are that place's, even those that do not name it ("You can report online: ...")."""
    named = marked_jurisdictions(str(doc.metadata.get("section", "")))
    return bool(named) and not named & own_places(place)


def _supporting(question: str, person: Person, members: frozenset[str], sections: list[Document],
                shown: list[Document], supporting: list[Document], similarity: Similarity | None) -> list[Quote]:
    """At most two lines of the best reference passage that says what the card does not and the message asks
    about ("on Telegram", "art. 226-2-1"); not a line for another age than the person's ("if you were 18 or over
    ..." to the parent of a 12-year-old), nor help for women only to a man. A passage of the page of the platform
    the message names first (`person.platforms`: all it names, in order) needs no word in common with the message,
    only a word the card's lines did not say: it is about that platform ("X" on the page, "twitter" in the message),
    and says how it is done there. Never a line about a platform the message does not name, nor, when it names one,
    a section headed with another ("On TikTok, report it under ..." to a student whose photos are in a QQ group); a
    message that names none may still be given its place's usual one."""
    language, place, minor, platforms = person.language, person.place, person.minor, person.platforms
    card_group = sections[0].metadata["group"] if sections else None
    # One Chinese character is a function word more often than a subject (去, 看, 用, 住): "偷拍视频 能去哪举报" drew
    # Telegram's statement through 去, and a controlling boyfriend's message a hotel-room camera through 房间's
    # neighbours. Two characters or more say what the message is about.
    asked = {t for t in tokenize(strip_places(question), language) if not (len(t) == 1 and CJK.search(t))}
    said = set().union(*(passage_terms(doc.page_content, language) for doc in shown))
    asked -= said
    # The page of the platform the message names answers it even when every word of the message is already in the
    # card's lines: "how to report on tiktok" lost "tiktok" to a step naming StopNCII's partners, and with it TikTok's
    # own menu path.
    first = platforms[:1]  # the page of the platform named first answers "how" there
    if not asked and not any(doc.metadata.get("group") in first for doc in supporting):
        return []
    dated = bool(_WHEN.search(question))
    news = dated or bool(_NEWS.search(question))
    # A line about a platform the message does not name ("On TikTok, report it under ...") is another person's
    # answer: the images of a student whose photos are in a QQ group are not on TikTok.
    where = set(platforms) | set(named_other_platforms(question))  # a QQ group is not on WhatsApp
    for doc in supporting:
        if doc.metadata.get("group") == card_group or not for_them(doc, place) or is_intro(doc):
            continue  # a page's introduction says what the page holds ("this page lists ..."), not a fact
        if place and _about_elsewhere(doc, place):
            continue  # "Report to NCMEC's CyberTipline" (a page for everywhere, a section for the US) to a person in Lyon
        named = doc.metadata.get("group") in first
        if not named and similarity is not None and any(similarity(doc, other) >= SAYS_THE_SAME for other in shown):
            continue  # another page's words for what the card already said (the named platform's page says how, there)
        if not dated and _DATED.search(shown_heading(doc, place)):
            continue  # a section about one dated event ("The first order of this kind: Chongzhou court, 2023-01-01")
        if minor and for_adults_only(shown_heading(doc, place)):
            continue  # a passage about StopNCII ("Using StopNCII with Facebook, Instagram and Threads")
        if where and not set(named_platforms(shown_heading(doc, place))) <= where:
            continue  # "TikTok's web form for sexual deepfakes", to a person whose images are in a Discord group
        units = [(doc, u, url) for u, url in quotable(doc, place, members)
                 if not (person.man and for_women_only(u))
                 and (person.helps_someone or not spoken_to_helpers(u))
                 and ((named and passage_terms(u, language) - said) or asked & passage_terms(u, language))
                 and (dated or not _DATED.search(u)) and (news or not _NEWS.search(u))
                 and (minor is None or detect_minor(u) in (None, minor))
                 and not (minor and tells_to_screenshot(u)) and not (minor and for_adults_only(u))
                 and not tells_of_a_death(u) and set(named_platforms(u)) <= where]
        if units:
            return units[:2]
    return []
