"""The dashboard core: `create_app(config)` builds the Flask server and the Dash app on it."""

from __future__ import annotations

import logging
import sys
from typing import Any

import dash
from flask import Flask, jsonify, redirect, request
from flask_wtf.csrf import CSRFError
from sqlalchemy import text

from dashboard import access, background, uploads
from dashboard.auth import bp as auth_bp
from dashboard.auth import form_expired, too_many_attempts
from dashboard.config import INSTANCE_DIR, PROJECT_ROOT, load_config
from dashboard.extensions import cache, csrf, db, limiter, login_manager
from dashboard.i18n import APP_NAME, init_languages
from dashboard.open_data.api import bp as open_data_bp
from dashboard.security import install_error_pages, install_headers
from dashboard.shell import install_index, register_shell_callbacks, shell_layout
from dashboard.viewer import current_viewer

__all__ = ["create_app"]


def create_server(config: dict[str, Any]) -> Flask:
    """The Flask server with extensions, login routes and error pages."""
    server = Flask(__name__, instance_path=str(INSTANCE_DIR))
    server.config.update(config)
    production = config["DASHBOARD_ENV"] == "production"
    server.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=production,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SECURE=production,
        WTF_CSRF_CHECK_DEFAULT=False,  # checked in `protect_forms` (Dash posts JSON instead)
        BABEL_DEFAULT_LOCALE="en",
        BABEL_TRANSLATION_DIRECTORIES=str(PROJECT_ROOT / "dashboard" / "translations"),
        RATELIMIT_STORAGE_URI=config["REDIS_URL"] or "memory://",
        RATELIMIT_ENABLED=config.get("RATELIMIT_ENABLED", True),
        RATELIMIT_STRATEGY="moving-window",  # "5 per minute" holds for any 60 seconds
        MAX_CONTENT_LENGTH=int(config["MAX_REQUEST_MB"]) * 1024 * 1024,
        CACHE_TYPE="RedisCache" if config["REDIS_URL"] else "SimpleCache",
        CACHE_REDIS_URL=config["REDIS_URL"] or None,
        CACHE_DEFAULT_TIMEOUT=config["CACHE_TIMEOUT"],
        CACHE_KEY_PREFIX=config.get("CACHE_KEY_PREFIX", "lgbtdash:"),
        RATELIMIT_KEY_PREFIX=config.get("RATELIMIT_KEY_PREFIX", "lgbtdash"),
    )
    logging.basicConfig(level=config["LOG_LEVEL"])
    db.init_app(server, config["DATABASE_URL"])
    csrf.init_app(server)
    login_manager.init_app(server)
    login_manager.login_view = "auth.login"
    limiter.init_app(server)
    cache.init_app(server)
    init_languages(server)
    server.register_blueprint(auth_bp)
    server.register_blueprint(open_data_bp)
    server.register_error_handler(429, too_many_attempts)
    server.register_error_handler(CSRFError, form_expired)
    install_error_pages(server)

    @server.before_request
    def protect_forms():
        from flask import request

        if request.method == "POST" and not request.path.startswith("/_dash-"):
            csrf.protect()

    @server.get("/healthz")
    def healthz():
        try:
            with db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure means the database is unreachable
            return jsonify(status="error", database="unreachable"), 503
        return jsonify(status="ok", database="ok")

    return server


def create_app(overrides: dict[str, Any] | None = None) -> dash.Dash:
    """Build the app from environment settings plus `overrides`."""
    config = load_config(overrides)
    server = create_server(config)
    server.extensions["job_store"] = background.JobStore(config)
    server.before_request(uploads.widen_callback_body_limit)  # before the hook reads the body
    server.before_request(access.enforce)
    app = dash.Dash(
        __name__,
        server=server,
        use_pages=True,
        pages_folder=str(PROJECT_ROOT / "pages"),
        assets_folder=str(PROJECT_ROOT / "assets"),
        suppress_callback_exceptions=True,
        serve_locally=True,
        title=APP_NAME,  # pages give their own title, translated (dashboard.access)
        update_title=None,
        compress=False,
        enable_mcp=False,
        background_callback_manager=background.create_manager(config, server),
    )
    app.layout = shell_layout
    install_index(app)
    register_shell_callbacks(app)
    server.extensions["dash_app"] = app  # the callback map the request check validates against
    for page in dash.page_registry.values():
        page["layout"] = access.guard_layout(page["policy_key"], page["layout"])
        # a page's own Flask routes (e.g. the report PDF), each guarded by `requires`
        blueprint = getattr(sys.modules.get(page["module"]), "blueprint", None)
        if blueprint is not None and blueprint.name not in server.blueprints:
            server.register_blueprint(blueprint)
    install_headers(server, app)
    server.before_request(land_anonymous_on_public_summary)  # after Dash's own hooks
    # Claim the page callbacks now, so that several apps in one process (tests) each get theirs.
    with server.test_request_context("/"):
        app._setup_server()
    return app


def land_anonymous_on_public_summary():
    """Anonymous visitors asking for "/" get the public summary; "/" stays the overview for
    signed-in users."""
    if request.method == "GET" and request.path == "/" and not current_viewer().is_authenticated:
        return redirect("/public")
    return None
