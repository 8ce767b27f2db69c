"""Errors a user sees as one line: the file and the reason, never a traceback."""

from __future__ import annotations


class ReportError(Exception):
    """A document that cannot become a report. ``str()`` is the user-facing reason."""

    kind = "unreadable"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


class IngestError(ReportError):
    """The file cannot be read: corrupt, encrypted, unknown format, over a limit."""


class NotAReportError(ReportError):
    """The file reads fine but is not a final-accounts report (budget, template, unrelated)."""

    kind = "not_a_report"
