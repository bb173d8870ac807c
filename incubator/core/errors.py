"""The one error tree of the incubator package.

    IncubatorError              anything the user or caller can be told about
    ├── NotFound                the record asked for does not exist
    ├── PermissionDenied        the acting user may not see or change this
    ├── ValidationFailed        input breaks a rule; `field` names where
    │   ├── BundleInvalid       a bundle breaks the schema or the database; `path` is a JSON path
    │   └── TemplateInvalid     a data file in templates/ is malformed; the message names file and entry
    ├── SignInFailed            the email and password do not open an active account
    │   └── SignInThrottled     a password try came too soon after failed ones from the same client
    ├── SignedOut               nobody is signed in any more (session revoked or expired, account deactivated)
    ├── StaleEdit               someone saved a newer version since the form was read; `current` is it
    └── NothingChanged          a save would store exactly what is already stored

Pages and the command line catch these and show `str(error)`; nothing else is caught to be hidden.
"""

from __future__ import annotations


class IncubatorError(Exception):
    """Base of every error the incubator raises on purpose."""


class NotFound(IncubatorError):
    """The record asked for does not exist."""


class PermissionDenied(IncubatorError):
    """The acting user may not see or change this record."""


class ValidationFailed(IncubatorError):
    """Input breaks a rule; `field` names the input at fault, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class BundleInvalid(ValidationFailed):
    """A bundle breaks the schema or does not fit the database; `path` is the JSON path at fault."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}", field=path)
        self.path = path


class TemplateInvalid(ValidationFailed):
    """A data file in `templates/` is malformed; the message names the file and the entry."""


class SignInFailed(IncubatorError):
    """The email and password do not open an active account."""


class SignInThrottled(SignInFailed):
    """A password try came too soon after failed ones from the same client; the message says how long to wait."""


class SignedOut(IncubatorError):
    """Nobody is signed in at the moment of a write: the session was revoked or expired, or the account closed."""


class StaleEdit(IncubatorError):
    """Someone saved a newer version since the form was read; `current` holds that version."""

    def __init__(self, message: str, current: object = None) -> None:
        super().__init__(message)
        self.current = current


class NothingChanged(IncubatorError):
    """A save would store exactly what is already stored."""
