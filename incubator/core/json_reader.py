"""The one reader for every JSON that comes in (bundles, JSON backups): strict, bounded, and one short line on a fault.

Python's `json` keeps the last of two equal keys without a word, turns `1e400` into infinity, takes
NaN, crashes on very deep nesting and lets lone UTF-16 surrogates through; here each of those is
refused, naming the JSON path (`$.startups[0].name`) where it sits.
"""

from __future__ import annotations

import json
import math
from typing import Any

from incubator.core.i18n import _

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64


class JsonRefused(ValueError):
    """The input is not JSON we take; `path` is the JSON path of the fault (`$` for the whole file)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class _Repeated(dict[str, Any]):
    """An object in which a key was repeated; `key` is the first repeated one."""

    key: str = ""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    built: dict[str, Any] = {}
    for key, value in pairs:
        if key in built:
            repeated = _Repeated(built)
            repeated.key = key
            return repeated
        built[key] = value
    return built


def _refuse_constant(name: str) -> None:
    raise ValueError(_("{name} is not a number JSON allows").format(name=name))


def _step(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key, ensure_ascii=False)[:40]}]"


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check(document: Any, max_depth: int) -> None:
    """Walk the parsed document in file order; raise JsonRefused at the first fault."""
    stack: list[tuple[str, Any, int]] = [("$", document, 0)]
    while stack:
        path, node, depth = stack.pop()
        if depth > max_depth:
            raise JsonRefused(path, _("nested deeper than {levels} levels").format(levels=max_depth))
        if isinstance(node, _Repeated):
            raise JsonRefused(
                path,
                _("the key {key} appears twice in this object").format(
                    key=json.dumps(node.key, ensure_ascii=False)[:60]
                ),
            )
        if isinstance(node, dict):
            for key in node:
                if _has_lone_surrogate(key):
                    raise JsonRefused(path, _("a key holds a lone UTF-16 surrogate, which is not text"))
            stack.extend((_step(path, key), value, depth + 1) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((_step(path, index), value, depth + 1) for index, value in reversed(list(enumerate(node))))
        elif isinstance(node, float) and not math.isfinite(node):
            raise JsonRefused(path, _("a number too large to store"))
        elif isinstance(node, str) and _has_lone_surrogate(node):
            raise JsonRefused(path, _("the text holds a lone UTF-16 surrogate, which is not text"))


def read_json(raw: bytes | str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON text (UTF-8, a BOM allowed), or raise JsonRefused with a short reason and the path at fault."""
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise JsonRefused("$", _("the file is larger than {size} MB").format(size=max_bytes // (1024 * 1024)))
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise JsonRefused("$", _("the file is not UTF-8 text (byte {position})").format(position=error.start)) from None
    try:
        document = json.loads(text, object_pairs_hook=_object, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise JsonRefused(
            "$",
            _("not valid JSON at line {line}, column {column}: {reason}").format(
                line=error.lineno, column=error.colno, reason=error.msg
            ),
        ) from None
    except RecursionError:
        raise JsonRefused("$", _("nested deeper than {levels} levels").format(levels=max_depth)) from None
    except ValueError as error:  # NaN or Infinity, or an integer with too many digits
        raise JsonRefused("$", str(error)[:120]) from None
    _check(document, max_depth)
    return document
