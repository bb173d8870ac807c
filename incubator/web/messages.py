"""What people are told: our errors as friendly messages, and success notes that survive a rerun."""

from __future__ import annotations

import streamlit as st

from incubator.core.errors import IncubatorError, PermissionDenied, SignedOut, ValidationFailed
from incubator.core.fields import one_line
from incubator.core.markup import escape_markdown

_FLASH_KEY = "_flash_message"
MAX_LINES = 60


def show_error(error: IncubatorError) -> None:
    """Show one of our errors as a friendly message."""
    # Messages quote what people typed: never let it act as Markdown. Each line stays one short line
    # (a refused 50 MB value is quoted by an excerpt, never whole); a list of bad rows keeps its lines.
    lines = [escape_markdown(one_line(line)) for line in str(error).splitlines()[:MAX_LINES]] or [""]
    # A list of bad rows reads as a list: on a phone, wrapped lines would otherwise run into each other.
    message = lines[0] + "".join(f"\n- {line}" for line in lines[1:]) if len(lines) > 1 else lines[0]
    message = message.replace("\n- ", "\n\n- ", 1)
    if isinstance(error, PermissionDenied | SignedOut):
        st.error(message, icon=":material/lock:")
    elif isinstance(error, ValidationFailed):
        st.error(message, icon=":material/edit_note:")
    else:
        st.error(message, icon=":material/error:")


def flash(message: str) -> None:
    """Show `message` as a success note on the next run (after st.rerun)."""
    st.session_state[_FLASH_KEY] = message


def show_flash() -> None:
    """Show the success note left by `flash`, once."""
    message = st.session_state.pop(_FLASH_KEY, None)
    if message:
        st.success(escape_markdown(message), icon=":material/check_circle:")


def forget_widgets(*keys: str) -> None:
    """Clear the given widgets, so a form that was saved starts empty on the next run."""
    for key in keys:
        st.session_state.pop(key, None)
