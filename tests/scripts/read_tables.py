#!/usr/bin/python3
"""Reads CSV exports with Python's csv module (RFC 4180) and prints, as JSON,
each file's header and rows as dicts, so that tests can check counts and
values after the round trip. With --neo4j, also checks the files the way
`neo4j-admin database import` reads them (Neo4j itself is not available
here): typed header fields name a known type; :ID values are unique; every
:START_ID and :END_ID names a node; each typed value parses as its type
(long, double, boolean, datetime ISO 8601, arrays split on ';'). Problems are
listed in "problems"; typed values are returned converted.

    /usr/bin/python3 tests/scripts/read_tables.py [--neo4j] FILE...
"""
import csv
import datetime
import json
import math
import sys

TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
         "localtime", "time", "localdatetime", "datetime", "duration"}


def convert(kind, text, problems, where):
    if text == "":
        return None
    array = kind.endswith("[]")
    base = kind[:-2] if array else kind
    values = text.split(";") if array else [text]
    out = []
    for v in values:
        try:
            if base in ("long", "int", "short", "byte"):
                out.append(int(v))
            elif base in ("double", "float"):
                f = float(v)
                out.append(None if math.isnan(f) else f)
            elif base == "boolean":
                if v not in ("true", "false"):
                    raise ValueError(v)
                out.append(v == "true")
            elif base == "datetime":
                datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
                out.append(v)
            else:
                out.append(v)
        except ValueError:
            problems.append(f"{where}: {v!r} is not a {base}")
    return out if array else out[0]


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    return rows[0], rows[1:]


def main():
    args = sys.argv[1:]
    neo4j = args and args[0] == "--neo4j"
    if neo4j:
        args = args[1:]
    out = {"files": {}, "problems": []}
    problems = out["problems"]
    node_ids = set()
    rel_files = []
    for path in args:
        header, rows = read(path)
        entry = {"header": header, "rows": []}
        for i, row in enumerate(rows):
            if len(row) != len(header):
                problems.append(f"{path} row {i + 1}: {len(row)} cells for {len(header)} columns")
                continue
            if not neo4j:
                entry["rows"].append(dict(zip(header, row)))
                continue
            record = {}
            for field, cell in zip(header, row):
                name, _, kind = field.partition(":")
                kind = kind or "string"
                if kind in ("ID", "START_ID", "END_ID", "TYPE", "LABEL"):
                    record[":" + kind] = cell
                    if kind == "ID":
                        if cell in node_ids:
                            problems.append(f"{path}: duplicate :ID {cell}")
                        node_ids.add(cell)
                    continue
                if kind.rstrip("[]") not in TYPES:
                    problems.append(f"{path}: unknown type in header field {field!r}")
                record[name] = convert(kind, cell, problems, f"{path} row {i + 1} {field}")
            entry["rows"].append(record)
        if neo4j and any(h.startswith(":START_ID") for h in header):
            rel_files.append(entry)
        out["files"][path] = entry
    for entry in rel_files:
        for r in entry["rows"]:
            for end in (":START_ID", ":END_ID"):
                if r[end] not in node_ids:
                    problems.append(f"relationship {r.get('link_id')} {end} {r[end]} names no node")
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
