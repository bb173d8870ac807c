"""Every page of every role, with hostile names everywhere people type them: no Markdown or HTML of theirs acts.

Text people typed reaches other people in headings, captions, warnings, labels and options. Where a
page draws it as Markdown it must be escaped; plain text (`st.text`) and tables show it as typed.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from incubator.core.vocabulary import MilestoneStatus
from incubator.db.models import Cohort, Metric, Milestone, PitchEvent, Startup, User
from tests.ui.test_languages import PAGES

HOSTILE = '![i](http://evil.example/x.png) [a](http://evil.example) <img src="http://evil.example/y.png">'
# What would act if it reached Markdown or HTML unescaped: an image or link target, or a raw tag.
ACTS = re.compile(r"(?<!\\)\]\((?:http|javascript)|(?<!\\)<img|(?<!\\)<a\s")
PLAIN_ELEMENTS = {"text", "arrow_data_frame", "arrow_table", "code"}  # shown as typed, never interpreted
# Widget fields drawn as typed text: a box's value, its placeholder, the options of a select.
PLAIN_FIELDS = {"default", "value", "placeholder", "options", "raw_value", "formatted_value", "spec", "data"}


def _markdown_strings(message: object, field: str = "") -> list[str]:
    if isinstance(message, str):
        return [] if field in PLAIN_FIELDS else [message]
    if not hasattr(message, "ListFields"):
        return []
    found: list[str] = []
    for descriptor, value in message.ListFields():
        values = value if hasattr(value, "__iter__") and not isinstance(value, (str, bytes)) else [value]
        for item in values:
            if not isinstance(item, bytes):
                found.extend(_markdown_strings(item, descriptor.name))
    return found


def _interpreted_strings(at: AppTest) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and getattr(node, "type", "") not in PLAIN_ELEMENTS:
            found.extend(_markdown_strings(proto))
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)

    walk(at._tree)
    return found


@pytest.fixture
def hostile_db(demo_db):
    with demo_db.write() as session:
        session.execute(update(Startup).values(name=Startup.name + " " + HOSTILE, tagline=HOSTILE))
        session.execute(update(Cohort).values(name=Cohort.name + " " + HOSTILE))
        session.execute(update(User).values(display_name=User.display_name + " " + HOSTILE))
        session.execute(update(PitchEvent).values(name=PitchEvent.name + " " + HOSTILE))
        session.execute(update(Metric).values(name=Metric.name + " " + HOSTILE))
        session.execute(update(Milestone).values(title=HOSTILE, status=MilestoneStatus.PLANNED))  # overdue ones too
    return demo_db


@pytest.mark.parametrize(("email", "page"), [(email, page) for email, pages in PAGES.items() for page in pages])
def test_no_page_lets_typed_markdown_or_html_act(app, hostile_db, email, page):
    at = app(email)
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, page
    acting = [text for text in _interpreted_strings(at) if ACTS.search(text)]
    assert acting == [], f"{page} as {email}: {acting[:2]}"
