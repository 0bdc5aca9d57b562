"""Open a page as the browser does: render its layout through the page router, then run every
callback Dash would fire on load, feeding each round's outputs to the next."""

from __future__ import annotations

from typing import Any

from dashboard.access import key_for_output
from tests.dash_client import call, find_callback, parse_outputs, server_callbacks


def component_props(node: Any, found: dict[str, Any] | None = None) -> dict[str, Any]:
    """'id.prop' → value for every component with a string id in a layout tree (and
    'id.' for the component itself, so props it does not set count as present)."""
    found = {} if found is None else found
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and isinstance(props.get("id"), str):
            found[props["id"] + "."] = True
            for name, value in props.items():
                found[f"{props['id']}.{name}"] = value
        for value in node.values():
            component_props(value, found)
    elif isinstance(node, list):
        for value in node:
            component_props(value, found)
    return found


def _present(values: dict[str, Any], dep: dict) -> bool:
    return isinstance(dep["id"], str) and f"{dep['id']}." in values


def open_page(
    client, app, path: str, key: str, answers: list | None = None
) -> tuple[int, list[tuple[str, int, str]]]:
    """Run every on-load callback of the page `key` at `path`; how many ran, and (output,
    status, body start) for those that did not answer 200 or 204. Each answer's `response`
    is appended to `answers` when given."""
    router = find_callback(app, "_pages_content.children")
    shown = call(client, router, {"_pages_location.pathname": path, "_pages_location.search": ""})
    if shown.status_code != 200:
        return 0, [("router", shown.status_code, shown.get_data(as_text=True)[:300])]
    values = component_props(shown.get_json()["response"])
    page_callbacks = [
        cb for cb in server_callbacks(app)
        if key_for_output(_first_id(cb)) == key and not cb.get("prevent_initial_call")
    ]  # fmt: skip
    problems, done = [], set()
    for _round in range(4):
        for callback in page_callbacks:
            if callback["output"] in done or not all(
                _present(values, d) for d in callback["inputs"] + callback["state"]
            ):
                continue
            done.add(callback["output"])
            wanted = {k: v for k, v in values.items() if not k.endswith(".")}
            answer = call(client, callback, wanted)
            body = answer.get_data(as_text=True)
            if answer.status_code not in (200, 204) or "Traceback" in body:
                problems.append((callback["output"], answer.status_code, body[:300]))
                continue
            if answer.status_code == 200:
                if answers is not None:
                    answers.append(answer.get_json().get("response", {}))
                for component, props in answer.get_json().get("response", {}).items():
                    for name, value in props.items():
                        values[f"{component}.{name}"] = value
                    component_props(props, values)
    return len(done), problems


def _first_id(callback: dict) -> str:
    first = parse_outputs(callback["output"])[0]["id"]
    return first if isinstance(first, str) else first.get("type", "")
