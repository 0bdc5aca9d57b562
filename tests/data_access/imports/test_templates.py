"""Templates and the data dictionary are generated from the same definitions the validator uses."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from data_access.imports import KINDS
from data_access.imports.readers import read_table
from data_access.imports.report import ImportRefused
from data_access.imports.schema import build_schema
from data_access.imports.templates import data_dictionary, template_csv, template_xlsx

DICTIONARY = Path(__file__).resolve().parents[3] / "docs" / "data-dictionary.md"


def test_the_data_dictionary_in_docs_is_up_to_date():
    assert DICTIONARY.read_text(encoding="utf-8") == data_dictionary(), (
        "docs/data-dictionary.md is out of date: run `python -m dashboard data-dictionary`"
    )


@pytest.mark.parametrize("name", list(KINDS))
def test_each_template_has_the_schema_columns_and_reads_as_header_only(name):
    kind = KINDS[name]
    assert list(build_schema(kind).columns) == list(kind.columns)
    for data, filename in ((template_csv(kind).encode(), "t.csv"), (template_xlsx(kind), "t.xlsx")):
        table = read_table(data, filename, 1)
        assert list(table.frame.columns) == list(kind.columns) and table.frame.empty
    assert f"`{name}`" in data_dictionary()


def test_every_required_column_and_allowed_value_is_in_the_dictionary():
    text = data_dictionary()
    for kind in KINDS.values():
        section = text.split(f"(`{kind.name}`)")[1].split("\n## ")[0]
        for spec in kind.fields:
            assert f"| `{spec.name}` |" in section
            assert all(f"`{value}`" in section for value in spec.allowed)


def test_a_template_with_one_example_row_passes_the_schema():
    for kind in KINDS.values():
        row = {spec.name: spec.example() for spec in kind.fields}
        frame = pd.DataFrame([row], dtype="str", index=[2])
        build_schema(kind).validate(frame)  # raises on any cell the schema refuses


def test_a_header_only_xlsx_is_refused_by_the_engine_not_the_reader():
    table = read_table(template_xlsx(KINDS["areas"]), "areas.xlsx", 1)
    assert table.frame.empty
    with pytest.raises(ImportRefused, match="over the import limit"):
        read_table(b"x" * 2_000_000, "big.csv", 1)
