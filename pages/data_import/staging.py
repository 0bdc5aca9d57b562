"""One import attempt kept on the server between its steps: the uploaded file, the previewed
settings (a ticket), and the mapping chosen. Nothing of it travels back through the browser
but a random token."""

from __future__ import annotations

from pathlib import Path

from dashboard.background import job_store
from dashboard.config import PROJECT_ROOT
from dashboard.viewer import Viewer
from data_access.imports import Mapping, Source, load_mapping, parse_mapping

MAPPINGS_DIR = PROJECT_ROOT / "mappings"
MAX_MAPPING_BYTES = 256 * 1024


def shipped_mappings() -> dict[str, Path]:
    """Mapping files shipped in mappings/ by name (file stem)."""
    paths = sorted(MAPPINGS_DIR.glob("*.y*ml"))
    return {path.stem: path for path in paths if path.suffix in (".yaml", ".yml")}


def mapping_from(choice: dict | None) -> Mapping | None:
    """The mapping a stored choice names: {"shipped": name} or {"text": yaml, "name": name};
    ValueError naming the problem."""
    if not choice:
        return None
    if choice.get("shipped"):
        path = shipped_mappings().get(str(choice["shipped"]))
        if path is None:
            raise ValueError(f"no shipped mapping called {choice['shipped']!r}")
        return load_mapping(path)
    return parse_mapping(str(choice.get("text") or ""), str(choice.get("name") or "mapping"))


def stage_file(viewer: Viewer, data: bytes, filename: str) -> str:
    """Keep an uploaded file for this viewer; its token."""
    owner = {"org_id": viewer.organisation_id, "username": viewer.username}
    return job_store().put({**owner, "filename": filename, "data": data})


def staged_file(viewer: Viewer, token: object) -> dict | None:
    """A file this viewer staged (None for another viewer's, or an expired one)."""
    staged = job_store().get(token)
    if not staged or not _owned(viewer, staged):
        return None
    return staged


def issue_ticket(viewer: Viewer, settings: dict, filename: str, report: str | None) -> str:
    """What the coordinator saw previewed (`settings`: file token, kind, mapping, sheet) and its
    reject report: confirming it later imports exactly this."""
    owner = {"org_id": viewer.organisation_id, "username": viewer.username}
    return job_store().put({**owner, **settings, "filename": filename, "report": report})


def source_for(viewer: Viewer, settings: dict, max_mb: float) -> Source | None:
    """The engine's Source for previewed settings; None when the file is gone or not this
    viewer's. ValueError when the mapping cannot be used."""
    staged = staged_file(viewer, settings.get("file"))
    if staged is None:
        return None
    return Source(
        staged["data"], staged["filename"], kind=settings.get("kind") or None,
        mapping=mapping_from(settings.get("mapping")), sheet=settings.get("sheet") or None,
        max_mb=max_mb,
    )  # fmt: skip


def ticket(viewer: Viewer, token: object) -> dict | None:
    found = job_store().get(token)
    return found if found and _owned(viewer, found) else None


def claim_ticket(viewer: Viewer, token: object) -> dict | None:
    """The ticket, for the first confirmation only; None when it is unknown, another viewer's,
    or already claimed (a double click imports once)."""
    ticket = job_store().get(token)
    if not ticket or not _owned(viewer, ticket) or not job_store().claim(str(token)):
        return None
    return ticket


def _owned(viewer: Viewer, staged: dict) -> bool:
    return (
        staged.get("org_id") == viewer.organisation_id and staged.get("username") == viewer.username
    )
