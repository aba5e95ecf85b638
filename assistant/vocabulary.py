"""The one list of languages and of places Recourse covers (cheap to import: the CLI's argument parser uses it)."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "zh", "fr")
JURISDICTIONS: tuple[str, ...] = ("GLOBAL", "CN", "US", "UK", "AU", "EU", "FR")
PLACES: tuple[str, ...] = tuple(j for j in JURISDICTIONS if j != "GLOBAL")  # places a person can be in
