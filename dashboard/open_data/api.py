"""The open data API: `GET /api/v1/datasets` and `GET /api/v1/datasets/<name>.csv|.json`
with `from`, `to` and `area`; guarded by the policy table, rate-limited per address and
audited like every download. Errors answer JSON with a message saying what is wrong."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

from dashboard.access import refuse, requires
from dashboard.downloads import filename, record_download
from dashboard.extensions import limiter
from dashboard.i18n import _
from dashboard.open_data.catalogue import CATALOGUE, visible_to
from dashboard.open_data.grains import history
from dashboard.open_data.query import BadQuery
from dashboard.open_data.service import describe, last_updated, produce, to_csv, to_json
from dashboard.page_support import today
from dashboard.policy import allowed
from dashboard.viewer import current_viewer

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}

bp = Blueprint("open_data", __name__, url_prefix="/api/v1")


def rate_limit() -> str:
    return current_app.config["OPEN_DATA_RATE_LIMIT"]


limiter.shared_limit(rate_limit, scope="open-data-api")(bp)


def error(status: int, message: str):
    return jsonify(error=message, status=status), status


def json_error(exc: HTTPException):
    """Errors under the API answer JSON (the app's own handlers render HTML pages)."""
    messages = {
        403: _("You need to sign in with a partner account (or above) for this dataset."),
        404: _("There is no such dataset; GET /api/v1/datasets lists them."),
        429: _("Too many requests: the limit is %(limit)s per address.", limit=rate_limit()),
    }
    return error(exc.code or 500, messages.get(exc.code, exc.description or exc.name))


for _code in (400, 403, 404, 405, 429):
    bp.register_error_handler(_code, json_error)


@bp.get("/<path:rest>")
def unknown(rest: str):
    """Any other address under the API answers JSON, not the app's HTML page."""
    return error(404, _("There is no such address; GET /api/v1/datasets lists the datasets."))


@bp.get("/datasets")
@requires("data")
def list_datasets():
    """Every dataset the caller may download, with its data dictionary."""
    viewer = current_viewer()
    hist = history(viewer.organisation_id, today()) if viewer.organisation_id else None
    if hist is None:
        return error(503, _("No organisation publishes data here yet."))
    entries = []
    for dataset in visible_to(viewer.role):
        entry = describe(dataset, hist, last_updated(dataset, viewer.organisation_id))
        entry["links"] = {
            fmt: url_for("open_data.download", name=dataset.name, fmt=fmt) for fmt in FORMATS
        }
        entries.append(entry)
    months = {"first": hist.months[0], "last": hist.months[-1]} if hist.months else None
    return jsonify(datasets=entries, months=months, areas=list(hist.areas))


@bp.get("/datasets/<name>.<fmt>")
@requires("data")
def download(name: str, fmt: str):
    """One dataset as CSV or JSON for the filters in the query string."""
    dataset = CATALOGUE.get(name)
    if dataset is None or fmt not in FORMATS:
        message = _(
            "There is no dataset '%(name)s.%(fmt)s'; GET /api/v1/datasets lists them "
            "(formats: csv, json).",
            name=name[:60],
            fmt=fmt[:10],
        )
        return error(404, message)
    viewer = current_viewer()
    if not allowed(viewer.role, dataset.policy_key):
        refuse("route:" + request.path)
        message = _(
            "The dataset '%(name)s' is for partner organisations: sign in with a partner "
            "account (or above).",
            name=name,
        )
        return error(403, message)
    if viewer.organisation_id is None:
        return error(503, _("No organisation publishes data here yet."))
    try:
        answer = produce(dataset, viewer, request.args, today())
    except BadQuery as exc:
        return error(400, str(exc))
    record_download(f"api:{name}.{fmt}", len(answer.frame))
    if fmt == "csv":
        body = to_csv(answer)
    else:
        body = to_json(answer, last_updated(dataset, viewer.organisation_id))
    stem = "-".join([name, *answer.query.params().values()])
    response = Response(body, content_type=FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename(stem, fmt)}"'
    return response
