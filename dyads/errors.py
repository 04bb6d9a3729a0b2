"""Exceptions. Every error names the stage it came from and, where one exists, the fix.

Users catch ``DyadsError``; the subclasses say which part of the pipeline failed.
Per-document problems never raise through a run: the pipeline turns them into a
``failed`` or ``skipped`` status on the document (see ``pipeline.py``).
"""

from __future__ import annotations


class DyadsError(Exception):
    """Base class of every error dyads raises on purpose."""

    stage = "dyads"

    def __init__(self, message: str, *, fix: str | None = None, doc: str | None = None) -> None:
        self.message = message
        self.fix = fix
        self.doc = doc
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f" [{self.doc}]" if self.doc else ""
        text = f"{self.stage}{where}: {self.message}"
        return f"{text} (fix: {self.fix})" if self.fix else text


class IngestError(DyadsError):
    stage = "ingest"


class CleanError(DyadsError):
    stage = "clean"


class LanguageError(DyadsError):
    stage = "language"


class SegmentError(DyadsError):
    stage = "segment"


class KnowledgeBaseError(DyadsError):
    stage = "kb"


class CoderError(DyadsError):
    stage = "code"


class ResolveError(DyadsError):
    stage = "resolve"


class StoreError(DyadsError):
    stage = "store"


class ExportError(DyadsError):
    stage = "export"


class ConfigError(DyadsError):
    stage = "config"


class EngineError(DyadsError):
    stage = "engine"
