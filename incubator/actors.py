"""Who is acting: the plain value every service takes as its `actor` argument."""

from __future__ import annotations

from dataclasses import dataclass

from incubator.models import Role, User

COMMAND_LINE_ID = 0  # no account has id 0


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
        return cls(id=COMMAND_LINE_ID, email="", name="command line", role=Role.COORDINATOR, language="en")

    @property
    def is_command_line(self) -> bool:
        """Tell whether this is the command line rather than a signed-in person."""
        return self.id == COMMAND_LINE_ID

    @property
    def is_coordinator(self) -> bool:
        """Tell whether this actor coordinates the incubator (and so may see and change everything)."""
        return self.role is Role.COORDINATOR
