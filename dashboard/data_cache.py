"""Cached values that follow the data: each key carries the organisation's data version, which
every import and record change bumps, so no worker serves a value older than the data."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import g, has_request_context

from dashboard.extensions import cache, db
from data_access.organisations import data_version

T = TypeVar("T")


def current_data_version(org_id: int) -> int:
    """The organisation's data version, read once per request (one indexed row)."""
    seen = g.setdefault("data_versions", {}) if has_request_context() else {}
    if org_id not in seen:
        with db.session() as session:
            seen[org_id] = data_version(session, org_id)
    return seen[org_id]


def memoize_per_data_version(timeout: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Like `cache.memoize`, for functions whose first argument is an organisation id: the
    cached value is keyed by that organisation's current data version as well."""

    def decorate(func: Callable[..., T]) -> Callable[..., T]:
        def versioned(org_id: int, version: int, *args: Any) -> T:
            return func(org_id, *args)

        versioned.__module__ = func.__module__
        versioned.__qualname__ = versioned.__name__ = func.__qualname__ + "_versioned"
        cached = cache.memoize(timeout=timeout)(versioned)

        @functools.wraps(func)
        def wrapper(org_id: int, *args: Any) -> T:
            return cached(org_id, current_data_version(org_id), *args)

        return wrapper

    return decorate
