"""Login and logout routes (Flask-WTF form with CSRF, throttled with Flask-Limiter); sessions
carry the user's session generation, so sign-out and account changes end them on the server."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_limiter import RequestLimit
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from limits import parse_many
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from dashboard.extensions import db, limiter, login_manager
from dashboard.i18n import _, _l, ngettext
from dashboard.viewer import LoginUser
from data_access import audit, users

bp = Blueprint("auth", __name__)


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    next = HiddenField()


@login_manager.user_loader
def load_user(login_id: str) -> LoginUser | None:
    """The user of a session's login id "<user id>:<generation>"; None once it is outdated."""
    user_id, _sep, generation = login_id.partition(":")
    if not user_id.isdigit() or not generation.isdigit():
        return None
    with db.session() as session:
        user = users.get_user(session, int(user_id))
        if user is None or not user.is_active or user.session_generation != int(generation):
            return None
        return LoginUser(
            user.id, user.username, user.role, user.organisation_id, user.session_generation
        )


def safe_next(target: str | None) -> str:
    """Only local paths are followed after login (no open redirect)."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target:
        return "/"
    return target


def _login_limit() -> str:
    return current_app.config["LOGIN_LIMIT"]


def _failed(response) -> bool:  # per address, only failed attempts count
    return response.status_code == 200


def _account_ids(username: str) -> tuple[str, str, str]:
    return current_app.config["RATELIMIT_KEY_PREFIX"], "login-account", username.lower()


def reserve_attempt(username: str) -> int | None:
    """Count an attempt on this account before its password is checked (so concurrent
    attempts cannot slip past the limit); the minutes to wait when the limit is reached."""
    if not limiter.enabled:
        return None
    for item in parse_many(_login_limit()):
        if not limiter.limiter.hit(item, *_account_ids(username)):
            reset = limiter.limiter.get_window_stats(item, *_account_ids(username)).reset_time
            return max(1, int((reset - time.time() + 59) // 60))
    return None


def clear_attempts(username: str) -> None:
    """A successful sign-in starts the account's count afresh."""
    if limiter.enabled:
        for item in parse_many(_login_limit()):
            limiter.limiter.clear(item, *_account_ids(username))


def throttled(minutes: int):
    message = ngettext(
        "Too many sign-in attempts. Try again in %(num)d minute.",
        "Too many sign-in attempts. Try again in %(num)d minutes.",
        minutes,
    )
    return render_template("login.html", form=LoginForm(), error=message), 429


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next"))
    error = None
    if form.validate_on_submit():
        username = form.username.data.strip()
        wait = reserve_attempt(username)
        if wait is not None:
            return throttled(wait)
        with db.session() as session:
            user = users.authenticate(session, username, form.password.data)
            if user is None:
                audit.record(
                    session, "login_failed", username=username[:80], remote_addr=request.remote_addr
                )
            else:
                audit.record(
                    session,
                    "login",
                    organisation_id=user.organisation_id,
                    username=user.username,
                    remote_addr=request.remote_addr,
                )
                login_user(
                    LoginUser(
                        user.id,
                        user.username,
                        user.role,
                        user.organisation_id,
                        user.session_generation,
                    )
                )
                clear_attempts(username)
                return redirect(safe_next(form.next.data))
        error = _("Those details were not recognised. Check them and try again.")
    elif request.method == "POST":
        error = _("Enter your username and password.")
    return render_template("login.html", form=form, error=error)


def sign_out():
    """End this user's sessions everywhere (the generation moves on) and go to the login page."""
    if current_user.is_authenticated:
        with db.session() as session:
            user = users.get_user(session, current_user.id)
            if user is not None:
                users.end_sessions(user)
            audit.record(
                session,
                "logout",
                organisation_id=current_user.organisation_id,
                username=current_user.username,
                remote_addr=request.remote_addr,
            )
    logout_user()
    return redirect(url_for("auth.login"))


@bp.route("/logout", methods=["POST"])
def logout():
    return sign_out()


def form_expired(error: CSRFError):
    """A missing or expired CSRF token: sign-out still signs out (forcing a sign-out harms no
    one, and SameSite cookies keep other sites from doing it); the login form comes back with
    a fresh token; any other form gets a plain 400 page."""
    if request.endpoint == "auth.logout":
        return sign_out()
    if request.endpoint == "auth.login":
        message = _("The form expired; please sign in again.")
        return render_template("login.html", form=LoginForm(), error=message), 400
    return render_template("error.html", code=400), 400


def too_many_attempts(error):
    """429 on the login form, saying when to try again."""
    minutes = 1
    limit: RequestLimit | None = getattr(limiter, "current_limit", None)
    if limit is not None:
        minutes = max(1, int((limit.reset_at - time.time() + 59) // 60))
    return throttled(minutes)
