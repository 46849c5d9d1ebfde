#!/usr/bin/env python3
"""Merge the regional v2 files into projects_v2.csv + companies.csv and report problems."""
from __future__ import annotations

import csv
import glob
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
COLS = ("id project company_ids country city lat lon coord_precision category scope funding status "
        "status_as_of status_source_url announced amount_reported period_end_year gpus power_mw "
        "wafers_per_month parent_id relation source_url source_publisher last_verified notes").split()
CCOLS = "company_id name_en names_ko names_ja names_zh aliases group_id country".split()
SCOPES = {"site", "programme", "company_plan", "company_capex", "fund"}
FUNDING = {"", "private", "public_grant", "public_loan", "tax_credit", "public_private", "equity"}
STATUS = {"announced", "approved", "signed", "under_construction", "operating", "delayed", "suspended",
          "cancelled", "completed", "enacted"}
RELATION = {"", "part_of", "funds", "supersedes"}
PREC = {"", "site", "city", "region", "country"}


def read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        r = csv.DictReader(fh)
        return r.fieldnames, list(r)


def main() -> int:
    problems = []
    rows, companies = [], {}
    for path in sorted(glob.glob(os.path.join(HERE, "rows_*.csv"))):
        head, rs = read(path)
        if list(head) != COLS:
            missing = [c for c in COLS if c not in head]
            extra = [c for c in head if c not in COLS]
            problems.append(f"{os.path.basename(path)}: header differs (missing {missing}, extra {extra})")
        for n, r in enumerate(rs, 2):
            r["_where"] = f"{os.path.basename(path)}:{n}"
            rows.append(r)
    for path in sorted(glob.glob(os.path.join(HERE, "companies_*.csv"))):
        head, cs = read(path)
        if list(head) != CCOLS:
            problems.append(f"{os.path.basename(path)}: header {head}")
        for c in cs:
            cid = c["company_id"].strip()
            if cid in companies:
                old = companies[cid]
                for k in ("names_ko", "names_ja", "names_zh", "aliases"):
                    vals = [v for v in (old.get(k) or "").split(";") + (c.get(k) or "").split(";") if v.strip()]
                    old[k] = ";".join(dict.fromkeys(v.strip() for v in vals))
                for k in ("name_en", "group_id", "country"):
                    if not old.get(k) and c.get(k):
                        old[k] = c[k]
            else:
                companies[cid] = {k: (c.get(k) or "").strip() for k in CCOLS}
    ids = Counter(r["id"] for r in rows)
    for i, n in ids.items():
        if n > 1:
            problems.append(f"duplicate id {i!r} ({n}x)")
    idset = set(ids)
    for r in rows:
        w = r["_where"]
        for col in ("id", "project", "country", "category", "scope", "status", "status_as_of", "source_url"):
            if not (r.get(col) or "").strip():
                problems.append(f"{w}: {r['id']}: empty {col}")
        if r.get("scope") not in SCOPES:
            problems.append(f"{w}: {r['id']}: scope {r.get('scope')!r}")
        if (r.get("funding") or "") not in FUNDING:
            problems.append(f"{w}: {r['id']}: funding {r.get('funding')!r}")
        if r.get("status") not in STATUS:
            problems.append(f"{w}: {r['id']}: status {r.get('status')!r}")
        if (r.get("relation") or "") not in RELATION:
            problems.append(f"{w}: {r['id']}: relation {r.get('relation')!r}")
        if (r.get("coord_precision") or "") not in PREC:
            problems.append(f"{w}: {r['id']}: coord_precision {r.get('coord_precision')!r}")
        p = (r.get("parent_id") or "").strip()
        if p and p not in idset:
            problems.append(f"{w}: {r['id']}: parent_id {p!r} not found")
        if p and not r.get("relation"):
            problems.append(f"{w}: {r['id']}: parent_id without relation")
        for cid in (r.get("company_ids") or "").split(";"):
            if cid.strip() and cid.strip() not in companies:
                problems.append(f"{w}: {r['id']}: company {cid.strip()!r} not in companies files")
        if not (r.get("last_verified") or "").strip():
            problems.append(f"{w}: {r['id']}: not verified")
    out = os.path.join(HERE, "projects_v2.csv")
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLS, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(HERE, "companies.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=CCOLS)
        w.writeheader()
        w.writerows(sorted(companies.values(), key=lambda c: c["company_id"]))
    print(f"{len(rows)} rows, {len(companies)} companies; {len(problems)} problems")
    print(Counter(r["country"] for r in rows).most_common())
    print(Counter(r["scope"] for r in rows).most_common())
    print(Counter(r["status"] for r in rows).most_common())
    for p in problems:
        print("  ", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
