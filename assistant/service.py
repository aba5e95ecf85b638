"""The Recourse service: one object that answers questions, used by the CLI, the web app and the benchmarks.

It owns the loaded models and the in-memory view of the index, and it notices a newer index generation (built by
`recourse kb build` in another process) and switches to it between questions, without a restart.
"""

from __future__ import annotations

import gc
import logging
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from langchain_core.documents import Document

from assistant.answer.budget import fit_to_budget
from assistant.answer.cards import (
    LAW_QUESTION,
    UNSURE,
    CardMatch,
    Quote,
    SituationModel,
    for_adults_only,
    for_them,
)
from assistant.answer.cards import compose_card as compose_card_answer
from assistant.answer.compose import compose_answer, crisis_plan, is_intro, plan_answer, select_passages
from assistant.answer.labels import read_labelled_questions
from assistant.answer.messages import familiar_forms, message, speaks_familiar
from assistant.answer.service_facts import (
    MAX_FACT_LINES,
    UNNAMED,
    says_already,
    service_facts,
    unnamed_fact,
)
from assistant.answer.types import Block, Citation, ComposedAnswer, Line
from assistant.generate.compose import compose_generated
from assistant.generate.model import make_chat_model
from assistant.index.build import BuildReport, build_index, index_status, load_valid_documents, terminal_progress
from assistant.index.checked import record_checked, source_digest, was_checked
from assistant.index.embeddings import make_embeddings
from assistant.index.retrieval import HybridRetriever, IndexSnapshot
from assistant.index.store import StoreUnavailable, VectorStore
from assistant.knowledge.sources import REGISTRY_FILE, Registry, load_registry, publisher_names
from assistant.safety.patterns import crisis_pattern
from assistant.safety.policy import RouteDecision
from assistant.safety.router import Router
from assistant.safety.sentences import asked_sentences, sentences
from assistant.settings import Settings, get_settings
from assistant.understand.audience_model import AudienceReader
from assistant.understand.brevity import is_brief, is_short, is_wordless, shows_distress
from assistant.understand.language import detect_language
from assistant.understand.person import Person, understand
from assistant.understand.place import check_jurisdiction, member_states, without_towns
from assistant.understand.question_kind import asks_about_law, asks_something
from assistant.understand.script import in_script, unshouted
from assistant.understand.service import COMPARED, asked_facets, names_service
from assistant.understand.topic import law_topic
from assistant.vocabulary import CRISIS_GROUP, FIRST_STEPS_GROUP, HELPLINES_TOPIC, LAW_CARD

log = logging.getLogger(__name__)
# Seconds between pages of 100 passages when a running app reads a new generation from Chroma (no passage file beside
# the index): its 0.3 s of work is spread over about 1.5 s, so the questions answered meanwhile are not all slowed at
# once. The passage file's reader pauses at most 1 ms between its pieces.
BACKGROUND_READ_PAUSE = 0.05

MAX_QUESTION_CHARS = 2000  # longer messages are refused with a sentence asking for a shorter one, never cut
# One ordinary question per language: warm_up answers each of them.
WARM_UP_QUESTIONS = ("How do I report a photo on Telegram?", "如何在 Telegram 上举报照片？",
                     "Comment signaler une photo sur Telegram ?")
# Control characters (C0, DEL, C1), zero-width and direction-override characters, and lone UTF-16 surrogates. A str
# decoded from JSON holds a surrogate only when it was unpaired ("\ud83d" alone): pairs become one code point. Lone
# surrogates cannot be encoded as UTF-8, so the embedding tokenizer raised UnicodeEncodeError on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_message(text: str | None) -> str:
    """What we read of a message: control, direction-override and lone surrogate characters made spaces, trimmed.

    Every caller (CLI, API, chat) goes through here before anything reads the text. Length is not cut here: `ask`
    refuses a message over MAX_QUESTION_CHARS with a sentence, because cutting it could drop what matters most.
    """
    return _CONTROL.sub(" ", str(text or "")).strip()


@dataclass
class AskResult:
    """The `ask` contract: what the CLI prints as JSON and what the UI renders."""

    route: str
    language: str
    jurisdiction: str | None
    answer: str
    citations: list[Citation]
    timing_ms: dict[str, float] = field(default_factory=dict)
    id: str | None = None
    blocks: list[Block] = field(default_factory=list)
    needs_place: bool = False
    needs_age: bool = False
    card: str | None = None
    composer: str = "grounded"  # "generated": a language model's text that passed the guard (assistant/generate/)

    @classmethod
    def of(cls, route: str, person: Person, composed: ComposedAnswer, timing: dict[str, float],
           id: str | None) -> AskResult:
        return cls(route=route, language=person.language, jurisdiction=person.place, answer=composed.answer,
                   citations=composed.citations, timing_ms=timing, id=id, blocks=composed.blocks,
                   needs_place=composed.needs_place, needs_age=composed.needs_age, card=composed.card,
                   composer=composed.composer)

    @property
    def crisis_lines(self) -> bool:
        """The answer leads with the lines to call (the chat page shows its banner from this, not from the text)."""
        return any(block.kind == "crisis" for block in self.blocks)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "route": self.route, "language": self.language, "jurisdiction": self.jurisdiction,
                "answer": self.answer, "citations": [c.to_dict() for c in self.citations],
                "timing_ms": self.timing_ms, "blocks": [b.to_dict() for b in self.blocks],
                "needs_place": self.needs_place, "needs_age": self.needs_age, "card": self.card,
                "composer": self.composer}


