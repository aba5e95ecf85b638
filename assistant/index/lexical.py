"""Lexical retrieval: BM25 over passages, per language, with jieba word segmentation for Chinese.

Dense vectors find paraphrases; BM25 finds the exact rare words people type: "12377", "StopNCII", "226-2-1",
"PHAROS". The two are fused in retrieval.py.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

import bm25s
import numpy as np

from assistant.once import load_once
from assistant.vocabulary import CJK

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_CJK = CJK

_STOPWORDS = {
    "en": set("a an and are as at be but by can do does for from has have how i if in is it me my of on or so "
              "that the their them there they this to was what when where which who will with you your".split()),
    "fr": set("a au aux avec ce ces dans de des du elle en est et il je la le les leur ma me mes moi mon ne on ou "
              "par pas pour qu que qui sa se ses son sur ta te tu un une vos votre vous y".split()),
    "zh": set("的 了 我 你 他 她 是 在 吗 呢 吧 啊 和 与 及 或 被 把 就 都 也 要 会 能 怎么 什么 如何 一个 这 那 有".split()),
}


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
    stop = _STOPWORDS.get(language, set()) | _STOPWORDS["en"]
    return [t for t in tokens if t not in stop and len(t.strip()) > 0]


@lru_cache(maxsize=8192)
def passage_terms(text: str, language: str) -> frozenset[str]:
    """The search terms of a guidance text, cached: the composer compares the same passages with every question."""
    return frozenset(tokenize(text, language))


class LexicalIndex:
    """BM25 over one language's passages."""

    def __init__(self, ids: list[str], texts: list[str], language: str):
        self.ids = ids
        self.language = language
        self._bm25 = bm25s.BM25()
        corpus = [tokenize(t, language) or ["\u2205"] for t in texts]
        self._bm25.index(corpus, show_progress=False)
        self._vocab = set(self._bm25.vocab_dict)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Best passages with their BM25 scores (0 scores dropped)."""
        tokens = [t for t in tokenize(query, self.language) if t in self._vocab]
        if not tokens or not self.ids:
            return []
        scores = self._bm25.get_scores(tokens)
        order = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0]
