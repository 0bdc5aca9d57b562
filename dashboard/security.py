"""Security headers (a Content-Security-Policy from Dash's inline-script hashes) and error
answers that never carry a traceback."""

from __future__ import annotations

import dash
from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from dashboard.i18n import _

# Answered as plain JSON on Dash's own endpoints, as an HTML page everywhere else.
ERROR_CODES = (400, 403, 404, 405, 413, 500)


def _error_text(code: int) -> str:
    texts = {
        400: _("The request was malformed."),
        403: _("Forbidden."),
        404: _("Not found."),
        405: _("Method not allowed."),
        413: _("The request is too large."),
    }
    return texts.get(code, _("Something went wrong. The error has been logged."))


def install_error_pages(server: Flask) -> None:
    """Error answers without internals (Flask logs the traceback of a 500 before this runs)."""

    def answer(error: HTTPException):
        code = error.code if isinstance(error, HTTPException) and error.code else 500
        if request.path.startswith("/_dash-"):
            return jsonify(error=_error_text(code)), code
        return render_template("error.html", code=code), code

    for code in ERROR_CODES:
        server.register_error_handler(code, answer)


def install_headers(server: Flask, app: dash.Dash) -> None:
    production = server.config["DASHBOARD_ENV"] == "production"

    @server.after_request
    def set_headers(response: Response) -> Response:
        # Computed per response so the hashes include scripts Dash Pages adds at first request.
        scripts = " ".join(app.csp_hashes())
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; "
            f"script-src 'self' {scripts}; "
            "style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; "
            "font-src 'self' data:; "
            "connect-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if production:
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response
