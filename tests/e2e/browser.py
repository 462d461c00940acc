"""The real server and a real browser for the end-to-end tests of the web pages.

Debian's chromium, driven by Playwright (which downloads no browser here), against gunicorn on a free port with
an SQLite file of its own. `make browser` (part of `make test`) installs chromium and axe-core. Screenshots of
the main pages are written to var/screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.e2e.servers import free_port, wait_until_healthy

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHROMIUM = Path(os.environ.get("KRING_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "een-lang-wachtwoord"
# run in every page before its own scripts: note each thing the Content-Security-Policy blocks
WATCH_CSP = """
window.kringCspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.kringCspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline"));
});
"""


def today() -> date:
    """Kring's today (Europe/Amsterdam), which the server uses."""
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def require(path: Path, what: str) -> None:
    """Skip without the browser or axe-core, except in CI, where their absence fails the run."""
    if path.exists():
        return
    message = f"{what} is missing ({path}); `make browser` installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Server:
    """A running Kring: its address, the environment its commands need, its log."""

    url: str
    env: dict[str, str]
    log: Path

    def user(self, email: str, name: str, *flags: str) -> None:
        """`flask users create`, as the README tells an operator."""
        command = [str(BIN / "flask"), "--app", "services.web", "users", "create", "--email", email, "--name", name]
        command += ["--organisation", "Wijkteam Oost", "--password", PASSWORD, *flags]
        made = subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120, check=False)
        assert made.returncode == 0, made.stdout + made.stderr

    def token(self, email: str) -> dict[str, str]:
        """An API token for this user."""
        answer = requests.post(f"{self.url}/api/tokens", json={"name": "e2e"}, auth=(email, PASSWORD), timeout=10)
        assert answer.status_code == 201, answer.text
        return {"Authorization": f"Bearer {answer.json()['token']}"}


@contextmanager
def serving(folder: Path, extra: dict[str, str] | None = None) -> Iterator[Server]:
    """gunicorn with scheduler.wsgi:app (projections and the reminder scan in the process, scanning every second)
    on an SQLite file in `folder`, with these settings besides (e.g. SMTP); stopped afterwards."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES_", "KRING_", "SQLITE_"))}
    env |= {"DATABASE_URL": f"sqlite:///{folder}/kring.sqlite3", "KRING_SCAN_SECONDS": "1"}
    env |= {k: v.replace("{port}", str(port)) for k, v in (extra or {}).items()}
    env.pop("PERSISTENCE_MODULE", None)
    log = folder / "gunicorn.log"
    command = [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"]
    command += ["--logger-class", "services.web.request_log.RedactingLogger", "scheduler.wsgi:app"]
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log, "gunicorn")
        yield Server(url, env, log)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    assert "Traceback" not in log.read_text(), log.read_text()[-3000:]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Kring served by gunicorn, for the module's tests (see `serving`)."""
    require(CHROMIUM, "Debian's chromium")
    require(AXE, "axe-core (npm)")
    with serving(tmp_path_factory.mktemp("web")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only once chromium is known to be there

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def sign_in(browser: Any, server: Server, email: str) -> Any:
    """A fresh browser window, signed in on the sign-in page; it lands on Mijn netwerken."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(15_000)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.goto(f"{server.url}/")
    assert page.url.endswith("/inloggen")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/netwerken")
    return page


def csp_violations(page: Any) -> list[str]:
    """What the page's Content-Security-Policy blocked since it loaded (recorded by WATCH_CSP)."""
    found: list[str] = page.evaluate("window.kringCspViolations || []")
    return found


def accessible(page: Any, name: str) -> None:
    """The page's Content-Security-Policy blocked nothing, and axe-core finds no serious or critical violation on
    it; a screenshot is kept as an artefact."""
    assert csp_violations(page) == [], f"CSP violations on {name} ({page.url})"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.evaluate(AXE.read_text())  # as the browser's own tools run it: an inline script tag would break the CSP
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} - {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, f"axe-core on {name} ({page.url}):\n" + "\n".join(serious)
