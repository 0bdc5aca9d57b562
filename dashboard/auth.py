"""Login and logout routes (Flask-WTF form with CSRF, throttled with Flask-Limiter)."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_limiter import RequestLimit
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from dashboard.extensions import db, limiter, login_manager
from dashboard.i18n import _, _l
from dashboard.viewer import LoginUser
from data_access import audit, users

bp = Blueprint("auth", __name__)


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    next = HiddenField()


@login_manager.user_loader
def load_user(user_id: str) -> LoginUser | None:
    if not user_id.isdigit():
        return None
    with db.session() as session:
        user = users.get_user(session, int(user_id))
        if user is None or not user.is_active:
            return None
        return LoginUser(user.id, user.username, user.role, user.organisation_id)


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


def _account_key() -> str:
    return "login-account:" + (request.form.get("username") or "").strip().lower()


def _failed(response) -> bool:  # only failed attempts count towards the limit
    return response.status_code == 200


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_key, deduct_when=_failed)
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next"))
    error = None
    if form.validate_on_submit():
        with db.session() as session:
            user = users.authenticate(session, form.username.data.strip(), form.password.data)
            if user is None:
                audit.record(
                    session,
                    "login_failed",
                    username=form.username.data.strip()[:80],
                    remote_addr=request.remote_addr,
                )
            else:
                audit.record(
                    session,
                    "login",
                    organisation_id=user.organisation_id,
                    username=user.username,
                    remote_addr=request.remote_addr,
                )
                login_user(LoginUser(user.id, user.username, user.role, user.organisation_id))
                return redirect(safe_next(form.next.data))
        error = _("Those details were not recognised. Check them and try again.")
    elif request.method == "POST":
        error = _("Enter your username and password.")
    return render_template("login.html", form=form, error=error)


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        with db.session() as session:
            audit.record(
                session,
                "logout",
                organisation_id=current_user.organisation_id,
                username=current_user.username,
                remote_addr=request.remote_addr,
            )
    logout_user()
    return redirect(url_for("auth.login"))


def too_many_attempts(error):
    """429 on the login form, saying when to try again."""
    minutes = 1
    limit: RequestLimit | None = getattr(limiter, "current_limit", None)
    if limit is not None:
        minutes = max(1, int((limit.reset_at - time.time() + 59) // 60))
    message = _("Too many sign-in attempts. Try again in %(n)d minute(s).", n=minutes)
    return render_template("login.html", form=LoginForm(), error=message), 429
