"""Bundle import and export: the shared example, idempotence, round trips and refusals, on both databases."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from incubator.accounts.actors import Actor
from incubator.core.errors import BundleInvalid
from incubator.core.i18n import language
from incubator.core.vocabulary import Role
from incubator.db.models import AuditEntry, Base, CanvasVersion, Cohort, PitchEvent, Startup, User
from incubator.exchange.bundle_export import export_bundle
from incubator.exchange.bundle_import import import_bundle
from incubator.exchange.bundle_schema import SCHEMA_PATH, check_against_schema, parse_bundle
from tests.factories import make_user

SHARED_FORMATS = Path(__file__).resolve().parents[3] / "shared" / "formats"
EXAMPLE = json.loads((SHARED_FORMATS / "example-bundle.json").read_text(encoding="utf-8"))


def _counts(db) -> dict[str, int]:
    with db.read() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Cohort, User, Startup, AuditEntry, CanvasVersion)
        }


def test_our_schema_copy_is_the_shared_contract():
    assert SCHEMA_PATH.read_bytes() == (SHARED_FORMATS / "bundle-v1.schema.json").read_bytes()


def test_example_bundle_imports_with_its_people_and_teams(db):
    with db.write() as session:
        report = import_bundle(session, Actor.command_line(), EXAMPLE)
    assert report.created == {
        "cohorts": 1, "users": 3, "startups": 1, "ideas": 1, "canvases": 1, "events": 1, "scores": 2, "feedback": 1,
        "milestones": 1, "metric values": 3, "asks": 1, "decks": 1,
    }  # fmt: skip
    with db.read() as session:
        startup = session.scalar(select(Startup).where(Startup.slug == "repair-cafe-online"))
        assert startup.name == "Repair Café Online"
        assert startup.cohort.slug == "spring-2027"
        assert [founder.email for founder in startup.founders] == ["yasmine@example.org"]
        assert [mentor.email for mentor in startup.mentors] == ["mentor@example.org"]
        assert session.scalar(select(User.password_hash).where(User.email == "mentor@example.org")) is None
        exported = export_bundle(session, Actor.command_line())["startups"][0]
    assert exported["idea"] == EXAMPLE["startups"][0]["idea"]
    assert exported["canvas"] == EXAMPLE["startups"][0]["canvas"]


def test_a_changed_canvas_in_a_bundle_becomes_a_new_version(db):
    with db.write() as session:
        import_bundle(session, Actor.command_line(), EXAMPLE)
    changed = _bundle_with(lambda b: b["startups"][0]["canvas"].update(channels="Word of mouth"))
    with db.write() as session:
        report = import_bundle(session, Actor.command_line(), changed)
    assert report.updated["canvases"] == 1
    with db.read() as session:
        versions = session.scalars(select(CanvasVersion).order_by(CanvasVersion.number)).all()
        assert [(v.number, v.channels) for v in versions][-1] == (2, "Word of mouth")
        assert versions[-1].note == "Imported from a bundle"


def test_importing_the_same_bundle_twice_changes_nothing_the_second_time(db):
    with db.write() as session:
        import_bundle(session, Actor.command_line(), EXAMPLE)
    before = _counts(db)
    with db.write() as session:
        report = import_bundle(session, Actor.command_line(), EXAMPLE)
    assert not report.changed_anything
    assert _counts(db) == before


def _empty(db) -> None:
    with db.write() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(table.delete())


def test_export_import_export_gives_the_same_bundle(db):
    with db.write() as session:
        import_bundle(session, Actor.command_line(), EXAMPLE)
    with db.read() as session:
        first = export_bundle(session, Actor.command_line())
    check_against_schema(first)
    _empty(db)
    with db.write() as session:
        import_bundle(session, Actor.command_line(), first)
    with db.read() as session:
        second = export_bundle(session, Actor.command_line())
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second


def test_export_never_carries_a_password_hash(db):
    with db.write() as session:
        make_user(session, Role.COORDINATOR, password="secret password")
        exported = json.dumps(export_bundle(session, Actor.command_line()))
    assert "argon2" not in exported and "password" not in exported


def _bundle_with(change) -> dict:
    bundle = copy.deepcopy(EXAMPLE)
    change(bundle)
    return bundle


REFUSALS = {
    "unknown top-level key": (lambda b: b.update(extra=1), "$"),
    "wrong format": (lambda b: b.update(format="other"), "$.format"),
    "bad slug": (lambda b: b["startups"][0].update(slug="Repair Café"), "$.startups[0].slug"),
    "date that does not exist": (lambda b: b["cohorts"][0].update(starts_on="2027-02-30"), "$.cohorts[0].starts_on"),
    "text over the limit": (
        lambda b: b["startups"][0]["canvas"].update(problem="x" * 5001),
        "$.startups[0].canvas.problem",
    ),
    "value out of range": (lambda b: b["startups"][0]["ask"].update(amount=-1), "$.startups[0].ask.amount"),
    "control character": (lambda b: b["startups"][0].update(tagline="Hello\x00"), "$.startups[0].tagline"),
    "duplicate startup slug": (lambda b: b["startups"].append(copy.deepcopy(b["startups"][0])), "$.startups[1].slug"),
    "duplicate email": (
        lambda b: b["users"].append({"email": "MENTOR@example.org", "name": "Again", "role": "mentor"}),
        "$.users[3].email",
    ),
    "unknown cohort": (lambda b: b["startups"][0].update(cohort="autumn-1999"), "$.startups[0].cohort"),
    "unknown founder": (
        lambda b: b["startups"][0]["founders"].append("ghost@example.org"),
        "$.startups[0].founders[1]",
    ),
    "mentor listed as founder": (
        lambda b: b["startups"][0]["founders"].append("mentor@example.org"),
        "$.startups[0].founders[1]",
    ),
    "cohort ends before it starts": (lambda b: b["cohorts"][0].update(ends_on="2026-01-01"), "$.cohorts[0].ends_on"),
    "missing required field": (lambda b: b["users"][1].pop("role"), "$.users[1]"),
    "score for an unknown event": (lambda b: b["scores"][0].update(event="no-such-day"), "$.scores[0].event"),
    "score for an unknown startup": (lambda b: b["scores"][1].update(startup="ghost-co"), "$.scores[1].startup"),
    "score by an unknown judge": (lambda b: b["scores"][0].update(mentor="ghost@example.org"), "$.scores[0].mentor"),
    "score by a founder": (lambda b: b["scores"][0].update(mentor="yasmine@example.org"), "$.scores[0].mentor"),
    "unknown criterion": (lambda b: b["scores"][0].update(criterion="Charisma"), "$.scores[0].criterion"),
    "score out of range": (lambda b: b["scores"][1].update(score=7), "$.scores[1].score"),
    "unknown rubric": (lambda b: b["events"][0].update(rubric="talent-show"), "$.events[0].rubric"),
    "pitch by an unknown startup": (lambda b: b["events"][0]["pitches"].append("ghost-co"), "$.events[0].pitches[1]"),
    "feedback by an unknown mentor": (
        lambda b: b["feedback"][0].update(mentor="ghost@example.org"),
        "$.feedback[0].mentor",
    ),
    "feedback on an unknown startup": (lambda b: b["feedback"][0].update(startup="ghost-co"), "$.feedback[0].startup"),
}


@pytest.mark.parametrize("kind", list(REFUSALS))
def test_bad_bundle_is_refused_whole_naming_the_json_path(db, kind):
    change, path = REFUSALS[kind]
    before = _counts(db)
    with pytest.raises(BundleInvalid) as refused, db.write() as session:
        import_bundle(session, Actor.command_line(), _bundle_with(change))
    assert refused.value.path == path
    assert str(refused.value).startswith(path)
    assert _counts(db) == before


def test_first_error_is_the_first_one_in_the_file():
    bundle = _bundle_with(lambda b: (b["cohorts"][0].update(slug="BAD"), b["startups"][0].update(stage="unicorn")))
    with pytest.raises(BundleInvalid) as refused:
        check_against_schema(bundle)
    assert refused.value.path == "$.cohorts[0].slug"


@pytest.mark.parametrize(
    "raw", [b"{not json", b"\xff\xfe", b"[1, 2]", b'{"format": "incubator-bundle", "version": 1, "x": NaN}']
)
def test_files_that_are_not_bundles_are_refused_at_the_root(raw):
    with pytest.raises(BundleInvalid) as refused:
        parse_bundle(raw)
    assert refused.value.path == "$"


def test_an_imported_score_makes_its_mentor_a_judge_and_feeds_the_leaderboard(db):
    from incubator.accounts.actors import Actor
    from incubator.judging.results import event_leaderboard

    with db.write() as session:
        import_bundle(session, Actor.command_line(), EXAMPLE)
        board = event_leaderboard(session, Actor.command_line(), "demo-day-spring-2027", "raw")
        event = session.scalar(select(PitchEvent).where(PitchEvent.slug == "demo-day-spring-2027"))
        assert [judge.email for judge in event.judges] == ["mentor@example.org"]
    [standing] = board.standings
    assert (standing.startup, standing.judges, standing.raw) == ("repair-cafe-online", 1, 3.5)


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        (lambda b: b["users"][1].pop("role"), "en", "$.users[1]: “role” is missing"),
        (lambda b: b["users"][1].pop("role"), "fr", "$.users[1]: «\u202frole\u202f» manque"),
        (lambda b: b.update(extra=1), "nl", "$: ‘extra’ is geen veld dat dit formaat kent"),
        (lambda b: b["startups"][0].update(stage="unicorn"), "fr", '$.startups[0].stage: "unicorn" ne fait pas partie'),
        (lambda b: b["startups"][0].update(name=7), "nl", "$.startups[0].name: 7 zou tekst moeten zijn"),
        (lambda b: b["startups"][0].update(slug="Repair Café"), "fr", "n'a pas la forme attendue"),
    ],
)
def test_schema_faults_are_told_in_the_readers_language(change, code, message):
    with language(code), pytest.raises(BundleInvalid) as refused:
        check_against_schema(_bundle_with(change))
    assert message in str(refused.value)
