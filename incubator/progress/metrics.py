"""Traction metrics: founders define them and record values by date, one at a time or from a CSV file."""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import ARRAY, Date, Float, Integer, bindparam, select, text
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.core.errors import NotFound, ValidationFailed
from incubator.core.fields import clean_text
from incubator.core.i18n import _
from incubator.db.database import upsert_insert
from incubator.db.models import Metric, MetricValue, Startup, UTCDateTime, utc_now
from incubator.progress.csv_values import VALUE_LIMIT
from incubator.progress.metric_csv import parse_metric_csv
from incubator.startups.permissions import require_edit_startup_work
from incubator.startups.profiles import get_startup

UNIT_LIMIT = 20


def list_metrics(session: Session, actor: Actor, slug: str) -> list[Metric]:
    """Return a startup's metrics by name."""
    return metrics_of(session, get_startup(session, actor, slug))


def metrics_of(session: Session, startup: Startup) -> list[Metric]:
    """Return an already authorised startup's metrics by name."""
    return list(session.scalars(select(Metric).where(Metric.startup_id == startup.id).order_by(Metric.name)))


def metric_series(session: Session, actor: Actor, slug: str) -> dict[str, list[tuple[dt.date, float]]]:
    """Return every metric's values in date order (one query), by metric name."""
    return metric_series_of(session, get_startup(session, actor, slug))


def metric_series_of(session: Session, startup: Startup) -> dict[str, list[tuple[dt.date, float]]]:
    """Return every metric's values of an already authorised startup in date order, by metric name."""
    rows = session.execute(
        select(Metric.name, MetricValue.on_date, MetricValue.value)
        .join(MetricValue, MetricValue.metric_id == Metric.id)
        .where(Metric.startup_id == startup.id)
        .order_by(Metric.name, MetricValue.on_date)
    )
    series: dict[str, list[tuple[dt.date, float]]] = {metric.name: [] for metric in metrics_of(session, startup)}
    for name, on_date, value in rows:
        series[name].append((on_date, value))
    return series


def define_metric(
    session: Session, actor: Actor, slug: str, name: str, unit: str = "", may_be_negative: bool = False
) -> Metric:
    """Add a metric to track; founders only. Names are unique per startup."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    clean_name = clean_text(name, "name", _("The metric's name"), required=True)
    clean_unit = clean_text(unit, "unit", _("The unit"), limit=UNIT_LIMIT)
    if session.scalar(select(Metric.id).where(Metric.startup_id == startup.id, Metric.name == clean_name)):
        raise ValidationFailed(_("You already track a metric called “{name}”.").format(name=clean_name), field="name")
    metric = Metric(startup_id=startup.id, name=clean_name, unit=clean_unit, may_be_negative=may_be_negative)
    session.add(metric)
    session.flush()
    record_change(session, actor, "define_metric", "startup", slug, metric=clean_name)
    return metric


def upsert_metric_value(session: Session, metric_id: int, on_date: dt.date, value: float) -> None:
    """Store a value for a date, replacing the one already there (one statement, safe under concurrency)."""
    statement = upsert_insert(session, MetricValue).values(
        metric_id=metric_id, on_date=on_date, value=value, recorded_at=utc_now()
    )
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["metric_id", "on_date"], set_={"value": statement.excluded.value, "recorded_at": utc_now()}
        )
    )


def upsert_metric_values(session: Session, values: list[tuple[int, dt.date, float]]) -> None:
    """Store many (metric id, date, value) at once, each replacing a value already there for its date.

    One statement for all rows, not one round trip per row: 20,000 rows take about a second and
    hold SQLite's write lock only that long (benchmarks/metric_csv.py prints the figures).
    """
    if not values:
        return
    now = utc_now()
    if session.get_bind().dialect.name == "postgresql":
        ids, dates, numbers = (list(column) for column in zip(*values, strict=True))
        session.execute(_POSTGRES_BULK_UPSERT, {"ids": ids, "dates": dates, "values": numbers, "now": now})
        return
    statement = upsert_insert(session, MetricValue)
    statement = statement.on_conflict_do_update(
        index_elements=["metric_id", "on_date"],
        set_={"value": statement.excluded.value, "recorded_at": statement.excluded.recorded_at},
    )
    rows = [{"metric_id": metric, "on_date": day, "value": value, "recorded_at": now} for metric, day, value in values]
    session.execute(statement, rows)  # the driver's executemany: one prepared statement, no Python per row


# PostgreSQL: the rows travel as three arrays in one round trip (executemany would send 20,000 statements).
_POSTGRES_BULK_UPSERT = text(
    "INSERT INTO metric_values (metric_id, on_date, value, recorded_at) "
    "SELECT metric_id, on_date, value, :now FROM unnest(:ids, :dates, :values) AS rows(metric_id, on_date, value) "
    "ON CONFLICT (metric_id, on_date) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at"
).bindparams(
    bindparam("ids", type_=ARRAY(Integer)),
    bindparam("dates", type_=ARRAY(Date)),
    bindparam("values", type_=ARRAY(Float)),
    bindparam("now", type_=UTCDateTime()),
)


def _metric(session: Session, startup_id: int, name: str) -> Metric:
    metric = session.scalar(select(Metric).where(Metric.startup_id == startup_id, Metric.name == name))
    if metric is None:
        raise NotFound(_("There is no metric “{name}”.").format(name=name))
    return metric


def record_value(session: Session, actor: Actor, slug: str, metric_name: str, on_date: dt.date, value: float) -> None:
    """Record one value (a second value for the same date replaces the first); founders only."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    metric = _metric(session, startup.id, metric_name)
    if not math.isfinite(value) or abs(value) > VALUE_LIMIT:
        raise ValidationFailed(_("The value must be a number between -10^15 and 10^15."), field="value")
    if value < 0 and not metric.may_be_negative:
        raise ValidationFailed(_("“{name}” cannot be negative.").format(name=metric.name), field="value")
    upsert_metric_value(session, metric.id, on_date, value)
    record_change(session, actor, "record_value", "startup", slug, metric=metric.name, date=on_date.isoformat())


def import_metric_csv(session: Session, actor: Actor, slug: str, content: bytes | str) -> int:
    """Store every value of a CSV upload, or none: raises ValidationFailed listing each bad row. Returns the count."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    metrics = {metric.name: metric for metric in session.scalars(select(Metric).where(Metric.startup_id == startup.id))}
    rows, problems = parse_metric_csv(content, {name: metric.may_be_negative for name, metric in metrics.items()})
    if problems:
        listed = "\n".join(str(problem) for problem in problems[:50])
        more = len(problems) - 50
        suffix = "\n" + _("…and {count} more.").format(count=more) if more > 0 else ""
        raise ValidationFailed(
            _("Nothing was saved. Fix these rows and upload again:") + "\n" + listed + suffix, field="csv"
        )
    upsert_metric_values(session, [(metrics[row.metric].id, row.on_date, row.value) for row in rows])
    record_change(session, actor, "import_values", "startup", slug, rows=len(rows))
    return len(rows)
