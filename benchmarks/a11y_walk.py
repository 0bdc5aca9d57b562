"""Accessibility walk (not a test): axe-core on every (page, role, language) triple.

    python benchmarks/a11y_walk.py [--url http://127.0.0.1:8050] [--verbose]

Without --url it seeds the demo into a temporary SQLite database and serves the app in a
thread. Pages come from the page registry filtered by the policy table for each role,
languages from dashboard.i18n.LANGUAGES (opened with ?lang=). Prints the number of triples
checked, the violations by rule and every triple that has any; exits 1 if there are any.
tests/browser/test_a11y_browser.py checks a subset of these triples in `make test`."""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from dashboard import create_app  # noqa: E402
from dashboard.i18n import LANGUAGES  # noqa: E402
from tests.browser.axe_walk import (  # noqa: E402
    count_by_rule,
    describe,
    pages_for,
    violations,
    walk_roles,
)
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.waiting import settle, track_network  # noqa: E402
from tests.conftest import DEMO_PASSWORD  # noqa: E402

SETTINGS = {
    "DASHBOARD_ENV": "testing",
    "SECRET_KEY": "a11y-walk-secret-key-0123456789abcdef",
    "DEMO_PASSWORD": DEMO_PASSWORD,
    "LOGIN_LIMIT": "10000 per minute",
    "REDIS_URL": "",
}


def serve_demo(folder: Path) -> str:
    """Seed the demo into `folder` and serve the app in a daemon thread; its base URL."""
    from sqlalchemy.orm import Session

    from dashboard.demo import seed_demo
    from dashboard.page_support import today
    from data_access import migrate
    from data_access.db import make_engine

    url = f"sqlite:///{folder / 'demo.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    with Session(engine) as session:
        seed_demo(session, seed=42, password=DEMO_PASSWORD, today=today())
        session.commit()
    engine.dispose()
    app = create_app({**SETTINGS, "DATABASE_URL": url})
    app.server.test_client().get("/")
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


def sign_in(page, base: str, role: str) -> None:
    page.goto(base + "/login")
    page.fill("input[name=username]", role)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")


def walk(base: str, verbose: bool, best_practice: bool) -> int:
    """Run axe on every triple; print the summary; return the number of failing triples."""
    totals: Counter = Counter()
    failing = triples = 0
    started = time.perf_counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for role in walk_roles():
            context = browser.new_context(viewport={"width": 1366, "height": 900})
            track_network(context)
            page = context.new_page()
            if role != "public":
                sign_in(page, base, role)
            for language in LANGUAGES:
                for path in pages_for(role):
                    page.goto(f"{base}{path}?lang={language}")
                    settle(page)
                    found = violations(page, best_practice)
                    triples += 1
                    count_by_rule(found, totals)
                    if found:
                        failing += 1
                        print(f"{path} {role} {language}:")
                        for line in describe(found) if verbose else [v["id"] for v in found]:
                            print("   ", line)
            context.close()
        browser.close()
    seconds = time.perf_counter() - started
    print(f"a11y walk: {triples} (page, role, language) triples checked in {seconds:.0f} s, "
          f"{failing} with violations")  # fmt: skip
    for rule, count in totals.most_common():
        print(f"    {rule}: {count} elements")
    return failing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (signed in with the demo password)")
    parser.add_argument("--verbose", action="store_true", help="the first element of each rule")
    parser.add_argument(
        "--best-practice", action="store_true", help="axe's best-practice rules too"
    )
    args = parser.parse_args()
    if args.url:
        with tempfile.TemporaryDirectory() as folder:  # an empty database: the registry only
            from data_access import migrate
            from data_access.db import make_engine

            url = f"sqlite:///{folder}/registry.db"
            migrate.upgrade(make_engine(url))
            create_app({**SETTINGS, "DATABASE_URL": url})
        sys.exit(1 if walk(args.url.rstrip("/"), args.verbose, args.best_practice) else 0)
    with tempfile.TemporaryDirectory() as folder:
        sys.exit(1 if walk(serve_demo(Path(folder)), args.verbose, args.best_practice) else 0)


if __name__ == "__main__":
    main()
