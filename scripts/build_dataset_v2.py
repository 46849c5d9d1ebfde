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
    for rid, cols in FIXES.items():
        row = by_id.get(rid)
        if row is None:
            continue
        for col, (old, new, _why) in cols.items():
            if row[col] == old:
                row[col] = new
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
