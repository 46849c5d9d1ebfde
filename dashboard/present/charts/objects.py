"""Plotly figures built as plain dicts: the ``plotly.graph_objects`` calls the
charts make, without plotly's validation on every call.

The charts import this module in place of ``plotly.graph_objects``
(``from dashboard.present.charts import objects as go``). Building a figure
out of graph objects validates and deep-copies every property at every step,
and deep-copies the whole template into each figure: that cost 20-65 ms per
figure, most of a view callback's CPU. Here :class:`Figure`, the trace
classes (``Bar``, ``Scatter``, ``Scattergeo``, ``Treemap``, any trace type of
plotly) and :func:`make_subplots` take the same arguments and build the
figure's dict directly, following plotly's rules: magic underscores
(``title_text``, ``legend_title_text``), merging dicts on update, a title
given as text, the default template, subplot axes, and on output the typed
arrays (base64) plotly sends for numeric numpy arrays.

Every call is also recorded, and the figure can be **replayed** on plotly's
graph objects (:meth:`Figure.replay`): a test builds every view both ways and
checks that the JSON is the same. Reading a figure the way graph objects are
read (``fig.data[0].x``, ``fig.layout.title.text``, ``fig.show()``, any
method not listed here) replays it once and answers from plotly, so code and
tests that inspect figures see plotly's own objects. A call this module does
not reproduce (``overwrite=True``, a ``selector``, ``secondary_y``, row/col on
a figure without subplots...) also replays the figure and goes on with
plotly: slower, never different. ``SEMIDASH_VALIDATE_FIGURES=1`` makes every
figure go through plotly (for debugging).

>>> fig = Figure(Bar(x=[3, 1], y=["a", "b"], orientation="h", marker_color="#2563eb"))
>>> fig = fig.update_layout(title="Largest", margin=dict(l=10), legend_title_text="")
>>> d = fig.to_plotly_json()
>>> d["data"], d["layout"]["title"], d["layout"]["legend"]
([{'x': [3, 1], 'y': ['a', 'b'], 'orientation': 'h', 'marker': {'color': '#2563eb'}, 'type': 'bar'}], {'text': 'Largest'}, {'title': {'text': ''}})
>>> fig.layout.title.text  # read like a graph object: answered by plotly
'Largest'
"""
from __future__ import annotations

import base64
import functools
import json
import logging
import os
import re
import threading
from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.graph_objects as _go

__all__ = ["Figure", "Trace", "make_subplots", "json_ready", "fallbacks", "VALIDATE_ENV", "Bar", "Scatter", "Scattergeo",
           "Treemap", "Pie"]

log = logging.getLogger(__name__)

#: set to 1 to build every figure through plotly's validated graph objects
VALIDATE_ENV = "SEMIDASH_VALIDATE_FIGURES"

#: calls that were replayed on plotly because this module does not reproduce them ("method: reason")
fallbacks: Counter[str] = Counter()
_fallback_lock = threading.Lock()


class _Unsupported(Exception):
    """A call this module does not reproduce: the figure goes on with plotly."""


def _validating() -> bool:
    return os.environ.get(VALIDATE_ENV, "") not in ("", "0")


# ------------------------------------------------------------------ property paths
@functools.lru_cache(maxsize=4096)
def _path(key: str) -> tuple:
    """plotly's own split of a property key: ``"legend_title_text"`` -> ``("legend", "title", "text")``
    (properties whose names hold an underscore, such as ``error_x``, stay whole)."""
    from plotly.basedatatypes import BaseFigure

    return tuple(BaseFigure._str_to_dict_path(key))


def _is_plotly(value: Any) -> bool:
    from plotly.basedatatypes import BasePlotlyType, BaseFigure

    return isinstance(value, (BasePlotlyType, BaseFigure))


