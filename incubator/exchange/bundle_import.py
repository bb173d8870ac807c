"""Import a bundle: check it whole against the schema and the database, then upsert it in one transaction.

Records are matched by slug (cohorts, startups) and by email (users), so importing the
same bundle twice changes nothing the second time. Any fault raises BundleInvalid before
anything is written; the caller's transaction then rolls back whatever was not yet checked.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.canvas.versions import store_canvas_version
from incubator.core.errors import BundleInvalid
from incubator.core.fields import EMAIL_PATTERN, excerpt, has_control_characters, normalise_email
from incubator.core.i18n import _
from incubator.core.labels import IMPORTED_NOTE
from incubator.core.vocabulary import CANVAS_FIELDS, IDEA_FIELDS, Role, Stage
from incubator.db.models import CanvasVersion, Cohort, Idea, Startup, User
from incubator.exchange.bundle_import_events import check_events, import_events
from incubator.exchange.bundle_import_progress import import_progress
from incubator.exchange.bundle_schema import check_against_schema, parse_bundle


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
                kind=kind, created=self.created[kind], updated=self.updated[kind], unchanged=self.unchanged[kind]
            )
            for kind in kinds
        ]
        return "; ".join(parts) or _("nothing to import")


def _walk_strings(node: Any, path: str) -> Any:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _walk_strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk_strings(value, f"{path}[{index}]")


def _check_text(document: dict[str, Any]) -> None:
    for path, text in _walk_strings(document, "$"):
        if has_control_characters(text, allow_newlines=True):
            raise BundleInvalid(path, _("contains control characters"))


def _check_unique(items: list[dict[str, Any]], key: str, part: str) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = item[key]
        if value in seen:
            raise BundleInvalid(
                f"$.{part}[{index}].{key}",
                _("“{value}” appears twice (first at $.{part}[{first}])").format(
                    value=excerpt(item[key]), part=part, first=seen[value]
                ),
            )
        seen[value] = index


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _check_cohorts(cohorts: list[dict[str, Any]]) -> None:
    _check_unique(cohorts, "slug", "cohorts")
    for index, cohort in enumerate(cohorts):
        starts, ends = _parse_date(cohort.get("starts_on")), _parse_date(cohort.get("ends_on"))
        if starts and ends and ends < starts:
            raise BundleInvalid(f"$.cohorts[{index}].ends_on", _("the cohort ends before it starts"))


def _check_users(users: list[dict[str, Any]]) -> None:
    _check_unique(users, "email", "users")
    for index, user in enumerate(users):
        if not EMAIL_PATTERN.fullmatch(user["email"]):
            raise BundleInvalid(
                f"$.users[{index}].email",
                _("“{value}” is not a valid email address").format(value=excerpt(user["email"])),
            )


def _known_roles(session: Session, users: list[dict[str, Any]]) -> dict[str, Role]:
    roles = {email: role for email, role in session.execute(select(User.email, User.role))}
    roles.update({user["email"]: Role(user["role"]) for user in users})
    return roles


def _check_startups(
    session: Session, startups: list[dict[str, Any]], cohorts: list[dict[str, Any]], roles: dict[str, Role]
) -> None:
    _check_unique(startups, "slug", "startups")
    cohort_slugs = {cohort["slug"] for cohort in cohorts} | set(session.scalars(select(Cohort.slug)))
    for index, startup in enumerate(startups):
        at = f"$.startups[{index}]"
        if startup.get("cohort") and startup["cohort"] not in cohort_slugs:
            raise BundleInvalid(f"{at}.cohort", _("no cohort has the slug “{slug}”").format(slug=startup["cohort"]))
        if startup.get("contact_email") and not EMAIL_PATTERN.fullmatch(startup["contact_email"]):
            raise BundleInvalid(
                f"{at}.contact_email",
                _("“{value}” is not a valid email address").format(value=excerpt(startup["contact_email"])),
            )
        for part, role in (("founders", Role.FOUNDER), ("mentors", Role.MENTOR)):
            for position, email in enumerate(startup.get(part, [])):
                known = roles.get(email)
                if known is None:
                    raise BundleInvalid(
                        f"{at}.{part}[{position}]", _("no user has the email {email}").format(email=excerpt(email))
                    )
                if known is not role:
                    raise BundleInvalid(
                        f"{at}.{part}[{position}]",
                        _("{email} is a {actual}, not a {expected}").format(
                            email=email, actual=known.value, expected=role.value
                        ),
                    )


# Where the bundle names people by email; each is matched in one normalised form (NFC, trimmed, case-folded).
_EMAIL_FIELDS = {"users": ("email",), "startups": ("contact_email",), "scores": ("mentor",), "feedback": ("mentor",)}
_EMAIL_LISTS = {"startups": ("founders", "mentors")}


def with_normalised_emails(document: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of a schema-valid `document` whose every email is in the form the database stores."""
    normalised = dict(document)
    for part in _EMAIL_FIELDS.keys() | _EMAIL_LISTS.keys():
        if part not in document:
            continue
        items = [dict(item) for item in document[part]]
        for item in items:
            for key in _EMAIL_FIELDS.get(part, ()):
                if isinstance(item.get(key), str):
                    item[key] = normalise_email(item[key])
            for key in _EMAIL_LISTS.get(part, ()):
                if key in item:
                    item[key] = [normalise_email(email) for email in item[key]]
        normalised[part] = items
    return normalised


def check_bundle(session: Session, document: dict[str, Any]) -> dict[str, Any]:
    """Return `document` with normalised emails, or raise BundleInvalid at the first place it breaks the
    schema or does not fit the database."""
    check_against_schema(document)
    document = with_normalised_emails(document)
    _check_text(document)
    cohorts, users, startups = document.get("cohorts", []), document.get("users", []), document.get("startups", [])
    _check_cohorts(cohorts)
    _check_users(users)
    roles = _known_roles(session, users)
    _check_startups(session, startups, cohorts, roles)
    check_events(session, document, roles)
    return document


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
                values[key] = _parse_date(item[key])
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
