"""Tests of the "Add from article" steps and the record edit/delete, called directly on a real SQLite store."""
from __future__ import annotations

import base64

import pytest
from dash import no_update

from dashboard.ui.views.article import (
    analyse_article,
    delete_record,
    open_edit,
    pick_figure,
    read_upload,
    row_actions,
    save_edit,
    save_new_record,
)
from dashboard.data.store import Store
from dashboard.intake.figures import FORM_COLUMNS

GOOD = {"project": "누리칩스 평택 팹", "company": "Nuri Chips (fictional)", "country": "KR", "category": "fab",
        "status": "announced", "announced": "2025-05-02", "amount_reported": "약 5조원", "source_url": "https://example.org/nuri"}


def _values(**fields):
    return [fields.get(c, "") for c in FORM_COLUMNS]


@pytest.fixture()
def store(tmp_path):
    """An empty store in a temporary SQLite file."""
    with Store(tmp_path / "store.sqlite") as s:
        yield s


def _upload(data: bytes) -> str:
    return "data:text/plain;base64," + base64.b64encode(data).decode()


def test_upload_decodes_cp949_and_reports_bad_files():
    """A CP949 upload fills the text area and says how it was read; an empty file gives a red message naming it."""
    text, note = read_upload(_upload("누리칩스는 약 5조원을 투자한다.".encode("cp949")), "news.txt")
    assert text == "누리칩스는 약 5조원을 투자한다." and "read as cp949" in str(note)
    text, note = read_upload(_upload(b""), "empty.txt")
    assert text is no_update and "empty.txt" in str(note) and "danger" in str(note)
    assert read_upload(None, None) == (no_update, no_update)


def test_analyse_marks_figures_and_validates_date():
    """Analysis marks each figure as a <mark> with the figure's text, lists them, and flags a bad article date."""
    marked, table, rows, note, bad_date, picked = analyse_article("엔비디아 GPU 1만 장과 40MW, 약 5조원.", "2025-13-01", "ko")
    marks = [m for m in marked if getattr(m, "id", None)]
    assert [m.children for m in marks] == ["GPU 1만 장", "40MW", "약 5조원"]
    assert [m.className for m in marks] == ["fig fig-quantity", "fig fig-quantity", "fig fig-money"]
    assert [r["field"] for r in rows] == ["gpus", "power_mw", "amount_reported"]
    assert bad_date is True and picked is None and note.startswith("3 figures (1 amounts of money, 2 quantities)")
    assert "GPU 1만 장" in str(table)
    empty = analyse_article("", "", "auto")
    assert empty[2] == [] and "No amounts" in str(empty[1]) and empty[4] is False


def test_article_html_is_shown_as_text():
    """Markup pasted into the article is displayed as text, never injected as HTML."""
    marked, *_ = analyse_article('<img src=x onerror="alert(1)"> 400억엔', "", "ko")
    assert marked[0] == '<img src=x onerror="alert(1)"> ' and marked[1].children == "400억엔"


def test_pick_prefills_only_empty_fields():
    """Picking a figure fills its column and the article date; a country already typed is kept."""
    _, _, rows, *_ = analyse_article("삼성전자가 400억엔을 투자한다.", "2023-12-21", "ko")
    picked, values, note = pick_figure(0, rows, text="삼성전자가 400억엔을 투자한다.", date="2023-12-21", locale="ko",
                                       companies=["Samsung Electronics"], current={"country": "JP"})
    got = dict(zip(FORM_COLUMNS, values))
    assert picked == 0 and got["amount_reported"] == "400억엔" and got["announced"] == "2023-12-21"
    assert got["country"] is no_update and got["project"] is no_update and "Picked #1" in note
    assert pick_figure(7, rows, text="", date=None, locale=None, companies=[], current={})[0] is no_update


def test_save_valid_record(store):
    """A valid form is stored as a user record and the message names its id."""
    invalid, messages, message, new_id = save_new_record(store, _values(**GOOD))
    assert new_id and not any(invalid) and store.get(new_id)["amount_reported"] == "약 5조원"
    assert "Saved as" in str(message) and new_id in str(message)


def test_save_invalid_marks_fields_and_writes_nothing(store):
    """Every wrong field is flagged with the schema's message next to it; nothing reaches the store."""
    bad = {**GOOD, "company": "", "country": "XX", "announced": "2025-02-30", "source_url": "ftp://x", "gpus": "-5"}
    invalid, messages, message, new_id = save_new_record(store, _values(**bad))
    flagged = {c: m for c, bad_, m in zip(FORM_COLUMNS, invalid, messages) if bad_}
    assert new_id is None and store.ids() == set()
    assert set(flagged) == {"company", "country", "announced", "source_url", "gpus"}
    assert flagged["country"].startswith("'XX' is not an ISO 3166-1 alpha-2 country code")
    assert flagged["gpus"] == "'-5' is not a non-negative whole number"
    assert "Not saved: 5 problems" in str(message)


