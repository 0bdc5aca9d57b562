"""Uploaded files: the request-size allowance for roles that may import, and decoding what
dcc.Upload sends (a base64 data URL)."""

from __future__ import annotations

import base64
import binascii

from flask import current_app, request

from dashboard.policy import allowed
from dashboard.viewer import current_viewer

UPLOAD_KEY = "data_import"  # the page whose callbacks carry whole files
BASE64_GROWTH = 4 / 3
ENVELOPE_BYTES = 256 * 1024  # the rest of the callback's JSON body


def import_limit_bytes() -> int:
    return int(float(current_app.config["IMPORT_MAX_MB"]) * 1024 * 1024)


def upload_body_limit() -> int:
    """The largest callback body an import file of IMPORT_MAX_MB makes (base64 plus JSON)."""
    return int(import_limit_bytes() * BASE64_GROWTH) + ENVELOPE_BYTES


def widen_callback_body_limit() -> None:
    """before_request: a callback request from a role that may import may carry a whole file,
    so its body may exceed MAX_CONTENT_LENGTH up to IMPORT_MAX_MB encoded; everyone else
    keeps the app's limit. (The access hook still decides whether the callback may run.)"""
    if request.path != "/_dash-update-component" or request.method != "POST":
        return
    if not allowed(current_viewer().role, UPLOAD_KEY):
        return
    default = current_app.config.get("MAX_CONTENT_LENGTH")
    if default is not None and default < upload_body_limit():
        request.max_content_length = upload_body_limit()


def decode_upload(contents: object) -> bytes | None:
    """The bytes of a dcc.Upload `contents` data URL; None when it is not one."""
    if not isinstance(contents, str) or "," not in contents:
        return None
    header, _sep, payload = contents.partition(",")
    if not header.startswith("data:") or not header.endswith(";base64"):
        return None
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return None
