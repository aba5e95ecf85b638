"""Which of our three languages a message is written in.

Chinese is recognised by its script; English and French by py3langid (a maintained fork of langid.py whose model
ships inside the package), limited to those two so short messages are not mistaken for a third language.
"""

from __future__ import annotations

import re

from assistant.once import load_once

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@load_once
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["en", "fr"])
    return identifier


def detect_language(text: str, hint: str | None = None) -> str:
    """'zh', 'en' or 'fr'. A confident hint (the interface language) settles messages too short to judge."""
    letters = _LETTER.findall(text)
    if not letters:
        return hint if hint in ("en", "zh", "fr") else "en"
    cjk = len(_CJK.findall(text))
    if cjk and cjk / len(letters) >= 0.2:
        return "zh"
    language, probability = _identifier().classify(text)
    if probability < 0.75 and hint in ("en", "fr"):
        return hint
    return language
