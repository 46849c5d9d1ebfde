"""The "Add from article" view and the edit/delete of the user's records.

Layout factories (``create_article_view``, ``create_record_modals``), plain
functions that do each step (called directly by the tests) and
:func:`register_intake_callbacks`, which wires them to an app. Text from the
article is only ever passed to components as children strings, never as HTML.
"""
from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, MATCH, Input, Output, State, ctx, dcc, html, no_update

from dashboard.dates import parse_date_or_none
from dashboard.ui import ids
from dashboard.intake.article import ACCEPT, MAX_UPLOAD_BYTES
from dashboard.data.schema import CATEGORIES, STATUSES
from dashboard.intake.figures import (
    FORM_COLUMNS,
    FORM_FIELDS,
    FormField,
    LOCALES,
    audit_rows,
    city_coordinates,
    extract_figures_for,
    field_problems,
    find_duplicates,
    figure_rows,
    highlight_segments,
    prefill,
    record_from_form,
)

#: longest article text analysed (characters); longer text is cut with a note
MAX_TEXT_CHARS = 200_000

_SELECTS = {"category": CATEGORIES, "status": STATUSES}
_WIDE = {"project", "company", "source_url", "notes", "amount_reported"}


def field_id(form: str, column: str) -> dict:
    """Id of the input of ``column`` in form ``form`` (``"new"`` or ``"edit"``)."""
    return {"type": ids.RECORD_FIELD, "form": form, "field": column}


def feedback_id(form: str, column: str) -> dict:
    """Id of the error message under the input of ``column``."""
    return {"type": ids.RECORD_FEEDBACK, "form": form, "field": column}


def _input(form: str, field: FormField) -> Any:
    fid = field_id(form, field.column)
    if field.kind == "choice":
        options = [{"label": v.replace("_", " "), "value": v} for v in _SELECTS[field.column]]
        default = "announced" if field.column == "status" else None
        return dbc.Select(id=fid, options=options, value=default, placeholder=field.placeholder, size="sm")
    if field.kind == "long":
        return dbc.Textarea(id=fid, value="", rows=2, size="sm", placeholder=field.placeholder)
    if field.kind == "number":  # text, so "-5" or "lots" reach the checks and get a message (a number input sends nothing)
        return dbc.Input(id=fid, value="", type="text", inputMode="decimal", placeholder=field.placeholder, size="sm")
    return dbc.Input(id=fid, value="", type="text", placeholder=field.placeholder, size="sm")


def create_record_form(form: str) -> html.Div:
    """The record's fields, each with its label and an error message slot."""
    cols = []
    for field in FORM_FIELDS:
        cols.append(dbc.Col(
            html.Div([
                dbc.Label([field.label, html.Span(" *", className="text-danger") if field.required else None],
                          html_for=f"{form}-{field.column}", className="small fw-semibold text-secondary mb-0"),
                _input(form, field),
                dbc.FormFeedback(id=feedback_id(form, field.column), type="invalid"),
                *([html.Div(id={"type": ids.RECORD_CITY_NOTE, "form": form}, className="small text-secondary"),
                   dcc.Store(id={"type": ids.RECORD_CITY_FILLED, "form": form}, data=None)]
                  if field.column == "city" else []),
            ], className="mb-2"),
            md=12 if field.column in _WIDE else 6,
        ))
    return html.Div(dbc.Row(cols, className="g-2"), className="record-form")


