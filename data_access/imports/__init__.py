"""Importing a force's own records: one definition per kind, readers, validation, mappings and
an all-or-nothing, idempotent apply. Knows nothing of Dash.

Public API (used by the command line and the import pages):
- `Source(data, filename, kind=..., mapping=..., sheet=..., max_mb=...)`: one uploaded file;
- `preview_import(session, org_id, source) -> ImportSummary`: counts and rejects, no writes;
- `apply_import(session, org_id, source, username, on_progress, cancelled) -> ImportSummary`:
  all rows or none, in one transaction, recorded in the import history and the audit chain;
- `load_mapping(path)` / `parse_mapping(text)`; `KINDS`, `get_kind(name)`;
- templates.`template_csv(kind)` / `template_xlsx(kind)`; history.`list_batches`,
  `batch_report`, `list_revisions`; export.`export_csv(session, org_id, kind)`."""

from data_access.imports.engine import DEFAULT_MAX_MB, Source, apply_import, preview_import
from data_access.imports.kinds import KINDS, get_kind, guess_kind
from data_access.imports.mapping import Mapping, load_mapping, parse_mapping
from data_access.imports.report import ImportCancelled, ImportRefused, Reject, report_csv
from data_access.imports.summary import ImportSummary

__all__ = [
    "DEFAULT_MAX_MB", "KINDS", "ImportCancelled", "ImportRefused", "ImportSummary", "Mapping",
    "Reject", "Source", "apply_import", "get_kind", "guess_kind", "load_mapping",
    "parse_mapping", "preview_import", "report_csv",
]  # fmt: skip