class Recourse:
    """Answers questions from the index; builds the index first when it is missing or stale."""

    def __init__(self, settings: Settings | None = None, *, notify: Callable[[str], None] | None = None):
        self.settings = settings or get_settings()
        self.notify = notify or (lambda text: print(text, file=sys.stderr))
        self.embeddings = make_embeddings(self.settings.embedding_model)
        self.store = self._open_store()
        self.router = Router(self.embeddings)
        self.audience = AudienceReader(self.embeddings)
        self.chat_model = make_chat_model(self.settings)  # None unless an endpoint is configured
        self._snapshot: IndexSnapshot | None = None
        self._checked = 0.0
        self._loading = False  # a newer generation is being loaded, outside the lock
        self._situations: SituationModel | None = None
        # blind questions the situation model also learns from
        labels = self.settings.situation_labels
        self._labelled = read_labelled_questions(labels) if labels is not None else []
        self._publishers: _PublisherNames | None = None  # from the source registry, read at the first citation
        # (generation, language, service) -> the passages that name the service, in page order (`_service_facts`)
        self._about_service: dict[tuple[str, str, str], list[Document]] = {}
        self._lock = threading.Lock()

    # -- the index ---------------------------------------------------------------------------------------------
    def _open_store(self) -> VectorStore:
        """Open the index; an unreadable embedded index is moved aside (not deleted) so a rebuild can start."""
        try:
            return VectorStore(self.settings, self.embeddings)
        except StoreUnavailable as exc:
            if self.settings.chroma_host:
                raise
            folder = self.settings.index_dir / "chroma"
            aside = folder.with_name(f"chroma.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
            self.notify(f"The index in {folder} cannot be read ({exc}); it was moved to {aside.name} and a new "
                        "index will be built.")
            folder.rename(aside)
            return VectorStore(self.settings, self.embeddings)

    def build(self, full: bool = False, progress=None) -> BuildReport:
        """Bring the index up to date; train the situation model and make the BM25 indexes of a new generation
        before it is published, so the running apps that swap it in only read them."""
        prepared: list[str] = []

        def prepare(generation) -> None:  # before it is published, so an app swapping it in only reads them
            self._situation_model(self._load(generation, keep=True))
            prepared.append(generation.name)

        report = build_index(self.settings, self.store, full=full, progress=progress, prepare=prepare)
        active = self.store.active()
        if active is not None and active.name not in prepared:  # nothing new: make whatever is missing
            self._situation_model(self._load(active, keep=True))
        return report

    def _load(self, active, pause: float = 0.0, keep: bool = False) -> IndexSnapshot:
        """`keep`: write the passage file when there is none (`kb build`); an app only reads it."""
        return IndexSnapshot.load(self.store, active, self.settings.index_dir / "lexical", pause=pause,
                                  passages_dir=self.settings.index_dir / "passages", keep_passages=keep)

    @property
    def _situations_dir(self):
        return self.settings.index_dir / "situations"

    def ensure_index(self) -> None:
        """Build the index when it is missing, stale or made with another model (a message says why).

        A restart with the same knowledge files, code and active generation as the last check skips the check
        (index/checked.py): reading and validating every document took about a second of each start."""
        digest = source_digest(self.settings.knowledge_dir, self.embeddings.name)
        active = self.store.active()
        if active is not None and was_checked(self.settings.index_dir, active.name, digest):
            return  # found current before, and nothing it depends on has changed since
        docs = load_valid_documents(self.settings)
        status, active = index_status(self.store, docs)
        if status != "current":
            reason = {"missing": "no index yet", "stale": "the guidance changed",
                      "model-mismatch": "the index was made with another embedding model"}[status]
            self.notify(f"Building the index ({reason})...")
            report = self.build(full=status == "model-mismatch", progress=terminal_progress())
            self.notify(f"Index ready: {report.summary()}")
            active = self.store.active()
        if active is not None:
            record_checked(self.settings.index_dir, active.name, digest)

    def warm_up(self) -> None:
        """Answer one question in each language before the first visitor arrives.

        Every lazy load on the answer path (index, embedding model, router exemplars, language model, jieba, Chroma's
        index files) happens here, once, instead of inside the first visitors' questions. The three big loads run
        side by side: parts of each (decompression, numpy) leave Python's lock free for the others (about 0.4 s).
        """
        with ThreadPoolExecutor(max_workers=3) as pool:
            loads = [pool.submit(self.snapshot), pool.submit(self.embeddings.embed_query, "warm up"),
                     pool.submit(detect_language, "warm up")]
            for load in loads:
                load.result()
        for question in WARM_UP_QUESTIONS:
            self.ask(question)

    def snapshot(self) -> IndexSnapshot:
        """The current index in memory; a newer published generation is loaded and swapped in.

        Loading a generation takes about 60 ms when `kb build` left its passages, BM25 indexes and situation model
        beside the index (index/passage_file.py), about 0.4 s when the passages come from Chroma. Only the first
        load is done under the lock (nothing can be answered before it); later checks and loads run in a background
        thread, while every question goes on being answered from the copy in memory, and the new copy replaces it
        in one assignment.
        """
        current = self._snapshot
        if current is not None and time.monotonic() - self._checked < self.settings.index_check_seconds:
            return current
        with self._lock:
            current = self._snapshot
            if current is not None and (self._loading or
                                        time.monotonic() - self._checked < self.settings.index_check_seconds):
                return current
            self._checked = time.monotonic()
            if current is not None:
                # Even the check is done in the background: reading the store can wait on a `kb build` writing to
                # it (over a second, measured with bench/load.py --publish), and no question should wait on that.
                self._loading = True
                threading.Thread(target=self._check_generation, name="recourse-index-check", daemon=True).start()
                return current
            active = self.store.active()
            if active is None:
                raise StoreUnavailable("the index is empty: run `recourse kb build`")
            with _without_gc_pauses():
                fresh = self._load(active)
                self._situations = self._situation_model(fresh)
                self._snapshot = fresh
            log.info("serving index generation %s", active.name)
            return fresh

    def _check_generation(self) -> None:
        """Runs in its own thread: look for a newer published generation, and load it when there is one. Every
        question meanwhile is answered from the copy in memory, and the new copy replaces it in one assignment."""
        try:
            active = self.store.active()
        except Exception as exc:  # any failure: the next check tries again, and `_loading` must not stay set
            # The index in memory is complete and current as of the last check: keep answering from it.
            log.warning("index store unreachable (%s); answering from the copy in memory", type(exc).__name__)
            self._loading = False
            return
        current = self._snapshot
        if active is None or (current is not None and current.generation.name == active.name):
            self._loading = False
            return
        self._load_generation(active)

    def _load_generation(self, active) -> None:
        """Runs in the checking thread, with the cyclic garbage collector paused (see `_without_gc_pauses`).

        Not at a lower CPU priority: measured with bench/load.py --publish, a loader thread at nice 10 did no better
        (30 and 69 answers over the p99 in the 5 s after a publish, against 16 and 27 at nice 0): it holds Python's
        lock in turns with the answering threads, and a low-priority thread descheduled while holding it stalls them.
        """
        try:
            with _without_gc_pauses():
                fresh = self._load(active, pause=BACKGROUND_READ_PAUSE)
                situations = self._situation_model(fresh)
                with self._lock:
                    self._situations = situations  # before the swap: a question sees a model of its generation
                    self._snapshot = fresh
            log.info("serving index generation %s", active.name)
        except Exception as exc:  # the copy in memory keeps answering; the next check tries again
            log.warning("new index generation not loaded (%s); answering from the copy in memory", type(exc).__name__)
            with self._lock:
                self._checked = 0.0
        finally:
            self._loading = False

    def _situation_model(self, snapshot: IndexSnapshot) -> SituationModel:
        """The situation model of a generation: read from beside the index, or trained on its cards' examples and the
        labelled blind questions (embedded here, as the examples were by `kb build`)."""
        return SituationModel(snapshot, self._situations_dir, self._labelled,
                              lambda texts: np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32))

    def situations(self, snapshot: IndexSnapshot) -> SituationModel:
        """The situation model of this index generation (trained once per generation, on its cards' examples)."""
        model = self._situations
        if model is None or model.snapshot is not snapshot:
            model = self._situations = self._situation_model(snapshot)
        return model

    def health(self) -> dict[str, Any]:
        """What a load balancer needs: ready (the index is in memory), which generation, which model."""
        snapshot = self._snapshot
        return {"ready": snapshot is not None, "generation": snapshot.generation.name if snapshot else None,
                "model": self.embeddings.name,
                "passages": sum(len(ids) for ids, _ in snapshot.dense.values()) if snapshot else 0}

    def retriever(self, snapshot: IndexSnapshot, *, relevant_only: bool = False) -> HybridRetriever:
        """The hybrid retriever over a snapshot; `relevant_only`: the passages above the relevance floor alone."""
        floor = self.settings.relevance_floor
        if floor is None:
            floor = self.embeddings.relevance_floor
        return HybridRetriever(embeddings=self.embeddings, snapshot=snapshot, candidates_k=self.settings.candidates_k,
                               relevance_floor=floor, relevant_only=relevant_only)

    # -- answering ---------------------------------------------------------------------------------------------
    def ask(self, question: str, jurisdiction: str | None = None, *, language_hint: str | None = None,
            id: str | None = None) -> AskResult:
        """Route, retrieve and compose a cited answer. Never raises for anything a user can type.

        A `jurisdiction` outside JURISDICTIONS raises ValueError (a caller's mistake, checked before anything runs).
        A message over MAX_QUESTION_CHARS gets a sentence asking for a shorter one, in its language.
        """
        start = time.perf_counter()
        timing: dict[str, float] = {}
        jurisdiction = check_jurisdiction(jurisdiction)
        # Read in the script the guidance is written in: Simplified characters, straight apostrophes, a shouted message
        # in lower case; the place from the capitals as typed (script.py).
        typed = in_script(clean_message(question))
        text = unshouted(typed)
        forced: RouteDecision | None = None
        if len(text) > MAX_QUESTION_CHARS:
            person = understand(text[:MAX_QUESTION_CHARS], jurisdiction, language_hint,
                                as_typed=typed[:MAX_QUESTION_CHARS])
            if crisis_pattern(text) is None:
                log.info("ask route=answer reason=too_long language=%s chars=%d", person.language, len(text))
                return AskResult.of("answer", person, _said("too_long", person.language), {"total": _ms(start)}, id)
            # Words of suicide or danger anywhere in a long paste still get the lines to call first.
            text, forced = text[:MAX_QUESTION_CHARS], RouteDecision("crisis", "pattern:crisis_long", "likely")
        person = understand(text, jurisdiction, language_hint, as_typed=typed[:MAX_QUESTION_CHARS])
        if not text:
            return AskResult.of("answer", person, _said("empty", person.language), {"total": _ms(start)}, id)

        snapshot = self.snapshot()
        t = time.perf_counter()
        vector = self.embeddings.query_vector(text)
        timing["embed"] = _ms(t)
        person = replace(person, audience=self.audience.read(text, vector, person.audience))
        t = time.perf_counter()
        decision = forced or self.router.route(text, person.language, vector=vector)
        brief = is_brief(text)
        short = brief or is_short(text)
        if brief:
            decision = _brief_route(text, decision)
        timing["route"] = _ms(t)

        t = time.perf_counter()
        # A message of a few words is refused only when the router is very sure (`policy.SHORT_REFUSE`), with the
        # refusal that tells a survivor what Recourse can do for them; one word never is (`_brief_route`).
        if decision.route in ("refuse", "out_of_scope"):
            composed = _said(decision.route, person.language)
        elif decision.then in ("refuse", "out_of_scope"):
            # The lines to call, then the refusal: a request Recourse refuses gets no answer, even after them.
            composed = self._crisis_then_refusal(snapshot, person, decision)
        elif decision.reason == "pattern:courtesy":
            # "Thanks.", "Bonsoir.": nothing to search for; a question back and the first steps, not a card's "this
            # is a shock" for a thank-you.
            composed = self._first_steps(snapshot, text, person, after=None)
        else:
            composed = self._compose(snapshot, text, person, decision, vector, timing)
        if ((short and _leaves_them_without_steps(composed, decision, one_word=brief))
                or (decision.route == "answer" and not composed.found)):
            # Too few words to find the guidance ("too late? was 2 yrs ago"), or a question the router and the scope
            # model read as a help-seeker's that no card and no passage answers ("Pharos ça sert à rien si le site est
            # hébergé aux USA ?"): a question back and the first steps, never "nothing found".
            composed = self._first_steps(snapshot, text, person, after=composed if composed.crisis else None,
                                         vector=vector)
        composed = self._named_publishers(fit_to_budget(composed, self.settings.answer_max_chars))
        timing["compose"] = _ms(t)
        if decision.route == "answer" and self.chat_model is not None:  # crisis, refuse, out of scope: never
            t = time.perf_counter()
            composed = self._generate(composed, person, text)
            timing["generate"] = _ms(t)
        timing["total"] = _ms(start)
        log.info("ask route=%s reason=%s language=%s jurisdiction=%s card=%s found=%s composer=%s total_ms=%.1f",
                 decision.route, decision.reason, person.language, person.place, composed.card, composed.found,
                 composed.composer, timing["total"])
        return AskResult.of(decision.route, person, composed, timing, id)

    def card_answers(self, question: str, jurisdiction: str | None = None) -> tuple[str | None, dict[str, AskResult]]:
        """The card `ask` chooses for a message read as a question (route answer), and the answer each card the
        person may be given would make. For labelling blind questions with the card that answers them
        (`bench/card_labels.py`, `labels.py`), not for answering anyone."""
        jurisdiction = check_jurisdiction(jurisdiction)
        typed = in_script(clean_message(question))[:MAX_QUESTION_CHARS]
        text = unshouted(typed)
        snapshot = self.snapshot()
        vector = self.embeddings.query_vector(text)
        person = understand(text, jurisdiction, as_typed=typed)
        person = replace(person, audience=self.audience.read(text, vector, person.audience))
        decision = RouteDecision("answer", "labelling")
        situations = self.situations(snapshot)
        audience = person.audience or "survivor"
        answers = {}
        for group in [None] + sorted(g for g, who in situations.audiences.items() if audience in who):
            composed = self._compose(snapshot, text, person, decision, vector, {}, card_group=group)
            composed = self._named_publishers(fit_to_budget(composed, self.settings.answer_max_chars))
            answers[group or ""] = AskResult.of("answer", person, composed, {}, None)
        return answers.pop("").card, answers

    def _compose(self, snapshot: IndexSnapshot, text: str, person: Person, decision: RouteDecision,
                 vector: np.ndarray, timing: dict[str, float], card_group: str | None = None) -> ComposedAnswer:
        """The answer for a help-seeker: the card for their situation when one fits, else the reference pages.
        `card_group`: that card, whatever the situation model reads (`card_answers`)."""
        t = time.perf_counter()
        language, place = person.language, person.place
        # Only the relevant passages: select_passages quotes nothing else.
        candidates = self.retriever(snapshot, relevant_only=True).invoke(
            text, language=language, jurisdiction=place, audience=person.audience, query_vector=vector)
        chosen = select_passages(candidates, self.settings.max_passages, snapshot.similarity)
        card = CardMatch(card_group, 1.0, 1.0) if card_group else self._situation(snapshot, vector, text, person)
        if not card_group and (card is None or card.probability < UNSURE):
            # unsure of the message as written: read it again without the towns it names (`_card_without_towns`),
            # and take that reading only when it is sure (tuning halves +7 facts, spent hold-outs +3; any surer
            # reading: +10 and -6)
            bare = self._card_without_towns(snapshot, text, person)
            if bare is not None and bare.probability >= UNSURE:
                card = bare
        if card is None and not card_group:
            card = self._sentence_card(snapshot, text, person)
        timing["retrieve"] = _ms(t)
        sections = snapshot.card_sections(card.group, language) if card else []
        plan = plan_answer(text, chosen, snapshot.page_sections) if not sections or decision.route == "crisis" else []
        help_passage = self._help_passage(snapshot, vector, language, place) if (plan or sections) else None
        if decision.route == "crisis":
            return self._crisis_answer(snapshot, text, person, decision, plan, sections, chosen, help_passage,
                                       vector)
        if sections:
            return self._card_answer(snapshot, text, person, sections, chosen, vector,
                                     max_chars=self.settings.answer_max_chars)
        answer = compose_answer(text, language, plan, jurisdiction=place, help_passage=help_passage,
                                max_chars=self.settings.answer_max_chars,
                                facts=(facts := self._service_facts(snapshot, text, person) if plan else []))
        if plan and not facts and not person.services:
            unnamed = self._unnamed_fact(snapshot, text, person, chosen, vector, answer.answer)
            if unnamed:
                answer = compose_answer(text, language, plan, jurisdiction=place, help_passage=help_passage,
                                        max_chars=self.settings.answer_max_chars, facts=unnamed)
        return answer

    def _card_without_towns(self, snapshot: IndexSnapshot, text: str, person: Person) -> CardMatch | None:
        """The card for the message read without the towns it names: a town says where the person is, never what
        happened, yet a name no example holds ("in Tunxi district", "Cootamundra") moves the message's vector and its
        letters away from every card's examples (a hidden camera in a dorm's shower "in Tunxi district": hidden-camera
        0.25, so the nearest example's card, deepfake, was given; without the town, hidden-camera 0.38: answer batch
        68's tuning half). Read only when the model is unsure of the message as written; one more embedding."""
        bare = without_towns(text)
        if bare == text or not bare:
            return None
        return self._situation(snapshot, self.embeddings.query_vector(bare), bare, person)

    def _situation(self, snapshot: IndexSnapshot, vector: np.ndarray, text: str, person: Person) -> CardMatch | None:
        """The situation model's card for a text as this person wrote it. Who does not say whom they help is asking
        for themselves ("被裸聊敲诈了怎么办"): the helpers' cards need the helper named."""
        return self.situations(snapshot).match(vector, text, person.language, self.embeddings.card_floor,
                                               self.embeddings.near_example, person.audience or "survivor",
                                               person.minor)

    def _sentence_card(self, snapshot: IndexSnapshot, text: str, person: Person) -> CardMatch | None:
        """The card that one sentence of a longer message describes, when the whole message fits none: a long story
        says where the person lives, what they already did and what they fear, and its vector lies between cards
        ("I'm French but I've lived in Kalmar ... a guy ... recorded our video call ... asking 5,000 kronor ...":
        sextortion 0.41 for that sentence, no card above 0.24 for the whole). Embedded only then, in one call."""
        parts = sentences(text)
        if not parts:
            return None
        vectors = self.embeddings.embed_queries(parts)
        return self.situations(snapshot).match_sentences(
            parts, vectors, person.language, self.embeddings.card_floor, self.embeddings.near_example,
            person.audience or "survivor", person.minor)

    def _card_answer(self, snapshot: IndexSnapshot, text: str, person: Person, sections: list[Document],
                     chosen: list[Document], vector: np.ndarray | None, *, max_chars: int,
                     **layout: Any) -> ComposedAnswer:
        """A card's answer: its sections for this person, the supporting passage (the named platform's page first)
        and the law line for their place. One call for both paths: after the lines to call (`layout`: the lead, the
        first citation number, the places already listed) the answer had lost its supporting passage and law line
        when they were passed only on the plain path."""
        group = sections[0].metadata["group"]
        asked = self._question_vector(text)
        relevance = None if vector is None else self.situations(snapshot).answer_relevance(
            group, person.language, vector, asked)
        law = self._law_card(snapshot, text, person, group, asked)
        supporting = self._platform_first(snapshot, chosen, person, vector)

        def compose(facts: list[Quote]) -> ComposedAnswer:
            return compose_card_answer(text, sections, person, supporting=supporting, max_chars=max_chars,
                                       similarity=snapshot.similarity, relevance=relevance, law=law, facts=facts,
                                       **layout)
        answer = compose(facts := self._service_facts(snapshot, text, person))
        if not facts and not person.services:
            unnamed = self._unnamed_fact(snapshot, text, person, sections + chosen, vector, answer.answer)
            if unnamed:
                answer = compose(unnamed)
        return answer

    def _unnamed_fact(self, snapshot: IndexSnapshot, text: str, person: Person, drawn: list[Document],
                      vector: np.ndarray | None, said: str) -> list[Quote]:
        """Asked how long, naming no service ("ils ont combien de temps pour l'enlever ?"): the guidance's line that
        says it, from the passages the answer draws on (`drawn`), closest to the question (answer/service_facts.py).
        None when the answer without it (`said`) already says it: a card that says "within 48 hours" keeps its own
        first lines."""
        if vector is None:
            return []
        asked = [facet for facet in asked_facets(text, person.language)
                 if facet in UNNAMED and not says_already(said, facet, person.language)]
        if not asked:
            return []
        question = self._question_vector(text)()
        toward = question if question is not None else vector
        for facet in asked:
            found = unnamed_fact(facet, drawn, lambda doc: float(snapshot.vectors[doc.id] @ toward),
                                 person.language, person.place, member_states(text), person.minor)
            if found:
                return found
        return []

    def _service_facts(self, snapshot: IndexSnapshot, text: str, person: Person) -> list[Quote]:
        """The guidance's lines that answer what the message asks about the service it names first ("3018 c'est
        payant ?": "Le 3018 est gratuit, anonyme et confidentiel."; answer/service_facts.py)."""
        if not person.services or not person.facets:
            return []
        # "12338 ou 12377 ?" asks what each one is: one line about each of the first two services it names.
        compared = person.facets == (COMPARED,) and len(person.services) >= 2
        facts: list[Quote] = []
        for service in person.services[:2] if compared else person.services[:1]:
            found = service_facts(service, person.facets, self._passages_naming(snapshot, person.language, service),
                                  person.language, person.place, member_states(text), person.minor,
                                  helper=person.helps_someone)
            facts += [quote for quote in found if all(quote[1] != said for _, said, _ in facts)]
        return facts[:MAX_FACT_LINES]

    def _passages_naming(self, snapshot: IndexSnapshot, language: str, service: str) -> list[Document]:
        """The passages in `language` that name the service in their text or their heading, in page order (cached
        per index generation)."""
        key = (snapshot.generation.name, language, service)
        passages = self._about_service.get(key)
        if passages is None:
            ids = snapshot.dense.get(language, ([], None))[0]
            passages = [doc for doc in map(snapshot.document, ids)
                        if names_service(doc.page_content, service)
                        or names_service(str(doc.metadata.get("section", "")), service)]
            if len(self._about_service) > 256:
                self._about_service.clear()
            self._about_service[key] = passages
        return passages

    def _platform_first(self, snapshot: IndexSnapshot, chosen: list[Document], person: Person,
                        vector: np.ndarray | None) -> list[Document]:
        """The passages a card's answer may add a supporting line from, the named platform's page first.

        A card's steps are the same for every platform; "he posted it on twitter" asks about that one. When retrieval
        found none of its page's passages (the page says "X", the message "twitter"), the page's passage closest to
        the message is added after the ones it found: first, it pushed out the law a message asked about ("my ex sent
        my video to my colleagues on WeChat. Can I sue him?"; on the tuning halves first: +2 facts, after: +3)."""
        if not person.platforms or vector is None:
            return chosen
        group = person.platforms[0]
        if any(doc.metadata.get("group") == group for doc in chosen):
            return chosen
        query = np.asarray(vector, dtype=np.float32)
        page = [doc for doc in snapshot.group_sections(group, person.language)
                if not is_intro(doc) and for_them(doc, person.place)
                and not (person.minor and for_adults_only(doc.metadata.get("section", "")))]
        if not page:
            return chosen
        return chosen + [max(page, key=lambda doc: float(snapshot.vectors[doc.id] @ query))]

    def _law_card(self, snapshot: IndexSnapshot, text: str, person: Person, group: str,
                  asked: Callable[[], np.ndarray | None]) -> tuple[list[Document], bool]:
        """The law card's sections for another card's answer, and whether the message asks about the law.

        A caseworker tells a person whose place is known whether what happened is a crime there ("Yes, that is a
        crime under art. 226-2-1"), whatever they asked: the law card's answer for their place joins the card's.
        With the place unknown, only a message whose question (its sentences ending in "?") reads as the law card's
        ("my flatmate filmed me in the shower. Is that illegal?") gets it: the card asks where they are. A question
        that names the law in words ("illegal", "délit", "坐牢"; a message of one sentence is its own question) asks
        it too: "im 16 is sextortion illegal" gets the situation's card, and the law's answer with it."""
        topic = law_topic(text)
        if group == LAW_CARD and topic is None:
            return [], False
        question = asked_sentences(text)
        vector = asked() if question else None
        if question is None and not sentences(text):
            question = text
        asks = asks_about_law(question or "", person.language) or (
            vector is not None and self.situations(snapshot).probabilities(
                question, np.asarray(vector, dtype=np.float32)).get(LAW_CARD, 0.0) >= LAW_QUESTION)
        if not asks and not person.place:
            return [], False
        # A deepfake's own law (its card's answer for the place), when another card answers: sharing a real image's
        # law is not the one that applies.
        law = topic if topic is not None and topic != group else LAW_CARD
        return snapshot.card_sections(law, person.language), asks

    def _question_vector(self, text: str) -> Callable[[], np.ndarray | None]:
        """The vector of the message's question alone, worked out once and only when asked for (a card with answers
        to choose between, or whether the question asks about the law); None for a one-sentence message, whose whole
        text is its question."""
        made: list[np.ndarray | None] = []

        def vector() -> np.ndarray | None:
            if not made:
                question = asked_sentences(text)
                made.append(self.embeddings.query_vector(question) if question else None)
            return made[0]
        return vector

    def _generate(self, grounded: ComposedAnswer, person: Person, text: str) -> ComposedAnswer:
        """The configured model's rephrasing of a grounded answer, shown only when the guard passes it."""
        return compose_generated(self.chat_model, grounded, person, text, embed=self.embeddings.embed_queries,
                                 floor=self.embeddings.source_floor, max_chars=self.settings.answer_max_chars).answer

    def _crisis_answer(self, snapshot: IndexSnapshot, text: str, person: Person, decision: RouteDecision, plan,
                       sections: list[Document], chosen: list[Document],
                       help_passage: Document | None, vector: np.ndarray | None = None) -> ComposedAnswer:
        """The lines to call first, cited from the crisis-lines page; then, when the guidance answers the message's
        question ("how do I get them removed? if they stay up I'll kill myself"), that answer after them.

        A possible crisis (the model is unsure) opens with a gentle check instead of assuming.
        """
        language, place = person.language, person.place
        crisis_sections = snapshot.group_sections(CRISIS_GROUP, language)
        plan = [(doc, limit) for doc, limit in plan if doc.metadata.get("group") != CRISIS_GROUP]  # already shown
        # "Thank you for telling me, you matter" answers a person who said it in words (a crisis pattern); when only
        # the model reads a crisis ("combien de temps pour porter plainte" at 0.65, a goodbye said indirectly), the
        # lines come first all the same, with the question a caseworker asks outright: are you thinking of ending
        # your life, are you in danger now?
        lead = "crisis_lead" if decision.reason == "pattern:crisis" else "crisis_check"
        lead = message(lead + "_helper" if person.helps_someone else lead, language)
        # An answer follows the lines when the guidance answers something the message asks beyond the crisis
        # (passages other than the crisis page were relevant), or, when the crisis is only possible, when a card fits
        # the situation: the person most likely asked a question ("he wants 800 now, do I go on or not?"), and the
        # card answers it even when no reference passage clears the relevance floor (not for one word or emoji, a
        # card matched on "💔" is noise: those get a question back and the first steps).
        if not plan and not (sections and not is_brief(text) and (
                decision.crisis == "possible" or (not decision.reason.startswith("pattern:") and asks_something(text)))):
            sections = []
        more = bool(plan or sections)
        compact = decision.crisis == "possible" and more
        lines = compose_answer(text, language, crisis_plan(crisis_sections, place, compact=compact, asked=more,
                                                             helper=person.helps_someone),
                               jurisdiction=place, crisis=True,
                               lead=lead, close=not more)
        if not lines.citations:
            fallback = [Block("lead", (Line(lead),)), Block("crisis", (Line(message("crisis_fallback", language)),)),
                        Block("close", (Line(message("crisis_close", language)),))]
            return ComposedAnswer(fallback, [], False)
        if not more:
            return lines
        budget = max(self.settings.answer_max_chars - len(lines.answer), self.settings.answer_max_chars // 3)
        then = message("crisis_then_answer", language)
        if sections:
            answer = self._card_answer(snapshot, text, person, sections, chosen, vector, max_chars=budget,
                                       first_citation=len(lines.citations) + 1, lead=then, places_listed=not place)
        else:
            answer = compose_answer(text, language, plan, jurisdiction=place, help_passage=help_passage,
                                    max_chars=budget, lead=then, first_citation=len(lines.citations) + 1)
        blocks = lines.blocks + answer.blocks
        if speaks_familiar([line.text for block in answer.blocks for line in block.lines], language):
            # The answer after the lines speaks to a young person as "tu" (the cards' lines for them do): our words
            # before it do too, not "vous" then "tu" in one reply. Not the lead of a likely crisis, which comes before
            # the crisis page's own words to the person, written as "vous".
            blocks = [_familiar(block, familiar_forms(language)) for block in blocks]
        return ComposedAnswer(blocks, lines.citations + answer.citations, True,
                              needs_place=answer.needs_place, needs_age=answer.needs_age, card=answer.card)

    def _crisis_then_refusal(self, snapshot: IndexSnapshot, person: Person, decision: RouteDecision) -> ComposedAnswer:
        """The lines to call first (as for any crisis), then the fixed refusal or out-of-scope sentence."""
        lines = self._crisis_answer(snapshot, "", person, decision, [], [], [], None)
        kept = [block for block in lines.blocks if block.kind != "close"]
        said = Block("note", (Line(message(decision.then, person.language)),))
        return ComposedAnswer(kept + [said], lines.citations, True)

    def _first_steps(self, snapshot: IndexSnapshot, text: str, person: Person, *,
                     after: ComposedAnswer | None, vector: np.ndarray | None = None) -> ComposedAnswer:
        """A gentle question back and the first-steps card, for a message too short to read ("😭", "leaked"); with
        the passage of the platform it names, when it names one ("he posted it on twitter help": how to report on X).

        After the lines to call (`after`), they take the place of its closing line, and of the sentence that says what
        Recourse answers when the router read the rest as out of scope: a short message is not turned away ("google
        combien de temps" was given the lines, "Recourse only answers ...", then these steps: 1,463 characters).
        """
        sections = snapshot.card_sections(FIRST_STEPS_GROUP, person.language)
        gentle = message("brief_question", person.language)
        facts = self._service_facts(snapshot, text, person)
        if facts:
            gentle = None  # the question asked is answered: not "tell me what happened"
        supporting = self._platform_first(snapshot, [], person, vector)
        if after is None:
            return compose_card_answer(text, sections, person, supporting=supporting,
                                       max_chars=self.settings.answer_max_chars, lead=gentle, facts=facts)
        lines = [block for block in after.blocks if block.kind not in ("close", "note")]
        shown = len(ComposedAnswer(lines, [], True).answer)
        budget = max(self.settings.answer_max_chars - shown, self.settings.answer_max_chars // 3)
        steps = compose_card_answer(text, sections, person, supporting=[], max_chars=budget,
                                    first_citation=len(after.citations) + 1, lead=gentle,
                                    places_listed=not person.place, facts=facts)
        return ComposedAnswer(lines + steps.blocks, after.citations + steps.citations, True,
                              needs_place=steps.needs_place, needs_age=steps.needs_age, card=steps.card)

    def _named_publishers(self, composed: ComposedAnswer) -> ComposedAnswer:
        """Each citation with its publisher's name in the languages the source registry gives one for."""
        if not composed.citations:
            return composed
        names = self._publishers
        if names is None:
            registry, _ = load_registry(self.settings.knowledge_dir / REGISTRY_FILE)
            names = self._publishers = _PublisherNames(registry)
        cited = [replace(c, publishers=names.of(c.url)) for c in composed.citations]
        return replace(composed, citations=cited)

    def _help_passage(self, snapshot: IndexSnapshot, vector: np.ndarray | None, language: str,
                      jurisdiction: str | None) -> Document | None:
        """The helpline passage for the person's place that is closest to the question."""
        if vector is None or jurisdiction in (None, "GLOBAL"):  # "somewhere else": no place's helplines fit
            return None
        query = np.asarray(vector, dtype=np.float32)
        best, best_key = None, None
        for cid in snapshot.with_topic(HELPLINES_TOPIC, language):
            places = snapshot.records[cid]["metadata"].get("jurisdictions", ())
            if jurisdiction in places:
                # A section about this place alone beats one that lists every place; then the closest to the question.
                key = (places == (jurisdiction,), float(snapshot.vectors[cid] @ query), cid)
                if best_key is None or key > best_key:
                    best, best_key = cid, key
        if best is None:
            return None
        return snapshot.document(best)


class _PublisherNames:
    """The publisher's names of each cited URL, looked up in the source registry once per URL.

    Only the guidance's own source URLs are kept (a few hundred at most), never anything a person typed: the lookup
    (parsing the URL, walking its parent domains) was done again for every citation of every answer.
    """

    def __init__(self, registry: Registry):
        self.registry = registry
        self._by_url: dict[str, dict[str, str]] = {}

    def of(self, url: str) -> dict[str, str]:
        names = self._by_url.get(url)
        if names is None:
            names = self._by_url[url] = publisher_names(self.registry, url)
        return dict(names)  # each citation its own dict


@contextmanager
def _without_gc_pauses() -> Iterator[None]:
    """No automatic collection while a generation loads; then what is in memory is frozen out of later collections.

    A load makes about a hundred thousand objects that live as long as the generation. They set off full
    collections of the heap (the models, the web app: about 0.2 s holding Python's lock, in whichever thread
    allocated last), during the load and in the questions after it. Frozen objects are skipped by collections and
    still freed when no longer referenced (the previous generation's are, on the swap); only reference cycles
    among them would stay, and Recourse's generations hold none.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


def _brief_route(text: str, decision: RouteDecision) -> RouteDecision:
    """The route for a message too short to read (`is_brief`). Pure.

    One word or one symbol is never refused or turned away: it gets the first steps. A crisis the router is sure
    of stays one. A crisis it only thinks possible stays one for a word ("pills") and for a crying or frightened
    emoji, and the first steps follow the lines; a 🙏, 👍, ❤️ or "?" alone is answered with the first steps, whose
    first line is the emergency number.
    """
    if decision.route in ("refuse", "out_of_scope"):
        return RouteDecision("answer", "brief")
    if decision.route == "crisis" and decision.crisis == "possible" and is_wordless(text) and not shows_distress(text):
        return RouteDecision("answer", "brief")
    return replace(decision, then="answer")  # a word is never refused, after the lines to call either


def _leaves_them_without_steps(composed: ComposedAnswer, decision: RouteDecision, *, one_word: bool = False) -> bool:
    """Whether a short message's answer would leave the person with nothing to do: "nothing found", a fixed
    sentence, or only the lines to call when the crisis was merely possible. For one word ("onlyfans"), any answer
    without a card's steps: reference passages quoted on a single word are a guess at what the person needs."""
    if decision.route == "crisis":
        # after the lines, a request the router is sure it must refuse keeps its refusal (a short message is refused
        # only at policy.SHORT_REFUSE)
        return decision.crisis == "possible" and composed.card is None and decision.then != "refuse"
    return composed.card is None and (one_word or not composed.found)


def _said(key: str, language: str) -> ComposedAnswer:
    """One of Recourse's fixed sentences as the whole answer (refusal, out of scope, empty, too long)."""
    return ComposedAnswer([Block("lead", (Line(message(key, language)),))], [], True)


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def _familiar(block: Block, familiar: dict[str, str]) -> Block:
    """The block with each fixed sentence of ours that has a familiar form ("tu" in French: `familiar`, each polite
    sentence to its familiar one) in that form: the lead before the lines to call and the words before the answer to
    the question. Quoted lines stay as written."""
    lines = tuple(Line(familiar.get(line.text, line.text), line.n) if line.n is None else line for line in block.lines)
    return Block(block.kind, lines, familiar.get(block.heading, block.heading))
