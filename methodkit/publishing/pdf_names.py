"""Where PDF downloads live, relative to a language's root. Stable names, so links never break."""

from __future__ import annotations

DOWNLOADS = "downloads/"


def module_pdf(module_id: str, version: str, lang: str) -> str:
    """version: 'coach', 'participant' or 'worksheet' (the worksheets alone)."""
    return f"{DOWNLOADS}{module_id}-{version}-{lang}.pdf"


def trainer_pack(lang: str) -> str:
    return f"{DOWNLOADS}trainer-pack-{lang}.pdf"


def workbook(lang: str) -> str:
    return f"{DOWNLOADS}workbook-{lang}.pdf"


def cards(lang: str) -> str:
    return f"{DOWNLOADS}cards-{lang}.pdf"
