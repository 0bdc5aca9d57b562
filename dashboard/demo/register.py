"""The text of the demo commitments register (one or more commitments for each of the OAS
ten key points) and the community forum's short review comments. All fictional."""

from __future__ import annotations

DCC, ACC = "Deputy Chief Constable", "Assistant Chief Constable (Local Policing)"
CCT, LND = "Head of Community Cohesion", "Head of Learning and Development"
PERF, COMMS = "Head of Performance", "Head of Corporate Communications"
# (key point, commitment, owner, evidence when met)
REGISTER = (
    (
        "professionalism",
        "Recording systems hold a person's stated name and pronouns, and every officer uses them",
        "Head of Professional Standards",
        "System change live; guidance issued to all staff",
    ),
    (
        "professionalism",
        "Complaints about homophobic, biphobic or transphobic conduct by staff "
        "reported to the community forum every quarter",
        "Head of Professional Standards",
        "Quarterly complaint figures presented at the forum",
    ),
    (
        "anti_discrimination_policy",
        "Publish a policy prohibiting discrimination and harassment "
        "based on sexual orientation, gender identity or expression and sex characteristics",
        "Head of People and Culture",
        "Policy published on the force website",
    ),
    (
        "anti_discrimination_policy",
        "Review the trans and non-binary staff policy with the staff network every two years",
        "Head of People and Culture",
        "Review signed off with the LGB&T Support Network",
    ),
    (
        "anti_discrimination_policy",
        "Search guidance for trans and non-binary people updated "
        "and agreed with community partners",
        "Head of Criminal Justice",
        "Guidance agreed at the forum and issued to custody staff",
    ),
    (
        "leadership_commitment",
        "Every chief officer attends at least one LGBT+ community event a year",
        "Chief Constable",
        "Event attendance register published",
    ),
    (
        "leadership_commitment",
        "A named chief officer lead for LGBT+ communities reports to the "
        "force executive board twice a year",
        DCC,
        "Board minutes published",
    ),
    (
        "leadership_commitment",
        "Every chief inspector and above completes the leadership briefing",
        DCC,
        "Briefing attendance of leadership ranks reported to the board",
    ),
    (
        "ongoing_training",
        "Every new officer and member of staff completes the LGBT+ awareness "
        "e-learning within six months of joining",
        LND,
        "Completion report for new starters",
    ),
    (
        "ongoing_training",
        "90% of frontline officers complete the annual hate crime refresher",
        LND,
        "Refresher completion figures on the dashboard",
    ),
    (
        "ongoing_training",
        "Trained trainers deliver classroom awareness sessions in every area",
        LND,
        "Cascade sessions held in every area",
    ),
    (
        "points_of_contact",
        "At least four LGB&T liaison officers per 100,000 population in every area",
        CCT,
        "Liaison officer coverage published by area",
    ),
    (
        "points_of_contact",
        "Every liaison officer completes the 2-day induction before taking cases",
        CCT,
        "Induction records checked for every liaison officer",
    ),
    (
        "points_of_contact",
        "Six-monthly reviews held with every liaison officer",
        CCT,
        "Review log kept by the Community Cohesion Team",
    ),
    (
        "accountability",
        "Publish indicators against targets on the public dashboard every quarter",
        PERF,
        "Public dashboard launched and updated quarterly",
    ),
    (
        "accountability",
        "The community forum reviews a sample of closed, redacted hate-crime cases every quarter",
        CCT,
        "Scrutiny panel terms of reference and minutes published",
    ),
    (
        "accountability",
        "Answer every issue raised at the forum in writing within 60 days",
        CCT,
        "'You said, we did' log published",
    ),
    (
        "data_on_violence",
        "Homophobic, biphobic and transphobic strands recorded separately on every hate incident",
        PERF,
        "Recording audit shows strands on every record",
    ),
    (
        "data_on_violence",
        "Referral records at least 95% complete",
        PERF,
        "Data completeness indicator on the dashboard",
    ),
    (
        "communication_events",
        "Police presence, with a senior officer, at the annual Pride event",
        ACC,
        "Pride attendance and senior officer presence recorded",
    ),
    (
        "communication_events",
        "Eight community engagement events a quarter across all areas",
        CCT,
        "Event log published",
    ),
    (
        "communication_events",
        "Mark Transgender Day of Remembrance each year with the community",
        COMMS,
        "Vigil held with community partners",
    ),
    (
        "communication_events",
        "A Hate Crime Awareness Week campaign every October promoting third-party reporting",
        COMMS,
        "Campaign materials and reach published",
    ),
    (
        "reporting_channels",
        "A third-party reporting centre in every area, with the share of "
        "reports made through them published",
        CCT,
        "Third-party share on the dashboard",
    ),
    (
        "reporting_channels",
        "An online reporting form that allows anonymous reports",
        "Head of Contact Management",
        "Form live on the force website",
    ),
    (
        "reporting_channels",
        "Control room staff flag homophobic, biphobic and transphobic incidents at first contact",
        "Head of Contact Management",
        "Control room audit",
    ),
    (
        "specialised_training",
        "Hate crime investigation course for every detective and response sergeant",
        "Head of Crime",
        "Course completion by rank and unit reported",
    ),
    (
        "specialised_training",
        "Trans awareness module co-designed and delivered with a trans-led organisation",
        LND,
        "Module live, co-delivered with a community partner",
    ),
)
COMMENTS = {
    "agreed_met": ("Forum members saw the evidence and agree", "Agreed; keep it up next year"),
    "not_yet": ("Progress noted; the forum asks for a firm date", "Not yet visible to members"),
    "disputed": (
        "Members report a different experience; evidence requested",
        "The forum does not accept that this is met",
    ),
}
