"""The ``Figure``: one amount or quantity found in text."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pint

Kind = Literal["money", "quantity"]
Bound = Literal["upper", "lower"] | None


@dataclass(frozen=True, eq=False)
class Figure:
    """An amount of money or a quantity as written in a text.

    ``quantity`` is a pint Quantity in base units of the shared registry
    (``4e10 JPY``, ``100000 gpu``, ``1200 MW``). ``text`` is the span
    ``source[start:end]`` including any approximation or bound words that were
    read. ``restates`` points at the figure this one restates, for the second
    figure of "1000억엔(약 9800억원)"; ``restated_by`` is the reverse link.
    """

    quantity: pint.Quantity
    kind: Kind
    text: str
    start: int
    end: int
    approx: bool = False
    bound: Bound = None
    restates: Figure | None = field(default=None, repr=False)
    #: figures that restate this one (filled in by the extractor; the second
    #: figure of "1000억엔(약 9800억원)" for the first). Not part of equality.
    restated_by: tuple[Figure, ...] = field(default=(), repr=False)

    @property
    def value(self) -> float:
        """The magnitude in base units (a float)."""
        return float(self.quantity.magnitude)

    @property
    def unit(self) -> str:
        """ISO 4217 code for money, pint's short unit string otherwise."""
        return format(self.quantity.units, "~")

    @property
    def currency(self) -> str | None:
        """ISO code when ``kind == "money"``, else ``None``."""
        return self.unit if self.kind == "money" else None

    def to_dict(self) -> dict:
        """Plain-JSON form used by the CLI and the dashboard."""
        return {
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "approx": self.approx,
            "bound": self.bound,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "restates": self.restates.text if self.restates is not None else None,
        }
