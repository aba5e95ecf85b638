"""`recourse kb new`: a new topic in all three languages, filled in from the template a maintainer follows."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

_TITLES = {"en": "TITLE", "zh": "标题", "fr": "TITRE"}
_SECTION = {
    "en": ("A heading that says what this section answers", "One complete, plain sentence per step."),
    "zh": ("说明本节回答什么问题的标题", "每一步用一句完整、简单的话。"),
    "fr": ("Un titre qui dit à quelle question répond cette section", "Une phrase simple et complète par étape."),
}


def scaffold_topic(root: Path, topic: str, today: date, review_after: timedelta) -> list[Path]:
    """Write en.md, zh.md and fr.md for a new topic; refuses to overwrite an existing topic."""
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", topic):
        raise SystemExit(f"topic id '{topic}' must be lower-case words joined by '-', e.g. dating-app-safety")
    folder = root / topic
    if folder.exists():
        raise SystemExit(f"{folder} already exists; edit its files instead")
    folder.mkdir(parents=True)
    paths = []
    for language in ("en", "zh", "fr"):
        doc_id = topic if language == "en" else f"{topic}-{language}"
        heading, step = _SECTION[language]
        translation = "null" if language == "en" else topic
        text = f"""---
id: {doc_id}
title: "{_TITLES[language]}"
language: {language}
translation_of: {translation}
jurisdictions: [GLOBAL]
topics: [{topic}]
audience: [survivor]
sources:
  - title: "SOURCE PAGE TITLE"
    publisher: "PUBLISHER"
    url: "https://example.org/replace-with-the-source-page"
    kind: official
    accessed: {today.isoformat()}
last_reviewed: {today.isoformat()}
review_due: {(today + review_after).isoformat()}
reviewed_by: "YOUR NAME"
---

# {_TITLES[language]}

## {heading}

- {step}
"""
        path = folder / f"{language}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
