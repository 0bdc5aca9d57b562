"""The one access policy table: which roles may use each page, its callbacks, downloads and
API routes. Everything not listed is denied."""

from __future__ import annotations

from data_access.vocab import ROLES

EVERYONE = frozenset(ROLES)
STAFF = frozenset({"network", "leadership", "coordinator"})
MANAGEMENT = frozenset({"leadership", "coordinator"})

# Key: a page key. Dash component ids start with "<key>-", so a callback belongs to the page
# whose key prefixes its outputs. "shell" is the app frame (navigation) shown on every page.
POLICY: dict[str, frozenset[str]] = {
    "shell": EVERYONE,
    "overview": EVERYONE,
    "commitments": EVERYONE,
    "register": EVERYONE,
    "channels": frozenset({"partner"}) | STAFF,
    "workload": STAFF,
    "accountability": STAFF,
    "audit": frozenset({"admin"}),
    "users": frozenset({"admin"}),
    "methodology": EVERYONE,
    # imports (issue 11): loading records is the coordinator's; leadership reads the history
    "data_import": frozenset({"coordinator"}),
    "import_history": MANAGEMENT,
    # Step 5: staff-only pages (no public or partner view yet, so no disclosure path)
    "training": STAFF,
    "engagement": STAFF,
    "report": frozenset({"network", "leadership"}),
    "scrutiny": MANAGEMENT,
    # Open data: the public summary and the /data page (with the API's public datasets).
    "public": EVERYONE,
    "data": EVERYONE,
    # Easy read: how to report a hate crime or incident (issue 14).
    "how_to_report": EVERYONE,
}

# Finer-grained features inside a page.
FEATURES: dict[str, frozenset[str]] = {
    "workload.per_officer": MANAGEMENT,
    "commitments.edit": frozenset({"coordinator"}),
    "commitments.private": STAFF,
    "engagement.edit": frozenset({"coordinator"}),
    "scrutiny.edit": frozenset({"coordinator"}),
    # Partner datasets of the open-data catalogue (page, API and export).
    "data.partner": frozenset({"partner"}) | STAFF,
}

# Roles whose figures pass disclosure control. Admin manages users, not data: it sees what the
# public sees.
DISCLOSURE_CONTROLLED = frozenset({"public", "partner", "admin"})


def allowed(role: str, key: str) -> bool:
    """True when `role` may use the page (or feature) `key`; unknown keys are denied."""
    roles = POLICY.get(key)
    if roles is None:
        roles = FEATURES.get(key, frozenset())
    return role in roles


def key_for_component(component_id: str) -> str | None:
    """The policy key owning a component id ("overview-trend" -> "overview")."""
    prefix = component_id.split("-", 1)[0]
    return prefix if prefix in POLICY else None
