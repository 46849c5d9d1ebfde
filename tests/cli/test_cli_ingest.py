"""Tests for dashboard.cli.ingest: `semidash ingest` from a real local news site, `queue list|accept|merge|reject`."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from dashboard.cli import main
from tests.intake.news_site import EXPECTED, PAGES

FIELDS = {"id", "value", "unit", "text", "article_url", "article_date", "company", "matched_id", "status"}


def _queue(db, capsys, *extra):
    assert main(["queue", "list", "--format", "json", "--db", str(db), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_ingest_feed_fills_the_queue_and_a_second_run_adds_nothing(news_site, tmp_path, capsys):
    base, _ = news_site
    db = tmp_path / "q.db"
    assert main(["ingest", f"{base}/feed.xml", "--db", str(db)]) == 0
    n = sum(len({t for t, _ in figs}) for figs in EXPECTED.values()) - 1  # Taylor: one figure, two articles
    assert capsys.readouterr().out.startswith(f"{len(PAGES)} articles read, 0 already read; {n} new candidates")
    rows = _queue(db, capsys)
    assert len(rows) == n and FIELDS <= set(rows[0])
    yokohama = next(r for r in rows if r["text"] == "400억엔")
    assert (yokohama["article_url"], yokohama["article_date"], yokohama["matched_id"], yokohama["status"]) == (
        f"{base}/ko/samsung-yokohama.html", "2025-04-02", "samsung-yokohama-apl", "pending")
    assert yokohama["company"].startswith("Samsung Electronics") and yokohama["unit"] == "JPY"
    assert main(["ingest", f"{base}/feed.xml", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith(f"0 articles read, {len(PAGES)} already read; 0 new candidates, 0 sources")
    assert _queue(db, capsys) == rows
    assert main(["queue", "list", "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert "400억엔" in table and "samsung-yokohama-apl" in table and table.rstrip().endswith(f"{n} candidates in sqlite:///{db}")
    assert len(_queue(db, capsys, "--link", "new")) == sum(r["matched_id"] is None for r in rows)
    assert {r["text"] for r in _queue(db, capsys, "--language", "ja")} == {"最大5000億円", "最大8025億円"}


def test_queue_list_pages_with_limit_and_offset(news_site, tmp_path, capsys):
    """--limit N shows N candidates oldest first and says how to get the next page; --offset K skips K."""
    base, _ = news_site
    db = tmp_path / "q.db"
    assert main(["ingest", f"{base}/feed.xml", "--db", str(db)]) == 0
    capsys.readouterr()
    everything = _queue(db, capsys, "--limit", "0")
    total = len(everything)
    assert total > 4
    assert main(["queue", "list", "--format", "json", "--limit", "3", "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert [r["id"] for r in json.loads(out.out)] == [r["id"] for r in everything[:3]]
    assert out.err.strip() == f"semidash queue list: candidates 1-3 of {total} shown; next page: --offset 3 --limit 3"
    assert main(["queue", "list", "--limit", "3", "--offset", "3", "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert table.rstrip().endswith(f"3 candidates in sqlite:///{db} (candidates 4-6 of {total} shown; "
                                   + (f"next page: --offset 6 --limit 3)" if total > 6 else ")"))
    assert everything[3]["text"] in table and everything[0]["text"] not in table.split("\n", 2)[2]
    assert [r["id"] for r in _queue(db, capsys, "--offset", str(total - 1))] == [everything[-1]["id"]]
    with pytest.raises(SystemExit) as exit_:
        main(["queue", "list", "--limit", "-1", "--db", str(db)])
    assert exit_.value.code == 2
    assert "--limit: expected a whole number >= 0, got '-1'" in capsys.readouterr().err


def test_accept_merge_reject_and_the_accepted_record_loads(news_site, tmp_path, capsys):
    base, _ = news_site
    db = tmp_path / "q.db"
    assert main(["ingest", f"{base}/en/acme-datacenter.html", f"{base}/ko/samsung-yokohama.html", "--db", str(db)]) == 0
    capsys.readouterr()
    rows = {r["text"]: r for r in _queue(db, capsys)}
    acme, gw, yok = rows["$25 billion"]["id"], rows["1.2GW"]["id"], rows["400억엔"]["id"]
    # no company is named in the article: the usual validation says so, nothing is written
    assert main(["queue", "accept", str(acme), "--db", str(db)]) == 2
    assert "company" in capsys.readouterr().err
    assert main(["queue", "accept", str(acme), "--company", "Acme Cloud", "--project", "Acme Nevada AI campus",
                 "--country", "US", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"accepted candidate {acme} as acme-nevada-ai-campus-")
    assert main(["queue", "merge", str(yok), "samsung-yokohama-apl", "--db", str(db)]) == 0
    assert main(["queue", "reject", str(gw), "--db", str(db)]) == 0
    capsys.readouterr()
    assert {r["id"]: r["status"] for r in _queue(db, capsys)} == {acme: "accepted", gw: "rejected", yok: "merged"}
    assert main(["queue", "reject", str(gw), "--db", str(db)]) == 2
    assert "already rejected" in capsys.readouterr().err
    assert main(["queue", "merge", "999", "samsung-yokohama-apl", "--db", str(db)]) == 2
    from dashboard.data import load_projects

    frame = load_projects(db=str(db))
    mine = frame[frame["origin"] == "user"]
    assert mine["amount_reported"].tolist() == ["$25 billion"] and mine["amount_value"].tolist() == [25e9]
    assert mine["announced"].tolist() == ["2025-03-14"] and mine["source_url"].tolist() == [f"{base}/en/acme-datacenter.html"]


@pytest.mark.slow
def test_semidash_ingest_runs_as_a_program(news_site, tmp_path):
    base, _ = news_site
    exe = os.path.join(os.path.dirname(sys.executable), "semidash")
    db = tmp_path / "p.db"
    out = subprocess.run([exe, "ingest", f"{base}/atom.xml", "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("2 articles read, 0 already read; 2 new candidates")
