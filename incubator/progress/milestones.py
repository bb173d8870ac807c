"""Milestones: a startup's plan, edited by its founders, and milestone plans applied to a whole cohort."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.core.config import PROJECT_ROOT
from incubator.core.errors import NotFound, TemplateInvalid, ValidationFailed
from incubator.core.fields import LONG_TEXT_LIMIT, clean_text
from incubator.core.i18n import _, current_language
from incubator.core.template_text import in_language
from incubator.core.vocabulary import MilestoneStatus
from incubator.db.models import Cohort, Milestone, Startup
from incubator.startups.permissions import require_edit_startup_work
from incubator.startups.profiles import get_startup

PLAN_DIR = PROJECT_ROOT / "templates" / "plans"


@dataclass(frozen=True)
class MilestoneDraft:
    """A milestone as edited in the table; `id` None for a new one."""

    title: str
    description: str = ""
    due: dt.date | None = None
    status: MilestoneStatus | str = MilestoneStatus.PLANNED
    done_on: dt.date | None = None
    id: int | None = None


@dataclass(frozen=True)
class PlanStep:
    """One milestone of a plan, due `offset_days` after the cohort starts."""

    key: str
    title: str
    description: str
    offset_days: int


def list_milestones(session: Session, actor: Actor, slug: str) -> list[Milestone]:
    """Return a startup's milestones by due date (undated last)."""
    return milestones_of(session, get_startup(session, actor, slug))


def milestones_of(session: Session, startup: Startup) -> list[Milestone]:
    """Return an already authorised startup's milestones by due date (undated last)."""
    query = (
        select(Milestone)
        .where(Milestone.startup_id == startup.id)
        .order_by(Milestone.due.is_(None), Milestone.due, Milestone.id)
    )
    return list(session.scalars(query))


def _clean(row: int, draft: MilestoneDraft, today: dt.date) -> dict[str, Any]:
    prefix = _("Row {row}: ").format(row=row)
    try:
        status = MilestoneStatus(draft.status)
    except ValueError:
        raise ValidationFailed(
            prefix + _("“{value}” is not a status.").format(value=draft.status), field="status"
        ) from None
    try:
        title = clean_text(draft.title or "", "title", _("The title"), required=True)
        description = clean_text(
            draft.description or "", "description", _("The description"), limit=LONG_TEXT_LIMIT, multiline=True
        )
    except ValidationFailed as error:
        raise ValidationFailed(prefix + str(error), field=error.field) from None
    done_on = draft.done_on
    if status is MilestoneStatus.DONE and done_on is None:
        done_on = today
    if status is not MilestoneStatus.DONE and done_on is not None:
        raise ValidationFailed(prefix + _("a done date needs the status “done”."), field="done_on")
    return {"title": title, "description": description, "due": draft.due, "status": status, "done_on": done_on}


def save_milestones(
    session: Session, actor: Actor, slug: str, drafts: list[MilestoneDraft], today: dt.date | None = None
) -> None:
    """Replace the startup's milestones by the edited table (rows left out are deleted); founders only."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    today = today or dt.date.today()
    cleaned = [(draft.id, _clean(number, draft, today)) for number, draft in enumerate(drafts, start=1)]
    existing = {
        milestone.id: milestone
        for milestone in session.scalars(select(Milestone).where(Milestone.startup_id == startup.id))
    }
    kept: set[int] = set()
    for milestone_id, values in cleaned:
        milestone = existing.get(milestone_id) if milestone_id is not None else None
        if milestone is None:
            session.add(Milestone(startup_id=startup.id, **values))
            continue
        kept.add(milestone.id)
        for key, value in values.items():
            setattr(milestone, key, value)
    for milestone_id, milestone in existing.items():
        if milestone_id not in kept:
            session.delete(milestone)
    record_change(session, actor, "save", "milestones", slug, count=len(drafts))


def load_plan(name: str) -> tuple[str, list[PlanStep]]:
    """Return a milestone plan's title and steps from `templates/plans/NAME.toml`; raises TemplateInvalid."""
    path = PLAN_DIR / f"{name}.toml"
    if not path.is_file():
        raise NotFound(_("There is no milestone plan “{name}”.").format(name=name))
    try:
        data = in_language(tomllib.loads(path.read_text(encoding="utf-8")), current_language())
        steps = [
            PlanStep(str(step["key"]), str(step["title"]), str(step.get("description", "")), int(step["offset_days"]))
            for step in data["steps"]
        ]
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise TemplateInvalid(f"plans/{path.name}: {error}") from None
    if len({step.key for step in steps}) != len(steps):
        raise TemplateInvalid(f"plans/{path.name}: step keys must be unique")
    return str(data.get("title", name)), steps


def list_plans() -> list[str]:
    """Return the names of the milestone plans in `templates/plans/`."""
    return sorted(path.stem for path in Path(PLAN_DIR).glob("*.toml"))


def apply_plan(session: Session, actor: Actor, cohort_slug: str, plan_name: str) -> int:
    """Give every startup of a cohort the plan's milestones, dated from the cohort's start; returns how many were added.

    Applying the same plan twice adds nothing: a step a startup already has is skipped. Coordinators only.
    """
    require_coordinator(actor)
    cohort = session.scalar(select(Cohort).where(Cohort.slug == cohort_slug))
    if cohort is None:
        raise NotFound(_("There is no cohort “{slug}”.").format(slug=cohort_slug))
    if cohort.starts_on is None:
        raise ValidationFailed(
            _("Give the cohort a start date first: the plan's dates count from it."), field="starts_on"
        )
    _title, steps = load_plan(plan_name)
    startups = list(session.scalars(select(Startup).where(Startup.cohort_id == cohort.id)))
    rows = session.execute(
        select(Milestone.startup_id, Milestone.plan_step).where(
            Milestone.startup_id.in_([startup.id for startup in startups]), Milestone.plan_step.is_not(None)
        )
    )
    have = {(startup_id, plan_step) for startup_id, plan_step in rows}
    added = 0
    for startup in startups:
        for step in steps:
            plan_step = f"{plan_name}:{step.key}"
            if (startup.id, plan_step) in have:
                continue
            session.add(
                Milestone(
                    startup_id=startup.id, title=step.title, description=step.description, plan_step=plan_step,
                    due=cohort.starts_on + dt.timedelta(days=step.offset_days), status=MilestoneStatus.PLANNED,
                )
            )  # fmt: skip
            added += 1
    record_change(session, actor, "apply_plan", "cohort", cohort_slug, plan=plan_name, added=added)
    return added
