"""Shape checks for Dash callback requests: a malformed body is answered 400 (plain JSON)
before any callback runs; only a well-formed request can be refused (403) or served."""

from __future__ import annotations

import json
from typing import Any

from flask import request

MAX_DEPTH = 64  # real bodies nest a handful of levels; deeper JSON is an attack on the parser


class Malformed(ValueError):
    """A callback request that is not a well-formed call of a registered callback."""


def _depth(value: Any) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        if isinstance(node, dict):
            stack.extend((child, level + 1) for child in node.values())
        elif isinstance(node, list):
            stack.extend((child, level + 1) for child in node)
    return deepest


def _is_dependency(item: Any) -> bool:
    if isinstance(item, list):  # pattern-matching (ALL) dependencies come as a list
        return all(_is_dependency(child) for child in item)
    return isinstance(item, dict) and isinstance(item.get("property"), str) and "id" in item


def read_body() -> dict[str, Any]:
    """The request's JSON object, with the fields Dash relies on of the right types."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise Malformed("empty body")
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise Malformed("the body is not valid JSON") from exc
    if not isinstance(body, dict):
        raise Malformed("the body must be a JSON object")
    if _depth(body) > MAX_DEPTH:
        raise Malformed("the body is nested too deeply")
    if not isinstance(body.get("output"), str):
        raise Malformed('"output" must be a string')
    outputs = body.get("outputs")
    if not _is_dependency(outputs):
        raise Malformed('"outputs" must describe the outputs')
    for field in ("inputs", "state"):
        items = body.get(field, [])
        if not isinstance(items, list) or not all(_is_dependency(item) for item in items):
            raise Malformed(f'"{field}" must be a list of dependencies')
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(item, str) for item in changed):
        raise Malformed('"changedPropIds" must be a list of strings')
    return body


def _same(sent: Any, spec: dict[str, Any]) -> bool:
    if not isinstance(spec.get("id"), str):  # pattern-matching: Dash matches those itself
        return True
    return isinstance(sent, dict) and (sent.get("id"), sent.get("property")) == (
        spec["id"],
        spec["property"],
    )


def _declared_outputs(key: str) -> list[dict[str, str]]:
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    declared = []
    for part in parts:
        component, _dot, prop = part.rpartition(".")
        pattern = component.startswith("{")  # a pattern-matching id, as JSON
        declared.append({"id": json.loads(component) if pattern else component, "property": prop})
    return declared


def check_against(body: dict[str, Any], callback_map: dict[str, Any]) -> None:
    """The body must call a registered callback with exactly its outputs, inputs and state."""
    spec = callback_map.get(body["output"])
    if spec is None:
        raise Malformed("no callback has these outputs")
    outputs = body["outputs"] if isinstance(body["outputs"], list) else [body["outputs"]]
    declared = _declared_outputs(body["output"])
    for field, sent, wanted in (
        ("outputs", outputs, declared),
        ("inputs", body.get("inputs", []), spec["inputs"]),
        ("state", body.get("state", []), spec.get("state", [])),
    ):
        if len(sent) != len(wanted):
            raise Malformed(f'"{field}" has {len(sent)} values; the callback takes {len(wanted)}')
        if not all(_same(s, w) for s, w in zip(sent, wanted, strict=True)):
            raise Malformed(f'"{field}" does not match the callback')