def test_row_actions_only_for_user_rows():
    """Edit and delete are offered for the user's rows only; a curated row says it is read-only."""
    assert row_actions(None) == (True, True, "")
    assert row_actions([{"id": "x", "project": "Stargate", "origin": "curated"}])[:2] == (True, True)
    assert "curated (read-only)" in row_actions([{"id": "x", "project": "Stargate", "origin": "curated"}])[2]
    assert row_actions([{"id": "mine", "origin": "user"}])[:2] == (False, False)


def test_edit_and_delete_user_record_refuse_curated(store, projects):
    """A user record opens in the edit form, saves with validation and deletes; curated ids are refused."""
    rid = store.add(GOOD)
    is_open, got_id, values, title, _ = open_edit(store, [{"id": rid}])
    assert is_open and got_id == rid and dict(zip(FORM_COLUMNS, values))["company"] == "Nuri Chips (fictional)"
    edited = dict(zip(FORM_COLUMNS, values)) | {"city": "Pyeongtaek", "status": "bogus"}
    invalid, messages, message, done = save_edit(store, rid, [edited[c] for c in FORM_COLUMNS])
    assert not done and dict(zip(FORM_COLUMNS, messages))["status"].startswith("'bogus' is not a status; valid: announced")
    edited["status"] = "approved"
    assert save_edit(store, rid, [edited[c] for c in FORM_COLUMNS])[3] is True
    assert store.get(rid)["city"] == "Pyeongtaek" and store.get(rid)["status"] == "approved"
    curated = projects.loc[projects["origin"] == "curated", "id"].iloc[0]
    assert open_edit(store, [{"id": curated}])[0] is False and "is a curated record" in open_edit(store, [{"id": curated}])[4]
    assert delete_record(store, [{"id": curated}])[0] is False
    assert delete_record(store, [{"id": rid}]) == (True, f"deleted {rid}") and store.ids() == set()


def test_form_takes_lowercase_codes_coordinates_and_a_parent(store):
    """A lowercase country code is stored upper-case; coordinates and a parent plan id go with the record."""
    from dashboard.ui.views.article import create_record_form

    page = str(create_record_form("new"))
    assert all(f"'field': '{c}'" in page for c in ("lat", "lon", "parent_id"))
    assert "type='number'" not in page  # number inputs would send nothing for "-5": quantities are text inputs
    invalid, messages, message, new_id = save_new_record(store, _values(**{**GOOD, "country": "kr", "lat": "36.99", "lon": "127.11"}))
    assert new_id and not any(invalid), messages
    rec = store.get(new_id)
    assert (rec["country"], rec["lat"], rec["lon"]) == ("KR", "36.99", "127.11")
    invalid, messages, _, new_id = save_new_record(store, _values(**{**GOOD, "project": "other", "power_mw": "lots"}))
    flagged = dict(zip(FORM_COLUMNS, messages))
    assert new_id is None and "'lots'" in flagged["power_mw"]


def test_duplicate_warning(projects):
    """Same company (any case), amount and date as a curated record: the form warns and names it; another record does not."""
    from dashboard.ui.views.article import duplicate_warning

    row = projects.set_index("id").loc["samsung-yokohama-apl"]
    dup = {"company": row["company"].lower(), "amount_reported": row["amount_reported"], "announced": row["announced"]}
    warning = duplicate_warning(dup, projects)
    assert warning is not None and "samsung-yokohama-apl" in str(warning) and "Possible duplicate" in str(warning)
    assert duplicate_warning({k: GOOD.get(k) for k in dup}, projects) is None


def test_browser_limits_mirror_the_python_ones():
    """The upload's script (assets/upload-limits.js) refuses with the same limit, size cap and types as the server."""
    import re

    from dashboard.intake.article import ACCEPTED_SUFFIXES, MAX_UPLOAD_BYTES
    from dashboard.ui.app import ASSETS

    js = (ASSETS / "upload-limits.js").read_text(encoding="utf-8")
    assert int(re.search(r"var LIMIT = (\d+);", js).group(1)) == MAX_UPLOAD_BYTES
    assert int(re.search(r"var BROWSER_MAX = (\d+);", js).group(1)) == 4 * MAX_UPLOAD_BYTES  # the layout's max_size
    assert re.findall(r'"(\.\w+)"', re.search(r"var SUFFIXES = \[(.*?)\];", js).group(1)) == list(ACCEPTED_SUFFIXES)


def test_damaged_upload_fills_the_text_with_a_warning():
    """A UTF-8 upload with a bad byte fills the text area and shows a yellow warning naming the damage."""
    data = "누리칩스는 약 5조원을 투자한다.".encode("utf-8")
    text, note = read_upload(_upload(data[:6] + b"\xfe" + data[6:]), "news.txt")
    assert text.replace("\ufffd", "") == "누리칩스는 약 5조원을 투자한다."
    assert "warning" in str(note) and "1 damaged byte replaced" in str(note)
    text, note = read_upload(_upload(b"%PDF-1.7"), "scan.pdf")
    assert text is no_update and "not a text or HTML file (.pdf)" in str(note) and "danger" in str(note)
