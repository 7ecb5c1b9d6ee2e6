"""Check a table against the schema in its manifest (Frictionless Table Schema's vocabulary).

A manifest's ``schema`` has ``fields`` (``name``, ``type``, ``required``, ``constraints``), a
``primary_key`` and ``foreign_keys``. The checks, each naming the file, the column and the rows:

* **types**: ``integer`` (whole numbers within 64 bits), ``number`` (finite), ``boolean``,
  ``string``, and ``date``: ISO 8601 at its precision, ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
  (the precisions a field accepts are in ``constraints.precision``; a field may name a column
  that must state each row's precision, ``precision_field``);
* **constraints**: ``required``, ``unique``, ``enum``, ``minimum``/``maximum``, ``pattern``;
* **keys**: the primary key is unique, and every value of a foreign key exists in the table it
  points to (``{"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}``);
* **rows**: a table has at least one row.

Why not the ``frictionless`` package itself: it brings about forty dependencies, and its date type
has no mixed precision, which our timelines need (a rule known to the month beside one known to
the day), so the one check that matters most would still be ours.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from collections.abc import Callable
from typing import Any

import pandas as pd
import regex

#: The field types a manifest may use, and the pandas dtype each becomes once checked.
DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "date": "string", "boolean": "boolean"}
_INT64 = (-(2**63), 2**63 - 1)
# ASCII digits only: \d would take Arabic-Indic or full-width digits, which int() reads as real dates
_DATE_FORMS = {"day": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), "month": re.compile(r"[0-9]{4}-[0-9]{2}"),
               "year": re.compile(r"[0-9]{4}")}
#: How long one column's ``pattern`` may take over all its rows: a pattern that backtracks
#: catastrophically is stopped and named instead of hanging the build.
PATTERN_BUDGET_S = 2.0
_PRECISIONS = ("day", "month", "year")
_CONSTRAINTS = {"required", "unique", "enum", "minimum", "maximum", "pattern", "precision"}


class SchemaError(ValueError):
    """A value, column or key that does not fit the schema (the message names the column and rows)."""


def _rows(mask: pd.Series) -> str:
    # row numbers as a spreadsheet shows them: the header is row 1
    bad = [int(i) + 2 for i in mask[mask].index[:8]]
    more = int(mask.sum()) - len(bad)
    return ", ".join(map(str, bad)) + (f" and {more} more" if more > 0 else "")


def date_precision(value: str) -> str | None:
    """'day', 'month' or 'year' when ``value`` is a real ISO date at that precision, else None."""
    for precision, form in _DATE_FORMS.items():
        if form.fullmatch(value):
            parts = [int(p) for p in value.split("-")] + [1, 1]
            try:
                dt.date(parts[0], parts[1], parts[2])
            except ValueError:
                return None
            return precision
    return None


def _parse_integer(v: str) -> int | None:
    if not re.fullmatch(r"[+-]?[0-9]{1,19}", v):
        return None
    n = int(v)
    return n if _INT64[0] <= n <= _INT64[1] else None


def _parse_number(v: str) -> float | None:
    if not v.isascii():  # float() reads full-width and other scripts' digits too
        return None
    try:
        x = float(v)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def _parse_boolean(v: str) -> bool | None:
    return {"true": True, "false": False}.get(v.lower())


_PARSERS: dict[str, Callable[[str], Any]] = {
    "integer": _parse_integer, "number": _parse_number, "boolean": _parse_boolean,
    "date": lambda v: v if date_precision(v) else None, "string": lambda v: v,
}
_EXPECTED = {"integer": "whole numbers (64-bit)", "number": "finite numbers", "boolean": "true or false",
             "date": "real dates written YYYY-MM-DD, YYYY-MM or YYYY", "string": "text"}


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def check_manifest_schema(schema: Any) -> None:
    """Raise :class:`SchemaError` for a schema we cannot apply, naming what is wrong in it.

    Every part is checked for its shape before it is used, so a malformed manifest gives one
    sentence, never Python's own error: field names, types, each constraint's kind (``enum`` a
    list of text, ``minimum`` a number, ``pattern`` a regular expression that compiles…), the
    precision field, the primary key and each foreign key.
    """
    if not isinstance(schema, dict):
        raise SchemaError("schema must be a JSON object")
    fields = schema.get("fields")
    if not isinstance(fields, list) or not all(isinstance(f, dict) and isinstance(f.get("name"), str)
                                                               for f in fields):
        raise SchemaError("schema.fields must be a list of objects, each with a text name")
    names = [f["name"] for f in fields]
    if len(set(names)) != len(names):
        raise SchemaError("schema.fields names a column twice")
    for f in fields:
        name = f["name"]
        if f.get("type") not in DTYPES:
            raise SchemaError(f"field {name!r} has unknown type {f.get('type')!r} (known: {', '.join(DTYPES)})")
        if "required" in f and not isinstance(f["required"], bool):
            raise SchemaError(f"field {name!r}: 'required' must be true or false")
        cons = f.get("constraints", {})
        if not isinstance(cons, dict):
            raise SchemaError(f"field {name!r}: constraints must be a JSON object, not {type(cons).__name__}")
        unknown = set(cons) - _CONSTRAINTS
        if unknown:
            raise SchemaError(f"field {name!r}: unknown constraint {sorted(unknown)[0]!r}")
        for flag in ("required", "unique"):
            if flag in cons and not isinstance(cons[flag], bool):
                raise SchemaError(f"field {name!r}: constraint {flag!r} must be true or false")
        if "enum" in cons and (not isinstance(cons["enum"], list) or not cons["enum"]
                               or not all(isinstance(v, str) for v in cons["enum"])):
            raise SchemaError(f"field {name!r}: 'enum' must be a non-empty list of text values")
        for bound in ("minimum", "maximum"):
            if bound in cons and not _is_number(cons[bound]):
                raise SchemaError(f"field {name!r}: {bound!r} must be a number, not {cons[bound]!r}")
        if "pattern" in cons:
            if not isinstance(cons["pattern"], str):
                raise SchemaError(f"field {name!r}: 'pattern' must be text")
            try:
                regex.compile(cons["pattern"])
            except (regex.error, ValueError) as exc:
                raise SchemaError(f"field {name!r}: pattern {cons['pattern']!r} is not a valid regular expression "
                                  f"({exc})") from None
        if "precision" in cons and (not isinstance(cons["precision"], list) or not cons["precision"]
                                    or not set(cons["precision"]) <= set(_PRECISIONS)):
            raise SchemaError(f"field {name!r}: 'precision' must be a list of {', '.join(_PRECISIONS)}")
        if "precision_field" in f and f["precision_field"] not in names:
            raise SchemaError(f"field {name!r}: its precision_field {f['precision_field']!r} is not a field")
    keys = schema.get("primary_key")
    if keys is not None and not (isinstance(keys, str) or (isinstance(keys, list) and all(isinstance(k, str) for k in keys))):
        raise SchemaError(f"primary_key must be a field name or a list of them, not {keys!r}")
    for key in [keys] if isinstance(keys, str) else keys or []:
        if key not in names:
            raise SchemaError(f"primary key {key!r} is not a field")
    fks = schema.get("foreign_keys", [])
    if not isinstance(fks, list):
        raise SchemaError("foreign_keys must be a list")
    for fk in fks:
        ref = fk.get("reference") if isinstance(fk, dict) else None
        if (not isinstance(fk, dict) or fk.get("fields") not in names or not isinstance(ref, dict)
                or not isinstance(ref.get("resource"), str) or not re.fullmatch(r"[a-z0-9_]+", ref["resource"])
                or not isinstance(ref.get("fields"), str)):
            raise SchemaError(f"foreign key {fk!r} must name a field, and a reference with a resource and its field")


def _pattern_misses(col: pd.Series, pattern: str, name: str) -> pd.Series:
    """Rows whose value does not match ``pattern``, within :data:`PATTERN_BUDGET_S` for the column."""
    compiled = regex.compile(pattern)
    deadline = time.monotonic() + PATTERN_BUDGET_S
    misses = []
    for value in col:
        if not isinstance(value, str):
            misses.append(False)
            continue
        try:
            matched = compiled.fullmatch(value, timeout=max(0.001, deadline - time.monotonic()))
        except TimeoutError:
            raise SchemaError(f"column {name!r}: pattern {pattern!r} takes over {PATTERN_BUDGET_S:g} s on this "
                              "column (catastrophic backtracking?); simplify it") from None
        misses.append(matched is None)
    return pd.Series(misses, index=col.index)


def validate(raw: pd.DataFrame, schema: dict[str, Any],
             lookup: Callable[[str], pd.DataFrame] | None = None) -> pd.DataFrame:
    """Check ``raw`` (every cell a string, empty cells NA) and return it with typed columns.

    ``lookup(name)`` loads a referenced table for the foreign keys. Raises :class:`SchemaError`.
    """
    check_manifest_schema(schema)
    fields = schema["fields"]
    columns = [f["name"] for f in fields]
    if list(raw.columns) != columns:
        raise SchemaError(f"columns {list(raw.columns)} differ from the manifest {columns}")
    if raw.empty:
        raise SchemaError("has a header but no rows")
    out = pd.DataFrame(index=raw.index)
    for f in fields:
        name, kind, cons = f["name"], f["type"], f.get("constraints", {})
        col = raw[name]
        present = col.notna()
        if f.get("required") or cons.get("required"):
            if (~present).any():
                raise SchemaError(f"column {name!r} is empty in rows {_rows(~present)}")
        parsed = col.map(lambda v: _PARSERS[kind](v) if isinstance(v, str) else None)
        wrong = present & parsed.isna()
        if wrong.any():
            sample = col[wrong].iloc[0]
            raise SchemaError(f"column {name!r} holds {_EXPECTED[kind]}; {sample[:40]!r} in rows {_rows(wrong)} is not")
        if "enum" in cons:
            off = present & ~col.isin(cons["enum"])
            if off.any():
                raise SchemaError(f"column {name!r}: {col[off].iloc[0][:40]!r} (rows {_rows(off)}) is not one of "
                                  f"{', '.join(map(str, cons['enum']))}")
        if "pattern" in cons:
            off = present & _pattern_misses(col, cons["pattern"], name)
            if off.any():
                raise SchemaError(f"column {name!r}: {col[off].iloc[0][:40]!r} (rows {_rows(off)}) does not match "
                                  f"{cons['pattern']}")
        if "precision" in cons and kind == "date":
            off = present & ~col.map(lambda v: date_precision(v) in cons["precision"] if isinstance(v, str) else True)
            if off.any():
                raise SchemaError(f"column {name!r}: dates must be given to the {' or '.join(cons['precision'])}; "
                                  f"rows {_rows(off)} are not")
        if "precision_field" in f:
            stated = raw[f["precision_field"]]
            off = present & (col.map(lambda v: date_precision(v) if isinstance(v, str) else None) != stated)
            if off.any():
                raise SchemaError(f"column {name!r} disagrees with {f['precision_field']!r} in rows {_rows(off)}")
        for bound, test in (("minimum", lambda x, b: x < b), ("maximum", lambda x, b: x > b)):
            if bound in cons and kind in ("integer", "number"):
                off = present & parsed.map(lambda x, b=cons[bound]: x is not None and test(x, b)).astype(bool)
                if off.any():
                    raise SchemaError(f"column {name!r}: {col[off].iloc[0]} (rows {_rows(off)}) is outside the "
                                      f"{bound} {cons[bound]}")
        if cons.get("unique"):
            dup = present & col.duplicated(keep=False)
            if dup.any():
                raise SchemaError(f"column {name!r} must be unique; {col[dup].iloc[0]!r} repeats in rows {_rows(dup)}")
        out[name] = parsed.where(present, None).astype(DTYPES[kind]) if kind != "string" else col.astype("string")
    keys = schema.get("primary_key")
    keys = [keys] if isinstance(keys, str) else list(keys or [])
    if keys:
        dup = raw.duplicated(subset=keys, keep=False)
        if dup.any():
            raise SchemaError(f"primary key {', '.join(keys)} repeats in rows {_rows(dup)}")
    for fk in schema.get("foreign_keys", []):
        if lookup is None:
            continue
        ref = fk["reference"]
        referenced = lookup(ref["resource"])
        if ref["fields"] not in referenced.columns:
            raise SchemaError(f"foreign key {fk['fields']!r} points at {ref['fields']!r}, which "
                              f"{ref['resource']}.csv does not have")
        known = set(referenced[ref["fields"]].dropna())
        col = raw[fk["fields"]]
        off = col.notna() & ~col.isin(known)
        if off.any():
            raise SchemaError(f"column {fk['fields']!r}: {col[off].iloc[0]!r} (rows {_rows(off)}) is not a "
                              f"{ref['fields']} of {ref['resource']}.csv")
    return out
