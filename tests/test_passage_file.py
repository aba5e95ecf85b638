"""The passage file `kb build` keeps beside the index: real Chroma, the real model, real guidance.

A running app adopts a new generation by reading that file instead of Chroma; it must give exactly what Chroma
gives, and a missing, foreign or damaged file must leave the app reading Chroma and answering the same.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from assistant.index.passage_file import RECORDS, VECTORS
from assistant.index.retrieval import IndexSnapshot
from assistant.service import Recourse
from tests.conftest import serve_then_publish, wait_for_generation

QUESTIONS = [("How do I report a Telegram group?", None), ("Quelles preuves garder en cas de chantage ?", "FR"),
             ("有人威胁要发我的照片怎么办", None)]


def answers(service: Recourse) -> list[dict]:
    found = []
    for question, place in QUESTIONS:
        result = service.ask(question, place).to_dict()
        result.pop("timing_ms")
        found.append(result)
    return found


def passages_dir(service: Recourse) -> Path:
    return service.settings.index_dir / "passages"


def same_snapshot(a: IndexSnapshot, b: IndexSnapshot) -> None:
    assert list(a.records) == list(b.records)  # the same passages in Chroma's order
    assert a.records == b.records
    for cid, record in a.records.items():  # tags as tuples, numbers as numbers, on both sides
        assert {k: type(v) for k, v in record["metadata"].items()} == \
               {k: type(v) for k, v in b.records[cid]["metadata"].items()}
    for cid, vector in a.vectors.items():
        assert vector.dtype == b.vectors[cid].dtype and vector.tobytes() == b.vectors[cid].tobytes()
    for language, (ids, matrix) in a.dense.items():
        assert b.dense[language][0] == ids and np.array_equal(b.dense[language][1], matrix)


def test_kb_build_keeps_a_passage_file_that_gives_exactly_what_chroma_gives(small_settings):
    service = Recourse(small_settings)
    service.build()
    active = service.store.active()
    assert (passages_dir(service) / active.name / RECORDS).exists()
    assert (passages_dir(service) / active.name / VECTORS).exists()
    from_file = IndexSnapshot.load(service.store, active, passages_dir=passages_dir(service))
    from_chroma = IndexSnapshot.load(service.store, active)
    same_snapshot(from_file, from_chroma)


def test_a_running_app_adopts_a_published_generation_from_the_file_without_reading_chroma(small_settings,
                                                                                          small_kb: Path):
    service, second = serve_then_publish(small_settings, small_kb)

    def no_chroma(*_args, **_kwargs):
        raise AssertionError("the app read the passages from Chroma")

    service.store.passages = no_chroma
    wait_for_generation(service, second)
    assert service.ask("How do I report a Telegram group?").citations
    assert len([f for f in passages_dir(service).iterdir() if not f.name.startswith(".")]) == 2  # this and the one before


def _delete(folder: Path) -> None:
    (folder / RECORDS).unlink()


def _cut_short(folder: Path) -> None:
    data = (folder / RECORDS).read_bytes()
    (folder / RECORDS).write_bytes(data[:len(data) * 2 // 3])


def _one_vector_changed(folder: Path) -> None:
    data = bytearray((folder / VECTORS).read_bytes())
    data[-3] ^= 0x40
    (folder / VECTORS).write_bytes(bytes(data))


def _one_text_changed(folder: Path) -> None:
    data = (folder / RECORDS).read_bytes()
    (folder / RECORDS).write_bytes(data.replace(b"Telegram", b"Telegrom", 1))


def _garbage(folder: Path) -> None:
    (folder / RECORDS).write_bytes(b"\x00\xff not json\n[1, 2]\n")
    (folder / VECTORS).write_bytes(b"not numpy")


def _another_generation(folder: Path) -> None:
    """A file left by another generation under this one's name (copied from another machine, say)."""
    lines = (folder / RECORDS).read_bytes().split(b"\n", 1)
    (folder / RECORDS).write_bytes(lines[0].replace(b'"fingerprint": "', b'"fingerprint": "0', 1) + b"\n" + lines[1])


@pytest.mark.parametrize("damage", [_delete, _cut_short, _one_vector_changed, _one_text_changed, _garbage,
                                    _another_generation])
def test_a_missing_or_damaged_passage_file_leaves_the_app_reading_chroma_and_answering_the_same(
        small_settings, damage, caplog):
    built = Recourse(small_settings)
    built.build()
    expected = answers(built)
    active = built.store.active()
    damage(passages_dir(built) / active.name)
    caplog.set_level(logging.WARNING, logger="assistant.index.passage_file")
    service = Recourse(small_settings)  # a new app process starting on the damaged file
    assert answers(service) == expected
    same_snapshot(service.snapshot(), IndexSnapshot.load(built.store, active))
    if damage is not _delete:
        assert any("passage file not used" in r.getMessage() for r in caplog.records)
