"""The ``Figure``: one amount or quantity found in text."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["money", "quantity"]
Bound = Literal["upper", "lower"] | None


@dataclass(frozen=True, eq=False)
class Figure:
    """An amount of money or a quantity as written in a text.

    ``value`` is in base units: currency units for money (``unit`` is the ISO
    code), else the canonical unit of its kind (``MW``, ``m ** 2``, ``gpu``,
    ``wafer / month``, ``wafer / year``, ``wafer``, ``employee``,
    ``datacenter``). ``quantity`` is the same as a pint Quantity of the shared
    registry (built on first access). ``text`` is ``source[start:end]``
    including the approximation or bound words that were read.

    Links (not part of equality): ``restates`` points at the figure this one
    restates (the second figure of "1000억엔(약 9800억원)"), ``restated_by`` is
    the reverse; ``range_with`` is the other end of a range ("3~4조원").
    """

    value: float
    unit: str
    kind: Kind
    text: str
    start: int
    end: int
    approx: bool = False
    bound: Bound = None
    restates: Figure | None = field(default=None, repr=False)
    restated_by: tuple[Figure, ...] = field(default=(), repr=False)
    range_with: Figure | None = field(default=None, repr=False)

    @classmethod
    def _new(cls, value: float, unit: str, kind: Kind, text: str, start: int, end: int,
             approx: bool, bound: Bound, restates: Figure | None) -> Figure:
        """Build a figure without the frozen dataclass's per-field ``object.__setattr__`` (hot path)."""
        f = object.__new__(cls)
        f.__dict__.update(value=value, unit=unit, kind=kind, text=text, start=start, end=end, approx=approx,
                          bound=bound, restates=restates, restated_by=(), range_with=None)
        return f

    @functools.cached_property
    def quantity(self):
        """The figure as a pint Quantity on :func:`dashboard.units.get_registry`."""
        from dashboard.units import get_registry

        return get_registry().Quantity(self.value, self.unit)

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
            "range_with": self.range_with.text if self.range_with is not None else None,
        }
