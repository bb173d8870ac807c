"""A tab drawn while signed in hands out no file once the sign-in has ended elsewhere.

Every download of every page (the exports' CSVs and bundle, the dashboard's and leaderboard's CSVs,
the invitation links, the booklet, the canvas, deck and one-pager files) is opened in its own tab;
then the sign-in ends in another tab or another browser (sign-out, deactivation by a coordinator,
a password change); then each download is clicked in the stale tab. No file comes, the button says
why, and the server's log holds nothing but one refusal line a click.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.e2e.conftest import demo_database_url, settle, sign_in
from tests.e2e.servers import ROOT, running_app

PASSWORD = "demo-incubator"
COORDINATOR, FOUNDER = "nadia@demo.incubator.example", "yasmine@demo.incubator.example"
REFUSAL = "You are signed out: sign in again to download this."


@dataclass(frozen=True)
class Site:
    url: str
    database_url: str
    log: Path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("stale-downloads")
    database_url, log = demo_database_url(folder), folder / "server.log"
    with running_app(database_url, log=log) as url:
        yield Site(url, database_url, log)


def _prepare_booklet(page: Page) -> None:
    page.get_by_role("button", name="Prepare the demo-day booklet (PDF)").click()
    expect(page.get_by_role("button", name="Download the booklet")).to_be_visible(timeout=60_000)


def _make_an_invitation(page: Page, email: str) -> None:
    page.get_by_text("Add people to a cohort").click()
    form = page.locator("[data-testid='stForm']").filter(has=page.get_by_role("button", name="Invite"))
    form.get_by_role("textbox", name="Name").fill("Stale Tab")
    form.get_by_role("textbox", name="Email").fill(email)
    form.get_by_role("textbox", name="Startup (made if new)").fill(f"Startup of {email}")
    form.get_by_role("button", name="Invite").click()
    expect(page.get_by_role("button", name="Download the links (CSV)")).to_be_visible()


# Each role's pages and the downloads on them; a step makes a download appear first where it needs one.
COORDINATOR_DOWNLOADS: tuple[tuple[str, tuple[str, ...], Callable[[Page, str], None] | None], ...] = (
    ("exports", ("Startups", "Milestones", "Metric values", "Scores", "Download the bundle"), None),
    ("dashboard", ("Download as CSV",), None),
    ("leaderboard", ("Download as CSV",), None),
    ("events", ("Download the booklet",), lambda page, _email: _prepare_booklet(page)),
    ("", ("Download the links (CSV)",), _make_an_invitation),  # the coordinator's home: Cohorts
    ("startup", ("Download the one-page investor summary",), None),
    ("canvas", ("Download the canvas as PDF",), None),
)
FOUNDER_DOWNLOADS: tuple[tuple[str, tuple[str, ...], Callable[[Page, str], None] | None], ...] = (
    ("", ("Download the one-page investor summary",), None),  # the founder's home: My startup
    ("canvas", ("Download the canvas as PDF",), None),
    ("deck", ("Download as PowerPoint", "Download as PDF", "Download the one-pager"), None),
)


def _download_button(page: Page, label: str) -> Locator:
    """The app's download button named `label` (not a table's own CSV button, which holds what is on screen)."""
    return page.get_by_test_id("stDownloadButton").filter(has=page.get_by_role("button", name=label, exact=True))


def _cli(site: Site, *args: str, stdin: str = "") -> None:
    command = [sys.executable, "-m", "incubator", "--db", site.database_url, *args]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, input=stdin, text=True)


def _sign_out_in_another_tab(context: BrowserContext, site: Site, email: str) -> None:
    other = context.new_page()
    other.goto(site.url)
    other.get_by_role("button", name="Sign out").click()
    expect(other.get_by_role("button", name="Sign in")).to_be_visible()


def _deactivated_by_a_coordinator(context: BrowserContext, site: Site, email: str) -> None:
    from sqlalchemy import select

    from incubator.accounts.actors import Actor
    from incubator.accounts.users import set_user_active
    from incubator.db.database import Database
    from incubator.db.models import User

    with Database.from_url(site.database_url).write() as session:
        user_id = session.scalar(select(User.id).where(User.email == email))
        set_user_active(session, Actor.command_line(), user_id, False)


def _password_changed_in_another_browser(context: BrowserContext, site: Site, email: str) -> None:
    browser = context.browser
    assert browser is not None
    elsewhere = browser.new_context()
    page = elsewhere.new_page()
    sign_in(page, site.url, email, PASSWORD)
    page.goto(f"{site.url}/account")
    page.get_by_role("textbox", name="Current password").fill(PASSWORD)
    page.get_by_role("textbox", name="New password").fill("a changed password 42")
    page.get_by_role("button", name="Change the password").click()
    expect(page.get_by_text("Every other browser is signed out")).to_be_visible()
    elsewhere.close()


ENDINGS = {
    "signed out in another tab": _sign_out_in_another_tab,
    "deactivated by a coordinator": _deactivated_by_a_coordinator,
    "password changed in another browser": _password_changed_in_another_browser,
}


def _a_fresh_account(site: Site, role: str, email: str) -> None:
    """Make an account for one ending (each ending spends its account), on the demo's startup for a founder."""
    _cli(site, "user", "add", "--email", email, "--name", f"Stale {role}", "--role", role, stdin=f"{PASSWORD}\n")
    if role == "founder":
        from incubator.accounts.actors import Actor
        from incubator.core.vocabulary import Role
        from incubator.db.database import Database
        from incubator.startups.teams import set_team_member

        with Database.from_url(site.database_url).write() as session:
            set_team_member(session, Actor.command_line(), "repair-cafe-online", email, Role.FOUNDER, member=True)


@pytest.mark.parametrize("ending", list(ENDINGS))
@pytest.mark.parametrize("role", ["coordinator", "founder"])
def test_a_stale_tab_gets_no_file_after_the_sign_in_ended(browser: Browser, site: Site, role: str, ending: str):
    tag = re.sub(r"\W+", "-", ending)
    email = f"{role}-{tag}@stale.example"
    _a_fresh_account(site, role, email)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(30_000)
    delivered: list[str] = []
    tabs: list[tuple[Page, tuple[str, ...]]] = []
    first = context.new_page()
    sign_in(first, site.url, email, PASSWORD)
    for address, labels, step in COORDINATOR_DOWNLOADS if role == "coordinator" else FOUNDER_DOWNLOADS:
        tab = context.new_page()
        tab.on("download", lambda download: delivered.append(download.suggested_filename))
        tab.goto(f"{site.url}/{address}")
        settle(tab)
        if step:
            step(tab, f"invited-{tag}@stale.example")
        for label in labels:
            expect(_download_button(tab, label)).to_be_visible()
        tabs.append((tab, labels))
    log_before = site.log.read_text(encoding="utf-8", errors="replace")

    ENDINGS[ending](context, site, email)

    clicks = 0
    for tab, labels in tabs:
        for label in labels:
            button = _download_button(tab, label)
            button.get_by_role("button").click()
            expect(button.get_by_test_id("stDownloadButtonError")).to_have_text(REFUSAL)
            clicks += 1
    tabs[-1][0].wait_for_timeout(1000)  # a file that would still come
    assert delivered == [], f"files handed out to a stale tab after the sign-in was {ending}: {delivered}"
    logged = site.log.read_text(encoding="utf-8", errors="replace")[len(log_before) :].splitlines()
    assert logged == ["download refused: SignedOut"] * clicks, logged
    context.close()
