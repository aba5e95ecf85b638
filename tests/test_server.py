"""The scale-out path: the same index and answers through a real `chroma run` server."""

from __future__ import annotations

from pathlib import Path

from assistant.service import Recourse
from tests.conftest import make_settings


def test_build_and_ask_through_a_chroma_server(chroma_server, tmp_path: Path, small_kb: Path):
    host, port, _ = chroma_server
    settings = make_settings(tmp_path, small_kb, chroma_host=host, chroma_port=port,
                             collection_prefix="server-test")
    service = Recourse(settings)
    assert "server" in service.store.where
    first = service.build()
    assert len(first.added) == 9

    # A second app process would see the same index.
    other = Recourse(settings)
    result = other.ask("Comment signaler une image intime diffusée sans accord ?", "FR")
    assert result.language == "fr" and result.citations

    # Answers search the process's copy of the vectors; it must rank passages as the server's own index does.
    snapshot = other.snapshot()
    vector = other.embeddings.embed_query("Someone is threatening to share my photos unless I pay")
    collection = service.store._client.get_collection(snapshot.generation.name)
    found = collection.query(query_embeddings=[vector], n_results=5, where={"language": "en"})
    in_memory = snapshot.search(vector, 5, "en")
    assert found["ids"][0] == [cid for cid, _ in in_memory]
    assert [round(1.0 - d, 4) for d in found["distances"][0]] == [round(score, 4) for _, score in in_memory]

    # Incremental through the server as well.
    path = small_kb / "telegram" / "en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## A new section for the test\n\n- Keep calm.\n",
                    encoding="utf-8")
    report = service.build()
    assert report.updated == ["telegram"] and report.embedded == 1
    assert len([g for g in service.store.generations() if g.complete]) <= 2
