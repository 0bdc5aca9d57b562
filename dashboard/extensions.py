"""Flask extensions, created once here and bound to each app in `create_app`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, current_app
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from data_access.db import Database


class AppDatabase:
    """Per-app database: each app (several in tests) keeps its own engine in app.extensions."""

    def init_app(self, app: Flask, url: str) -> None:
        app.extensions["database"] = Database(url)

    @property
    def _database(self) -> Database:
        return current_app.extensions["database"]

    @property
    def engine(self) -> Engine:
        return self._database.engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._database.session() as session:
            yield session


db = AppDatabase()
cache = Cache()
csrf = CSRFProtect()
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=False)
