#!/usr/bin/env python3
"""Build the package's v2 data files from the regional research files.

Reads ``/work/dataset-v2`` (or ``--src``): ``projects_v2.csv`` as merged by its
``merge.py`` (run that first) and the regional ``companies_*.csv``; writes
``dashboard/data/projects.csv`` and ``dashboard/data/companies.csv``.

What this script changes on the way, each change listed here and in
``datasets/README.md`` (2.0.0):

* companies: one row per id, merged over the regions. Every English name a
  region gave is kept: the display name below (:data:`DISPLAY`) is ``name_en``,
  the others become aliases. Aliases that named two companies are kept on one
  (:data:`DROP_ALIAS`); a company without a group is its own group.
* projects: the few wording fixes in :data:`FIXES`, each from a page that writes
  the figure that way, and the amounts the parser cannot read yet
  (:data:`PARSER_PENDING`), moved to ``notes`` so that no figure is lost and
  the row still loads.

Usage: ``python scripts/build_dataset_v2.py [--src /work/dataset-v2]``
"""
from __future__ import annotations

import argparse
import csv
import glob
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "dashboard" / "data"

CCOLS = "company_id name_en names_ko names_ja names_zh aliases group_id country".split()

#: company_id -> display name (name_en); the other English names become aliases
DISPLAY = {
    "aws": "Amazon Web Services",
    "foxconn": "Foxconn (Hon Hai)",
    "google": "Google",
    "intel": "Intel",
    "micron": "Micron Technology",
    "microsoft": "Microsoft",
    "nvidia": "NVIDIA",
    "oracle": "Oracle",
    "samsung-electronics": "Samsung Electronics",
    "sk-hynix": "SK hynix",
    "tsmc": "TSMC",
    "psmc": "Powerchip (PSMC)",
    "renesas": "Renesas Electronics",
    "softbank-group": "SoftBank Group",
    "softbank-corp": "SoftBank Corp.",
}

#: (company_id, alias) pairs removed because the alias names another company better
DROP_ALIAS = {
    ("aws", "Amazon"),          # Amazon is amazon (the parent); AWS stays aws
    ("google", "Alphabet"),     # Alphabet is alphabet
    ("samsung-group", "Samsung"),  # bare "Samsung" in the news is Samsung Electronics
}

#: id -> {column: (old, new, why)}: wording fixed from a page that writes it so
FIXES = {
    "microsoft-brazil-cloud-ai": {
        "amount_reported": ("14.7 billion reais", "R$14.7 billion",
                            "Reuters via IstoE Dinheiro as republished by Pledge Times writes R$14.7 billion"),
        "source_url": ("https://nz.finance.yahoo.com/news/microsoft-2-7-billion-cloud-151955412.html",
                       "https://pledgetimes.com/microsoft-to-invest-r14-7-billion-in-ai-and-cloud-in-brazil-over-the-next-three-years/",
                       "the page that writes the figure as amount_reported has it"),
        "source_publisher": ("Yahoo Finance (Reuters)", "Pledge Times (Reuters via IstoE Dinheiro)", ""),
    },
}

_US_POINT = {"city": ("*", "", ""), "lat": ("*", "38.8951", ""), "lon": ("*", "-77.0364", ""),
             "coord_precision": ("*", "country", "a national plan is a country-level point (SCHEMA.md)")}

#: corrections of /work/dataset-v2/review.md that come with a URL: id -> {column: (old, new, why)};
#: each applies only while the cell still holds the old value ("*": any value)
REVIEW = {
    "blackstone-ne-pennsylvania-25b": {
        "amount_reported": ("$25 billion", "over $25 billion", "review 1: Blackstone's release writes over $25 billion"),
        "source_url": ("https://ibjournal.net/private-companies-pledge-over-90-billion-to-transform-pennsylvania-into-national-ai-hub/",
                       "https://www.businesswire.com/news/home/20250715491097/en/Blackstone-to-Invest-More-Than-%2425-Billion-in-Pennsylvanias-Digital-and-Energy-Infrastructure-Plus-Catalyze-an-Additional-%2460-Billion-Investment",
                       "review 1"),
        "source_publisher": ("IB Journal", "Business Wire (Blackstone release)", "review 1"),
        "company_ids": ("blackstone", "blackstone;qts", "review 1: QTS is a named partner (PPL has no company row yet)"),
    },
    "aws-mississippi-warren-county": {
        "announced": ("2025-11", "2025-11-20", "review 2: aboutamazon.com and MPB date it 2025-11-20"),
        "notes": ("At least $3bn for a new AI/cloud data center campus in Warren County, at least 200 direct jobs, largest "
                  "private investment in the county (News.Az, 2025-11-20). Exact announcement day not on the page.",
                  "At least $3bn for a new AI/cloud data center campus in Warren County, at least 200 direct jobs, largest "
                  "private investment in the county (News.Az, 2025-11-20). Announced 2025-11-20 (Amazon; MPB: "
                  "construction slated for 2026).", "review 2"),
    },
    "apple-us-500b-plan": _US_POINT,
    "apple-us-600b-plan": _US_POINT,
    "microsoft-fy2025-ai-datacenters": _US_POINT,
    "stargate-abilene": {
        "announced": ("2025-01", "2025-05", "review 4: the $15 billion figure dates from May 2025 (RCR 2025-05-22)"),
        "status_source_url": ("https://kdc.bussetech.com/data/sites/openai-abilene.yml",
                              "https://datacenterdynamics.com/en/news/crusoe-begins-construction-on-second-phase-of-abilene-texas-data-center-campus-will-add-six-buildings",
                              "review 4: a page that states the status, not a data file"),
    },
    "intel-chips-award": {
        "scope": ("programme", "company_plan", "review 5: a single company's award funding its plan"),
    },
    "g42-microsoft-hcmc-hyperscale-ai-factory": {
        "project": ("Hyperscale AI Factory data centre proposal, Ho Chi Minh City (G42, Microsoft, FPT, VinaCapital, Viet Thai)",
                    "Hyperscale AI Factory data centre proposal, Ho Chi Minh City (G42, FPT, VinaCapital, Viet Thai)",
                    "review 6: the HCMC trade agency names G42, FPT, VinaCapital and Viet Thai"),
        "company_ids": ("g42;microsoft;fpt;vinacapital;viet-thai-group", "g42;fpt;vinacapital;viet-thai-group", "review 6"),
    },
    "microsoft-india-2025": {
        "announced": ("2025-01", "2025-01-07", "review 7: announced by Nadella in Bengaluru on 2025-01-07"),
        "period_end_year": ("", "2026", "review 7: spending over the next two years"),
        "source_url": ("https://theoutpost.ai/news-story/microsoft-commits-17-5-billion-ai-investment-in-india-its-largest-ever-in-asia-22279",
                       "https://www.livemint.com/companies/news/microsoft-plans-to-invest-3-billion-on-ai-cloud-infrastructure-in-india-11736243947434.html",
                       "review 7: the January page that states the $3 billion"),
        "source_publisher": ("The Outpost (TechCrunch)", "Mint (WSJ)", "review 7"),
    },
    "umc-singapore-fab12i-p3": {
        "status": ("completed", "operating", "review 8: an opened fab operates (volume production 2026)"),
    },
    "st-gf-crolles": {
        "announced": ("2022-07-11", "2023-06-05", "review 9: date of the EUR 7.5 billion figure (the 2022 plan said EUR 5.7bn)"),
    },
    "cxmt-star-market-ipo": {
        "status": ("approved", "announced", "review 11: the SSE accepted the filing (受理), nothing was approved"),
    },
    "kr-national-ai-computing-center": {
        "announced": ("2025-10-21", "2026-03-10", "review 12: the 2조 9000억원 figure dates from 2026-03-10"),
    },
    "vantage-frontier-shackelford-stargate": {
        "announced": ("2025-08", "2025-08-20", "review 15: Capacity Media dates the announcement 2025-08-20"),
    },
}

