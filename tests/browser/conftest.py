"""Browser tests: Debian's Chromium, driven by Playwright's sync API, against pytest-django's live
server (a real threaded HTTP server on localhost over a transactional test database).

No browser is ever downloaded: Playwright launches /usr/bin/chromium (`make system-test` installs
it); without it these tests skip."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.db import connections

from tests.factories import wagtail_roots

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
# The machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 20_000
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed: pip install '.[test]'"
    )
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed ({CHROMIUM}): `make system-test` adds it")
    # Playwright's sync API keeps an event loop running in this thread, and Django refuses ORM
    # calls from such a thread unless told it is deliberate. Only while the browser runs, so the
    # rest of the suite keeps Django's check.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield launched
            launched.close()
            connections.close_all()  # those this thread opened while Playwright's loop ran
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(autouse=True)
def _wagtail_roots(transactional_db) -> None:
    """The live server sees only committed rows, so these tests run on a transactional database,
    flushed after each test: Wagtail's default locale, root collection and root page and the
    hub's home page, made by data migrations, are then gone, and agencies need them for their
    collections and section pages. (`serialized_rollback` would restore them, but fails once
    another transactional test has flushed the database and its post_migrate handlers have
    created content types again.)"""
    wagtail_roots()


@pytest.fixture
def page(browser, live_server) -> Iterator[Page]:
    """A fresh browser profile (no cookies, no local storage) on the live server; an uncaught
    script error, or anything the Content Security Policy blocked, on any page fails the test."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    script_errors: list[str] = []
    blocked: list[str] = []
    opened.on("pageerror", lambda error: script_errors.append(str(error)))
    opened.on(
        "console",
        lambda message: (
            blocked.append(f"{opened.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield opened
    context.close()
    assert not script_errors, f"uncaught script errors in the page: {script_errors}"
    assert not blocked, f"the Content Security Policy blocked: {blocked}"


def log_in(page: Page, username: str, password: str) -> None:
    """Through the admin's real login form, as an editor does."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    assert "/admin/login/" not in page.url, "the login form refused the editor"


@pytest.fixture
def editor_b_page(page, editor_b) -> Page:
    """The browser of agency B's editor, logged in to the admin."""
    log_in(page, editor_b.username, f"pw-{editor_b.username}")
    return page


def eventually(check: Callable[[], object], what: str, seconds: float = 10.0) -> None:
    """Wait until `check()` is true, for effects the page triggers without waiting for them (a
    fetch the admin sends while it already shows the next step)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"after {seconds} s, still not: {what}")
        time.sleep(0.1)
