"""How long a running app takes to load an index generation, and how long it keeps other threads waiting meanwhile.

    PYTHONPATH=$PWD .venv/bin/python bench/snapshot_load.py [--runs 5]

Reads the active generation of the index in RECOURSE_INDEX_DIR (build it first with `kb build`) the way a running
app does when it swaps a new one in: `IndexSnapshot.load` and the situation model, with the background load's
pauses. A ticker thread sleeps 0.5 ms in a loop meanwhile, standing in for the threads answering questions: each of
its wake-ups that comes more than 2 ms late was kept waiting for Python's lock (or a core). Prints, per load: wall
time, the loading thread's CPU time (an upper bound on how long it held Python's lock: native code may have run
without it), the ticker's total wait and its longest wait; then the same for dropping the previous generation (freeing
its objects). With --chroma, loads from Chroma even when `kb build` left a passage file (no effect on older code).
"""

from __future__ import annotations

import argparse
import gc
import inspect
import statistics
import threading
import time

import numpy as np

from assistant.answer.cards import SituationModel
from assistant.answer.labels import read_labelled_questions
from assistant.index.embeddings import make_embeddings
from assistant.index.retrieval import IndexSnapshot
from assistant.index.store import VectorStore
from assistant.settings import get_settings

TICK = 0.0005
LATE = 0.002


class Ticker(threading.Thread):
    """Sleeps TICK in a loop; adds up how late it wakes (beyond LATE) and the latest wake-up."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.waited = 0.0
        self.longest = 0.0

    def run(self) -> None:
        while not self.stop.is_set():
            t = time.perf_counter()
            time.sleep(TICK)
            late = time.perf_counter() - t - TICK
            if late > LATE:
                self.waited += late
                self.longest = max(self.longest, late)

    def reset(self) -> None:
        self.waited, self.longest = 0.0, 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pause", type=float, default=None, help="the background load's pause (default: the app's)")
    parser.add_argument("--chroma", action="store_true", help="read Chroma even when a passage file is there")
    args = parser.parse_args()
    import assistant.service as service

    pause = args.pause if args.pause is not None else service.BACKGROUND_READ_PAUSE
    settings = get_settings()
    embeddings = make_embeddings(settings.embedding_model)
    store = VectorStore(settings, embeddings)
    labelled = read_labelled_questions()
    active = store.active()
    extra = {}
    if "passages_dir" in inspect.signature(IndexSnapshot.load).parameters and not args.chroma:
        extra["passages_dir"] = settings.index_dir / "passages"

    def load() -> tuple[IndexSnapshot, SituationModel]:
        snapshot = IndexSnapshot.load(store, active, settings.index_dir / "lexical", pause=pause, **extra)
        return snapshot, SituationModel(snapshot, settings.index_dir / "situations", labelled,
                                        lambda texts: np.asarray(embeddings.embed_documents(texts), dtype=np.float32))

    previous = load()  # warm: Chroma's files, jieba, the OS page cache
    ticker = Ticker()
    ticker.start()
    rows = []
    for _ in range(args.runs):
        time.sleep(0.2)
        gc.collect()
        ticker.reset()
        start, cpu = time.perf_counter(), time.thread_time()
        with service._without_gc_pauses():
            fresh = load()
        took, cpu = time.perf_counter() - start, time.thread_time() - cpu
        time.sleep(0.05)
        load_wait, load_longest = ticker.waited, ticker.longest
        ticker.reset()
        start = time.perf_counter()
        previous = fresh  # drops the previous generation, as the swap does
        freed = time.perf_counter() - start
        time.sleep(0.05)
        rows.append((took, cpu, load_wait, load_longest, freed, ticker.waited, ticker.longest))
        print(f"load {took * 1000:6.0f} ms ({cpu * 1000:4.0f} ms CPU), ticker kept waiting {load_wait * 1000:5.0f} ms (longest "
              f"{load_longest * 1000:4.1f} ms); dropping the previous: {freed * 1000:5.1f} ms, ticker waited "
              f"{ticker.waited * 1000:4.1f} ms (longest {ticker.longest * 1000:4.1f} ms)", flush=True)
    ticker.stop.set()
    del previous
    med = [statistics.median(column) * 1000 for column in zip(*rows, strict=True)]
    print(f"median of {args.runs} (pause {pause} s, {'passage file' if extra else 'Chroma'}): load {med[0]:.0f} ms "
          f"({med[1]:.0f} ms CPU), waits {med[2]:.0f} ms (longest {med[3]:.1f} ms); drop {med[4]:.1f} ms, waits "
          f"{med[5]:.1f} ms (longest {med[6]:.1f} ms)")


if __name__ == "__main__":
    main()
