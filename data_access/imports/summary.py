"""The summary an import preview or an applied import hands back to the page or the command line."""

from __future__ import annotations

from dataclasses import dataclass, field

from data_access.imports.report import Reject, first_reasons, report_csv

PREVIEW, APPLIED, REJECTED, REFUSED, CANCELLED, FAILED = (
    "preview", "applied", "rejected", "refused", "cancelled", "failed",
)  # fmt: skip


@dataclass
class ImportSummary:
    """Counts and problems of one import; `status` says whether anything was written.

    preview: nothing written yet; applied: every change written in one transaction;
    rejected: rows had problems, so nothing was written; refused: the file as a whole could not
    be used (unreadable, wrong kind, bad mapping); cancelled / failed: stopped mid-way, rolled
    back, nothing kept."""

    kind: str
    filename: str
    sha256: str
    status: str = PREVIEW
    size_bytes: int = 0
    encoding: str | None = None
    sheet: str | None = None
    mapping_name: str | None = None
    rows_total: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # out of scope under the mapping: not imported, not an error
    merged: int = 0  # rows repeating the mapping's dedupe key, counted once
    changed_fields: int = 0
    rejects: list[Reject] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    message: str = ""
    batch_id: int | None = None
    data_version: int | None = None

    @property
    def rejected(self) -> int:
        """Rows with at least one problem (file-level problems count as none)."""
        return len({r.row for r in self.rejects if r.row})

    @property
    def ok(self) -> bool:
        return self.status in (PREVIEW, APPLIED) and not self.rejects

    def first_reasons(self, limit: int = 5) -> list[str]:
        return first_reasons(self.rejects, limit)

    def report_csv(self) -> str:
        """Every reject as CSV text (row, column, value, reason), safe to open in a spreadsheet."""
        return report_csv(self.rejects)

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows_total,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "skipped": self.skipped,
        }

    def lines(self) -> list[str]:
        """The summary as a few lines of plain text (the command line prints these)."""
        read = [self.encoding, f"sheet {self.sheet}" if self.sheet else None]
        read.append(f"mapping {self.mapping_name}" if self.mapping_name else None)
        details = ", ".join(part for part in read if part)
        source = f"{self.filename} ({details})" if details else self.filename
        counts = ", ".join(f"{n} {label}" for label, n in self.counts().items())
        out = [f"{self.status}: {self.kind} from {source}", counts]
        if self.merged:
            out.append(f"{self.merged} rows repeated a dedupe key and were counted once")
        if self.ignored_columns:
            out.append("columns ignored by the mapping: " + ", ".join(self.ignored_columns))
        if self.message:
            out.append(self.message)
        return out
