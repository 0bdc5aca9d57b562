"""Mapping files (YAML): how a force's or city's own export becomes one kind's import file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from data_access.imports.kinds import get_kind
from data_access.imports.mapping_rules import KEEP, REJECT, RULE_KEYS, SKIP, Rule
from data_access.imports.report import N_, ImportRefused, Reject

TOP_KEYS = {"name", "kind", "description", "source", "columns", "dedupe", "ignore",
            "ignore_other_columns"}  # fmt: skip


@dataclass
class Mapped:
    """A source file turned into the kind's columns (index: row number in the source file)."""

    frame: pd.DataFrame
    skipped: int = 0
    merged: int = 0
    rejects: list[Reject] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _fallback(name: str, setting: object, where: str) -> str | dict | None:
    if setting is None or setting in (SKIP, REJECT, KEEP):
        return setting  # type: ignore[return-value]
    if isinstance(setting, dict) and set(setting) == {"value"}:
        value = setting["value"]
        return {"value": None if value is None else str(value)}
    raise ValueError(
        f"{where}: {name} must be skip, reject, keep or {{value: ...}}, not {setting!r}"
    )


def _rule(target: str, spec: object, where: str) -> Rule:
    if isinstance(spec, str):
        return Rule(target, sources=(spec,))
    if not isinstance(spec, dict):
        raise ValueError(f"{where}: give a source column name or a mapping of options")
    unknown = set(spec) - RULE_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown option(s) {', '.join(sorted(unknown))}")
    sources = spec.get("from", spec.get("present", ()))
    sources = (sources,) if isinstance(sources, str) else tuple(sources or ())
    values = spec.get("values") or {}
    if not isinstance(values, dict):
        raise ValueError(f"{where}: values must map source values to codes")
    present = (spec.get("then"), spec.get("else")) if "present" in spec else None
    if present is not None:
        present = tuple(None if v is None else str(v) for v in present)
    rule = Rule(
        target, sources=sources,
        values=tuple((str(k), None if v is None else str(v)) for k, v in values.items()),
        default=_fallback("default", spec.get("default", REJECT if values else KEEP), where),
        empty=_fallback("empty", spec.get("empty"), where),
        date_format=spec.get("format"),
        constant=None if "constant" not in spec else str(spec["constant"]),
        parts=(spec.get("year"), spec.get("month"), spec.get("day")),
        present=present,  # type: ignore[arg-type]
    )  # fmt: skip
    if not (rule.sources or rule.constant is not None or rule.parts[0]):
        raise ValueError(f"{where}: say where the value comes from (from, constant, year/month)")
    return rule


@dataclass
class Mapping:
    """A loaded, checked mapping file."""

    name: str
    kind: str
    rules: list[Rule]
    dedupe: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    ignore_other_columns: bool = False
    description: str = ""

    def source_columns(self) -> dict[str, str]:
        """Each source column the mapping reads → what it is read for."""
        used = {c: N_("dedupe key") for c in self.dedupe}
        for rule in self.rules:
            used.update({c: rule.target for c in rule.columns()})
        return used

    def _check_columns(self, frame: pd.DataFrame) -> list[str]:
        have = list(frame.columns)
        for column, purpose in self.source_columns().items():
            if column not in have:
                raise ImportRefused(
                    N_(
                        "mapping %(name)s: source column %(column)s (for %(purpose_label)s) is "
                        "not in the file; the file's columns are: %(columns)s"
                    ),
                    name=repr(self.name),
                    column=repr(column),
                    purpose_label=purpose,
                    columns=", ".join(have),
                )
        unused = [c for c in have if c not in self.source_columns() and c not in self.ignore]
        if unused and not self.ignore_other_columns:
            raise ImportRefused(
                N_(
                    "mapping %(name)s does not say what to do with column(s) %(columns)s: map "
                    "them, or list them under `ignore:`"
                ),
                name=repr(self.name),
                columns=", ".join(unused),
            )
        return unused + [c for c in self.ignore if c in have]

    def transform(self, frame: pd.DataFrame) -> Mapped:
        """The kind's columns made from the source frame; rows skipped, merged or rejected."""
        ignored = self._check_columns(frame)
        columns, skip, rejects = {}, pd.Series(False, frame.index), {}
        for rule in self.rules:
            outcome = rule.apply(frame)
            columns[rule.target] = outcome.values
            skip |= outcome.skip
            for row, problem in outcome.reject.items():
                rejects.setdefault(row, []).append(problem)
        out = pd.DataFrame(
            {t: [_text(v) for v in values.tolist()] for t, values in columns.items()},
            index=frame.index,
            dtype=object,
        )
        keep = ~skip
        merged = 0
        if self.dedupe:
            repeat = frame[self.dedupe].duplicated(keep="first") & keep
            merged, keep = int(repeat.sum()), keep & ~repeat
        row_rejects = [Reject.because(row, col, value, why, **params)
                       for row, problems in rejects.items() if keep.get(row, False)
                       for col, value, why, params in problems]  # fmt: skip
        return Mapped(out[keep.to_numpy(dtype=bool)], int(skip.sum()), merged, row_rejects, ignored)


def parse_mapping(text: str, name: str = "mapping") -> Mapping:
    """A mapping from YAML text; ValueError naming the problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{name}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{name}: a mapping file is a YAML mapping with kind and columns")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ValueError(f"{name}: unknown key(s) {', '.join(sorted(unknown))}")
    kind = get_kind(str(data.get("kind", "")))
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise ValueError(f"{name}: `columns` must map the kind's columns to their sources")
    wrong = [c for c in columns if c not in kind.columns]
    if wrong:
        raise ValueError(
            f"{name}: {', '.join(wrong)} not column(s) of kind '{kind.name}' "
            f"({', '.join(kind.columns)})"
        )
    rules = [_rule(t, s, f"{name}, column {t}") for t, s in columns.items()]
    listed = lambda key: [str(c) for c in (data.get(key) or [])]  # noqa: E731
    dedupe = data.get("dedupe") or []
    return Mapping(
        name=str(data.get("name") or name), kind=kind.name, rules=rules,
        dedupe=[dedupe] if isinstance(dedupe, str) else [str(c) for c in dedupe],
        ignore=listed("ignore"), ignore_other_columns=bool(data.get("ignore_other_columns")),
        description=str(data.get("description") or ""),
    )  # fmt: skip


def load_mapping(path: str | Path) -> Mapping:
    """The mapping file at `path`; ValueError naming the problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"cannot read mapping file {path}: {exc.strerror}") from exc
    return parse_mapping(text, path.stem)