def create_article_view() -> html.Div:
    """The "Add from article" tab: the article, its figures and the new record."""
    article = dbc.Card(dbc.CardBody([
        html.H6("Article", className="fw-semibold"),
        dbc.Textarea(id=ids.ARTICLE_TEXT, value="", rows=7, debounce=500, className="article-text",
                     placeholder="Paste a news article (Korean, Japanese, Chinese or English)…"),
        dbc.Row([
            dbc.Col(dcc.Upload(
                id=ids.ARTICLE_UPLOAD,
                children=html.Div(["Drop or ", html.A("choose a file", className="link-primary"),
                                   html.Span(f" (.txt/.html, ≤ {MAX_UPLOAD_BYTES // 1_000_000} MB)", className="text-secondary")]),
                accept=ACCEPT, max_size=MAX_UPLOAD_BYTES * 4, multiple=False,
                className="article-upload small",
            ), md=5),
            dbc.Col([
                dbc.Input(id=ids.ARTICLE_DATE, value="", placeholder="article date YYYY-MM-DD", size="sm", debounce=True),
                dbc.FormFeedback("write the date as YYYY-MM-DD", type="invalid"),
            ], md=3),
            dbc.Col(dbc.Select(id=ids.ARTICLE_LOCALE, options=[{"label": "auto-detect" if k == "auto" else v, "value": k} for k, v in LOCALES.items()],
                               value="auto", size="sm"), md=4),
        ], className="g-2 mt-1 align-items-start"),
        html.Div(id=ids.ARTICLE_UPLOAD_NOTE, className="mt-2"),
    ]), className="shadow-sm mb-2")
    figures = dbc.Card(dbc.CardBody([
        html.H6("Figures found", className="fw-semibold"),
        html.Div(id=ids.ARTICLE_MARKED, className="article-marked"),
        html.Div(id=ids.ARTICLE_AUDIT_NOTE, className="small text-secondary mt-1"),
        html.Div(id=ids.ARTICLE_FIGURES, className="mt-2"),
    ]), className="shadow-sm")
    record = dbc.Card(dbc.CardBody([
        html.H6("New record", className="fw-semibold"),
        html.Div("Pick a figure (click it in the text or “use”), complete the fields, save.",
                 id=ids.PICK_NOTE, className="small text-secondary mb-2"),
        create_record_form("new"),
        dbc.Button("Save to my records", id=ids.RECORD_SAVE, color="primary", size="sm", className="mt-1"),
        html.Div(id=ids.RECORD_DUP),
        html.Div(id=ids.RECORD_MESSAGE, className="mt-2"),
    ]), className="shadow-sm")
    return html.Div([
        dcc.Store(id=ids.ARTICLE_FIGURES_DATA, data=[]),
        dcc.Store(id=ids.FIG_PICKED, data=None),
        dbc.Row([dbc.Col([article, figures], xl=8, lg=12), dbc.Col(record, xl=4, lg=12)], className="g-2"),
    ], className="article-view p-1")


def create_record_modals() -> html.Div:
    """The edit dialog (the record form for a stored record) and the delete confirmation."""
    edit = dbc.Modal([
        dbc.ModalHeader(dbc.ModalTitle("Edit record", id=ids.EDIT_TITLE)),
        dbc.ModalBody([create_record_form("edit"), html.Div(id=ids.EDIT_MESSAGE)]),
        dbc.ModalFooter([
            dbc.Button("Cancel", id=ids.EDIT_CANCEL, color="secondary", outline=True, size="sm"),
            dbc.Button("Save changes", id=ids.EDIT_SAVE, color="primary", size="sm"),
        ]),
    ], id=ids.EDIT_MODAL, is_open=False, size="lg", scrollable=True)
    delete = dbc.Modal([
        dbc.ModalHeader(dbc.ModalTitle("Delete record")),
        dbc.ModalBody(html.Div(id=ids.DELETE_TEXT)),
        dbc.ModalFooter([
            dbc.Button("Cancel", id=ids.DELETE_CANCEL, color="secondary", outline=True, size="sm"),
            dbc.Button("Delete", id=ids.DELETE_CONFIRM, color="danger", size="sm"),
        ]),
    ], id=ids.DELETE_MODAL, is_open=False)
    return html.Div([dcc.Store(id=ids.EDIT_ID), edit, delete])


# ------------------------------------------------------------------ steps


