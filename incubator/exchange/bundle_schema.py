"""Read a bundle file and check it against the bundle-v1 JSON schema, naming the first fault by JSON path.

`incubator/schemas/bundle-v1.schema.json` is a copy of the shared contract
(`shared/formats/bundle-v1.schema.json`); a test keeps the two identical.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

from incubator.core.errors import BundleInvalid
from incubator.core.fields import excerpt
from incubator.core.i18n import N_, _
from incubator.core.json_reader import JsonRefused, read_json

SCHEMA_PATH = Path(__file__).parents[1] / "schemas" / "bundle-v1.schema.json"
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


@cache
def bundle_schema() -> dict[str, Any]:
    """Return the bundle-v1 JSON schema."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=("date", "email"))

    @checker.checks("date-time", raises=ValueError)  # type: ignore[untyped-decorator]
    def _is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _DATE_TIME.match(value):
            return False
        dt.datetime.fromisoformat(value.replace("z", "Z"))
        return True

    return checker


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(bundle_schema(), format_checker=_format_checker())


def parse_bundle(raw: bytes | str) -> dict[str, Any]:
    """Parse bundle text into a dict, or raise BundleInvalid at the JSON path saying why it is not JSON we take."""
    try:
        document = read_json(raw)
    except JsonRefused as refused:
        raise BundleInvalid(refused.path, refused.reason) from None
    if not isinstance(document, dict):
        raise BundleInvalid("$", _("a bundle must be a JSON object"))
    return document


def _document_order(document: Any, error: ValidationError) -> tuple[int, ...]:
    # Where the error sits in the file, so that "the first error" means the first one a reader meets.
    order: list[int] = []
    node = document
    for step in error.absolute_path:
        if isinstance(node, dict):
            order.append(list(node).index(step) if step in node else len(node))
        else:
            order.append(int(step))
        node = node[step] if isinstance(node, (dict, list)) else None
    return tuple(order)


_TYPE_NAMES = {
    "string": N_("text"), "integer": N_("a whole number"), "number": N_("a number"), "boolean": N_("true or false"),
    "object": N_("an object"), "array": N_("a list"), "null": N_("null"),
}  # fmt: skip


def _describe(error: ValidationError) -> str:
    """Say what is wrong in the reader's language (jsonschema's own messages are English only)."""
    value, limit = excerpt(json.dumps(error.instance, ensure_ascii=False)), error.validator_value
    if error.validator == "format":
        return _("{value} is not a valid {format}").format(value=value, format=limit)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = next((name for name in limit if name not in error.instance), "")
        return _("“{name}” is missing").format(name=excerpt(missing))
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        unknown = sorted(name for name in error.instance if name not in known)
        return _("“{name}” is not a field this format knows").format(name=excerpt(", ".join(unknown)))
    if error.validator in ("enum", "const"):
        choices = limit if error.validator == "enum" else [limit]
        return _("{value} is not one of {choices}").format(
            value=value, choices=", ".join(json.dumps(choice, ensure_ascii=False) for choice in choices)
        )
    if error.validator == "type":
        names = [str(name) for name in (limit if isinstance(limit, list) else [limit])]
        expected = [_(_TYPE_NAMES.get(name, name)) for name in names]
        return _("{value} should be {type}").format(value=value, type=" / ".join(expected))
    messages = {
        "maxLength": _("{value} is longer than {limit} characters"),
        "pattern": _("{value} does not have the expected form"),
        "minimum": _("{value} is below the minimum of {limit}"),
        "maxItems": _("the list has more than {limit} items"),
    }
    if error.validator in messages:
        return messages[str(error.validator)].format(value=value, limit=limit)
    return excerpt(error.message, 120)


def check_against_schema(document: dict[str, Any]) -> None:
    """Raise BundleInvalid naming the JSON path of the first place `document` breaks the schema."""
    errors = list(_validator().iter_errors(document))
    if not errors:
        return
    first_position = min(_document_order(document, error) for error in errors)
    at_first = [error for error in errors if _document_order(document, error) == first_position]
    error = best_match(at_first)
    raise BundleInvalid(error.json_path, _describe(error))
