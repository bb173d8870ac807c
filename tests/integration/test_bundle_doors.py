"""The bundle door, probed with Hypothesis: what the app exports comes back identical; any mutation is imported
whole or refused with exit 2 and one short line, and a refusal leaves the database and the file as they were."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from incubator.accounts.actors import Actor
from incubator.cli import EXIT_BAD_INPUT, EXIT_OK, main
from incubator.core.errors import BundleInvalid
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import User
from incubator.exchange.bundle_export import export_bundle
from incubator.exchange.bundle_import import import_bundle

SHARED_FORMATS = Path(__file__).resolve().parents[3] / "shared" / "formats"
EXAMPLE_TEXT = (SHARED_FORMATS / "example-bundle.json").read_text(encoding="utf-8")
EXAMPLE = json.loads(EXAMPLE_TEXT)
FOLDER = Path(tempfile.mkdtemp(prefix="bundle-doors-"))


def _fresh_database(name: str) -> tuple[str, Database]:
    path = FOLDER / f"{name}.sqlite3"
    path.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    database = Database.from_url(url)
    upgrade_database(database)
    return url, database


def _exported(database: Database) -> dict[str, Any]:
    with database.read() as session:
        bundle = export_bundle(session, Actor.command_line())
    bundle.pop("exported_at")
    return bundle


def _import_file(url: str, raw: bytes) -> tuple[int, str]:
    path = FOLDER / "incoming.json"
    path.write_bytes(raw)
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        status = main(["--db", url, "import", str(path)])
    assert path.read_bytes() == raw  # the door never writes to what it reads
    return status, errors.getvalue()


def _import(database: Database, bundle: dict[str, Any]) -> None:
    with database.write() as session:
        import_bundle(session, Actor.command_line(), bundle)


# --- any bundle the app exported comes back identical --------------------------------------------------------------

_words = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=40).filter(
    str.strip
)
_slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


@st.composite
def _bundles(draw: st.DrawFn) -> dict[str, Any]:
    """A bundle drawn from the contract: people and startups with any script, numbers near the bounds."""
    emails = draw(st.lists(st.from_regex(r"[a-z]{1,6}@[a-z]{1,6}\.org", fullmatch=True), min_size=2, max_size=4,
                           unique=True))  # fmt: skip
    founders, mentors = emails[: len(emails) // 2], emails[len(emails) // 2 :]
    users = [{"email": email, "name": draw(_words), "role": "founder"} for email in founders]
    users += [{"email": email, "name": draw(_words), "role": "mentor"} for email in mentors]
    startups = []
    for slug in draw(st.lists(_slugs, min_size=1, max_size=3, unique=True)):
        startup: dict[str, Any] = {
            "slug": slug, "name": draw(_words), "tagline": draw(_words), "stage": draw(st.sampled_from(
                ["idea", "validation", "mvp", "traction", "scaling"])),
            "founders": draw(st.lists(st.sampled_from(founders), unique=True, max_size=2)),
            "mentors": draw(st.lists(st.sampled_from(mentors), unique=True, max_size=2)),
            "canvas": {"problem": draw(_words), "solution": draw(_words)},
            "metrics": [{"name": metric, "unit": "", "date": f"2027-0{month}-01",
                         "value": draw(st.floats(-1e15, 1e15, allow_nan=False))}
                        for metric in [draw(_words)] for month in range(1, draw(st.integers(1, 5)))],
            "ask": {"amount": draw(st.floats(0, 1e12, allow_nan=False)), "currency": "EUR",
                    "instrument": draw(_words), "use_of_funds": draw(_words)},
        }  # fmt: skip
        startups.append(startup)
    return {"format": "incubator-bundle", "version": 1, "users": users, "startups": startups}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundle=_bundles())
def test_whatever_the_app_exported_imports_back_to_the_same_bundle(bundle):
    _url, first = _fresh_database("first")
    try:
        _import(first, bundle)
    except BundleInvalid as refused:
        event(f"refused at {refused.path}")
        return  # drawn text the forms refuse too (say, a name that normalises to something over its limit)
    event("imported")
    exported = _exported(first)
    _url, second = _fresh_database("second")
    _import(second, copy.deepcopy(exported))
    assert _exported(second) == exported
    _import(second, copy.deepcopy(exported))  # and again: nothing doubles
    assert _exported(second) == exported
    first.dispose(), second.dispose()


# --- any mutation of a valid bundle: imported whole, or refused in one line with nothing changed ---------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*path, index))
    return found


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    bundle = copy.deepcopy(EXAMPLE)
    for _step in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(_places(bundle)[1:]))
        parent = bundle
        for step in place[:-1]:
            parent = parent[step]
        how = draw(st.sampled_from(["replace", "delete", "duplicate", "case", "nfd", "newline"]))
        value = parent[place[-1]]
        if how == "replace":
            parent[place[-1]] = draw(_json_values)
        elif how == "delete":
            del parent[place[-1]]
        elif how == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(value))
        elif isinstance(value, str):
            parent[place[-1]] = {"case": value.upper(), "nfd": unicodedata.normalize("NFD", value),
                                 "newline": value + "\n"}.get(how, value)  # fmt: skip
    text = json.dumps(bundle, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):  # and a byte-level slip now and then: a cut, a stray character
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(["", "\\", '"', "}", ",", "\\ud800", "1e999"])) + text[at + 1 :]
    return text.encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def seeded() -> tuple[str, Database]:
    url, database = _fresh_database("seeded")
    _import(database, copy.deepcopy(EXAMPLE))
    return url, database


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=_mutated())
def test_a_mutated_bundle_is_imported_whole_or_refused_in_one_line_changing_nothing(seeded, raw):
    url, database = seeded
    before = _exported(database)
    status, error = _import_file(url, raw)
    assert status in (EXIT_OK, EXIT_BAD_INPUT), error
    event("imported" if status == EXIT_OK else "refused")
    if status == EXIT_BAD_INPUT:
        assert error.count("\n") == 1 and len(error) < 300, error
        assert _exported(database) == before
    with database.read() as session:  # an email that differs in case or normal form never makes a second account
        emails = list(session.scalars(select(User.email)))
        assert len({unicodedata.normalize("NFC", email).casefold() for email in emails}) == len(emails)


def test_people_named_again_in_another_case_or_normal_form_are_the_same_people(seeded):
    url, database = seeded
    with database.read() as session:
        people = session.scalar(select(func.count()).select_from(User))
    changed = EXAMPLE_TEXT.replace("mentor@example.org", "MENTOR@Example.ORG").replace(
        "yasmine@example.org", unicodedata.normalize("NFD", "yasmine@example.org").upper()
    )
    status, error = _import_file(url, changed.encode())
    assert status == EXIT_OK, error
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(User)) == people


@pytest.mark.parametrize(
    ("change", "where"),
    [(lambda b: b["startups"][0].update(website="data:text/html,<script>x</script>"), "website"),
     (lambda b: b["startups"][0].update(website="javascript:alert(1)"), "website"),
     (lambda b: b["scores"][0].update(score=3.5), "score"), (lambda b: b["scores"][0].update(score=True), "score"),
     (lambda b: b["users"][0].update(name="N" * 100_000), "users[0].name"),
     (lambda b: b["startups"][0]["canvas"].update(problem="x" * 50_000_000), "canvas.problem"),
     (lambda b: b["startups"][0]["ask"].update(amount=1e13), "ask.amount"),
     (lambda b: b["startups"][0]["metrics"][0].update(value=1e16), "value"),
     (lambda b: b["users"][0].update(email="coordinator@example.org\n"), "users[0].email"),
     (lambda b: b["cohorts"][0].update(slug="spring-2027\n"), "cohorts[0].slug"),
     (lambda b: b["startups"][0].update(contact_email="a b@example.org"), "contact_email")],
)  # fmt: skip
def test_values_the_forms_would_refuse_are_refused_in_one_short_line(seeded, change, where):
    url, database = seeded
    bundle = copy.deepcopy(EXAMPLE)
    change(bundle)
    before = _exported(database)
    status, error = _import_file(url, json.dumps(bundle).encode())
    assert status == EXIT_BAD_INPUT and where in error
    assert error.count("\n") == 1 and len(error) < 300, error[:400]
    assert _exported(database) == before
