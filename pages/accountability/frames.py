"""Tables of the accountability page: query frames turned into exactly what is shown (and
downloaded), with labels and statuses in words. Pure: frames in, frames out."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.formatting import format_number, format_percent, plural_count
from dashboard.i18n import _, ngettext
from dashboard.labels import action_status_label, kpi_label, rag_label, strand_label
from data_access.queries import accountability as acc
from data_access.queries.common import Period
from data_access.queries.kpis import rag_status
from data_access.vocab import OUTCOMES, STRANDS

OUTCOME_ORDER = [*OUTCOMES, "not_recorded"]
MISSING = {
    "missing_flagged": "referrals",
    "missing_victim_contact": "accepted",
    "missing_outcome": "closed",
}


def quarter_of(month: str) -> str:
    """'2026-02' → '2026 Q1'."""
    year, number = month.split("-")
    return f"{year} Q{(int(number) - 1) // 3 + 1}"


def to_quarters(frame_: pd.DataFrame, keys: Sequence[str] = ()) -> pd.DataFrame:
    """A monthly frame summed by calendar quarter: column month → quarter, other `keys` kept."""
    quarterly = frame_.assign(month=frame_["month"].map(quarter_of))
    quarterly = quarterly.rename(columns={"month": "quarter"})
    return quarterly.groupby(["quarter", *keys], as_index=False, sort=True).sum()


def time_buckets(period: Period) -> tuple[str, list[str]]:
    """'month' and the period's months, or 'quarter' and its quarters beyond 12 months."""
    months = [f"{day:%Y-%m}" for day in acc.month_ends(period)]
    if len(months) <= 12:
        return "month", months
    return "quarter", list(dict.fromkeys(quarter_of(m) for m in months))


def pct(numerator: float, denominator: float) -> float | None:
    return round(100.0 * numerator / denominator, 1) if denominator else None


def status_words(value: float | None, target: tuple[float, str] | None) -> str:
    """The RAG status in words: no target, no data, or on/near/off target."""
    if target is None:
        return rag_label("none")
    if value is None or pd.isna(value):
        return _("No data")
    return rag_label(rag_status(value, *target))


def target_words(kpi: str, target: tuple[float, str] | None) -> str:
    if target is None:
        return _("No target")
    value, direction = target
    shown = days(value) if kpi.endswith("_days") else format_percent(value, None)
    return _("at most %(v)s", v=shown) if direction == "at_most" else _("at least %(v)s", v=shown)


def days(value: float) -> str:
    return ngettext("%(n)s day", "%(n)s days", plural_count(value), n=format_number(value))


def kpi_table(summary: pd.DataFrame, unit_of: dict[str, str]) -> pd.DataFrame:
    """The KPI summary as shown: measure, result, p90, basis, target, status, rag (hidden code).
    `unit_of`: kpi → what its denominator counts (e.g. 'referrals', 'active LOs')."""
    rows = []
    for r in summary.itertuples(index=False):
        delay = r.kpi.endswith("_days")
        has = r.value is not None and not pd.isna(r.value)
        target = None if pd.isna(r.target_value) else (r.target_value, r.direction)
        if delay:
            result, p90 = (days(r.value), days(r.p90)) if has else ("", "")
            basis = ngettext(
                "%(n)s referral with both dates",
                "%(n)s referrals with both dates",
                int(r.denominator),
                n=format_number(int(r.denominator)),
            )
        else:
            result, p90 = (format_percent(r.value, 1) if has else ""), ""
            basis = _(
                "%(n)s of %(d)s %(unit)s",
                n=format_number(int(r.numerator)),
                d=format_number(int(r.denominator)),
                unit=unit_of[r.kpi],
            )
        status = status_words(r.value if has else None, target)
        rows.append(
            (kpi_label(r.kpi), result, p90, basis, target_words(r.kpi, target), status, r.status)
        )
    columns = ["measure", "result", "p90", "basis", "target", "status", "rag"]
    return pd.DataFrame(rows, columns=columns)


