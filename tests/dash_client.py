"""Drive Dash callbacks over HTTP like the browser does (POST /_dash-update-component)."""

from __future__ import annotations

import json
from typing import Any

MULTI = "..."


def parse_outputs(output: str) -> list[dict[str, Any]]:
    """'..a.x...b.y..' or 'a.x' → [{'id': 'a', 'property': 'x'}, ...]."""
    multi = output.startswith("..")
    parts = output[2:-2].split(MULTI) if multi else [output]
    parsed = []
    for part in parts:
        component, prop = part.rsplit(".", 1)
        if component.startswith("{"):
            component = json.loads(component)
        parsed.append({"id": component, "property": prop})
    return parsed


def server_callbacks(app) -> list[dict[str, Any]]:
    """Every callback that runs on the server (clientside ones never reach it)."""
    return [cb for cb in app._callback_list if not cb.get("clientside_function")]


def request_body(callback: dict[str, Any], values: dict[str, Any] | None = None) -> dict:
    """The JSON body of a callback request; `values` maps 'id.property' to an input value."""
    values = values or {}
    outputs = parse_outputs(callback["output"])

    def items(deps):
        return [
            {
                "id": d["id"],
                "property": d["property"],
                "value": values.get(f"{d['id']}.{d['property']}"),
            }
            for d in deps
        ]

    return {
        "output": callback["output"],
        "outputs": outputs if callback["output"].startswith("..") else outputs[0],
        "inputs": items(callback["inputs"]),
        "state": items(callback["state"]),
        "changedPropIds": [f"{d['id']}.{d['property']}" for d in callback["inputs"]],
    }


def find_callback(app, output_fragment: str) -> dict[str, Any]:
    matches = [cb for cb in server_callbacks(app) if output_fragment in cb["output"]]
    assert len(matches) == 1, f"{len(matches)} callbacks match {output_fragment!r}"
    return matches[0]


def call(client, callback: dict[str, Any], values: dict[str, Any] | None = None):
    return client.post("/_dash-update-component", json=request_body(callback, values))


def response_data(response) -> dict[str, Any]:
    """The `response` part of a callback answer: {component id: {property: value}}."""
    return json.loads(response.get_data(as_text=True))["response"]


def grid_rows(data: dict[str, Any], component: str, table: str) -> list[dict]:
    """rowData of the AG Grid `table` somewhere inside the children of `component` (one only)."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == table:
                found.append(node["props"]["rowData"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data[component]["children"])
    assert len(found) == 1, f"{table} not found in {component}"
    return found[0]
