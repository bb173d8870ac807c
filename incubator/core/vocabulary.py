"""The words the whole app shares: roles, stages, statuses and the fields of an idea and a canvas.

Plain Python, no database library: pure rules and renderers import these without SQLAlchemy.
"""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a person does in the incubator; it decides which pages and records they reach."""

    FOUNDER = "founder"
    MENTOR = "mentor"
    COORDINATOR = "coordinator"


class Stage(enum.StrEnum):
    """How far a startup has come."""

    IDEA = "idea"
    VALIDATION = "validation"
    MVP = "mvp"
    TRACTION = "traction"
    SCALING = "scaling"


class MilestoneStatus(enum.StrEnum):
    """Where a milestone stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    DROPPED = "dropped"


class ScoringState(enum.StrEnum):
    """Whether judges may score an event now."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


CANVAS_FIELDS = (
    "problem",
    "existing_alternatives",
    "customer_segments",
    "early_adopters",
    "unique_value_proposition",
    "high_level_concept",
    "solution",
    "channels",
    "revenue_streams",
    "cost_structure",
    "key_metrics",
    "unfair_advantage",
)
IDEA_FIELDS = ("problem", "target_customer", "solution_hypothesis", "why_now", "notes")
