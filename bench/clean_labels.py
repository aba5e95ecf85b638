"""Clean a blind answer batch's labels and split it into its tuning half and hold-out, before anything is measured.

    .venv/bin/python bench/clean_labels.py N RAW.jsonl [RAW.jsonl ...] [--keep ID ...]

Reads the helpers' raw files (one per language), takes the loose terms of `bench/data/loose_terms.txt` out of every
`expect` group (a group left empty is dropped; `--keep ID`: a question whose loose word is its literal answer, "is
there a tool in French?", keeps all its terms), drops a question written word for word in earlier labelled data, and
writes `bench/data/answers_firstsightN_tune.jsonl` (odd ids) and `..._holdout.jsonl` (even ids). Labels only: no
answer is read, so running it spends nothing of the batch. Prints what it took out.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

DATA = Path(__file__).with_name("data")


def loose_terms(path: Path = DATA / "loose_terms.txt") -> set[str]:
    return {line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def known_texts(batch: int) -> set[str]:
    """Every question and message already in the labelled data, folded: a new one written word for word is no news
    (the batch's own files left out, so cleaning it again gives the same halves)."""
    seen: set[str] = set()
    own = f"answers_firstsight{batch}_"
    folders = [DATA, DATA.parent.parent / "tests" / "data", DATA.parent.parent.parent / "shared" / "eval"]
    for path in (p for folder in folders if folder.is_dir() for p in folder.glob("*.jsonl")
                 if not p.name.startswith(own)):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            for key in ("question", "text"):
                if isinstance(row, dict) and isinstance(row.get(key), str):
                    seen.add(" ".join(row[key].lower().split()))
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", type=int)
    parser.add_argument("raw", nargs="+", type=Path)
    parser.add_argument("--keep", nargs="*", default=[], help="ids whose loose word is the literal answer")
    args = parser.parse_args()
    loose, seen, keep = loose_terms(), known_texts(args.batch), set(args.keep)
    halves: dict[str, list[dict]] = {"tune": [], "holdout": []}
    removed = emptied = 0
    for path in args.raw:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if " ".join(row["question"].lower().split()) in seen:
                print(f"dropped, word for word in earlier data: {row['id']} {row['question']!r}")
                continue
            groups = []
            for group in row["expect"]:
                kept = group if row["id"] in keep else [t for t in group if t.strip().lower() not in loose]
                removed += len(group) - len(kept)
                if kept:
                    groups.append(kept)
                else:
                    emptied += 1
                    print(f"group left empty, dropped: {row['id']} {group}")
            if not groups:
                print(f"dropped, no group left: {row['id']}")
                continue
            row["expect"] = groups
            halves["tune" if int(row["id"].rsplit("-", 1)[1]) % 2 else "holdout"].append(row)
    for half, rows in halves.items():
        out = DATA / f"answers_firstsight{args.batch}_{half}.jsonl"
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{out}: {len(rows)} questions")
    print(f"{removed} loose terms taken out, {emptied} groups left empty")


if __name__ == "__main__":
    main()
