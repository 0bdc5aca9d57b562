"""Definitions of the liaison-scheme kinds: areas, liaison officers, referrals, channel volumes."""

from __future__ import annotations

from data_access.imports.fields import DateOrder, Field, Kind, Requirement
from data_access.imports.report import N_
from data_access.models import Area, ChannelVolume, LiaisonOfficer, Referral
from data_access.vocab import (
    CHANNELS,
    DEPLOYMENTS,
    INCIDENT_TYPES,
    LO_STATUSES,
    LO_TYPES,
    NOT_OFFERED_REASONS,
    OFFER_OUTCOMES,
    OFFER_STATUSES,
    OUTCOMES,
    STRANDS,
    VICTIM_SUPPORT,
)


def _area(required: bool = True) -> Field:
    meaning = "area the record belongs to" if required else "area, if any"
    return Field("area_code", "code", meaning, required, max_length=32, ref="area", attr="area_id")


def _flag(name: str, meaning: str) -> Field:
    return Field(name, "boolean", meaning, default=False)


AREAS = Kind(
    name="areas",
    title=N_("Areas"),
    model=Area,
    description=N_("Districts or local authorities of the force, with population for rates per "
    "100,000. Import these first: every other kind refers to areas by code."),
    key=("code",),
    fields=(
        Field("code", "code", "the area's code, unique in the organisation", True, max_length=32),
        Field("name", "text", "the area's name", True, max_length=200),
        Field(
            "population", "integer", "residents (empty or 0: not known; no per-100k rate)",
            minimum=0, default=0,
        ),
        Field(
            "population_source", "text", "where the population figure comes from "
            "(e.g. ONS mid-2023 estimate)", max_length=200, free_text=True,
        ),
    ),
)  # fmt: skip

OFFICERS = Kind(
    name="officers",
    title=N_("Liaison-officer roster"),
    model=LiaisonOfficer,
    description=N_("LGB&T liaison officers, known by a pseudonymous code."),
    key=("code",),
    after=("areas",),
    fields=(
        Field("code", "code", "pseudonymous officer code (e.g. LO-001)", True, max_length=32),
        Field(
            "display_name", "text", "name shown to leadership only (restricted)",
            max_length=120, free_text=True,
        ),
        _area(),
        Field("officer_type", "choice", "police officer or police staff", True, LO_TYPES),
        Field("status", "choice", "current status", allowed=LO_STATUSES, default="active"),
        Field("recruited_on", "date", "date recruited as a liaison officer", True),
        Field("induction_completed_on", "date", "date the 2-day induction course was completed"),
        Field("last_review_on", "date", "date of the last 6-monthly review"),
        Field("left_on", "date", "date the officer left the scheme"),
    ),
    orders=(
        DateOrder("induction_completed_on", "recruited_on"),
        DateOrder("last_review_on", "recruited_on"),
        DateOrder("left_on", "recruited_on"),
    ),
    requirements=(Requirement("status", "left_on", ("left",)),),
)  # fmt: skip

REFERRALS = Kind(
    name="referrals",
    title=N_("Referrals (hate incidents in the liaison scheme)"),
    model=Referral,
    description=N_("One row per homophobic, biphobic or transphobic hate incident, keyed by the "
    "force's log number (procedure 004). No names, addresses or narratives."),
    key=("log_number",),
    after=("areas", "officers"),
    fields=(
        Field("log_number", "code", "the force's incident log number", True, max_length=40),
        _area(),
        Field("strand", "choice", "hate-crime strand", True, STRANDS),
        _flag("also_race", "also a race hate incident"),
        _flag("also_disability", "also a disability hate incident"),
        _flag("also_religion", "also a religious hate incident"),
        Field("incident_type", "choice", "crime or non-crime incident", True, INCIDENT_TYPES),
        Field("channel", "choice", "how it was reported", True, CHANNELS),
        Field("occurred_on", "date", "date the incident happened"),
        Field("reported_on", "date", "date it was reported to the police", True),
        Field("flagged_on", "date", "date it was flagged by the daily check"),
        Field(
            "offer_status", "choice", "whether a liaison officer was offered",
            allowed=OFFER_STATUSES, default="pending",
        ),
        Field(
            "not_offered_reason", "choice", "why no offer was made", allowed=NOT_OFFERED_REASONS
        ),
        Field("offered_on", "date", "date the offer was made"),
        Field("offer_outcome", "choice", "the victim's answer", allowed=OFFER_OUTCOMES),
        Field(
            "lo_code", "code", "code of the allocated liaison officer", max_length=32,
            ref="officer", attr="allocated_officer_id",
        ),
        Field("allocated_on", "date", "date a liaison officer was allocated"),
        Field("oic_contacted_on", "date", "date the officer in the case was contacted"),
        Field("victim_contacted_on", "date", "date of first contact with the victim"),
        Field(
            "victim_support", "choice", "Victim Support referral", allowed=VICTIM_SUPPORT,
            default="not_recorded",
        ),
        _flag("specialist_signposting", "signposted to a specialist service"),
        Field(
            "deployment", "choice", "critical-incident deployment", allowed=DEPLOYMENTS,
            default="none",
        ),
        _flag("internal_case", "an internal (staff) case"),
        _flag("repeat_victim", "the victim is a repeat victim"),
        Field("outcome", "choice", "outcome of the case", allowed=OUTCOMES),
        Field("closed_on", "date", "date the referral was closed"),
    ),
    orders=(
        DateOrder("reported_on", "occurred_on"),
        DateOrder("flagged_on", "reported_on"),
        DateOrder("offered_on", "flagged_on"),
        DateOrder("allocated_on", "flagged_on"),
        DateOrder("allocated_on", "offered_on"),
        DateOrder("oic_contacted_on", "allocated_on"),
        DateOrder("victim_contacted_on", "allocated_on"),
        DateOrder("closed_on", "reported_on"),
        DateOrder("closed_on", "flagged_on"),
    ),
    requirements=(
        Requirement("offer_status", "not_offered_reason", ("not_offered",)),
        Requirement("offer_status", "offered_on", ("offered",)),
        Requirement("offer_outcome", "offered_on"),
        Requirement("allocated_on", "lo_code"),
        Requirement("lo_code", "allocated_on"),
    ),
)  # fmt: skip

CHANNEL_VOLUMES = Kind(
    name="channel_volumes",
    title=N_("Channel volumes"),
    model=ChannelVolume,
    description=N_(
        "Monthly counts of reports by channel, area and strand, for channels not held "
        "record by record."
    ),
    key=("area_code", "month", "channel", "strand"),
    after=("areas",),
    fields=(
        _area(),
        Field("month", "month", "the month counted", True),
        Field("channel", "choice", "reporting channel", True, CHANNELS),
        Field("strand", "choice", "hate-crime strand", True, STRANDS),
        Field("count", "integer", "reports in the month", True, minimum=0),
    ),
)
