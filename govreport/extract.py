"""Extraction of facts (seventh stage): metadata, expected targets, achieved indicators."""

from __future__ import annotations

from .models import Diagnostic, Indicator, Metadata, Section, Target
from .normalize import NormalizedText

__all__ = ["extract"]


def extract(
    text: str, norm: NormalizedText, sections: list[Section]
) -> tuple[Metadata, tuple[Target, ...], tuple[Indicator, ...], list[Diagnostic]]:
    metadata = Metadata(script=norm.script)
    return metadata, (), (), []