class _TemplateRef:
    """A template by name (or object), turned into its dict only when the figure is written out."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def json(self) -> dict:
        if isinstance(self.value, str):
            return _template_json(self.value)
        return _plain(self.value.to_plotly_json())


_template_cache: dict[str, tuple[object, dict]] = {}


def _template_json(name: str) -> dict:
    """The JSON of a registered template (``pio.templates[name]``), built once per registered object."""
    import plotly.io as pio

    registered = pio.templates._templates.get(name) if "+" not in name else None
    hit = _template_cache.get(name)
    if hit is not None and registered is not None and hit[0] is registered:
        return hit[1]
    value = _plain(pio.templates[name].to_plotly_json())
    if registered is not None:
        _template_cache[name] = (pio.templates._templates.get(name), value)
    return value


def _set(node: dict, key: str, value: Any) -> None:
    """Set one property as plotly's update does: ``None`` removes it, a dict merges into what is there,
    a title given as text is ``{"text": ...}``, a template is named."""
    if value is None:
        node.pop(key, None)
    elif key == "template":
        if isinstance(value, Mapping):
            raise _Unsupported("a template given as a dict merges into the template")
        node[key] = _TemplateRef(value)
    elif isinstance(value, Mapping):
        sub = node.get(key)
        if type(sub) is not dict:
            sub = node[key] = {}
        _update(sub, value)
    elif key == "title" and isinstance(value, str):
        node[key] = {"text": value}
    elif _is_plotly(value):
        raise _Unsupported("a graph object as a property value")
    elif isinstance(value, (list, tuple)) and value and isinstance(value[0], Mapping):
        if node.get(key):
            raise _Unsupported("an array of objects updated element by element")
        items = []
        for item in value:
            if not isinstance(item, Mapping):
                raise _Unsupported("an array mixing objects and values")
            new: dict = {}
            _update(new, item)
            items.append(new)
        node[key] = items
    else:
        node[key] = value


def _update(target: dict, props: Mapping | None) -> None:
    """Merge ``props`` (keys with magic underscores allowed) into ``target``, as ``obj.update(props)``."""
    if not props:
        return
    for key, value in props.items():
        path = _path(key) if isinstance(key, str) else ()
        if not path or not all(isinstance(p, str) for p in path):
            raise _Unsupported(f"property path {key!r}")
        node = target
        for part in path[:-1]:
            if part == "template":
                raise _Unsupported("a property inside the template")
            sub = node.get(part)
            if sub is None:
                sub = node[part] = {}
            elif type(sub) is not dict:
                raise _Unsupported(f"{key!r} goes through a value that is not an object")
            node = sub
        _set(node, path[-1], value)


def _copy_tree(obj: Any) -> Any:
    """A copy of the dicts and lists of ``obj``; the values (arrays, strings) are shared."""
    if type(obj) is dict:
        return {k: _copy_tree(v) for k, v in obj.items()}
    if type(obj) is list:
        return [_copy_tree(v) for v in obj]
    return obj


# ------------------------------------------------------------------ JSON
_SCALARS = (str, int, float, bool, type(None))
_SHORT_TYPES = {"int8": "i1", "uint8": "u1", "int16": "i2", "uint16": "u2", "int32": "i4", "uint32": "u4",
                "float32": "f4", "float64": "f8"}
# plotly writes numeric arrays under these keys as plain lists (_plotly_utils.utils.is_skipped_key)
_SKIPPED_KEYS = frozenset(("geojson", "layer", "layers", "range"))
_INT_RANGES = (("int8", -128, 127), ("int16", -32768, 32767), ("int32", -2147483648, 2147483647))
_UINT_RANGES = (("uint8", 255), ("uint16", 65535), ("uint32", 4294967295))


def _typed_array(v: Any) -> Any:
    """A numpy/pandas array as plotly writes it in a figure: numeric arrays as a typed array
    ``{"dtype": "f8", "bdata": <base64>}`` (64-bit integers narrowed first), others as lists
    (``_plotly_utils.utils.to_typed_array_spec``, fast for plain numpy arrays)."""
    if isinstance(v, np.ndarray) and v.dtype.kind in "iuf" and v.size:
        dtype = v.dtype.name
        if dtype == "int64":
            lo, hi = v.min(), v.max()
            fit = next((t for t, a, b in _INT_RANGES if a <= lo and hi <= b), None)
            if fit is None:
                return v.tolist()
            v = v.astype(fit)
        elif dtype == "uint64":
            hi = v.max()
            fit = next((t for t, b in _UINT_RANGES if hi <= b), None)
            if fit is None:
                return v.tolist()
            v = v.astype(fit)
        short = _SHORT_TYPES.get(v.dtype.name)
        if short is None:
            return v.tolist()
        out = {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(v)).decode("ascii")}
        if v.ndim > 1:
            out["shape"] = str(v.shape)[1:-1]
        return out
    from _plotly_utils.utils import to_typed_array_spec

    return _json(to_typed_array_spec(v))


def _is_array(v: Any) -> bool:
    if isinstance(v, np.ndarray):
        return True
    import pandas as pd

    return isinstance(v, (pd.Series, pd.Index))


def _plain(obj: dict) -> dict:
    """A figure (or part of one) as plain JSON values, exactly as plotly writes it."""
    out = {}
    for k, v in obj.items():
        if type(v) in _SCALARS:
            out[k] = v
        elif k not in _SKIPPED_KEYS and _is_array(v):
            out[k] = _typed_array(v)
        else:
            out[k] = _json(v)
    return out


def _json(v: Any) -> Any:
    """One value as plain JSON (the conversions of plotly's ``clean_to_json_compatible``)."""
    t = type(v)
    if t in _SCALARS:
        return v
    if t is dict:
        return _plain(v)
    if t is list or t is tuple:
        return [x if type(x) in _SCALARS else _json(x) for x in v]
    if t is _TemplateRef:
        return v.json()
    if isinstance(v, np.ndarray):
        kind = v.dtype.kind
        if kind == "M":
            return np.datetime_as_string(v).tolist()
        if kind == "O":
            return [x if type(x) in _SCALARS else _json(x) for x in v.tolist()]
        return v.tolist()
    if isinstance(v, (float, int, str)):  # numpy scalars that are Python numbers
        return v
    if isinstance(v, (Figure, Trace)):
        return v.to_plotly_json()
    if isinstance(v, np.generic):
        return v.item()
    from plotly.io._json import clean_to_json_compatible
    from _plotly_utils.optional_imports import get_module

    modules = {"sage_all": None, "np": np, "pd": get_module("pandas", should_load=False),
               "image": get_module("PIL.Image", should_load=False)}
    return clean_to_json_compatible(v, numpy_allowed=False, datetime_allowed=True, modules=modules)


def json_ready(value: Any) -> Any:
    """A callback output as plain JSON values (figures of this module or of plotly, Dash components,
    lists of them), so the answer is encoded in one pass; anything else is returned as it is.

    >>> json_ready(Figure(Bar(x=np.array([1.5, 2.0])), layout=dict(template="none")))["data"]
    [{'x': {'dtype': 'f8', 'bdata': 'AAAAAAAA+D8AAAAAAAAAQA=='}, 'type': 'bar'}]
    """
    if isinstance(value, (Figure, Trace)):
        # validating: plotly's own figure, encoded by Dash exactly as before this module
        return value.replay() if _validating() else value.to_plotly_json()
    if isinstance(value, _go.Figure):
        return _plain(value.to_plotly_json())
    if hasattr(value, "to_plotly_json") or (isinstance(value, list) and any(hasattr(v, "to_plotly_json") for v in value)):
        return _json(value)
    return value


# ------------------------------------------------------------------ traces
_GO_NAMES = frozenset(n for n in dir(_go.Figure) if not n.startswith("__"))


@functools.lru_cache(maxsize=None)
def _trace_type(cls_name: str) -> str | None:
    """The ``type`` of plotly trace class ``cls_name`` (``"Scattergeo"`` -> ``"scattergeo"``), or ``None``."""
    from plotly.basedatatypes import BaseTraceType

    cls = getattr(_go, cls_name, None)
    if isinstance(cls, type) and issubclass(cls, BaseTraceType):
        return cls().type
    return None


def _to_go(value: Any) -> Any:
    """Arguments of a recorded call with this module's traces and figures replaced by plotly's."""
    if isinstance(value, (Trace, Figure)):
        return value.replay()
    if type(value) is list:
        return [_to_go(v) for v in value]
    if type(value) is tuple:
        return tuple(_to_go(v) for v in value)
    if type(value) is dict:
        return {k: _to_go(v) for k, v in value.items()}
    return value


@functools.lru_cache(maxsize=None)
def _trace_props_of(cls_name: str) -> frozenset[str]:
    """The property names of plotly trace class ``cls_name``."""
    return frozenset(getattr(_go, cls_name)()._valid_props)


class Trace:
    """One trace (``Bar(...)``, ``Scatter(...)``...): its properties as a dict, and the calls that made it.

    Setting a property (``bar.x = values``) replaces it, as on a graph object; reading one
    (``bar.text``) is answered by the replayed plotly trace.
    """

    __slots__ = ("cls_name", "args", "kwargs", "sets", "props", "_replayed")

    def __init__(self, cls_name: str, args: tuple, kwargs: dict) -> None:
        object.__setattr__(self, "cls_name", cls_name)
        object.__setattr__(self, "args", args)
        object.__setattr__(self, "kwargs", kwargs)
        object.__setattr__(self, "sets", [])
        object.__setattr__(self, "_replayed", None)
        props: dict | None = {}
        try:
            if len(args) > 1 or any(k in kwargs for k in ("skip_invalid", "_validate")):
                raise _Unsupported("positional properties or validation switches")
            if args:
                arg = args[0]
                if isinstance(arg, Trace):
                    arg = arg.props if arg.props is not None else arg.replay().to_plotly_json()
                elif _is_plotly(arg):
                    arg = arg.to_plotly_json()
                if arg is not None and not isinstance(arg, Mapping):
                    raise _Unsupported("a first argument that is not a dict")
                _update(props, {k: v for k, v in (arg or {}).items() if k != "type"})
            _update(props, kwargs)
            props["type"] = _trace_type(cls_name)
        except _Unsupported as exc:
            _note_fallback(cls_name, exc)
            props = None
        object.__setattr__(self, "props", props)

    def replay(self) -> Any:
        """The same trace built by plotly (a new validated object)."""
        trace = getattr(_go, self.cls_name)(*_to_go(self.args), **_to_go(self.kwargs))
        for name, value in self.sets:
            setattr(trace, name, _to_go(value))
        return trace

    def to_plotly_json(self) -> dict:
        if _validating():
            return self.replay().to_plotly_json()
        if self.props is None:
            return _plain(self.replay().to_plotly_json())
        return _plain(self.props)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in _trace_props_of(self.cls_name):
            raise AttributeError(f"{self.cls_name} has no property {name!r}")
        self.sets.append((name, value))
        object.__setattr__(self, "_replayed", None)
        if self.props is not None:
            try:
                self.props.pop(name, None)
                _set(self.props, name, value)  # an assignment replaces: nothing to merge into
            except _Unsupported as exc:
                _note_fallback(f"{self.cls_name}.{name} =", exc)
                object.__setattr__(self, "props", None)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in Trace.__slots__:
            raise AttributeError(name)
        if self._replayed is None:
            object.__setattr__(self, "_replayed", self.replay())
        if not hasattr(type(self._replayed), name) and name not in self._replayed:
            raise AttributeError(name)
        return getattr(self._replayed, name)

    def __repr__(self) -> str:
        return f"{self.cls_name}({self.props!r})"


def _trace_factory(cls_name: str):
    def make(*args: Any, **kwargs: Any) -> Trace:
        return Trace(cls_name, args, kwargs)

    make.__name__ = make.__qualname__ = cls_name
    make.__doc__ = f"``plotly.graph_objects.{cls_name}`` as a :class:`Trace` (same arguments)."
    return make


#: the trace classes the charts use, by name (every other plotly trace class is made on first use)
Bar = _trace_factory("Bar")
Scatter = _trace_factory("Scatter")
Scattergeo = _trace_factory("Scattergeo")
Treemap = _trace_factory("Treemap")
Pie = _trace_factory("Pie")


def __getattr__(name: str) -> Any:
    """Trace classes (``Bar``, ``Scatter``...) build :class:`Trace` objects; every other name
    (``layout``, ``Layout``...) is plotly's own."""
    if name[:1].isupper() and _trace_type(name) is not None:
        factory = _trace_factory(name)
        globals()[name] = factory
        return factory
    try:
        return getattr(_go, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def _note_fallback(what: str, exc: Exception) -> None:
    with _fallback_lock:
        fallbacks[f"{what}: {exc}"] += 1
        first = fallbacks[f"{what}: {exc}"] == 1
    if first:
        log.debug("figure built by plotly from here: %s (%s)", what, exc)


# ------------------------------------------------------------------ figures
_SUBPLOT_KEY = re.compile(r"^([a-z]+?)(\d*)$")


def _subplot_key(kwargs: dict) -> str:
    try:
        return json.dumps(kwargs, sort_keys=True)
    except TypeError:
        raise _Unsupported("make_subplots arguments that are not plain JSON") from None


_TITLE_MARK = "\x00semidash-subplot-title-{}\x00"


def _subplot_layout(kwargs: dict) -> tuple[dict, dict]:
    """Layout and grid of ``make_subplots(**kwargs)``: built by plotly once per grid (the titles are
    put in afterwards, plotly places them the same whatever their text)."""
    titles = kwargs.get("subplot_titles")
    if titles is not None and not (isinstance(titles, (list, tuple)) and all(t is None or isinstance(t, str) for t in titles)):
        raise _Unsupported("subplot titles that are not text")
    marked = dict(kwargs)
    if titles is not None:
        marked["subplot_titles"] = [None if t is None else _TITLE_MARK.format(i) for i, t in enumerate(titles)]
    base, grid = _subplot_base(_subplot_key(marked))
    layout = _copy_tree(base)
    if titles is not None:
        text = {_TITLE_MARK.format(i): t for i, t in enumerate(titles) if t is not None}
        for ann in layout.get("annotations", ()):
            if ann.get("text") in text:
                ann["text"] = text[ann["text"]]
    return layout, grid


@functools.lru_cache(maxsize=64)
def _subplot_base(key: str) -> tuple[dict, dict]:
    """Layout (without the template) and ``(row, col) -> (layout keys, trace kwargs, number of axes)`` of
    ``plotly.subplots.make_subplots(**json.loads(key))``, built by plotly."""
    from plotly.subplots import make_subplots as _make

    fig = _make(**json.loads(key))
    layout = _plain(fig.to_plotly_json()["layout"])
    layout.pop("template", None)
    grid = {}
    for r, row in enumerate(fig._grid_ref or ()):
        for c, refs in enumerate(row):
            if refs:
                grid[(r + 1, c + 1)] = (refs[0].layout_keys, dict(refs[0].trace_kwargs), len(refs))
    return layout, grid


class Figure:
    """``plotly.graph_objects.Figure`` built as a dict (see the module docstring).

    Reproduced: ``Figure(data, layout)``, ``add_trace`` (with ``row``/``col`` on
    :func:`make_subplots` figures), ``update_layout``, ``update_xaxes``, ``update_yaxes``,
    ``update_geos``, ``update_traces``, ``add_annotation``, ``update_annotations``,
    ``to_plotly_json``/``to_dict``. Everything else is answered by the replayed plotly figure.
    """

    def __init__(self, data: Any = None, layout: Any = None, frames: Any = None, skip_invalid: bool = False,
                 **kwargs: Any) -> None:
        self._init = ((data,) if data is not None else (), dict(layout=layout) if layout is not None else {})
        self._subplots: dict | None = kwargs.pop("_subplots", None)
        self._calls: list[tuple[str, tuple, dict]] = []
        self._go: Any = None  # the plotly figure, once replayed
        self._data: list[dict] = []
        self._layout: dict = {}
        self._grid: dict = {}
        if frames is not None or skip_invalid or kwargs:
            self._init = (self._init[0], {**self._init[1], "frames": frames, "skip_invalid": skip_invalid, **kwargs})
            self._to_plotly("Figure", _Unsupported("frames, skip_invalid or other arguments"))
            return
        try:
            if self._subplots is not None:
                self._layout, self._grid = _subplot_layout(self._subplots)
            if layout is not None:
                if _is_plotly(layout):
                    layout = layout.to_plotly_json()
                if not isinstance(layout, Mapping):
                    raise _Unsupported("a layout that is not a dict")
                _update(self._layout, layout)
            if data is not None:
                for trace in data if isinstance(data, (list, tuple)) else [data]:
                    self._data.append(self._trace_props(trace))
            if "template" not in self._layout:
                import plotly.io as pio

                if pio.templates.default is not None:  # plotly applies the default template when none is given
                    self._layout["template"] = _TemplateRef(pio.templates.default)
        except _Unsupported as exc:
            self._to_plotly("Figure", exc)

    # ------------------------------------------------------------ internals
    @staticmethod
    def _trace_props(trace: Any) -> dict:
        if isinstance(trace, Trace):
            if trace.props is None:
                raise _Unsupported("a trace built by plotly")
            return _copy_tree(trace.props)
        if isinstance(trace, Mapping):
            props: dict = {}
            _update(props, {k: v for k, v in trace.items() if k != "type"})
            props["type"] = trace.get("type", "scatter")
            return props
        if _is_plotly(trace):
            return trace.to_plotly_json()
        raise _Unsupported(f"a trace of type {type(trace).__name__}")

    def _to_plotly(self, what: str, exc: Exception) -> None:
        """Go on with plotly: replay everything so far (raising what plotly raises)."""
        _note_fallback(what, exc)
        self._go = self.replay()

    def _call(self, name: str, args: tuple, kwargs: dict, apply) -> Figure:
        self._calls.append((name, args, kwargs))
        if self._go is not None:
            getattr(self._go, name)(*_to_go(args), **_to_go(kwargs))
            return self
        try:
            apply()
        except _Unsupported as exc:
            self._to_plotly(name, exc)
        return self

    def _subplot_axes(self, prefix: str, row: int | None, col: int | None) -> list[str]:
        """Layout keys of the ``prefix`` axes (``xaxis``, ``yaxis``, ``geo``) an update applies to."""
        if row is None and col is None:
            keys = [prefix] + [k for k in self._layout
                               if k != prefix and k.startswith(prefix) and k[len(prefix):].isdigit()]
            return keys
        if not self._grid:
            raise _Unsupported("row/col on a figure without subplots")
        out = []
        for (r, c), (layout_keys, _kw, n) in sorted(self._grid.items()):
            if (row is None or r == row) and (col is None or c == col):
                if n > 1:
                    raise _Unsupported("subplots with a secondary axis")
                out += [k for k in layout_keys if _SUBPLOT_KEY.match(k).group(1) == prefix]
        return out

    def _update_axes(self, prefix: str, patch: Mapping | None, row: int | None, col: int | None, kwargs: dict) -> None:
        for key in self._subplot_axes(prefix, row, col):
            node = self._layout.get(key)
            if type(node) is not dict:
                node = self._layout[key] = {}
            _update(node, patch)
            _update(node, kwargs)

    # ------------------------------------------------------------ the graph_objects API
    def add_trace(self, trace: Any, row: int | None = None, col: int | None = None, secondary_y: bool | None = None,
                  exclude_empty_subplots: bool = False) -> Figure:
        def apply():
            if secondary_y is not None or exclude_empty_subplots:
                raise _Unsupported("secondary_y or exclude_empty_subplots")
            props = self._trace_props(trace)
            if row is not None or col is not None:
                cell = self._grid.get((row, col))
                if row is None or col is None or cell is None or cell[2] > 1:
                    raise _Unsupported("row/col outside a grid of single subplots")
                props.update(cell[1])
            self._data.append(props)

        return self._call("add_trace", (trace,), dict(row=row, col=col, secondary_y=secondary_y,
                                                      exclude_empty_subplots=exclude_empty_subplots), apply)

    def update_layout(self, dict1: Mapping | None = None, overwrite: bool = False, **kwargs: Any) -> Figure:
        def apply():
            if overwrite:
                raise _Unsupported("overwrite=True")
            if _is_plotly(dict1):
                raise _Unsupported("a graph object as the update")
            _update(self._layout, dict1)
            _update(self._layout, kwargs)

        return self._call("update_layout", (dict1,), dict(overwrite=overwrite, **kwargs), apply)

    def _axes_method(self, name: str, prefix: str, patch, selector, overwrite, row, col, kwargs, **extra) -> Figure:
        def apply():
            if selector is not None or overwrite or any(v is not None for v in extra.values()):
                raise _Unsupported("selector, overwrite or secondary_y")
            self._update_axes(prefix, patch, row, col, kwargs)

        return self._call(name, (patch,), dict(selector=selector, overwrite=overwrite, row=row, col=col, **extra, **kwargs),
                          apply)

    def update_xaxes(self, patch: Mapping | None = None, selector: Any = None, overwrite: bool = False,
                     row: int | None = None, col: int | None = None, **kwargs: Any) -> Figure:
        return self._axes_method("update_xaxes", "xaxis", patch, selector, overwrite, row, col, kwargs)

    def update_yaxes(self, patch: Mapping | None = None, selector: Any = None, overwrite: bool = False,
                     row: int | None = None, col: int | None = None, secondary_y: bool | None = None,
                     **kwargs: Any) -> Figure:
        return self._axes_method("update_yaxes", "yaxis", patch, selector, overwrite, row, col, kwargs,
                                 secondary_y=secondary_y)

    def update_geos(self, patch: Mapping | None = None, selector: Any = None, overwrite: bool = False,
                    row: int | None = None, col: int | None = None, **kwargs: Any) -> Figure:
        return self._axes_method("update_geos", "geo", patch, selector, overwrite, row, col, kwargs)

    def update_traces(self, patch: Mapping | None = None, selector: Any = None, row: int | None = None,
                      col: int | None = None, secondary_y: bool | None = None, overwrite: bool = False,
                      **kwargs: Any) -> Figure:
        def apply():
            if row is not None or col is not None or secondary_y is not None or overwrite:
                raise _Unsupported("row, col, secondary_y or overwrite")
            if selector is None:
                targets = self._data
            elif isinstance(selector, int) and not isinstance(selector, bool):
                targets = [self._data[selector]]
            else:
                raise _Unsupported("a selector other than a trace index")
            for props in targets:
                _update(props, patch)
                _update(props, kwargs)

        return self._call("update_traces", (patch,), dict(selector=selector, row=row, col=col, secondary_y=secondary_y,
                                                          overwrite=overwrite, **kwargs), apply)

    def add_annotation(self, arg: Mapping | None = None, *, row: int | None = None, col: int | None = None,
                       secondary_y: bool | None = None, exclude_empty_subplots: bool | None = None,
                       **kwargs: Any) -> Figure:
        def apply():
            if row is not None or col is not None or secondary_y is not None or exclude_empty_subplots is not None:
                raise _Unsupported("row, col, secondary_y or exclude_empty_subplots")
            if _is_plotly(arg):
                raise _Unsupported("a graph object as the annotation")
            props: dict = {}
            _update(props, arg)
            _update(props, kwargs)
            self._layout.setdefault("annotations", []).append(props)

        return self._call("add_annotation", (arg,), dict(row=row, col=col, secondary_y=secondary_y,
                                                         exclude_empty_subplots=exclude_empty_subplots, **kwargs), apply)

    def update_annotations(self, patch: Mapping | None = None, selector: Any = None, row: int | None = None,
                           col: int | None = None, secondary_y: bool | None = None, **kwargs: Any) -> Figure:
        def apply():
            if selector is not None or row is not None or col is not None or secondary_y is not None:
                raise _Unsupported("selector, row, col or secondary_y")
            for props in self._layout.get("annotations", ()):
                _update(props, patch)
                _update(props, kwargs)

        return self._call("update_annotations", (patch,), dict(selector=selector, row=row, col=col,
                                                               secondary_y=secondary_y, **kwargs), apply)

    def to_plotly_json(self) -> dict:
        """The figure as plotly writes it (numeric numpy arrays as typed arrays), in plain JSON values."""
        if self._go is not None:
            return _plain(self._go.to_plotly_json())
        if _validating():
            return self.replay().to_plotly_json()
        return {"data": [_plain(t) for t in self._data], "layout": _plain(self._layout)}

    def to_dict(self) -> dict:
        return self.to_plotly_json()

    def replay(self) -> Any:
        """The same figure built by plotly's graph objects, call by call (a new, validated figure)."""
        if self._subplots is not None:
            from plotly.subplots import make_subplots as _make

            fig = _make(**self._subplots)
        else:
            args, kwargs = self._init
            fig = _go.Figure(*_to_go(args), **_to_go(kwargs))
        for name, args, kwargs in self._calls:
            getattr(fig, name)(*_to_go(args), **_to_go(kwargs))
        return fig

    def __getattr__(self, name: str) -> Any:
        # only what a plotly figure has: probes such as tolist or __array__ stay AttributeErrors
        if name.startswith("_") or name not in _GO_NAMES:
            raise AttributeError(name)
        if self._go is None:
            self._go = self.replay()
        return getattr(self._go, name)

    def __repr__(self) -> str:
        return f"Figure({len(self._data)} traces{', replayed' if self._go is not None else ''})"


def make_subplots(rows: int = 1, cols: int = 1, **kwargs: Any) -> Figure:
    """``plotly.subplots.make_subplots`` as a :class:`Figure` (its axes and titles are computed by
    plotly once per argument set, then copied)."""
    return Figure(_subplots=dict(rows=rows, cols=cols, **kwargs))
