"""Input that must be accepted: Windows-1252 and UTF-8 with BOM, a chosen .xlsx sheet, and
formula-like text (stored as written, neutralised in every export and report)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.imports.export import export_csv
from data_access.imports.kinds import KINDS
from data_access.models import Area, TrainingCourse
from tests.data_access.imports.helpers import org_id, run

NAMES = "code,name\nB1,Bryncoch Ñandú\nB2,Zoë’s Café – Côte\n"


def _names(url: str, org: str, model=Area, column="name") -> dict[str, str]:
    engine = make_engine(url)
    with Session(engine) as session:
        stmt = select(model.code, getattr(model, column)).where(
            model.organisation_id == org_id(session, org)
        )
        found = dict(session.execute(stmt).all())
    engine.dispose()
    return found


def test_windows_1252_with_non_ascii_names_is_read_and_reported(imports_url, fresh_org):
    summary = run(imports_url, "areas", NAMES.encode("cp1252"), org=fresh_org)
    assert (summary.status, summary.added, summary.encoding) == ("applied", 2, "Windows-1252")
    assert _names(imports_url, fresh_org)["B2"] == "Zoë’s Café – Côte"


def test_utf8_with_bom_is_the_same_file(imports_url, fresh_org):
    run(imports_url, "areas", NAMES.encode("cp1252"), org=fresh_org)
    summary = run(imports_url, "areas", b"\xef\xbb\xbf" + NAMES.encode("utf-8"), org=fresh_org)
    assert (summary.encoding, summary.added, summary.unchanged) == ("UTF-8 with BOM", 0, 2)


def test_a_sheet_chosen_by_name_is_imported(imports_url, fresh_org):
    book = Workbook()
    book.active.title = "read me"
    book.active.append(["This workbook holds areas"])
    sheet = book.create_sheet("Areas 2024")
    sheet.append(["Code", "Name", "Population"])
    sheet.append(["X1", "Xanadu", 1500])
    sheet.append([None, None, None])
    sheet.append(["X2", "Yonder", 2500.0])
    out = io.BytesIO()
    book.save(out)
    summary = run(imports_url, "areas", out.getvalue(), org=fresh_org, filename="a.xlsx",
                  sheet="Areas 2024")  # fmt: skip
    assert (summary.status, summary.added, summary.sheet) == ("applied", 2, "Areas 2024")


def test_formula_text_is_stored_as_written_and_neutralised_on_export(imports_url, fresh_org):
    text = '=HYPERLINK("http://x.example","click")'
    quoted = text.replace('"', '""')
    csv_text = f'code,title,kind,mode,delivered_by\nF1,"{quoted}",awareness,online,police\n'
    assert run(imports_url, "training_courses", csv_text, org=fresh_org).status == "applied"
    assert _names(imports_url, fresh_org, TrainingCourse, "title")["F1"] == text
    engine = make_engine(imports_url)
    with Session(engine) as session:
        exported = export_csv(session, org_id(session, fresh_org), KINDS["training_courses"])
    engine.dispose()
    assert "'=HYPERLINK" in exported and "\n=" not in exported and ",=" not in exported
    # the export imports back unchanged: the apostrophe the export adds is dropped on reading
    again = run(imports_url, "training_courses", exported, org=fresh_org)
    assert (again.unchanged, again.updated) == (1, 0)
    bad = run(imports_url, "areas", "code,name,population\n@SUM(A1),=1+1,=2\n", org=fresh_org)
    assert "'=2" in bad.report_csv() and "\n=" not in bad.report_csv()