#: id -> text added to notes (review findings without a new value to set)
REVIEW_NOTES = {
    "smic-shanghai-lingang": "Status unconfirmed since 2022-10-08: production was due from 2023 but no newer page "
                             "was found (review 13).",
    "stargate-korea-samsung-pohang-dc": "An undated page reports construction from March 2026 (newsspace.kr); status "
                                        "kept until a dated page confirms it (review 14).",
    "intel-chips-award": "The unpaid part of the award was converted to an equity stake in Aug 2025: see "
                         "us-gov-intel-equity-stake, which supersedes this row (review 5).",
}

#: id -> the amount as written, which dashboard.parse cannot read yet (reported to the lead)
PARSER_PENDING = {
    "tiktok-pecem-data-center": "more than 200 billion reais",
}


def _split(text: str) -> list[str]:
    return [v.strip() for v in (text or "").split(";") if v.strip()]


def companies(src: Path) -> list[dict]:
    merged: dict[str, dict] = {}
    names: dict[str, list[str]] = {}
    for path in sorted(glob.glob(str(src / "companies_*.csv"))):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                cid = row["company_id"].strip()
                names.setdefault(cid, []).append(row["name_en"].strip())
                old = merged.setdefault(cid, {k: "" for k in CCOLS} | {"company_id": cid})
                for k in ("names_ko", "names_ja", "names_zh", "aliases"):
                    old[k] = ";".join(dict.fromkeys(_split(old[k]) + _split(row.get(k, ""))))
                for k in ("name_en", "group_id", "country"):
                    if not old[k] and (row.get(k) or "").strip():
                        old[k] = row[k].strip()
    for cid, c in merged.items():
        c["name_en"] = DISPLAY.get(cid, c["name_en"])
        others = [n for n in names[cid] if n and n != c["name_en"]]
        aliases = [a for a in _split(c["aliases"]) + others
                   if (cid, a) not in DROP_ALIAS and a.casefold() != c["name_en"].casefold()]
        c["aliases"] = ";".join(dict.fromkeys(aliases))
        if not c["group_id"]:
            c["group_id"] = cid
    return sorted(merged.values(), key=lambda c: c["company_id"])


def projects(src: Path) -> tuple[list[str], list[dict]]:
    with open(src / "projects_v2.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    by_id = {r["id"]: r for r in rows}
    for table in (FIXES, REVIEW):
        for rid, cols in table.items():
            row = by_id.get(rid)
            if row is None:
                continue
            for col, (old, new, _why) in cols.items():
                if old == "*" or row[col] == old:
                    row[col] = new
    for rid, text in REVIEW_NOTES.items():
        row = by_id.get(rid)
        if row is not None and text not in row["notes"]:
            row["notes"] = (row["notes"].rstrip() + " " + text).strip()
    for rid, text in PARSER_PENDING.items():
        row = by_id.get(rid)
        if row is not None and row["amount_reported"] == text:
            row["amount_reported"] = ""
            row["notes"] = (f"Amount as written: {text} (left out of amount_reported until the parser reads "
                            f"'reais'). " + row["notes"]).strip()
    return header, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=os.environ.get("SEMIDASH_DATASET_V2", "/work/dataset-v2"), type=Path)
    args = ap.parse_args(argv)
    header, rows = projects(args.src)
    comps = companies(args.src)
    with open(OUT / "projects.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with open(OUT / "companies.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=CCOLS, lineterminator="\n")
        w.writeheader()
        w.writerows(comps)
    print(f"wrote {len(rows)} projects and {len(comps)} companies to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
