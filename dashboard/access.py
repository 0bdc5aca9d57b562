"""Server-side access control for every entry point, from the one policy table.

- Dash callbacks: a before_request hook reads the outputs of each POST to
  /_dash-update-component and checks the owning page's policy key (deny by default);
  a malformed body is answered 400 (dashboard/callback_requests.py).
- Page layouts: each registered layout is wrapped so it renders only for allowed roles.
- Direct page visits: GET of a page path is refused with a 403 page (or sent to login).
- Flask routes (downloads, API): the `requires(key)` decorator.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from typing import Any

import dash
from dash import html
from flask import abort, current_app, jsonify, redirect, render_template, request, url_for

from dashboard.auditing import audit_event
from dashboard.callback_requests import Malformed, check_against, read_body
from dashboard.i18n import APP_NAME, _
from dashboard.policy import POLICY, allowed, key_for_component
from dashboard.viewer import current_viewer

# Dash's own page-router callback renders layouts, which are guarded themselves.
DASH_INTERNAL_IDS = {"_pages_content": "shell", "_pages_store": "shell", "_pages_dummy": "shell"}


def translated_title(title: str) -> Callable[..., str]:
    """The browser tab's title, in the viewer's language when the page is served."""
    return lambda **_path_variables: f"{_(title)} · {_(APP_NAME)}"


def register_page(module: str, path: str, title: str, order: int, **kwargs: Any) -> None:
    """`dash.register_page` with the roles from the policy table (key: the module's name)."""
    key = module.rsplit(".", 1)[-1]
    if key not in POLICY:
        raise KeyError(f"page {key!r} has no entry in the policy table")
    dash.register_page(
        module,
        path=path,
        title=translated_title(title),
        name=title,
        order=order,
        roles=POLICY[key],
        policy_key=key,
        **kwargs,
    )


def output_ids(outputs: Any) -> Iterable[str]:
    """Component ids named in a callback request's or callback map's outputs."""
    if isinstance(outputs, dict):
        outputs = [outputs]
    for item in outputs or []:
        if isinstance(item, list):
            yield from output_ids(item)
            continue
        component = item.get("id") if isinstance(item, dict) else None
        if isinstance(component, dict):  # pattern-matching id: {"type": "overview-...", ...}
            component = component.get("type", "")
        if isinstance(component, str):
            yield component


def key_for_output(component_id: str) -> str | None:
    if component_id in DASH_INTERNAL_IDS:
        return DASH_INTERNAL_IDS[component_id]
    if component_id.startswith("{"):
        try:
            component_id = json.loads(component_id).get("type", "")
        except (ValueError, AttributeError):
            return None
    return key_for_component(component_id)


def refuse(target: str) -> None:
    audit_event("access_refused", target)


def parse_output_key(output: str) -> list[str]:
    """Component ids in a callback key: 'a.x' or '..a.x...b.y..' (Dash's dispatch key)."""
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    return [part.rsplit(".", 1)[0] for part in parts if "." in part]


def malformed(problem: Malformed):
    return jsonify(error="malformed callback request", detail=str(problem)), 400


def check_callback():
    """Allow a callback request only if it is well formed (else 400) and every output belongs
    to a page the role may use (else 403). Dash dispatches on the body's "output" key, so that
    is checked as well as "outputs"."""
    if not request.is_json:
        return jsonify(error="callbacks take application/json"), 415
    try:
        body = read_body()
    except Malformed as problem:
        return malformed(problem)
    ids = list(output_ids(body["outputs"])) + parse_output_key(body["output"])
    role = current_viewer().role
    keys = {key_for_output(component_id) for component_id in ids}
    if not ids or None in keys or not all(allowed(role, k) for k in keys):
        refuse("callback:" + ",".join(map(str, ids))[:150])
        return jsonify(error="forbidden"), 403
    try:
        check_against(body, current_app.extensions["dash_app"].callback_map)
    except Malformed as problem:
        return malformed(problem)
    return None


def page_for_path(path: str) -> dict | None:
    for page in dash.page_registry.values():
        if page["path"] == path or (path.endswith("/") and page["path"] == path.rstrip("/")):
            return page
    return None


def check_page_get():
    """Refuse a direct visit to a page the role may not use; 404 for paths that are not pages."""
    if request.url_rule is None or request.url_rule.rule not in {"/", "/<path:path>"}:
        return None
    page = page_for_path(request.path)
    if page is None:
        return render_template("error.html", code=404), 404
    viewer = current_viewer()
    if allowed(viewer.role, page["policy_key"]):
        return None
    if not viewer.is_authenticated:
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    refuse("page:" + request.path)
    return render_template("error.html", code=403), 403


def enforce():
    """The before_request hook: every Dash callback and every page visit."""
    if request.path == "/_dash-update-component" and request.method == "POST":
        return check_callback()
    if request.method == "GET":
        return check_page_get()
    return None


def guard_layout(key: str, layout: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a page layout so it renders only for roles the policy allows."""

    @functools.wraps(layout)
    def guarded(**query: Any):
        viewer = current_viewer()
        if not allowed(viewer.role, key):
            return access_message(viewer.is_authenticated)
        return layout(**query)

    return guarded


def access_message(signed_in: bool) -> html.Div:
    """What a page shows a role it is not for (the HTTP route answers 403 as well)."""
    if signed_in:
        return html.Div(
            _("You do not have access to this page."), className="alert alert-warning", role="alert"
        )
    return html.Div(
        [_("This page needs you to sign in. "), html.A(_("Sign in"), href="/login")],
        className="alert alert-info",
        role="alert",
    )


def requires(key: str):
    """Decorator for Flask routes (downloads, API): 403 unless the role may use `key`."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            if not allowed(current_viewer().role, key):
                refuse("route:" + request.path)
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorate
