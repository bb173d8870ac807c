"""What Streamlit leaves out for assistive technology, added once per page: a live region, names, the page's language.

Streamlit offers no parameter for these (its toasts are unnamed dialogs that screen readers do not read
out, a segmented control's buttons are named by their text alone, and the page is always `lang="en"`),
so one small script in the page fills them in, and keeps doing so as Streamlit redraws:
- every confirmation (a toast) is also written into a polite live region, so it is announced;
- a button of a row of numbers (the judge's 1 to 5) is named "Problem: 3 of 5", not "3";
- a "?" help button is named after what it explains, in the reader's language ("Help: 2. Problem"), not "Help";
- the document's language is the reader's, so a screen reader speaks French as French.
"""

from __future__ import annotations

import json

import streamlit as st

from incubator.core.i18n import _, current_language

# Headings keep their order (h1 the page, h2 its sections) at sizes that suit a working screen; a visually
# hidden class for text that only assistive technology needs; the focused element is never hidden under the
# judge's sticky bar (WCAG 2.4.11).
PAGE_STYLE = """
[data-testid="stMainBlockContainer"] h2 { font-size: 1.5rem; }
.incubator-visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
html { scroll-padding-bottom: 6rem; }
/* A link in the page says all it says: wrapped on a phone, never cut to "automne 20…" (sidebar links stay one line). */
[data-testid="stMain"] [data-testid="stPageLink-NavLink"] > span:last-child { white-space: normal; overflow: visible; }
[data-testid="stMain"] [data-testid="stPageLink-NavLink"] [data-testid="stMarkdownContainer"] p { white-space: normal; }
[data-testid="stElementContainer"]:has(> .stHtml #incubator-assistive),
[data-testid="stElementContainer"]:has(#incubator-assistive) { display: none; }
"""

_SCRIPT = r"""
(() => {
  const words = %(words)s;
  window.__incubatorWords = words;
  document.documentElement.lang = words.lang;
  if (window.__incubatorAssistive) { window.__incubatorAssistive(); return; }
  const announcer = document.createElement('div');
  announcer.id = 'incubator-announcer';
  announcer.setAttribute('role', 'status');
  announcer.setAttribute('aria-live', 'polite');
  announcer.className = 'incubator-visually-hidden';
  document.body.appendChild(announcer);
  const announce = (text) => {
    announcer.textContent = '';
    setTimeout(() => { announcer.textContent = text; }, 50);  // a change, even when the same words come twice
  };
  const nameNumberButtons = () => {
    const w = window.__incubatorWords;
    document.querySelectorAll('[role="radiogroup"]').forEach((group) => {
      const radios = [...group.querySelectorAll('[role="radio"]')];
      const values = radios.map((radio) => radio.innerText.trim());
      if (!radios.length || !values.every((value) => /^[0-9]+$/.test(value))) return;
      const name = (group.getAttribute('aria-label') || '').split(' · ')[0];
      const maximum = values[values.length - 1];
      radios.forEach((radio, index) => {
        const label = w.ofScale.replace('{name}', name).replace('{value}', values[index]).replace('{maximum}', maximum);
        if (radio.getAttribute('aria-label') !== label) radio.setAttribute('aria-label', label);
      });
    });
  };
  const nameHelpButtons = () => {
    const w = window.__incubatorWords;
    document.querySelectorAll('[data-testid="stTooltipIcon"] button').forEach((button) => {
      let holder = button.parentElement;  // the nearest ancestor with words: the label or the line it helps
      for (let up = 0; holder && up < 6 && !holder.innerText.trim(); up += 1) holder = holder.parentElement;
      const subject = holder ? holder.innerText.trim().split('\n')[0].trim() : '';
      const label = subject ? w.helpAbout.replace('{name}', subject) : w.help;
      if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
    });
  };
  window.__incubatorAssistive = () => {
    document.documentElement.lang = window.__incubatorWords.lang;
    nameNumberButtons();
    nameHelpButtons();
  };
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (!(node instanceof Element)) continue;
        const toast = node.matches('[data-testid="stToast"]') ? node : node.querySelector('[data-testid="stToast"]');
        const words = toast && toast.querySelector('[data-testid="stToastText"]');  // not the icon's name
        if (words) announce(words.innerText.trim());
      }
    }
    // A confirmation drawn in place (the judge's bar): each save has its own key, said once. Streamlit may keep
    // the element and change its key (its class) and words, so what was said is remembered by both.
    const confirmation = document.querySelector('[class*="st-key-judge_saved_"]');
    const mark = confirmation ? `${confirmation.className}|${confirmation.innerText.trim()}` : '';
    if (confirmation && mark !== window.__incubatorConfirmed && confirmation.innerText.trim()) {
      window.__incubatorConfirmed = mark;
      announce(confirmation.innerText.trim());
    }
    window.__incubatorAssistive();
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
                               attributeFilter: ['class'] });
  window.__incubatorAssistive();
})();
"""


def assist_assistive_technology() -> None:
    """Add the page's style and the script above, in the current language; draws nothing visible."""
    words = {
        "lang": current_language(),
        "ofScale": _("{name}: {value} of {maximum}"),
        "help": _("Help"),
        "helpAbout": _("Help: {name}"),
    }
    # As JSON in a script element: "<" escaped, so no text can close the element.
    script = _SCRIPT % {"words": json.dumps(words).replace("<", "\\u003c")}
    st.html(
        f'<style>{PAGE_STYLE}</style><span id="incubator-assistive"></span><script>{script}</script>',
        unsafe_allow_javascript=True,
    )
