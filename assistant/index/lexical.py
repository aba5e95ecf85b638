"""Lexical retrieval: BM25 over passages, per language, with jieba word segmentation for Chinese.

Dense vectors find paraphrases; BM25 finds the exact rare words people type: "12377", "StopNCII", "226-2-1",
"PHAROS". The two are fused in retrieval.py.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import threading
import time
import unicodedata
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np

from assistant.once import load_once
from assistant.vocabulary import CJK

log = logging.getLogger(__name__)
KEEP_ON_DISK = 2  # lexical index folders kept in the cache folder

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_CJK = CJK

_STOPWORDS = {
    "en": set("a an and are as at be but by can do does for from has have how i if in is it me my of on or so "
              "that the their them there they this to was what when where which who will with you your".split()),
    "fr": set("a au aux avec ce ces dans de des du elle en est et il je la le les leur ma me mes moi mon ne on ou "
              "par pas pour qu que qui sa se ses son sur ta te tu un une vos votre vous y".split()),
    "zh": set("的 了 我 你 他 她 是 在 吗 呢 吧 啊 和 与 及 或 被 把 就 都 也 要 会 能 怎么 什么 如何 一个 这 那 有".split()),
}

_STOP = {language: frozenset(words | _STOPWORDS["en"]) for language, words in _STOPWORDS.items()}  # English everywhere


@load_once
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _stem(token: str) -> str:
    # A light plural fold is enough for short guidance passages ("preuves"/"preuve", "images"/"image").
    if len(token) > 4 and token[-1] in "sx" and not token.endswith("ss"):
        return token[:-1]
    return token


def tokenize(text: str, language: str) -> list[str]:
    """Search terms of a text: folded latin words everywhere, plus jieba words for Chinese script."""
    tokens = [_stem(t) for t in _WORD.findall(_fold(text))]
    if _CJK.search(text):
        tokens += [w for w in _jieba().lcut_for_search(text) if _CJK.search(w)]
    stop = _STOP.get(language, _STOPWORDS["en"])
    return [t for t in tokens if t not in stop and len(t.strip()) > 0]


@lru_cache(maxsize=8192)
def passage_terms(text: str, language: str) -> frozenset[str]:
    """The search terms of a guidance text, cached: the composer compares the same passages with every question."""
    return frozenset(tokenize(text, language))


TOKENIZER_VERSION = 1  # change it with tokenize(): indexes kept on disk are then built again
_YIELD_EVERY = 32  # texts tokenized between two pauses that let answering threads have the interpreter


class LexicalIndex:
    """BM25 over one language's passages."""

    def __init__(self, ids: list[str], texts: list[str], language: str, *, bm25: bm25s.BM25 | None = None,
                 terms: list[list[str]] | None = None):
        """From the texts, or from their terms already worked out (`terms`), or from a loaded index (`bm25`)."""
        self.ids = ids
        self.language = language
        if bm25 is None:
            bm25 = bm25s.BM25()
            if terms is None:
                terms = _tokenize_gently(texts, language)
            bm25.index([t or ["\u2205"] for t in terms], show_progress=False)
        self._bm25 = bm25
        self._vocab = set(self._bm25.vocab_dict)

    def save(self, folder: Path) -> None:
        """bm25s's own files (numpy arrays and JSON, no pickle) and the passage ids."""
        self._bm25.save(str(folder), show_progress=False)
        (folder / "ids.json").write_text(json.dumps({"language": self.language, "ids": self.ids}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        kept = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        bm25 = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0)
        return cls(kept["ids"], [], kept["language"], bm25=bm25)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Best passages with their BM25 scores (0 scores dropped)."""
        tokens = [t for t in tokenize(query, self.language) if t in self._vocab]
        if not tokens or not self.ids:
            return []
        scores = self._bm25.get_scores(tokens)
        order = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0]


def lexical_indexes(corpora: dict[str, tuple[list[str], list[str], str]],
                    cache_dir: Path | None = None) -> dict[str, LexicalIndex]:
    """BM25 indexes by name, from (ids, texts, language) each; kept in `cache_dir` under a digest of their input.

    Tokenizing a generation's passages (jieba is pure Python) took about a second, and a running app did it while
    answering, when it swapped in a new generation. `kb build` leaves the indexes on disk, so the app only reads
    arrays; a missing or unreadable folder is built again (and written when `cache_dir` is given), tokenizing only
    the passages whose terms the newest folder on disk does not hold.
    """
    digest = hashlib.sha256(f"tokenizer {TOKENIZER_VERSION} bm25s {bm25s.__version__}".encode())
    for name in sorted(corpora):
        ids, texts, language = corpora[name]
        digest.update(json.dumps([name, language, ids, texts], ensure_ascii=False).encode())
    folder = cache_dir / f"lexical-{digest.hexdigest()[:16]}" if cache_dir is not None else None
    if folder is not None and (folder / "complete").exists():
        try:
            return {name: LexicalIndex.load(folder / name) for name in corpora}
        except (OSError, ValueError, KeyError) as exc:
            log.warning("lexical index in %s not read (%s); building it again", folder.name, type(exc).__name__)
            shutil.rmtree(folder, ignore_errors=True)
    known = _earlier_terms(cache_dir) if cache_dir is not None else {}
    indexes: dict[str, LexicalIndex] = {}
    terms_now: dict[str, list[str]] = {}
    for name, (ids, texts, language) in corpora.items():
        keys = [_terms_key(text, language) for text in texts]
        missing = [i for i, key in enumerate(keys) if key not in known]
        for i, terms in zip(missing, _tokenize_gently([texts[i] for i in missing], language), strict=True):
            known[keys[i]] = terms
        indexes[name] = LexicalIndex(ids, texts, language, terms=[known[key] for key in keys])
        terms_now.update((key, known[key]) for key in keys)
    if folder is not None:
        _write(folder, indexes, terms_now)
    return indexes


def _tokenize_gently(texts: list[str], language: str) -> list[list[str]]:
    terms: list[list[str]] = []
    for start in range(0, len(texts), _YIELD_EVERY):
        terms += [tokenize(t, language) for t in texts[start:start + _YIELD_EVERY]]
        time.sleep(0)  # jieba is pure Python: in a background load, give the answering threads a turn
    return terms


def _terms_key(text: str, language: str) -> str:
    return hashlib.sha256(f"{language}\0{text}".encode()).hexdigest()[:20]


def _earlier_terms(cache_dir: Path) -> dict[str, list[str]]:
    """The terms of the passages of the newest indexes on disk: a build tokenizes only new or changed passages."""
    for folder in sorted(cache_dir.glob("lexical-*"), key=lambda f: f.stat().st_mtime, reverse=True):
        try:
            kept = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if kept.get("tokenizer") == TOKENIZER_VERSION:
            return dict(kept["terms"])
    return {}


def _write(folder: Path, indexes: dict[str, LexicalIndex], terms: dict[str, list[str]]) -> None:
    """Written whole in a folder of its own, then renamed, so a reader never sees half of it."""
    partial = folder.with_name(f".{folder.name}.{os.getpid()}.{threading.get_native_id()}.tmp")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        for name, index in indexes.items():
            (partial / name).mkdir(parents=True)
            index.save(partial / name)
        (partial / "terms.json").write_text(json.dumps({"tokenizer": TOKENIZER_VERSION, "terms": terms},
                                                       ensure_ascii=False), encoding="utf-8")
        (partial / "complete").write_text("", encoding="utf-8")
        partial.rename(folder)
    except OSError as exc:  # another process wrote it first, or the disk is read-only: the indexes are in memory
        log.info("lexical index not kept on disk (%s)", type(exc).__name__)
        shutil.rmtree(partial, ignore_errors=True)
        return
    kept = sorted(folder.parent.glob("lexical-*"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in kept[KEEP_ON_DISK:]:  # the newest (this one) and the previous (which a running app may be reading)
        shutil.rmtree(old, ignore_errors=True)
