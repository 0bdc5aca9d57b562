"""Controlled vocabularies: the codes stored in the database (labels live in the UI layer)."""

ROLES = ("public", "partner", "network", "leadership", "coordinator", "admin")

STRANDS = ("homophobic", "biphobic", "transphobic")
INCIDENT_TYPES = ("crime", "non_crime")
CHANNELS = ("999", "101", "online", "third_party", "in_person", "direct_to_lo", "partner_referral")
OFFER_STATUSES = ("pending", "offered", "not_offered")
NOT_OFFERED_REASONS = (
    "closed_incorrectly",
    "already_supported",
    "uncontactable",
    "not_appropriate_other",
)
OFFER_OUTCOMES = ("accepted", "declined")
VICTIM_SUPPORT = ("made", "already_made", "declined", "not_recorded")
DEPLOYMENTS = ("none", "immediate_on_duty", "immediate_off_duty")
OUTCOMES = ("charge_summons", "out_of_court", "nfa", "victim_withdrew", "ongoing")

LO_TYPES = ("officer", "staff")
LO_STATUSES = ("active", "on_leave", "left")

COURSE_KINDS = (
    "lo_induction",
    "awareness",
    "investigation",
    "train_the_trainer",
    "leadership_briefing",
    "refresher",
)
DELIVERY_MODES = ("on_site", "online", "blended")
DELIVERERS = ("police", "civil_society", "joint")
RANKS = (
    "constable",
    "sergeant",
    "inspector",
    "chief_inspector",
    "superintendent",
    "chief_officer",
    "police_staff",
    "pcso",
)
LEADERSHIP_RANKS = ("chief_inspector", "superintendent", "chief_officer")
UNITS = ("response", "neighbourhood", "cid", "control_room", "custody", "support", "headquarters")

EVENT_TYPES = ("pride", "forum", "outreach", "school_talk", "surgery", "vigil", "campaign")

KEY_POINTS = (
    "professionalism",
    "anti_discrimination_policy",
    "leadership_commitment",
    "ongoing_training",
    "points_of_contact",
    "accountability",
    "data_on_violence",
    "communication_events",
    "reporting_channels",
    "specialised_training",
)
COMMITMENT_STATUSES = ("not_started", "in_progress", "met", "missed")
REVIEW_VERDICTS = ("agreed_met", "not_yet", "disputed")
ACTION_STATUSES = ("open", "in_progress", "done")
DIRECTIONS = ("at_least", "at_most")
SURVEY_KINDS = ("victim_satisfaction", "community_confidence")