def delay_table(
    histograms: pd.DataFrame,
    by: str,
    keys: Sequence[str],
    names: dict[str, str],
    target: tuple[float, str] | None,
    total: str | None = None,
) -> pd.DataFrame:
    """Per key (every one, in order, then `total`): by, cases, median, p90, status."""
    wanted = [*keys, *([total] if total else [])]
    table = acc.quantiles(histograms, by, total).set_index(by).reindex(wanted).reset_index()
    table["cases"] = table["cases"].fillna(0).astype("int64")
    table["status"] = [status_words(m, target) for m in table["median"]]
    for column in ("median", "p90"):
        table[column] = table[column].astype("Float64").round().astype("Int64")
    table[by] = table[by].map(lambda k: names.get(k, k))
    return table


def rate_table(
    quality: pd.DataFrame,
    by: str,
    keys: Sequence[str],
    names: dict[str, str],
    part: str,
    target: tuple[float, str] | None,
    total: str | None = None,
) -> pd.DataFrame:
    """Per key (and `total`): by, referrals, `part` (count), rate (% of referrals), status."""
    if by == "quarter":
        quality = quality.assign(quarter=quality["month"].map(quarter_of))
    sums = quality.groupby(by)[["referrals", part]].sum().reindex(keys, fill_value=0)
    if total:
        sums.loc[total] = sums.sum()
    table = sums.astype("int64").reset_index(names=by)
    table["rate"] = [pct(n, d) for n, d in zip(table[part], table["referrals"], strict=True)]
    table["status"] = [status_words(v, target) for v in table["rate"]]
    table[by] = table[by].map(lambda k: names.get(k, k))
    return table


def officer_table(compliance: pd.DataFrame) -> pd.DataFrame:
    """LOs at each month end with the inducted and reviewed-in-date shares of active LOs."""
    table = compliance.copy()
    table["month_end"] = [day.isoformat() for day in table["month_end"]]
    table["inducted_pct"] = [pct(n, d) for n, d in zip(table.inducted, table.active, strict=True)]
    table["reviewed_pct"] = [
        pct(n, d) for n, d in zip(table.reviewed_in_date, table.active, strict=True)
    ]
    table["unknown_pct"] = [
        pct(n, d) for n, d in zip(table.review_unknown, table.active, strict=True)
    ]
    columns = ["month_end", "active", "inducted", "inducted_pct", "reviewed_in_date"]
    return table[[*columns, "reviewed_pct", "review_unknown", "unknown_pct"]]


def outcome_table(outcomes: pd.DataFrame, total: str) -> pd.DataFrame:
    """Strands (and `total`) as rows, one column per outcome code, then all referrals."""
    wide = outcomes.pivot_table(
        index="strand", columns="outcome", values="count", aggfunc="sum", fill_value=0
    )
    wide = wide.reindex(index=list(STRANDS), columns=OUTCOME_ORDER, fill_value=0)
    wide.loc[total] = wide.sum()
    wide["referrals"] = wide.sum(axis=1)
    table = wide.astype("int64").reset_index(names="strand")
    table.columns.name = None
    table["strand"] = [strand_label(s) if s != total else s for s in table["strand"]]
    return table


def completeness_table(quality: pd.DataFrame, fields: dict[str, str]) -> pd.DataFrame:
    """Each field that can be missing: field, applies_to (records it is needed for), missing,
    missing_pct; most often missing first. `fields`: missing column → label."""
    sums = quality[acc.QUALITY].sum()
    rows = [
        (fields[column], int(sums[base]), int(sums[column]), pct(sums[column], sums[base]))
        for column, base in MISSING.items()
    ]
    table = pd.DataFrame(rows, columns=["field", "applies_to", "missing", "missing_pct"])
    return table.sort_values("missing", ascending=False, kind="stable").reset_index(drop=True)


def actions_table(log: pd.DataFrame) -> pd.DataFrame:
    """The actions log as shown; `late` (bool) marks overdue rows for shading."""
    table = log.copy()
    for column in ("raised_on", "due_on"):
        table[column] = [day.isoformat() if day else "" for day in table[column]]
    table["status"] = table["status"].map(action_status_label)
    table["late"] = table["overdue"]
    table["overdue"] = [_("Overdue") if late else "" for late in table["late"]]
    table["is_public"] = [_("Yes") if public else _("No") for public in table["is_public"]]
    table["response"] = table["response"].fillna("")
    return table
