"""A bundle startup's milestones and metric values: stored so that importing twice changes nothing.

A present `milestones` list replaces the startup's milestones when it differs; metric values
match by (metric name, date), and a metric named for the first time is created with its unit.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.core.labels import IMPORTED_NOTE
from incubator.core.vocabulary import MilestoneStatus
from incubator.db.models import Ask, DeckVersion, Metric, MetricValue, Milestone, Startup
from incubator.deck.drafting import Slide
from incubator.deck.outlines import sources_by_title
from incubator.deck.versions import store_deck_version
from incubator.progress.metrics import upsert_metric_values


def _milestone(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": item["title"],
        "description": item.get("description", ""),
        "due": dt.date.fromisoformat(item["due"]) if item.get("due") else None,
        "done_on": dt.date.fromisoformat(item["done_on"]) if item.get("done_on") else None,
        "status": MilestoneStatus(item.get("status", "planned")),
    }


def import_progress(session: Session, item: dict[str, Any], startup: Startup, counts: Any) -> None:
    """Store the milestones and metric values of one bundle startup."""
    if "milestones" in item:
        wanted = [_milestone(milestone) for milestone in item["milestones"]]
        stored = list(
            session.scalars(select(Milestone).where(Milestone.startup_id == startup.id).order_by(Milestone.id))
        )
        current = [{key: getattr(milestone, key) for key in wanted[0]} for milestone in stored] if wanted else []
        if current != wanted or len(stored) != len(wanted):
            for milestone in stored:
                session.delete(milestone)
            session.add_all(Milestone(startup_id=startup.id, **values) for values in wanted)
            (counts.updated if stored else counts.created)["milestones"] += 1
        else:
            counts.unchanged["milestones"] += 1
    if "metrics" in item:
        _import_metric_values(session, item["metrics"], startup, counts)
    if "ask" in item:
        _import_ask(session, item["ask"], startup, counts)
    if "deck" in item:
        _import_deck(session, item["deck"], startup, counts)


def _import_deck(session: Session, entry: dict[str, Any], startup: Startup, counts: Any) -> None:

    outline = entry.get("template", "")
    # A bundle's slides carry no sources: found again by title in the outline, drafted from today's canvas.
    sources = sources_by_title(outline)
    slides = [
        Slide(
            slide["title"], slide.get("body", ""), slide.get("notes", ""),
            sources=sources.get(slide["title"].casefold(), ()), drafted_body=slide.get("body", ""),
            canvas_version=startup.canvas_version,
        )
        for slide in entry.get("slides", [])
    ]  # fmt: skip
    newest = session.scalar(
        select(DeckVersion).where(DeckVersion.startup_id == startup.id, DeckVersion.number == startup.deck_version)
    )
    if newest is not None:
        stored = [(s["title"], s.get("body", ""), s.get("notes", "")) for s in json.loads(newest.slides_json)]
        if newest.outline == outline and stored == [(s.title, s.body, s.notes) for s in slides]:
            counts.unchanged["decks"] += 1
            return
    store_deck_version(session, startup, outline, slides, startup.deck_version, IMPORTED_NOTE, None)
    (counts.updated if newest is not None else counts.created)["decks"] += 1


def _import_ask(session: Session, entry: dict[str, Any], startup: Startup, counts: Any) -> None:
    wanted = {
        "amount": float(entry["amount"]) if "amount" in entry else None,
        "currency": entry.get("currency", "EUR"),
        "instrument": entry.get("instrument", ""),
        "use_of_funds": entry.get("use_of_funds", ""),
    }
    ask = session.get(Ask, startup.id)
    if ask is not None and all(getattr(ask, key) == value for key, value in wanted.items()):
        counts.unchanged["asks"] += 1
        return
    (counts.updated if ask is not None else counts.created)["asks"] += 1
    ask = ask or Ask(startup_id=startup.id)
    for key, value in wanted.items():
        setattr(ask, key, value)
    session.add(ask)


def _import_metric_values(session: Session, values: list[dict[str, Any]], startup: Startup, counts: Any) -> None:
    metrics = {metric.name: metric for metric in session.scalars(select(Metric).where(Metric.startup_id == startup.id))}
    stored = {
        (name, on_date): value
        for name, on_date, value in session.execute(
            select(Metric.name, MetricValue.on_date, MetricValue.value)
            .join(MetricValue, MetricValue.metric_id == Metric.id)
            .where(Metric.startup_id == startup.id)
        )
    }
    changed: list[tuple[int, dt.date, float]] = []
    for entry in values:
        metric = metrics.get(entry["name"])
        if metric is None:
            metric = metrics[entry["name"]] = Metric(
                startup_id=startup.id,
                name=entry["name"],
                unit=entry.get("unit", ""),
                may_be_negative=entry["value"] < 0,
            )
            session.add(metric)
            session.flush()
        elif entry["value"] < 0 and not metric.may_be_negative:
            metric.may_be_negative = True
        on_date = dt.date.fromisoformat(entry["date"])
        if stored.get((entry["name"], on_date)) == float(entry["value"]):
            counts.unchanged["metric values"] += 1
            continue
        (counts.created if (entry["name"], on_date) not in stored else counts.updated)["metric values"] += 1
        changed.append((metric.id, on_date, float(entry["value"])))
    upsert_metric_values(session, changed)  # one statement per startup: a whole incubator's history imports fast
