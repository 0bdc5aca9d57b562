"""Security headers, including a Content-Security-Policy built from Dash's inline-script hashes."""

from __future__ import annotations

import dash
from flask import Flask, Response


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
