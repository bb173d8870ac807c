"""The browser asks before a reload or close discards text that is not saved yet."""

from __future__ import annotations

import streamlit as st

_GUARD_SCRIPT = """<script>(function(){
  if (!window.__incubatorGuard) {
    window.__incubatorGuard = true;
    document.addEventListener('input', function (event) {
      if (event.target && event.target.matches('textarea, input[type=text]')) { window.__incubatorTyping = true; }
    }, true);
    window.addEventListener('beforeunload', function (event) {
      if (window.__incubatorUnsaved || window.__incubatorTyping) { event.preventDefault(); event.returnValue = ''; }
    });
  }
  window.__incubatorUnsaved = UNSAVED; window.__incubatorTyping = false; /* run RUN */
})();</script>"""


def guard_unsaved_changes(unsaved: bool) -> None:
    """Make the browser ask before a reload or close discards edits this run has not saved.

    Text typed since the last run counts too (the script listens for typing); each run then says
    whether the server holds unsaved edits. The run number makes each run's script new, so it runs.
    """
    run = st.session_state["_guard_run"] = st.session_state.get("_guard_run", 0) + 1
    script = _GUARD_SCRIPT.replace("UNSAVED", "true" if unsaved else "false").replace("RUN", str(run))
    st.html(script, unsafe_allow_javascript=True, width=1)
