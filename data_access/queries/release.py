"""Whole-history monthly counts of the sensitive datasets, the input of the one protected
release per organisation (dashboard.release): referrals with every scorecard measure, channel
volumes, victim-satisfaction survey responses and the scrutiny panel's findings, plus a data
version to key it by."""

from __future__ import annotations

import hashlib
import re

import pandas as pd
from sqlalchemy import String, func, literal, select
from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    ChannelVolume,
    Referral,
    ScrutinyCase,
    ScrutinySample,
    SurveyResponse,
)
from data_access.queries.common import Period, check_org, earliest_month, frame
from data_access.queries.indicators_common import area_code, in_period
from data_access.queries.indicators_engagement import SATISFIED_SCORE
from data_access.queries.indicators_referrals import referral_sums
from data_access.sql import count_if, month_of

#: The models whose records the release protects (its data version watches them).
RELEASED = (Referral, ChannelVolume, SurveyResponse)


def data_version(session: Session, org_id: int) -> str:
    """A fingerprint of the organisation's released records: per model the number of rows and
    the latest `updated_at`. Any insert, delete or edit changes it, so a release cached under
    it is rebuilt after an import. (An explicit per-organisation import version can replace
    this function without changing its callers.)"""
    check_org(session, org_id)
    parts = []
    for model in RELEASED:
        count, latest = session.execute(
            select(func.count(model.id), func.max(model.updated_at)).where(
                model.organisation_id == org_id
            )
        ).one()
        parts.append(f"{model.__tablename__}:{count}:{latest}")
    # findings carry no timestamp: fingerprint their (few) values themselves
    findings = session.execute(
        select(ScrutinyCase.id, ScrutinyCase.finding, ScrutinyCase.theme, Referral.closed_on)
        .join(ScrutinySample, ScrutinySample.id == ScrutinyCase.sample_id)
        .join(Referral, Referral.id == ScrutinyCase.referral_id)
        .where(ScrutinySample.organisation_id == org_id, ScrutinyCase.finding.is_not(None))
        .order_by(ScrutinyCase.id)
    ).all()
    digest = hashlib.sha256(repr([tuple(row) for row in findings]).encode()).hexdigest()[:16]
    parts.append(f"scrutiny_case:{len(findings)}:{digest}")
    return "|".join(parts)


def first_month(session: Session, org_id: int) -> str | None:
    """'YYYY-MM' of the earliest released record, None when there is none."""
    columns = (Referral.reported_on, ChannelVolume.month, SurveyResponse.responded_on)
    return earliest_month(session, org_id, columns)


def release_sums(offer_days: int) -> dict[str, object]:
    """Every referral count the release holds: the indicators' (`referral_sums`) and the LO
    offers made and accepted the open data publish."""
    return {
        **referral_sums(offer_days),
        "offered": count_if(Referral.offered_on.is_not(None)),
        "accepted": count_if(Referral.offer_outcome == "accepted"),
    }


def referral_months(session: Session, org_id: int, period: Period, offer_days: int) -> pd.DataFrame:
    """Referrals reported in the period per month, channel, area, strand and incident type,
    with every count of `release_sums` as a column."""
    check_org(session, org_id)
    sums = release_sums(offer_days)
    month = month_of(Referral.reported_on)
    keys = (month, Referral.channel, Area.code, Referral.strand, Referral.incident_type)
    stmt = (
        select(*keys, *sums.values())
        .join(Area, Area.id == Referral.area_id)
        .where(Referral.organisation_id == org_id, *in_period(Referral.reported_on, period))
        .group_by(*keys)
    )
    result = frame(session, stmt, ["month", "channel", "area", "strand", "incident", *sums])
    for column in sums:
        result[column] = result[column].astype("int64")
    return result


def survey_months(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Victim-satisfaction responses in the period per month and area (UNKNOWN_AREA when none):
    columns month, area, responses, satisfied."""
    check_org(session, org_id)
    month = month_of(SurveyResponse.responded_on)
    stmt = (
        select(
            month,
            area_code(),
            func.count(SurveyResponse.id),
            count_if(SurveyResponse.score >= SATISFIED_SCORE),
        )
        .outerjoin(Area, Area.id == SurveyResponse.area_id)
        .where(
            SurveyResponse.organisation_id == org_id,
            SurveyResponse.kind == "victim_satisfaction",
            *in_period(SurveyResponse.responded_on, period),
        )
        .group_by(month, Area.code)
    )
    result = frame(session, stmt, ["month", "area", "responses", "satisfied"])
    return result.astype({"responses": "int64", "satisfied": "int64"})


def outcome_months(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Referrals closed in the period per month closed, strand and outcome ('not_recorded'
    when none): columns month, strand, outcome, count."""
    check_org(session, org_id)
    month = month_of(Referral.closed_on)
    outcome = func.coalesce(Referral.outcome, literal("not_recorded"), type_=String(32))
    stmt = (
        select(month, Referral.strand, outcome, func.count(Referral.id))
        .where(Referral.organisation_id == org_id, *in_period(Referral.closed_on, period))
        .group_by(month, Referral.strand, outcome)
    )
    result = frame(session, stmt, ["month", "strand", "outcome", "count"])
    return result.astype({"count": "int64"})


NO_THEME = "not_recorded"


def theme_key(theme: object) -> str:
    """A finding's theme as published: lower case, single spaces (NO_THEME when blank)."""
    words = re.sub(r"\s+", " ", theme.strip()).lower() if isinstance(theme, str) else ""
    return words or NO_THEME


def scrutiny_months(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """The scrutiny panel's findings on cases closed in the period, per month closed, finding
    and theme (see `theme_key`): columns month, finding, theme, count. Cases without a
    finding yet are not counted."""
    check_org(session, org_id)
    month = month_of(Referral.closed_on)
    stmt = (
        select(month, ScrutinyCase.finding, ScrutinyCase.theme)
        .join(ScrutinySample, ScrutinySample.id == ScrutinyCase.sample_id)
        .join(Referral, Referral.id == ScrutinyCase.referral_id)
        .where(
            ScrutinySample.organisation_id == org_id,
            ScrutinyCase.finding.is_not(None),
            *in_period(Referral.closed_on, period),
        )
    )
    cases = frame(session, stmt, ["month", "finding", "theme"])
    if cases.empty:
        return pd.DataFrame({"month": [], "finding": [], "theme": [],
                             "count": pd.Series(dtype="int64")})  # fmt: skip
    cases["theme"] = cases["theme"].map(theme_key)
    counted = cases.groupby(["month", "finding", "theme"]).size().rename("count").reset_index()
    return counted.astype({"count": "int64"})
