"""Writes from pages: one idiom, `act`, that runs a service as whoever is signed in at the moment of the write.

Every write goes through `act`: it looks up who is signed in *at the moment of the write*, in
the write's own transaction, so a widget callback drawn for someone who has since signed out or
been deactivated acts for nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Concatenate, Generic, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.core.errors import IncubatorError, SignedOut
from incubator.core.i18n import _
from incubator.web.database import database
from incubator.web.messages import show_error
from incubator.web.signed_in import actor_now

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write that went through, with what the service returned."""

    value: T


def act(service: Callable[Concatenate[Session, Actor, P], T], *args: P.args, **kwargs: P.kwargs) -> Done[T] | None:
    """Run `service(session, actor, ...)` in one write transaction as whoever is signed in now.

    Returns `Done(value)`, or shows the error and returns None (the transaction rolled back). A
    caller that handles some errors itself (a stale edit, say) catches them around the call:
    errors of the classes in `passing` are not shown but raised.
    """
    return act_passing((), service, *args, **kwargs)


def act_passing(
    passing: tuple[type[IncubatorError], ...],
    service: Callable[Concatenate[Session, Actor, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> Done[T] | None:
    """Like `act`, but raise the errors of the classes in `passing` to the caller instead of showing them."""
    try:
        with database().write() as session:
            actor = actor_now(session)
            if actor is None:
                raise SignedOut(_("You are signed out: sign in again to save this."))
            return Done(service(session, actor, *args, **kwargs))
    except passing:
        raise
    except IncubatorError as error:
        show_error(error)
        return None
