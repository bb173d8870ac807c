"""Who is acting: the plain value every service takes as its `actor` argument."""

from __future__ import annotations

from dataclasses import dataclass

from incubator.models import Role, User


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

    @property
    def is_coordinator(self) -> bool:
        """Tell whether this actor coordinates the incubator (and so may see and change everything)."""
        return self.role is Role.COORDINATOR
