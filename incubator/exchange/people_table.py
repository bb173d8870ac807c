"""A whole cohort in one step: a table of people (pasted or uploaded) becomes accounts, startups, teams, invitations.

Columns `name`, `email`, `role`, `startup` (or their French and Dutch names), named in the first row, in any
order, separated by tabs (a
paste from a spreadsheet), `;` or `,`. All rows valid, or a message for every bad row and nothing kept:
the same rules as the metric CSV. Rows are matched to what exists, never doubled: an email that has
an account joins with it (and is invited again only while it has no password), a startup name that
exists in this cohort is that startup, and the same startup named on several rows is made once.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.invitations import IssuedInvitation, invite_person
from incubator.accounts.users import find_user_by_email
from incubator.core.errors import IncubatorError, ValidationFailed
from incubator.core.fields import clean_email, clean_text, excerpt, slugify
from incubator.core.i18n import SUPPORTED_LANGUAGES, _, language
from incubator.core.labels import role_label
from incubator.core.vocabulary import Role
from incubator.db.models import Startup
from incubator.progress.metric_csv import RowProblem
from incubator.startups.cohorts import get_cohort
from incubator.startups.profiles import StartupProfile, create_startup
from incubator.startups.teams import set_team_member

COLUMNS = ("name", "email", "role", "startup")
MAX_ROWS, MAX_BYTES = 500, 512 * 1024
# A header may name the columns in the app's three languages; the role column too.
_COLUMN_NAMES = {"nom": "name", "naam": "name", "e-mail": "email", "courriel": "email", "rôle": "role", "rol": "role"}
_ROLE_WORDS = {  # what people type in the role column, in the app's three languages
    Role.FOUNDER: {"founder", "fondateur", "fondatrice", "oprichter"},
    Role.MENTOR: {"mentor", "mentore", "mentrix"},
    Role.COORDINATOR: {"coordinator", "coordinateur", "coordinatrice", "coördinator"},
}


@cache
def _role_words() -> dict[Role, set[str]]:
    """Return the words for each role: the app's own name for it in each language, and common variants."""
    words = {role: set(variants) for role, variants in _ROLE_WORDS.items()}
    for code in SUPPORTED_LANGUAGES:
        with language(code):
            for role in Role:
                words[role].add(role_label(role).lower())
    return words


@dataclass(frozen=True)
class PersonRow:
    """One valid row: who, their role, and the startup they join (empty for none)."""

    row: int
    name: str
    email: str
    role: Role
    startup: str


@dataclass
class Enrolment:
    """What one table did: the invitations made (with their links), the startups made, who joined a team."""

    invitations: list[IssuedInvitation] = field(default_factory=list)
    startups_created: list[str] = field(default_factory=list)
    already_signing_in: list[str] = field(default_factory=list)


class TableRefused(ValidationFailed):
    """The table has bad rows: every one is in `problems`, and nothing was saved."""

    def __init__(self, problems: list[RowProblem]) -> None:
        lines = [str(problem) for problem in problems[:20]]
        if len(lines) == 1:
            super().__init__(_("Nothing was saved: {problem}").format(problem=lines[0]))
        else:
            super().__init__("\n".join([_("Nothing was saved. Fix these rows and add the table again:"), *lines]))
        self.problems = problems


