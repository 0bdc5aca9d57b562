"""Settings, read once from the environment with safe defaults for the embedded demo."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"
DEV_SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - refused outside development/testing

# name -> (default, meaning). The README's configuration table is generated from this.
SETTINGS: dict[str, tuple[Any, str]] = {
    "DASHBOARD_ENV": (
        "development",
        "development, testing or production (production enforces a real SECRET_KEY, "
        "Secure cookies and HSTS)",
    ),
    "DATABASE_URL": (
        f"sqlite:///{INSTANCE_DIR / 'dashboard.db'}",
        "SQLAlchemy URL; PostgreSQL in production, e.g. postgresql+psycopg://user@host/db",
    ),
    "SECRET_KEY": (
        "",
        "Flask session and CSRF signing key; must be set (32+ random characters) in production. "
        "Unset elsewhere: a random key is made on the first run and kept in instance/secret_key",
    ),
    "REDIS_URL": (
        "",
        "Redis for the shared cache, login throttling and (with Celery workers) background "
        "imports; empty means in-process memory",
    ),
    "CACHE_KEY_PREFIX": (
        "lgbtdash:",
        "prefix of the app's keys in Redis (cache, staged imports, the import job queue); "
        "give each install sharing one Redis its own, and its Celery workers the same",
    ),
    "BACKGROUND_JOBS": (
        "",
        "where long imports run: celery (Celery workers on REDIS_URL; start them with make "
        "worker or celery -A dashboard.celery_app worker) or diskcache (a subprocess of the "
        "web worker, one machine); empty means celery when REDIS_URL is set, else diskcache",
    ),
    "SUPPRESSION_THRESHOLD": (
        5,
        "counts from 1 to this minus 1 are suppressed for public and partner viewers",
    ),
    "PUBLIC_ORG": ("DVP", "code of the organisation whose public figures anonymous visitors see"),
    "DEMO_PASSWORD": (
        "demo-password",
        "password of the demo accounts created by seed-demo (never in production)",
    ),
    "CACHE_TIMEOUT": (300, "seconds an aggregated query result stays cached"),
    "LOGIN_LIMIT": (
        "5 per minute;20 per hour",
        "login attempts allowed per account and per address",
    ),
    "CAPACITY_REFERRALS_PER_LO": (
        30,
        "referrals per active liaison officer per 12 months above which an area shows a "
        "capacity gap",
    ),
    "IMPORT_MAX_MB": (20, "largest import file accepted, in megabytes"),
    "HOST": ("127.0.0.1", "address make run serves on"),
    "PORT": (8050, "port make run serves on"),
    "LOG_LEVEL": ("INFO", "Python logging level"),
    # open data API (dashboard/open_data/api.py)
    "OPEN_DATA_RATE_LIMIT": ("60 per minute", "open data API requests allowed per address"),
    "MAX_REQUEST_MB": (2, "largest request body accepted, in megabytes (larger: HTTP 413)"),
}


def _coerce(name: str, default: Any, raw: str) -> Any:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        if not raw.strip().isascii() or not raw.strip().lstrip("-").isdigit():
            raise ValueError(f"{name} must be a whole number, got {raw!r}")
        return int(raw)
    return raw


def development_secret_key(instance_dir: Path) -> str:
    """The random signing key of a non-production install, made once and kept (mode 0600).

    Written to a private temporary file and linked into place, so processes starting together
    (gunicorn workers) all end up with the one key."""
    path = instance_dir / "secret_key"
    if not path.exists():
        instance_dir.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=instance_dir, prefix=".secret_key.")
        try:
            with os.fdopen(descriptor, "w") as handle:  # mkstemp files are mode 0600
                handle.write(secrets.token_urlsafe(48) + "\n")
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process was first: use its key
        finally:
            os.unlink(temporary)
    key = path.read_text().strip()
    if len(key) < 32:
        raise ValueError(f"{path} holds no usable key; delete it to have a new one made")
    return key


def load_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Settings from the environment, then `overrides`; ValueError on unsafe production use."""
    config = {name: default for name, (default, _meaning) in SETTINGS.items()}
    for name, (default, _meaning) in SETTINGS.items():
        if name in os.environ:
            config[name] = _coerce(name, default, os.environ[name])
    config.update(overrides or {})
    env = config["DASHBOARD_ENV"]
    if env not in {"development", "testing", "production"}:
        raise ValueError(f"DASHBOARD_ENV must be development, testing or production, not {env!r}")
    key = str(config["SECRET_KEY"] or "")
    if env == "production" and (key == DEV_SECRET_KEY or len(key) < 32):
        raise ValueError("SECRET_KEY must be set to 32+ random characters in production")
    if not key:
        config["SECRET_KEY"] = development_secret_key(INSTANCE_DIR)
    jobs = str(config.get("BACKGROUND_JOBS") or "").strip().lower()
    if jobs not in {"", "celery", "diskcache"}:
        raise ValueError(f"BACKGROUND_JOBS must be celery or diskcache, not {jobs!r}")
    if jobs == "celery" and not config["REDIS_URL"]:
        raise ValueError("BACKGROUND_JOBS=celery needs REDIS_URL (Celery's broker and results)")
    if int(config["SUPPRESSION_THRESHOLD"]) < 2:
        raise ValueError("SUPPRESSION_THRESHOLD must be at least 2")
    if not 1 <= int(config["MAX_REQUEST_MB"]) <= 1024:
        raise ValueError("MAX_REQUEST_MB must be between 1 and 1024")
    return config
