"""Component ids of the dashboard, in one place (layouts and callbacks import them).

The ids of the controls come from the view-state field table
(:data:`dashboard.query.FIELDS`, one control per field) and the graph ids from
the views table (:data:`dashboard.query.VIEWS`); the rest are declared here.
"""
from dashboard.query.state import FIELDS
from dashboard.query.views import SELECTION_VIEWS

URL = "url"
#: field name -> id of the control that shows it
CONTROL = {f.name: f.control[0] for f in FIELDS}
CURRENCY = CONTROL["currency"]
BASIS = CONTROL["basis"]
AS_OF = CONTROL["as_of"]
REAL = CONTROL["real"]
REAL_YEAR = CONTROL["real_year"]
COUNTRY = CONTROL["countries"]
COMPANY = CONTROL["companies"]
CATEGORY = CONTROL["categories"]
STATUS = CONTROL["statuses"]
DATES = CONTROL["date_from"]
TEXT = CONTROL["text"]
LOG = CONTROL["log"]
COLOR_BY = CONTROL["color_by"]
COMPARE = CONTROL["compare"]
COMPARE_RATES = CONTROL["compare_rates"]
TABS = CONTROL["tab"]
RESET = "btn-reset"

SUMMARY = "summary"
# the controls fold away on narrow screens behind this button
CONTROLS_TOGGLE = "btn-controls"
CONTROLS_COLLAPSE = "controls-collapse"
# the window's width (a clientside callback writes it): phones get compact figures
VIEWPORT = "viewport"
# link notices (ignored or corrected URL values) and view errors, over the tabs
NOTICE = "notice"
# what the active view leaves out and why, under the tabs
VIEW_NOTE = "view-note"
GRAPH = {name: f"graph-{name}" for name in SELECTION_VIEWS}
COMPARE_TABLE = "compare-table"
COMPARE_RATIOS = "compare-ratios"
COMPARE_RATE_NOTE = "compare-rate-note"
GRID = "grid"
GRID_NOTE = "grid-note"
GRID_KEY = "grid-key"
DOWNLOAD_BUTTON = "btn-download"
DOWNLOAD_XLSX = "btn-download-xlsx"
DOWNLOAD_CSV_BOM = "btn-download-csv-bom"
DOWNLOAD = "download"

# the constant-prices note (shown when the target currency is not USD)
REAL_NOTE = "ctl-real-note"

# written by the views callback once the active view is built: the grid loads after the chart (first paint first)
VIEWS_DONE = "views-done"

# data revision: written after every save/edit/delete, read by the views and the grid
DATA_REV = "data-rev"

# "Add from article" (tab "article")
ARTICLE_TEXT = "article-text"
ARTICLE_UPLOAD = "article-upload"
ARTICLE_UPLOAD_NOTE = "article-upload-note"
ARTICLE_DATE = "article-date"
ARTICLE_LOCALE = "article-locale"
ARTICLE_MARKED = "article-marked"
ARTICLE_FIGURES = "article-figures"
ARTICLE_FIGURES_DATA = "article-figures-data"
ARTICLE_AUDIT_NOTE = "article-audit-note"
FIG_PICKED = "fig-picked"
PICK_NOTE = "pick-note"
FIG_USE = "fig-use"        # pattern type: {"type": FIG_USE, "index": i}
FIG_MARK = "fig-mark"      # pattern type: {"type": FIG_MARK, "index": i}
RECORD_FIELD = "rec-field"          # pattern type: {"type": RECORD_FIELD, "form": "new"|"edit", "field": column}
RECORD_FEEDBACK = "rec-feedback"    # pattern type: {"type": RECORD_FEEDBACK, "form": ..., "field": column}
RECORD_SAVE = "btn-record-save"
RECORD_MESSAGE = "record-message"
RECORD_CITY_NOTE = "rec-city-note"  # pattern type: {"type": RECORD_CITY_NOTE, "form": ...}: what the gazetteer found
RECORD_CITY_FILLED = "rec-city-filled"  # pattern type: the coordinates the city lookup filled last (a store)
RECORD_DUP = "record-dup"          # the duplicate warning (same company, amount and date as a shown record)

# "Review queue" (tab "queue")
QUEUE_REV = "queue-rev"
QUEUE_STATUS = "queue-status"
QUEUE_LANGUAGE = "queue-language"
QUEUE_LINK = "queue-link"
QUEUE_REFRESH = "btn-queue-refresh"
QUEUE_MESSAGE = "queue-message"
QUEUE_COUNT = "queue-count"
QUEUE_LIST = "queue-list"
QUEUE_ACCEPT = "queue-accept"  # pattern type: {"type": QUEUE_ACCEPT, "id": candidate id}
QUEUE_MERGE = "queue-merge"    # pattern type, as above
QUEUE_REJECT = "queue-reject"  # pattern type, as above
QUEUE_TARGET = "queue-target"  # pattern type: the project id to merge into
QUEUE_SOURCE = "queue-source"
QUEUE_INGEST = "btn-queue-ingest"
QUEUE_PROGRESS = "queue-progress"  # what a running ingestion has done so far (a background callback's progress)
QUEUE_APP = "queue-app"  # a store holding this app's token, so a background job finds the app's store

# editing and deleting the user's records from the grid
GRID_EDIT = "btn-grid-edit"
GRID_DELETE = "btn-grid-delete"
GRID_ROW_NOTE = "grid-row-note"
EDIT_MODAL = "edit-modal"
EDIT_ID = "edit-id"
EDIT_TITLE = "edit-title"
EDIT_SAVE = "btn-edit-save"
EDIT_CANCEL = "btn-edit-cancel"
EDIT_MESSAGE = "edit-message"
DELETE_MODAL = "delete-modal"
DELETE_TEXT = "delete-text"
DELETE_CONFIRM = "btn-delete-confirm"
DELETE_CANCEL = "btn-delete-cancel"
