"""The database tables, as typed SQLAlchemy models, one module per wing of the app.

The schema itself is created and changed only by the Alembic migrations in `alembic/`;
these classes must match them (a test compares the two).
"""

from incubator.db.models.base import Base, UTCDateTime, utc_now
from incubator.db.models.judging import ConflictOfInterest, EventJudge, EventPitch, PitchEvent, Score
from incubator.db.models.mail import IncubatorSetting, Notice, OutboxMessage, SenderLease
from incubator.db.models.people import AuditEntry, Invitation, SignInFailure, SignInSession, TrustedDevice, User
from incubator.db.models.progress import ActionItem, MentoringSession, Metric, MetricValue, Milestone
from incubator.db.models.sharing import ShareLink, ShareSlideTime, ShareView
from incubator.db.models.startups import Ask, Cohort, FounderMembership, MentorAssignment, Startup, TeamMember
from incubator.db.models.work import CanvasComment, CanvasVersion, DeckVersion, Idea

__all__ = [
    "ActionItem",
    "Ask",
    "AuditEntry",
    "Base",
    "CanvasComment",
    "CanvasVersion",
    "Cohort",
    "ConflictOfInterest",
    "DeckVersion",
    "EventJudge",
    "EventPitch",
    "FounderMembership",
    "Idea",
    "IncubatorSetting",
    "Invitation",
    "MentorAssignment",
    "MentoringSession",
    "Metric",
    "MetricValue",
    "Milestone",
    "Notice",
    "OutboxMessage",
    "PitchEvent",
    "Score",
    "SenderLease",
    "ShareLink",
    "ShareSlideTime",
    "ShareView",
    "SignInFailure",
    "SignInSession",
    "Startup",
    "TeamMember",
    "TrustedDevice",
    "UTCDateTime",
    "User",
    "utc_now",
]
