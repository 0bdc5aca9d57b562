"""The import page's words: intro, step titles, messages (translated where shown)."""

from __future__ import annotations

from dashboard.i18n import N_

INTRO = N_(
    "Load the force's own records from a CSV or Excel file. Choose what the file holds, "
    "upload it, check the preview, then confirm. A file with any rejected row imports "
    "nothing; importing the same file twice changes nothing the second time."
)
STEPS = {
    "kind": N_("1. What the file holds"),
    "file": N_("2. The file"),
    "preview": N_("3. Preview and confirm"),
}
EMPTY_PREVIEW = N_("Choose a kind and upload a file to see what importing it would change.")
NEED_KIND = N_("Choose what the file holds (or a mapping, which names it) to see the preview.")
NEED_SHEET = N_("The workbook has several sheets: choose the one to import.")
TICKET_GONE = N_(
    "This preview has expired or was already imported: upload the file again to import it."
)
FILE_GONE = N_("The uploaded file has expired: upload it again.")
NOT_ALLOWED = N_("Only the Community Cohesion Team (coordinator) may import records.")
COUNT_LABELS = {
    "added": N_("to be added"),
    "updated": N_("to be updated"),
    "unchanged": N_("unchanged"),
    "rejected": N_("rejected"),
}
DONE_LABELS = {
    "added": N_("added"),
    "updated": N_("updated"),
    "unchanged": N_("unchanged"),
    "rejected": N_("rejected"),
}
STATUS_LABELS = {
    "preview": N_("preview"),
    "applied": N_("imported"),
    "rejected": N_("rejected"),
    "refused": N_("refused"),
    "cancelled": N_("cancelled"),
    "failed": N_("failed"),
}
REJECT_HEADERS = {"row": N_("Row"), "column": N_("Column"), "value": N_("Value"),
                  "reason": N_("Reason")}  # fmt: skip
FIRST_REJECTS = 20
