"""The translated names of roles, stages, statuses and the app's own notes, as people read them."""

from __future__ import annotations

from incubator.core.i18n import N_, _
from incubator.core.vocabulary import MilestoneStatus, Role, Stage

_ROLE_LABELS = {Role.FOUNDER: N_("founder"), Role.MENTOR: N_("mentor"), Role.COORDINATOR: N_("coordinator")}
_STAGE_LABELS = {
    Stage.IDEA: N_("Idea"),
    Stage.VALIDATION: N_("Validation"),
    Stage.MVP: N_("MVP"),
    Stage.TRACTION: N_("Traction"),
    Stage.SCALING: N_("Scaling"),
}


_MILESTONE_STATUS_LABELS = {
    MilestoneStatus.PLANNED: N_("planned"),
    MilestoneStatus.IN_PROGRESS: N_("in progress"),
    MilestoneStatus.DONE: N_("done"),
    MilestoneStatus.BLOCKED: N_("blocked"),
    MilestoneStatus.DROPPED: N_("dropped"),
}


def milestone_status_label(status: MilestoneStatus | str) -> str:
    """Return the translated name of a milestone status, such as 'in progress'."""
    return _(_MILESTONE_STATUS_LABELS[MilestoneStatus(status)])


def role_label(role: Role | str) -> str:
    """Return the translated name of a role, such as 'mentor'."""
    return _(_ROLE_LABELS[Role(role)])


def stage_label(stage: Stage | str) -> str:
    """Return the translated name of a stage, such as 'Validation'."""
    return _(_STAGE_LABELS[Stage(stage)])


# The note the app itself writes on versions a bundle import made. It is stored in English, like a key,
# and shown in the reader's language; notes people write are shown as written.
IMPORTED_NOTE = N_("Imported from a bundle")


# The note on the demo cohort's versions: the demo reads like founders' own work, not like an import.
DEMO_NOTE = N_("First version, after the idea workshop")


def version_note_label(note: str) -> str:
    """Return a version's note as the reader sees it: the app's own notes translated, anyone else's as written."""
    return _(note) if note in (IMPORTED_NOTE, DEMO_NOTE) else note
