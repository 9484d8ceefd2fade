"""Evaluate factcheck.tables against the hand-labelled totals in tests/gold/tables.tsv.

Runs ``check_pdf`` over each labelled document (whole document, as a user would, so the
timing includes the cheap page filter), keeps the checks on labelled pages, and prints:

- precision and recall of total detection (a "total" = one total row or column of one table);
- verdict accuracy on the totals that were found (worst verdict over the total's lanes, and
  the single-lane labels written ``LABEL @ LANE``);
- FALSE mismatches: a ``mismatch`` reported where the label says consistent, rounding or
  none (target: zero);
- totals of tables continued over pages (labelled ``FIRST-LAST``): found only when the check
  reaches the parts on the first page;
- speed in pages per second.

Usage: python benchmarks/table_totals_eval.py [--corpus DIR] [--gold FILE] [-v] [--strict]
The corpus defaults to ../shared/corpus relative to the repository root.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.sources.pdf_layout import page_texts
from factcheck.tables import TableCheck, check_pdf

_RANK = {"consistent": 0, "rounding": 1, "scale": 2, "mismatch": 3}


@dataclass
class Gold:
    file: str
    page: int  # where the total stands
    table: str
    label: str
    lane: str | None
    orientation: str
    expected: str
    note: str
    first_page: int | None = None  # a table continued over pages: where its parts start


@dataclass
class Found:
    """One detected total: all lane checks of one total row/column of one table."""

    file: str
    page: int
    table: int
    title: str
    label: str
    orientation: str
    checks: list[TableCheck]

    @property
    def worst(self) -> str:
        return max((c.verdict.value for c in self.checks), key=lambda v: _RANK[v])


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def read_gold(path: Path) -> list[Gold]:
    """The labelled totals; lines starting with '#' are comments."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    out = []
    for row in csv.DictReader(lines, delimiter="\t"):
        label, _, lane = row["total_label"].partition(" @ ")
        first, _, last = row["page"].partition("-")
        out.append(
            Gold(row["file"], int(last or first), row["table"], label.strip(), lane.strip() or None,
                 row["orientation"], row["expected"], row.get("note") or "", int(first) if last else None)
        )
    return out


def _table_matches(g: Gold, f: Found, rivals: int) -> bool:
    if g.table.startswith("#"):
        return f.table == int(g.table[1:])
    if f.title and _norm(f.title).startswith(_norm(g.table)):
        return True
    return not f.title and rivals == 1


def _match(g: Gold, found: list[Found]) -> Found | None:
    cands = [
        f for f in found
        if f.file == g.file and f.page == g.page and f.orientation == g.orientation and _norm(f.label) == _norm(g.label)
    ]
    if g.first_page is not None and g.expected != "none":
        # a total of a table continued over pages: the check must reach the parts on the first page
        cands = [f for f in cands if any(p.page == g.first_page for c in f.checks for p in c.parts)]
    for f in cands:
        if _table_matches(g, f, len(cands)):
            return f
    return None


