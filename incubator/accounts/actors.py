"""Who is acting: the plain value every service takes as its `actor` argument."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from incubator.core.errors import PermissionDenied
from incubator.core.i18n import _
from incubator.core.vocabulary import Role

if TYPE_CHECKING:
    from incubator.db.models import User

SYSTEM_ID = 0  # no account has id 0: the command line and the app's own automatic actions


@dataclass(frozen=True)
class Actor:
    """The signed-in person a service acts for."""

    id: int
    email: str
    name: str
    role: Role
    language: str

    @classmethod
    def of(cls, user: User) -> Actor:
        """Make the actor for `user`."""
        return cls(id=user.id, email=user.email, name=user.display_name, role=user.role, language=user.language)

    @classmethod
    def command_line(cls) -> Actor:
        """Make the actor for `python -m incubator`: whoever runs it on the server may do what a coordinator may."""
        return cls(id=SYSTEM_ID, email="", name="command line", role=Role.COORDINATOR, language="en")

    @classmethod
    def app_itself(cls) -> Actor:
        """Make the actor for what the app does on its own (loading the demo, throttling sign-ins)."""
        return cls(id=SYSTEM_ID, email="", name="system", role=Role.COORDINATOR, language="en")

    @property
    def is_system(self) -> bool:
        """Tell whether this is the command line or the app itself rather than a signed-in person."""
        return self.id == SYSTEM_ID

    @property
    def is_coordinator(self) -> bool:
        """Tell whether this actor coordinates the incubator (and so may see and change everything)."""
        return self.role is Role.COORDINATOR


def require_role(actor: Actor, *roles: Role) -> None:
    """Raise PermissionDenied unless `actor` has one of `roles`."""
    if actor.role not in roles:
        raise PermissionDenied(_("Your account does not give access to this."))


def require_coordinator(actor: Actor) -> None:
    """Raise PermissionDenied unless `actor` is a coordinator."""
    require_role(actor, Role.COORDINATOR)