def read_upload(contents: str | None, filename: str | None) -> tuple[Any, Any]:
    """Text area value and note for an uploaded file (``dcc.Upload`` contents).

    Returns ``(text, note)``; on a bad file the text is ``no_update`` and the
    note a red alert naming the file and the problem.
    """
    from dashboard.errors import SemidashError
    from dashboard.intake.article import check_upload, read_article

    if not contents:
        return no_update, no_update
    name = filename or "upload"
    payload = contents.split(",", 1)[1] if "," in contents else contents
    try:  # refuse by the encoded size and the name before decoding anything
        check_upload(name, len(payload) * 3 // 4 - payload[-2:].count("="))
    except SemidashError as exc:
        return no_update, dbc.Alert(str(exc).splitlines()[0], color="danger", className="py-1 small mb-0")
    try:
        data = base64.b64decode(contents.split(",", 1)[1] if "," in contents else contents, validate=False)
    except (binascii.Error, ValueError) as exc:
        return no_update, dbc.Alert(f"{name}: the upload could not be read ({exc})", color="danger", className="py-1 small")
    try:
        art = read_article(data, name)
    except (SemidashError, ValueError) as exc:
        return no_update, dbc.Alert(str(exc).splitlines()[0], color="danger", className="py-1 small mb-0")
    kind = "HTML reduced to text" if art.was_html else "text"
    if art.warning:  # damaged text: read, but say what was replaced
        return art.text, dbc.Alert(f"{art.warning}; check the text below", color="warning", className="py-1 small mb-0")
    return art.text, html.Div(f"{name}: {len(data):,} bytes, read as {art.encoding} ({kind})",
                              className="small text-success")


def _date_or_none(text: str | None) -> tuple[str | None, bool]:
    """``(YYYY-MM-DD, valid)`` of the article date field."""
    text = (text or "").strip()
    if not text:
        return None, True
    day = parse_date_or_none(text)
    return (day.isoformat(), True) if day is not None else (None, False)


def _audit_cell(row: Mapping[str, Any]) -> Any:
    if "audit_text" not in row:
        return ""
    badge = dbc.Badge("off" if row["flagged"] else "ok", color="danger" if row["flagged"] else "success", className="me-1")
    return html.Span([badge, row["audit_text"]])


def figures_table(rows: Sequence[Mapping[str, Any]]) -> Any:
    """The table of figures: as written, value, unit, approx/bound, restatement link, audit, and a "use" button."""
    if not rows:
        return html.P("No amounts or quantities found yet.", className="small text-secondary mb-0")
    head = html.Thead(html.Tr([html.Th(h) for h in ("#", "As written", "Value", "Unit", "Approx / bound", "Restates", "Audit of the conversion", "")]))
    body = []
    for r in rows:
        link = ""
        if r["restates"] is not None:
            link = html.A(f"→ #{r['restates'] + 1}", href=f"#fig-row-{r['restates']}")
        elif r["restated_by"]:
            link = html.Span("restated by " + ", ".join(f"#{k + 1}" for k in r["restated_by"]), className="text-secondary")
        use = dbc.Button("use", id={"type": ids.FIG_USE, "index": r["index"]}, size="sm", color="primary", outline=True,
                         className="py-0", disabled=not r.get("field"))
        body.append(html.Tr([
            html.Td(r["index"] + 1), html.Td(r["text"], className="fw-semibold"), html.Td(r["value_label"]),
            html.Td(r["unit"]), html.Td(r["approx_label"]), html.Td(link), html.Td(_audit_cell(r), className="small"), html.Td(use),
        ], id=f"fig-row-{r['index']}", className="table-danger" if r.get("flagged") else None))
    return dbc.Table([head, html.Tbody(body)], size="sm", hover=True, responsive=True, className="figures-table mb-0")


def marked_text(text: str, rows: Sequence[Mapping[str, Any]], picked: int | None = None) -> list:
    """The article with each figure in a clickable ``<mark>`` (text as children, never HTML)."""
    out: list = []
    by_index = {r["index"]: r for r in rows}
    for seg in highlight_segments(text, rows):
        if isinstance(seg, str):
            out.append(seg)
            continue
        i, piece = seg
        r = by_index[i]
        title = f"#{i + 1}: {r['value_label']} {'' if r['kind'] == 'money' else r['unit']}".strip()
        out.append(html.Mark(piece, id={"type": ids.FIG_MARK, "index": i}, title=title, n_clicks=0,
                             className=mark_class(r, picked)))
    return out


def mark_class(row: Mapping[str, Any], picked: int | None) -> str:
    """CSS classes of a figure's mark: kind, restatement, flagged, picked."""
    cls = ["fig", f"fig-{row['kind']}"]
    if row.get("restates") is not None:
        cls.append("fig-restated")
    if row.get("flagged"):
        cls.append("fig-flagged")
    if picked is not None and row["index"] == picked:
        cls.append("fig-picked")
    return " ".join(cls)


def analyse_article(text: str | None, date: str | None, locale: str | None) -> list[Any]:
    """Outputs of the analysis step: marked text, figures table, figure rows,
    audit note, date-invalid flag, and the reset pick."""
    text = text or ""
    note: list = []
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        note.append(f"only the first {MAX_TEXT_CHARS:,} characters are read. ")
    day, ok = _date_or_none(date)
    figures = extract_figures_for(text, locale=locale)
    audit, audit_note = audit_rows(figures, day)
    rows = figure_rows(figures, audit)
    if audit_note:
        note.append(audit_note)
    if rows:
        n_money = sum(r["kind"] == "money" for r in rows)
        note.insert(0, f"{len(rows)} figure{'s' if len(rows) != 1 else ''} ({n_money} amounts of money, "
                       f"{len(rows) - n_money} quantities). ")
    marked = marked_text(text, rows) if text else html.Span("The article appears here with its figures marked.", className="text-secondary")
    return [marked, figures_table(rows), rows, "".join(note), not ok, None]


def pick_figure(index: int | None, rows: Sequence[Mapping[str, Any]], *, text: str, date: str | None, locale: str | None,
                companies: Sequence[str], current: Mapping[str, Any]) -> tuple[Any, list[Any], Any]:
    """A figure was picked: ``(picked index, new value of each form field, note)``."""
    row = next((r for r in rows if r["index"] == index), None)
    if row is None:
        return no_update, [no_update] * len(FORM_COLUMNS), no_update
    day, _ = _date_or_none(date)
    values = prefill(row, text=text, date=day, locale=locale or None, companies=companies, current=current)
    field = row.get("field")
    note = (f"Picked #{index + 1} “{row['text']}” → {field.replace('_', ' ')}" if field
            else f"#{index + 1} “{row['text']}” is not an amount, GPUs, MW or wafers per month")
    return index, [values.get(c, no_update) for c in FORM_COLUMNS], note


def form_feedback(problems: Sequence[str], columns: Sequence[str] = FORM_COLUMNS) -> tuple[list[bool], list[str], list[str]]:
    """``(invalid flag per field, message per field, other problems)`` for validation problems."""
    by_field = field_problems(problems, columns)
    invalid = [c in by_field for c in columns]
    messages = ["; ".join(by_field.get(c, [])) for c in columns]
    return invalid, messages, by_field.get("", [])


def _problem_alert(head: str, others: Sequence[str]) -> dbc.Alert:
    return dbc.Alert([html.Div(head, className="fw-semibold"), *(html.Div(p) for p in others)],
                     color="danger", className="py-2 small mb-0")


def duplicate_warning(values: Mapping[str, Any], existing) -> Any:
    """A warning when the form's company, amount and date are those of one of
    ``existing`` (the projects shown, curated or stored; case and spaces
    ignored), else ``None``."""
    twins = find_duplicates(record_from_form(values), existing)
    if not twins:
        return None
    return dbc.Alert(["Possible duplicate: ", html.Code(", ".join(twins[:5])),
                      f" already {'has' if len(twins) == 1 else 'have'} this company, amount and date. Saving adds another record."],
                     color="warning", className="py-1 small mb-1 mt-1 duplicate-warning")


def save_new_record(store, values: Sequence[Any], columns: Sequence[str] = FORM_COLUMNS) -> tuple[list[bool], list[str], Any, str | None]:
    """Validate and add the form's record to ``store``.

    Returns ``(invalid flags, field messages, message, saved id or None)``;
    nothing is written when any field is wrong (quantities that are negative
    or not numbers included: their inputs are text, so the value reaches the
    store's checks and gets a message, never a silent blank).
    """
    from dashboard.errors import StoreError, ValidationError

    record = record_from_form(dict(zip(columns, values)))
    try:
        new_id = store.add(record)
    except ValidationError as exc:
        invalid, messages, others = form_feedback(exc.problems, columns)
        n = len(exc.problems)
        head = f"Not saved: {n} problem{'s' if n != 1 else ''}; see the fields marked in red."
        return invalid, messages, _problem_alert(head, others), None
    except StoreError as exc:
        return [False] * len(columns), [""] * len(columns), _problem_alert("Not saved.", [str(exc)]), None
    message = dbc.Alert(["Saved as ", html.Code(new_id), ". It is now in every chart, the grid and the CSV export."],
                        color="success", className="py-1 small mb-0")
    return [False] * len(columns), [""] * len(columns), message, new_id


def row_actions(selected: Sequence[Mapping[str, Any]] | None) -> tuple[bool, bool, str]:
    """``(edit disabled, delete disabled, note)`` for the grid's selected row:
    only the user's own records can be changed."""
    if not selected:
        return True, True, ""
    row = selected[0]
    if row.get("origin") != "user":
        return True, True, f"“{row.get('project')}” is curated (read-only); only your own records can be edited or deleted."
    return False, False, f"your record {row.get('id')}"


def open_edit(store, selected: Sequence[Mapping[str, Any]] | None, columns: Sequence[str] = FORM_COLUMNS) -> tuple[bool, Any, list[Any], Any, Any]:
    """``(modal open, record id, field values, title, row note)`` to edit the selected record."""
    from dashboard.errors import StoreError

    if not selected:
        return False, no_update, [no_update] * len(columns), no_update, "select one of your records first"
    rid = str(selected[0].get("id"))
    try:
        record = store.get(rid)
    except StoreError as exc:
        return False, no_update, [no_update] * len(columns), no_update, str(exc)
    values = ["" if record.get(c) is None else record[c] for c in columns]
    return True, rid, values, f"Edit {record.get('project') or rid}", ""


def save_edit(store, record_id: str | None, values: Sequence[Any], columns: Sequence[str] = FORM_COLUMNS) -> tuple[list[bool], list[str], Any, bool]:
    """Validate and apply the edit; returns ``(invalid flags, field messages, message, done)``."""
    from dashboard.errors import StoreError, ValidationError

    if not record_id:
        return [False] * len(columns), [""] * len(columns), _problem_alert("No record is being edited.", []), False
    fields = {c: (None if v is None or str(v).strip() == "" else str(v).strip()) for c, v in zip(columns, values)}
    if fields.get("country"):
        fields["country"] = fields["country"].upper()
    try:
        store.update(record_id, fields)
    except ValidationError as exc:
        invalid, messages, others = form_feedback(exc.problems, columns)
        return invalid, messages, _problem_alert("Not saved; see the fields marked in red.", others), False
    except StoreError as exc:
        return [False] * len(columns), [""] * len(columns), _problem_alert("Not saved.", [str(exc)]), False
    return [False] * len(columns), [""] * len(columns), "", True


def delete_record(store, selected: Sequence[Mapping[str, Any]] | None) -> tuple[bool, str]:
    """Delete the selected record; ``(done, note)``."""
    from dashboard.errors import StoreError

    if not selected:
        return False, "select one of your records first"
    rid = str(selected[0].get("id"))
    try:
        store.delete(rid)
    except StoreError as exc:
        return False, str(exc)
    return True, f"deleted {rid}"


# ------------------------------------------------------------------ wiring


def register_intake_callbacks(app, store, source) -> None:
    """Wire the steps above to ``app``; ``store`` is the user's
    :class:`~dashboard.data.store.Store`, ``source`` the app's
    :class:`~dashboard.app.ProjectSource`."""
    from dashboard.query import company_names

    new_fields = [field_id("new", c) for c in FORM_COLUMNS]
    edit_fields = [field_id("edit", c) for c in FORM_COLUMNS]

    @app.callback(Output(ids.ARTICLE_TEXT, "value"), Output(ids.ARTICLE_UPLOAD_NOTE, "children"),
                  Input(ids.ARTICLE_UPLOAD, "contents"), State(ids.ARTICLE_UPLOAD, "filename"), prevent_initial_call=True)
    def _upload(contents, filename):
        return read_upload(contents, filename)

    @app.callback(Output(ids.ARTICLE_MARKED, "children"), Output(ids.ARTICLE_FIGURES, "children"),
                  Output(ids.ARTICLE_FIGURES_DATA, "data"), Output(ids.ARTICLE_AUDIT_NOTE, "children"),
                  Output(ids.ARTICLE_DATE, "invalid"), Output(ids.FIG_PICKED, "data"),
                  Input(ids.ARTICLE_TEXT, "value"), Input(ids.ARTICLE_DATE, "value"), Input(ids.ARTICLE_LOCALE, "value"))
    def _analyse(text, date, locale):
        return analyse_article(text, date, locale)

    @app.callback(Output(ids.FIG_PICKED, "data", allow_duplicate=True), *[Output(f, "value", allow_duplicate=True) for f in new_fields],
                  Output(ids.PICK_NOTE, "children"),
                  Input({"type": ids.FIG_USE, "index": ALL}, "n_clicks"), Input({"type": ids.FIG_MARK, "index": ALL}, "n_clicks"),
                  State(ids.ARTICLE_FIGURES_DATA, "data"), State(ids.ARTICLE_TEXT, "value"), State(ids.ARTICLE_DATE, "value"),
                  State(ids.ARTICLE_LOCALE, "value"), *[State(f, "value") for f in new_fields], prevent_initial_call=True)
    def _pick(_uses, _marks, rows, text, date, locale, *current):
        trig = ctx.triggered_id
        if not isinstance(trig, Mapping) or not any(t.get("value") for t in ctx.triggered):
            return [no_update] * (len(FORM_COLUMNS) + 2)
        companies = company_names(source.frame()["company"])
        picked, values, note = pick_figure(trig["index"], rows or [], text=text or "", date=date, locale=locale,
                                           companies=companies, current=dict(zip(FORM_COLUMNS, current)))
        return [picked, *values, note]

    @app.callback(Output({"type": ids.FIG_MARK, "index": ALL}, "className"), Input(ids.FIG_PICKED, "data"),
                  State(ids.ARTICLE_FIGURES_DATA, "data"))
    def _marks(picked, rows):
        by_index = {r["index"]: r for r in rows or []}
        return [mark_class(by_index[o["id"]["index"]], picked) if o["id"]["index"] in by_index else "fig"
                for o in ctx.outputs_list]

    @app.callback(*[Output(f, "invalid") for f in new_fields], *[Output(feedback_id("new", c), "children") for c in FORM_COLUMNS],
                  Output(ids.RECORD_MESSAGE, "children"), Output(ids.DATA_REV, "data", allow_duplicate=True),
                  Input(ids.RECORD_SAVE, "n_clicks"), *[State(f, "value") for f in new_fields], prevent_initial_call=True)
    def _save(_n, *values):
        invalid, messages, message, new_id = save_new_record(store, values)
        return [*invalid, *messages, message, source.revision() if new_id else no_update]

    def _form_field(column: str) -> dict:
        return {"type": ids.RECORD_FIELD, "form": MATCH, "field": column}

    # the city fills latitude/longitude from the offline gazetteer (typed coordinates are kept)
    @app.callback(Output(_form_field("lat"), "value", allow_duplicate=True),
                  Output(_form_field("lon"), "value", allow_duplicate=True),
                  Output({"type": ids.RECORD_CITY_NOTE, "form": MATCH}, "children"),
                  Output({"type": ids.RECORD_CITY_FILLED, "form": MATCH}, "data"),
                  # when the user leaves the field or presses Enter (not at every key: "Ta" is a city too)
                  Input(_form_field("city"), "n_blur"), Input(_form_field("city"), "n_submit"),
                  State(_form_field("city"), "value"), State(_form_field("country"), "value"),
                  State(_form_field("lat"), "value"), State(_form_field("lon"), "value"),
                  State({"type": ids.RECORD_CITY_FILLED, "form": MATCH}, "data"), prevent_initial_call=True)
    def _city(_blur, _submit, city, country, lat, lon, filled):
        new_lat, new_lon, note = city_coordinates(city, country, tuple(filled) if filled else None, (lat, lon))
        if new_lat is None:
            return no_update, no_update, note, no_update
        return str(new_lat), str(new_lon), note, [str(new_lat), str(new_lon)]

    dup_fields = [field_id("new", c) for c in ("company", "amount_reported", "announced")]

    # warns before saving (also right after a save: pressing again would store a second copy)
    @app.callback(Output(ids.RECORD_DUP, "children"), *[Input(f, "value") for f in dup_fields], Input(ids.DATA_REV, "data"))
    def _duplicate(company, amount, announced, _rev):
        return duplicate_warning({"company": company, "amount_reported": amount, "announced": announced}, source.frame())

    @app.callback(Output(ids.GRID_EDIT, "disabled"), Output(ids.GRID_DELETE, "disabled"), Output(ids.GRID_ROW_NOTE, "children"),
                  Input(ids.GRID, "selectedRows"))
    def _selected(selected):
        return row_actions(selected)

    @app.callback(Output(ids.EDIT_MODAL, "is_open"), Output(ids.EDIT_ID, "data"), *[Output(f, "value") for f in edit_fields],
                  Output(ids.EDIT_TITLE, "children"), Output(ids.GRID_ROW_NOTE, "children", allow_duplicate=True),
                  Input(ids.GRID_EDIT, "n_clicks"), State(ids.GRID, "selectedRows"), prevent_initial_call=True)
    def _open_edit(_n, selected):
        is_open, rid, values, title, note = open_edit(store, selected)
        return [is_open, rid, *values, title, note]

    @app.callback(*[Output(f, "invalid") for f in edit_fields], *[Output(feedback_id("edit", c), "children") for c in FORM_COLUMNS],
                  Output(ids.EDIT_MESSAGE, "children"), Output(ids.EDIT_MODAL, "is_open", allow_duplicate=True),
                  Output(ids.DATA_REV, "data", allow_duplicate=True), Output(ids.GRID_ROW_NOTE, "children", allow_duplicate=True),
                  Input(ids.EDIT_SAVE, "n_clicks"), State(ids.EDIT_ID, "data"), *[State(f, "value") for f in edit_fields],
                  prevent_initial_call=True)
    def _save_edit(_n, rid, *values):
        invalid, messages, message, done = save_edit(store, rid, values)
        if done:
            return [*invalid, *messages, "", False, source.revision(), f"saved changes to {rid}"]
        return [*invalid, *messages, message, no_update, no_update, no_update]

    @app.callback(Output(ids.EDIT_MODAL, "is_open", allow_duplicate=True), Input(ids.EDIT_CANCEL, "n_clicks"), prevent_initial_call=True)
    def _cancel_edit(_n):
        return False

    @app.callback(Output(ids.DELETE_MODAL, "is_open"), Output(ids.DELETE_TEXT, "children"), Input(ids.GRID_DELETE, "n_clicks"),
                  State(ids.GRID, "selectedRows"), prevent_initial_call=True)
    def _ask_delete(_n, selected):
        if not selected:
            return False, no_update
        r = selected[0]
        return True, [html.P(["Delete your record ", html.B(str(r.get("project"))), " (", html.Code(str(r.get("id"))), ")?"]),
                      html.P("It disappears from every chart, the grid and the export.", className="small text-secondary mb-0")]

    @app.callback(Output(ids.DELETE_MODAL, "is_open", allow_duplicate=True), Output(ids.DATA_REV, "data", allow_duplicate=True),
                  Output(ids.GRID_ROW_NOTE, "children", allow_duplicate=True),
                  Input(ids.DELETE_CONFIRM, "n_clicks"), Input(ids.DELETE_CANCEL, "n_clicks"), State(ids.GRID, "selectedRows"),
                  prevent_initial_call=True)
    def _delete(_yes, _no, selected):
        if ctx.triggered_id == ids.DELETE_CANCEL:
            return False, no_update, no_update
        done, note = delete_record(store, selected)
        return False, source.revision() if done else no_update, note



__all__ = [
    "create_article_view", "create_record_form", "create_record_modals", "register_intake_callbacks",
    "read_upload", "analyse_article", "pick_figure", "save_new_record", "row_actions", "open_edit", "save_edit",
    "delete_record", "figures_table", "marked_text", "mark_class", "form_feedback",
    "field_id", "feedback_id",
]
