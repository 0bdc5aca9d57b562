"""The one definition of every open dataset: name, title, description, audience, grain,
columns (type, meaning, allowed values), filters and the function that produces it. The API,
the /data page, its data dictionary and the export all read these definitions."""

from __future__ import annotations

from dashboard.i18n import N_
from dashboard.open_data import builders
from dashboard.open_data.definitions import (
    AREA,
    MONTH,
    PERCENT,
    QUARTER,
    STRAND,
    Column,
    Dataset,
    count_column,
)
from dashboard.open_data.grains import OUTCOME_VALUES
from dashboard.open_data.protection import TOTAL
from dashboard.policy import allowed
from data_access import models
from data_access.models.scrutiny import FINDINGS
from data_access.vocab import (
    ACTION_STATUSES,
    CHANNELS,
    COMMITMENT_STATUSES,
    EVENT_TYPES,
    INCIDENT_TYPES,
    KEY_POINTS,
    RANKS,
)

CATALOGUE: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            "referrals",
            N_("Hate incidents reported, by month, area and strand"),
            N_(
                "Homophobic, biphobic and transphobic hate incidents (crimes and non-crime "
                "incidents) referred to the LGB&T liaison scheme, by the month reported."
            ),
            "public",
            N_("calendar month × area × strand"),
            (
                MONTH,
                AREA,
                STRAND,
                count_column("count", N_("Incidents reported; empty or [c] when hidden.")),
            ),
            ("from", "to", "area"),
            True,
            builders.referrals,
            (models.Referral,),
        ),
        Dataset(
            "incidents_and_crimes",
            N_("Crimes and non-crime incidents, by month and strand"),
            N_("The same hate incidents split into recorded crimes and non-crime incidents."),
            "public",
            N_("calendar month × strand × incident type"),
            (
                MONTH,
                STRAND,
                Column(
                    "incident_type",
                    "string",
                    N_("crime or non_crime, or All for both."),
                    (*INCIDENT_TYPES, TOTAL),
                ),
                count_column("count", N_("Incidents reported; empty or [c] when hidden.")),
            ),
            ("from", "to"),
            True,
            builders.incidents,
            (models.Referral,),
        ),
        Dataset(
            "outcomes",
            N_("Outcomes of closed cases, by quarter and strand"),
            N_(
                "Cases closed in each quarter by their criminal-justice outcome (not_recorded "
                "when the outcome was not entered)."
            ),
            "public",
            N_("calendar quarter closed (summed from months) × strand × outcome"),
            (
                QUARTER,
                STRAND,
                Column("outcome", "string", N_("Outcome, or All."), (*OUTCOME_VALUES, TOTAL)),
                count_column("count", N_("Cases closed; empty or [c] when hidden.")),
            ),
            ("from", "to"),
            True,
            builders.outcomes,
            (models.Referral,),
        ),
        Dataset(
            "scrutiny_themes",
            N_("Community scrutiny panel findings, by quarter and theme"),
            N_(
                "The community scrutiny panel's findings (notable practice or improvement "
                "needed) on the sample of closed cases it reviewed, by the quarter the cases "
                "closed and the theme the panel gave. Themes given to fewer findings than the "
                "disclosure threshold over the whole history are counted together as 'other'."
            ),
            "public",
            N_("calendar quarter closed (summed from months) × finding × theme"),
            (
                QUARTER,
                Column(
                    "finding",
                    "string",
                    N_("notable_practice or improvement_needed, or All."),
                    (*FINDINGS, TOTAL),
                ),
                Column(
                    "theme",
                    "string",
                    N_(
                        "The panel's theme in lower case; 'other' for rare themes, "
                        "'not_recorded' when none was given, or All."
                    ),
                ),
                count_column("count", N_("Cases reviewed; empty or [c] when hidden.")),
            ),
            ("from", "to"),
            True,
            builders.scrutiny,
            (models.ScrutinySample, models.Referral),  # cells are keyed by the month closed
        ),
        Dataset(
            "lo_timeliness",
            N_("Liaison officer scheme timeliness, by quarter"),
            N_(
                "How quickly victims were offered a liaison officer after the daily check, "
                "and contacted after an officer was allocated, by the quarter reported."
            ),
            "partner",
            N_("calendar quarter reported (summed from months × area × strand)"),
            (
                QUARTER,
                AREA,
                count_column("months_covered", N_("Months of the quarter the data covers (1-3).")),
                count_column("offerable", N_("Incidents flagged and not closed as 'not offered'.")),
                count_column(
                    "offered_in_time", N_("Of those, offered an LO within the target days.")
                ),
                Column("offered_in_time_pct", PERCENT, N_("offered_in_time / offerable, %.")),
                count_column("offered", N_("Incidents where the victim was offered an LO.")),
                count_column("accepted", N_("Of those, offers the victim accepted.")),
                Column("accepted_pct", PERCENT, N_("accepted / offered, %.")),
                count_column("allocated", N_("Incidents allocated to a liaison officer.")),
                count_column("contacted_in_time", N_("Of those, victim contacted within 2 days.")),
                Column("contacted_in_time_pct", PERCENT, N_("contacted_in_time / allocated, %.")),
            ),
            ("from", "to", "area"),
            True,
            builders.timeliness,
            (models.Referral,),
        ),
        Dataset(
            "channel_volumes",
            N_("Reports by channel and month"),
            N_(
                "Monthly counts of reports by the channel used (999, 101, online, ...), for "
                "the whole force: a month's channels by area are not published, as with the "
                "strand breakdown the pages show they would let small counts be recovered."
            ),
            "partner",
            N_("calendar month × channel"),
            (
                MONTH,
                Column("channel", "string", N_("Reporting channel, or All."), (*CHANNELS, TOTAL)),
                count_column("count", N_("Reports; empty or [c] when hidden.")),
            ),
            ("from", "to"),
            True,
            builders.channels,
            (models.ChannelVolume,),
        ),
        Dataset(
            "training_coverage",
            N_("Awareness training coverage, by rank"),
            N_(
                "Staff who completed the all-staff awareness course against the workforce "
                "headcount, at the end of the month given as 'to'. Staff training is not "
                "about victims and is not suppressed."
            ),
            "partner",
            N_("rank at a date"),
            (
                Column("as_of", "date", N_("Date of the snapshot (first day after 'to').")),
                AREA,
                Column("rank", "string", N_("Rank or grade, or All."), (*RANKS, TOTAL)),
                count_column("headcount", N_("Workforce headcount at the latest snapshot.")),
                count_column("trained", N_("Distinct people who completed the course.")),
                Column("coverage_pct", PERCENT, N_("trained / headcount, %.")),
            ),
            ("to", "area"),
            False,
            builders.training,
            (models.TrainingAttendance, models.WorkforceCount),
        ),
        Dataset(
            "events",
            N_("Community events held, by month and type"),
            N_("Community events the force held or attended; public activities, not suppressed."),
            "public",
            N_("calendar month × event type"),
            (
                MONTH,
                Column("event_type", "string", N_("Type of event, or All."), (*EVENT_TYPES, TOTAL)),
                count_column("events", N_("Events held.")),
                count_column("attendance", N_("Recorded attendance, added up.")),
            ),
            ("from", "to", "area"),
            False,
            builders.events,
            (models.CommunityEvent,),
        ),
        Dataset(
            "commitments",
            N_("Leadership commitments (public)"),
            N_("The force's public commitments, mapped to the ten key points, with progress."),
            "public",
            N_("one row per commitment"),
            (
                Column("code", "string", N_("Commitment code.")),
                Column("key_point", "string", N_("Key point it serves."), KEY_POINTS),
                Column("commitment", "string", N_("What the force committed to.")),
                Column("owner", "string", N_("Who is responsible (a role).")),
                Column("due_on", "date", N_("Due date, if any.")),
                Column("status", "string", N_("Progress."), COMMITMENT_STATUSES),
            ),
            (),
            False,
            builders.commitments,
            (models.Commitment,),
        ),
        Dataset(
            "actions",
            N_("You said, we did: actions from community forums (public)"),
            N_("Issues raised at community forums and what the force did about them."),
            "public",
            N_("one row per action, by the month raised"),
            (
                Column("code", "string", N_("Action code.")),
                Column("raised_on", "date", N_("Date raised.")),
                Column("forum", "string", N_("Forum where it was raised.")),
                Column("issue", "string", N_("What was said.")),
                Column("response", "string", N_("What the force did or will do.")),
                Column("status", "string", N_("Progress."), ACTION_STATUSES),
                Column("due_on", "date", N_("Due date, if any.")),
            ),
            ("from", "to"),
            False,
            builders.actions,
            (models.Action,),
        ),
        Dataset(
            "referral_rates",
            N_("Hate incidents per 100,000 population, by area"),
            N_(
                "Incidents reported in the months chosen per 100,000 residents of each area, "
                "so areas (and later forces) can be compared; not annualised."
            ),
            "public",
            N_("area over the months chosen (summed from months × area)"),
            (
                AREA,
                Column("area_name", "string", N_("Area name.")),
                count_column("population", N_("Resident population used as the denominator.")),
                Column(
                    "population_source", "string", N_("Where the population figure comes from.")
                ),
                count_column("months", N_("Number of months counted.")),
                count_column("referrals", N_("Incidents reported; empty or [c] when hidden.")),
                Column("referrals_per_100k", PERCENT, N_("referrals × 100,000 / population.")),
            ),
            ("from", "to", "area"),
            True,
            builders.rates,
            (models.Referral,),
        ),
    )
}


def visible_to(role: str) -> list[Dataset]:
    """The datasets a role may list and download, in catalogue order."""
    return [d for d in CATALOGUE.values() if allowed(role, d.policy_key)]