def read_people_table(content: bytes | str) -> list[PersonRow]:
    """Read and check every row of a table of people; raise TableRefused naming each bad row."""
    problems: list[RowProblem] = []
    rows: list[PersonRow] = []
    records = _records(_decoded(content))
    header = [_COLUMN_NAMES.get(cell.strip().lower(), cell.strip().lower()) for cell in next(records, [])]
    if sorted(header) != sorted(COLUMNS):
        raise TableRefused([RowProblem(1, "—", _("the first row must name: name, email, role, startup"))])
    seen: dict[str, int] = {}
    for number, record in enumerate(records, start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(rows) + len(problems) >= MAX_ROWS:
            raise TableRefused([RowProblem(number, "—", _("more than {count} people").format(count=MAX_ROWS))])
        cells = dict(zip(header, [*record, *[""] * len(header)], strict=False))
        try:
            person = _person(number, cells)
        except _CellRefused as refused:
            problems.append(RowProblem(number, refused.column, refused.message))
            continue
        if person.email in seen:
            message = _("this email is also on row {row}").format(row=seen[person.email])
            problems.append(RowProblem(number, "email", message))
            continue
        seen[person.email] = number
        rows.append(person)
    if not rows and not problems:
        problems.append(RowProblem(2, "—", _("the table has nobody in it")))
    if problems:
        raise TableRefused(problems)
    return rows


class _CellRefused(ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def _person(number: int, cells: dict[str, str]) -> PersonRow:
    values = {}
    for column, read in (("name", lambda text: clean_text(text, "name", _("Name"), required=True)),
                         ("email", clean_email),
                         ("startup", lambda text: clean_text(text, "startup", _("Startup")))):  # fmt: skip
        try:
            values[column] = read(cells.get(column, ""))
        except IncubatorError as error:
            raise _CellRefused(column, str(error)) from None
    word = cells.get("role", "").strip().lower()
    role = next((role for role, words in _role_words().items() if word in words), None)
    if role is None:
        raise _CellRefused(
            "role",
            _("“{value}” is not a role: {founder} or {mentor}").format(
                value=excerpt(word), founder=role_label(Role.FOUNDER), mentor=role_label(Role.MENTOR)
            ),
        )
    if values["startup"] and not slugify(values["startup"]):
        raise _CellRefused("startup", _("a startup's name needs a letter or digit from A to Z or 0 to 9"))
    if role is Role.FOUNDER and not values["startup"]:
        raise _CellRefused("startup", _("a founder needs the name of their startup"))
    if role is Role.COORDINATOR and values["startup"]:
        raise _CellRefused("startup", _("a coordinator is not on a startup's team"))
    return PersonRow(number, values["name"], values["email"], role, values["startup"])


def enrol_people(session: Session, actor: Actor, cohort_slug: str, content: bytes | str) -> Enrolment:
    """Make the accounts, startups, teams and invitations of a table, all or nothing; coordinators only."""
    require_coordinator(actor)
    return _enrol(session, actor, cohort_slug, read_people_table(content))


def enrol_person(
    session: Session, actor: Actor, cohort_slug: str, *, name: str, email: str, role: Role | str, startup: str = ""
) -> Enrolment:
    """Invite one person into a cohort, with their startup (made if new) and team, in one step; coordinators only."""
    require_coordinator(actor)
    cells = {"name": name, "email": email, "role": Role(role).value, "startup": startup}
    try:
        person = _person(2, cells)
    except _CellRefused as refused:
        raise ValidationFailed(refused.message, field=refused.column) from None
    try:
        return _enrol(session, actor, cohort_slug, [person])
    except TableRefused as refused:  # one person: their row number would only confuse
        raise ValidationFailed(refused.problems[0].message, field=refused.problems[0].column) from None


def _enrol(session: Session, actor: Actor, cohort_slug: str, rows: list[PersonRow]) -> Enrolment:
    cohort = get_cohort(session, actor, cohort_slug)
    _check_against_what_exists(session, rows, cohort.id)
    done = Enrolment()
    for person in rows:
        user = find_user_by_email(session, person.email)
        if user is not None and user.password_hash is not None:
            done.already_signing_in.append(user.email)
        else:
            done.invitations.append(
                invite_person(session, actor, email=person.email, name=person.name, role=person.role)
            )
        if person.startup:
            slug = _startup_slug(session, person.startup, cohort.slug, actor, done)
            set_team_member(session, actor, slug, person.email, person.role, member=True)
    return done


def _check_against_what_exists(session: Session, rows: list[PersonRow], cohort_id: int) -> None:
    problems = []
    for person in rows:
        user = find_user_by_email(session, person.email)
        if user is not None and user.role is not person.role:
            problems.append(RowProblem(person.row, "role", _("{email} has an account as another role")
                                       .format(email=person.email)))  # fmt: skip
        elif user is not None and not user.is_active:
            problems.append(RowProblem(person.row, "email", _("the account of {email} is deactivated")
                                       .format(email=person.email)))  # fmt: skip
        slug = slugify(person.startup)
        existing = session.scalar(select(Startup).where(Startup.slug == slug)) if slug else None
        if existing is not None and existing.cohort_id not in (None, cohort_id):
            problems.append(RowProblem(person.row, "startup", _("“{name}” is a startup of another cohort")
                                       .format(name=existing.name)))  # fmt: skip
    if problems:
        raise TableRefused(problems)


def _startup_slug(session: Session, name: str, cohort_slug: str, actor: Actor, done: Enrolment) -> str:
    slug = slugify(name)
    existing = session.scalar(select(Startup).where(Startup.slug == slug))
    if existing is None:
        existing = create_startup(session, actor, StartupProfile(name=name), cohort_slug=cohort_slug, slug=slug)
        done.startups_created.append(existing.name)
    elif existing.cohort_id is None:
        existing.cohort_id = get_cohort(session, actor, cohort_slug).id
    return existing.slug


def _decoded(content: bytes | str) -> str:
    if isinstance(content, str):
        return content.removeprefix("\ufeff")
    if len(content) > MAX_BYTES:
        raise TableRefused([RowProblem(1, "—", _("the file is larger than {size} KB").format(size=MAX_BYTES // 1024))])
    try:
        utf16 = content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        text = content.decode("utf-16") if utf16 else content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableRefused([RowProblem(1, "—", _("the file is not UTF-8 text; save it as “CSV UTF-8”"))]) from None
    if "\x00" in text:
        raise TableRefused([RowProblem(1, "—", _("the file holds NUL characters; save it as “CSV UTF-8”"))])
    return text


def _records(text: str) -> Iterator[list[str]]:
    first_line = next(iter(text.splitlines()), "")
    names = set(COLUMNS) | set(_COLUMN_NAMES)
    delimiter = max(("\t", ";", ","), key=lambda candidate: len(names & {
        cell.strip().strip('"').lower() for cell in first_line.split(candidate)}))  # fmt: skip
    try:
        return iter(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)))
    except csv.Error:
        raise TableRefused([RowProblem(1, "—", _("the table cannot be read as CSV (a stray quote?)"))]) from None
