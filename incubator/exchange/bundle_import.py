"""Import a bundle: check it whole against the schema and the database, then upsert it in one transaction.

Records are matched by slug (cohorts, startups) and by email (users), so importing the
same bundle twice changes nothing the second time. Any fault raises BundleInvalid before
anything is written; the caller's transaction then rolls back whatever was not yet checked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.canvas.versions import store_canvas_version
from incubator.core.i18n import N_, _
from incubator.core.labels import IMPORTED_NOTE
from incubator.core.vocabulary import CANVAS_FIELDS, IDEA_FIELDS, Role, Stage
from incubator.db.models import CanvasVersion, Cohort, Idea, Startup, User
from incubator.exchange.bundle_checks import check_bundle, parse_date
from incubator.exchange.bundle_import_events import import_events
from incubator.exchange.bundle_import_progress import import_progress
from incubator.exchange.bundle_schema import parse_bundle

# What the summary calls each kind of record it counts, in the reader's language.
KIND_LABELS = {
    "asks": N_("asks"),
    "canvases": N_("canvases"),
    "cohorts": N_("cohorts"),
    "decks": N_("decks"),
    "events": N_("events"),
    "feedback": N_("mentor sessions"),
    "ideas": N_("ideas"),
    "metric values": N_("metric values"),
    "milestones": N_("milestone lists"),
    "scores": N_("scores"),
    "startups": N_("startups"),
    "users": N_("people"),
}


@dataclass
class ImportReport:
    """What an import created, updated or left alone, counted per kind of record."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    @property
    def changed_anything(self) -> bool:
        """Tell whether the import wrote anything."""
        return bool(self.created or self.updated)

    def summary(self) -> str:
        """Describe the import in one line."""
        kinds = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        parts = [
            _("{kind}: {created} new, {updated} updated, {unchanged} unchanged").format(
                kind=_(KIND_LABELS.get(kind, kind)),
                created=self.created[kind],
                updated=self.updated[kind],
                unchanged=self.unchanged[kind],
            )
            for kind in kinds
        ]
        return "; ".join(parts) or _("nothing to import")


def _apply(record: Any, values: dict[str, Any]) -> bool:
    changed = False
    for key, value in values.items():
        if getattr(record, key) != value:
            setattr(record, key, value)
            changed = True
    return changed


def _count(report: ImportReport, kind: str, created: bool, changed: bool) -> None:
    counter = report.created if created else report.updated if changed else report.unchanged
    counter[kind] += 1


def _import_cohorts(session: Session, cohorts: list[dict[str, Any]], report: ImportReport) -> None:
    existing = {cohort.slug: cohort for cohort in session.scalars(select(Cohort))}
    for item in cohorts:
        values: dict[str, Any] = {"name": item["name"]}
        for key in ("starts_on", "ends_on"):
            if key in item:
                values[key] = parse_date(item[key])
        cohort = existing.get(item["slug"])
        created = cohort is None
        if cohort is None:
            cohort = Cohort(slug=item["slug"])
            session.add(cohort)
        _count(report, "cohorts", created, _apply(cohort, values))


def _import_users(session: Session, users: list[dict[str, Any]], report: ImportReport) -> None:
    existing = {user.email: user for user in session.scalars(select(User))}
    for item in users:
        email = item["email"]
        user = existing.get(email)
        created = user is None
        if user is None:
            # Imported people get no password: a coordinator sets one, or they use single sign-on.
            user = User(email=email, password_hash=None, is_active=True, language="en", failed_sign_ins=0)
            session.add(user)
            existing[email] = user
        _count(report, "users", created, _apply(user, {"display_name": item["name"], "role": Role(item["role"])}))


def _import_startups(session: Session, startups: list[dict[str, Any]], report: ImportReport) -> None:
    session.flush()
    cohorts = {cohort.slug: cohort for cohort in session.scalars(select(Cohort))}
    users = {user.email: user for user in session.scalars(select(User))}
    existing = {
        startup.slug: startup
        for startup in session.scalars(
            select(Startup).options(selectinload(Startup.founders), selectinload(Startup.mentors))
        )
    }
    for item in startups:
        startup = existing.get(item["slug"])
        created = startup is None
        if startup is None:
            startup = Startup(slug=item["slug"], founders=[], mentors=[])
            session.add(startup)
        values: dict[str, Any] = {"name": item["name"]}
        for key in ("tagline", "sector", "website", "contact_email"):
            if key in item:
                values[key] = item[key]
        if "stage" in item:
            values["stage"] = Stage(item["stage"])
        if "cohort" in item:
            values["cohort"] = cohorts[item["cohort"]]
        changed = _apply(startup, values)
        for part in ("founders", "mentors"):
            if part in item:
                wanted = sorted({users[email].email for email in item[part]})
                if sorted(person.email for person in getattr(startup, part)) != wanted:
                    setattr(startup, part, [users[email] for email in wanted])
                    changed = True
        _count(report, "startups", created, changed)
        _import_idea_and_canvas(session, item, startup, report)
        import_progress(session, item, startup, report)


def _import_idea_and_canvas(session: Session, item: dict[str, Any], startup: Startup, report: ImportReport) -> None:
    session.flush()
    if "idea" in item:
        idea = session.get(Idea, startup.id)
        created = idea is None
        if idea is None:
            idea = Idea(startup_id=startup.id)
            session.add(idea)
        values = {field: item["idea"].get(field, "") for field in IDEA_FIELDS}
        _count(report, "ideas", created, _apply(idea, values) and not created)
    if "canvas" in item:
        boxes = {field: item["canvas"].get(field, "") for field in CANVAS_FIELDS}
        newest = session.scalar(
            select(CanvasVersion).where(
                CanvasVersion.startup_id == startup.id, CanvasVersion.number == startup.canvas_version
            )
        )
        if newest is not None and newest.boxes() == boxes:
            report.unchanged["canvases"] += 1
            return
        store_canvas_version(session, startup, boxes, startup.canvas_version, IMPORTED_NOTE, None)
        _count(report, "canvases", newest is None, True)


def import_bundle_file(session: Session, actor: Actor, raw: bytes) -> ImportReport:
    """Read a bundle file's bytes and import it, as the command line and the Exports page both do."""
    return import_bundle(session, actor, parse_bundle(raw))


def import_bundle(session: Session, actor: Actor, document: dict[str, Any]) -> ImportReport:
    """Check `document` whole, then create or update its records.

    Raises BundleInvalid (nothing written) or PermissionDenied for anyone but a coordinator.
    """
    require_coordinator(actor)
    document = check_bundle(session, document)
    report = ImportReport()
    _import_cohorts(session, document.get("cohorts", []), report)
    _import_users(session, document.get("users", []), report)
    _import_startups(session, document.get("startups", []), report)
    import_events(session, document, report)
    session.flush()
    if report.changed_anything:
        record_change(
            session, actor, "import", "bundle", "bundle", created=dict(report.created), updated=dict(report.updated)
        )
    return report
