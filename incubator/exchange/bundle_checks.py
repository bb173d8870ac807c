"""Check a parsed bundle whole before anything is written: its schema, its text, and how it fits the database.

Emails are matched in one normalised form (NFC, trimmed, case-folded); every fault raises BundleInvalid
at the JSON path where it sits, with at most a short excerpt of the value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.core.errors import BundleInvalid
from incubator.core.fields import EMAIL_PATTERN, excerpt, has_control_characters, normalise_email
from incubator.core.i18n import _
from incubator.core.vocabulary import Role
from incubator.db.models import Cohort, User
from incubator.exchange.bundle_import_events import check_events
from incubator.exchange.bundle_schema import check_against_schema


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


def parse_date(value: str | None) -> dt.date | None:
    """Return the schema-checked ISO date `value` as a date, or None when it is absent."""
    return dt.date.fromisoformat(value) if value else None


def _check_cohorts(cohorts: list[dict[str, Any]]) -> None:
    _check_unique(cohorts, "slug", "cohorts")
    for index, cohort in enumerate(cohorts):
        starts, ends = parse_date(cohort.get("starts_on")), parse_date(cohort.get("ends_on"))
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


def _check_metric_dates(at: str, values: list[dict[str, Any]]) -> None:
    # Two values for one metric on one date would mean two things; the last one would win without a word.
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(values):
        key = (entry["name"], entry["date"])
        if key in seen:
            raise BundleInvalid(
                f"{at}.metrics[{index}].date",
                _("“{name}” already has a value for this date at {at}.metrics[{first}]").format(
                    name=excerpt(entry["name"]), at=at, first=seen[key]
                ),
            )
        seen[key] = index


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
        _check_metric_dates(at, startup.get("metrics", []))
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
