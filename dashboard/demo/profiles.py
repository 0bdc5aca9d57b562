"""The two synthetic organisations: a full-sized demo force (areas named after the Gwent
local authorities, with real-sized populations) and a small second organisation that exists
so that isolation between organisations can be tested."""

from __future__ import annotations

from dataclasses import dataclass, field

from data_access.vocab import CHANNELS


@dataclass(frozen=True)
class AreaSpec:
    code: str
    name: str
    population: int


@dataclass(frozen=True)
class Profile:
    code: str
    name: str
    areas: tuple[AreaSpec, ...]
    neighbours: dict[str, tuple[str, ...]]
    hq_area: str  # headquarters, control room and chief officers
    pride_area: str
    users: tuple[tuple[str, str], ...]  # (username, role)
    referrals_per_year: float
    liaison_officers: int
    headcount: int
    channels: tuple[str, ...]  # channels counted in channel_volume
    reports_per_month: float  # all reports across every channel and area
    forum: str
    full_engagement: bool  # surgeries, talks and outreach, not only the fixed calendar
    commitments: int | None  # None: every commitment in the register
    targets: tuple[str, ...] | None  # None: every KPI target
    trainers: int  # people on train-the-trainer courses
    surveys: int
    providers: dict[str, str] = field(default_factory=dict)


DVP = Profile(
    code="DVP",
    name="Demo Valley Police (synthetic data)",
    areas=(
        AreaSpec("BG", "Blaenau Gwent", 67_000),
        AreaSpec("CA", "Caerphilly", 176_000),
        AreaSpec("MO", "Monmouthshire", 93_000),
        AreaSpec("NE", "Newport", 159_000),
        AreaSpec("TO", "Torfaen", 93_000),
    ),
    neighbours={
        "BG": ("CA", "TO", "MO"),
        "CA": ("BG", "NE", "TO"),
        "MO": ("BG", "TO", "NE"),
        "NE": ("CA", "TO", "MO"),
        "TO": ("BG", "CA", "MO", "NE"),
    },
    hq_area="TO",
    pride_area="NE",
    users=(
        ("leadership", "leadership"),
        ("network", "network"),
        ("partner", "partner"),
        ("coordinator", "coordinator"),
        ("admin", "admin"),
    ),
    referrals_per_year=500,
    liaison_officers=25,
    headcount=2000,
    channels=CHANNELS,
    reports_per_month=62,
    forum="Valley LGBT+ Community Forum (fictional)",
    full_engagement=True,
    commitments=None,
    targets=None,
    trainers=12,
    surveys=400,
    providers={
        "charity": "Valley Pride Cymru (fictional)",
        "trans": "Trans Community Network Valleys (fictional)",
        "advocacy": "Rainbow Advocacy Wales (fictional)",
    },
)

NSC = Profile(
    code="NSC",
    name="Northshire Constabulary (synthetic data)",
    areas=(
        AreaSpec("ND", "North Dale (fictional)", 120_000),
        AreaSpec("SM", "South Moor (fictional)", 85_000),
    ),
    neighbours={"ND": ("SM",), "SM": ("ND",)},
    hq_area="ND",
    pride_area="ND",
    users=(("nsc_leadership", "leadership"), ("nsc_partner", "partner")),
    referrals_per_year=14,
    liaison_officers=5,
    headcount=420,
    channels=("101", "online", "third_party"),
    reports_per_month=3,
    forum="Northshire LGBT+ Forum (fictional)",
    full_engagement=False,
    commitments=5,
    targets=("offer_within_days", "victim_support_rate", "training_coverage"),
    trainers=2,
    surveys=30,
    providers={
        "charity": "Northshire Rainbow Trust (fictional)",
        "trans": "Northshire Rainbow Trust (fictional)",
        "advocacy": "Northshire Rainbow Trust (fictional)",
    },
)

PROFILES = (DVP, NSC)