def _lane(g: Gold, f: Found) -> TableCheck | None:
    assert g.lane is not None
    want = _norm(g.lane)
    for c in f.checks:
        if _norm(c.lane_label) == want:
            return c
    for c in f.checks:
        if want in _norm(c.lane_label):
            return c
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "tables.tsv")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every labelled total")
    ap.add_argument("--strict", action="store_true", help="exit 1 when any false mismatch is reported")
    ap.add_argument("--engine", choices=("pdfplumber", "pdfium"), default="pdfium",
                    help="where the words come from (default pdfium, as extract uses)")
    args = ap.parse_args(argv)

    gold = read_gold(args.gold)
    files = sorted({g.file for g in gold})
    missing = [f for f in files if not (args.corpus / f).is_file()]
    if missing:
        print(f"corpus not found for {len(missing)} files under {args.corpus}: {missing[:3]} ...", file=sys.stderr)
        return 2

    labelled_pages = {(g.file, g.page) for g in gold}
    found: list[Found] = []
    n_pages = 0
    t0 = time.perf_counter()
    for file in files:
        path = args.corpus / file
        n_pages += len(page_texts(path))
        groups: dict[tuple[int, int, str, str], list[TableCheck]] = defaultdict(list)
        for c in check_pdf(path, engine=args.engine):
            if (file, c.page) in labelled_pages:
                groups[(c.page, c.table, c.total_label, c.orientation)].append(c)
        for (page, table, label, orient), checks in groups.items():
            found.append(Found(file, page, table, checks[0].title or "", label, orient, checks))
    elapsed = time.perf_counter() - t0

    whole = [g for g in gold if g.lane is None]
    lanes = [g for g in gold if g.lane is not None]
    tp = fn = 0
    correct = judged = 0
    false_mm: list[str] = []
    used: set[int] = set()
    rows_out = []
    for g in whole:
        f = _match(g, found)
        if f is not None:
            used.add(id(f))
        if g.expected == "none":
            if f is not None and f.worst == "mismatch":
                false_mm.append(f"{g.file} p{g.page} {g.label!r}: mismatch on a total labelled none")
            rows_out.append((g, f, "reported (should be silent)" if f else "silent, ok"))
            continue
        if f is None:
            fn += 1
            rows_out.append((g, None, "MISSED"))
            continue
        tp += 1
        judged += 1
        ok = f.worst == g.expected
        correct += ok
        if f.worst == "mismatch" and g.expected != "mismatch":
            false_mm.append(f"{g.file} p{g.page} {g.label!r}: mismatch, labelled {g.expected}")
        rows_out.append((g, f, "ok" if ok else f"got {f.worst}"))
    fp = [f for f in found if id(f) not in used or any(
        g.expected == "none" and _match(g, [f]) is f for g in whole
    )]
    for f in found:
        if id(f) not in used and f.worst == "mismatch":
            false_mm.append(f"{f.file} p{f.page} {f.label!r}: mismatch on an unlabelled total")

    lane_ok = lane_judged = 0
    for g in lanes:
        f = _match(g, found)
        c = _lane(g, f) if f else None
        if c is None:
            rows_out.append((g, None, "lane MISSED"))
            continue
        lane_judged += 1
        ok = c.verdict.value == g.expected
        lane_ok += ok
        if c.verdict.value == "mismatch" and g.expected != "mismatch":
            false_mm.append(f"{g.file} p{g.page} {g.label!r} @ {g.lane}: mismatch, labelled {g.expected}")
        rows_out.append((g, f, "ok" if ok else f"lane got {c.verdict.value}"))

    if args.verbose:
        for g, _f, status in rows_out:
            lab = g.label + (f" @ {g.lane}" if g.lane else "")
            page = f"{g.first_page}-{g.page}" if g.first_page else g.page
            print(f"{status:28s} {g.expected:10s} {g.file} p{page} {g.table[:20]!r} {lab[:50]!r} {g.orientation}")
        for f in fp:
            print(f"{'EXTRA':28s} {f.worst:10s} {f.file} p{f.page} t{f.table} {f.label[:50]!r} {f.orientation}")
        print()

    precision = tp / (tp + len(fp)) if tp + len(fp) else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"labelled totals: {len(whole)} ({sum(g.expected != 'none' for g in whole)} with a relation, "
          f"{sum(g.expected == 'none' for g in whole)} that must stay silent), single-lane labels: {len(lanes)}, "
          f"documents: {len(files)}, labelled pages: {len(labelled_pages)}")
    continued = [(g, status) for g, _f, status in rows_out if g.first_page is not None and g.lane is None]
    if continued:
        print(f"of which in tables continued over pages: {len(continued)} "
              f"({sum(g.expected != 'none' for g, _ in continued)} with a relation: "
              f"{sum(g.expected != 'none' and s == 'ok' for g, s in continued)} found and judged right)")
    print(f"total detection: precision {precision:.3f} ({tp}/{tp + len(fp)}), recall {recall:.3f} ({tp}/{tp + fn})")
    print(f"verdict accuracy (worst lane per total): {correct}/{judged}"
          + (f" = {correct / judged:.3f}" if judged else ""))
    print(f"verdict accuracy (single lanes): {lane_ok}/{lane_judged}"
          + (f" = {lane_ok / lane_judged:.3f}" if lane_judged else ""))
    print(f"FALSE mismatch verdicts: {len(false_mm)}")
    for line in false_mm:
        print(f"  {line}")
    print(f"speed: {n_pages} pages in {elapsed:.1f} s = {n_pages / elapsed:.1f} pages/s "
          "(whole documents, cheap page filter included)")
    return 1 if args.strict and false_mm else 0


if __name__ == "__main__":
    sys.exit(main())
