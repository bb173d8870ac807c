"""Dates, times, numbers and amounts written the way the current language writes them (Babel)."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

from incubator.core.i18n import current_language

# The Belgian variants, since the app is made in Brussels; English follows Irish usage (day before month, €1,234.50).
LOCALES = {"en": "en_IE", "fr": "fr_BE", "nl": "nl_BE"}


def locale() -> str:
    """Return the Babel locale of the current language."""
    language = current_language()
    return LOCALES.get(language, language)


def format_day(day: dt.date | None, empty: str = "—") -> str:
    """Return a date as the pages write it, in the style of their date pickers and date columns: 28/11/2026.

    A page shows dates in one style per language; pickers only take digits, so every page does.
    """
    if not day:
        return empty
    pattern = date_input_pattern().replace("DD", "dd").replace("YYYY", "yyyy")
    return babel_format_date(day, format=pattern, locale=locale())


def format_day_in_words(day: dt.date | None, empty: str = "—") -> str:
    """Return a date as documents write it: '28 Nov 2026', '28 nov. 2026' or '28 nov. 2026'."""
    return babel_format_date(day, format="medium", locale=locale()) if day else empty


def format_moment(moment: dt.datetime | None, empty: str = "—") -> str:
    """Return a date and time to the minute."""
    if moment is None:
        return empty
    return f"{format_day(moment.date())}, {format_time(moment)}"


def format_time(moment: dt.datetime) -> str:
    """Return a time of day to the minute, such as 14:05."""
    return babel_format_datetime(moment, format="HH:mm", locale=locale())


def format_number(value: float, decimals: int = 2) -> str:
    """Return a number with the language's separators and at most `decimals` decimals: 1 234,5 in French."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=locale())


def format_money(amount: float, currency: str) -> str:
    """Return an amount such as €1,234.50 (en), 1 234,50 € (fr) or € 1.234,50 (nl); whole amounts drop the cents."""
    pattern = Locale.parse(locale()).currency_formats["standard"].pattern
    if float(amount).is_integer():
        pattern = pattern.replace(".00", "")
    return format_currency(amount, currency, format=pattern, locale=locale(), currency_digits=False)


def format_share(ratio: float) -> str:
    """Return a share as a whole percentage: 33% in English and Dutch, 33 % in French."""
    return format_percent(round(ratio, 2), locale=locale())


def format_growth(ratio: float) -> str:
    """Return a change as a signed whole percentage: +12% or -3% in English, +12 % in French."""
    text = format_share(ratio)
    return f"+{text}" if round(ratio, 2) > 0 else text


# Date pickers and table columns take a pattern, not a locale: day first in all three languages.
DATE_INPUT_PATTERNS = {"en": "DD/MM/YYYY", "fr": "DD/MM/YYYY", "nl": "DD-MM-YYYY"}


def date_input_pattern() -> str:
    """Return the pattern date pickers and date columns show dates in, for the current language."""
    return DATE_INPUT_PATTERNS.get(current_language(), "YYYY-MM-DD")
