"""Accuracy on documents nobody tuned on: alarms, table totals and prose relations, per split.

    python benchmarks/unseen_eval.py [--split dev|test|all] [-v] [--keep DIR]

Runs factcheck as a user does - ``factcheck extract`` on each page excerpt in
``tests/unseen/docs``, then ``factcheck check --format json`` on the claim files - and scores
the verdicts against the labels in ``tests/unseen/batches/*.tsv``, which were made by reading the
pages (see ``tests/unseen/README.md``). Printed per split (``dev`` was looked at and tuned on,
``test`` was not):

- alarms: ``mismatch``, ``scale`` and ``conflict`` verdicts, and how many are real errors (an
  alarm is real when it matches a total or calculation labelled ``mismatch``); every other alarm
  is false, since the labels cover every total and calculation on the excerpt's pages;
- table totals: labelled totals checked with the right verdict (holds / does not hold), out of
  those labelled;
- prose relations: proposals that are calculations the text makes (precision), labelled
  calculations found (recall). A calculation labelled in a table's row (quantity × price =
  amount, a growth or share column) is found when the table reader checks it with the same
  figures; the line says how many were found that way;
- real errors found, out of those labelled.

A total whose lanes differ is labelled twice (``tests/unseen/README.md``): once whole, with its
worst verdict and the figures of its first lane, and once per mismatching lane (``LABEL @ LANE``).
The whole total's error is the one its lane rows state, so it is found when one of them is.
A table check matches a table label when it states the label's total and parts, or the same sum
solved for another of its figures ("34,295,413 = 14,411,001 + 19,884,412" for the label
"19,884,412 = 34,295,413 - 14,411,001"), as prose calculations are matched.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "unseen"
ALARMS = ("mismatch", "scale", "conflict")
HOLDS = ("consistent", "rounding")


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines, delimiter="\t")]


def norm(printed: str) -> str:
    """A printed figure reduced to what identifies it: digits, separators and sign, no currency."""
    text = printed.lower().replace("\u2212", "-").replace("\u2013", "-").replace("\u2012", "-")
    text = re.sub(r"(?:€|\$|£|eur\b|euro\b|usd\b|us\$|c\$|a\$)", "", text)
    text = re.sub(r"\s+", "", text)
    text = text.strip("()*+")
    return text


def digits(printed: str) -> str:
    """Only the digits of a printed figure, for matching figures printed with different signs."""
    return re.sub(r"\D", "", printed).lstrip("0") or "0"


@dataclass
class Label:
    kind: str  # "table" or "relation"
    file: str  # docs/<id>.pdf
    page: int
    target: str
    inputs: list[str]
    expected: str
    text: str  # for the listing
    found: list[str] = field(default_factory=list)  # verdicts of the results matched to it
    total: str = ""  # a table label's table and total label, without its lane
    lane: str = ""  # the lane of a `LABEL @ LANE` row, empty for the whole total
    relation: str = ""  # a relation label's kind: sum, difference, growth, share, ...


def read_split() -> dict[str, str]:
    """The split of every document, by id."""
    split: dict[str, str] = {}
    for src in sorted((UNSEEN / "batches").glob("*.sources.tsv")):
        for row in _rows(src):
            split[row["id"]] = row["split"]
    # split.tsv has the last word: a test document that was looked at moves to dev there, while
    # the batch's sources keep the split its labeller fixed
    for row in _rows(UNSEEN / "split.tsv"):
        split[row["id"]] = row["split"]
    return split


def read_labels() -> tuple[dict[str, str], list[Label]]:
    """Split by document id, and every label of every batch."""
    split = read_split()
    labels: list[Label] = []
    for path in sorted((UNSEEN / "batches").glob("*.tables.tsv")):
        for row in _rows(path):
            if row.get("expected") in (None, "", "none"):
                continue
            page = int(row["page"].split("-")[-1])
            parts = [p.strip() for p in (row.get("parts") or "").split(" ; ") if p.strip()]
            total, _, lane = row["total_label"].partition(" @ ")
            labels.append(Label("table", row["file"], page, row.get("stated", ""), parts, row["expected"],
                                f"{row['table']} / {row['total_label']} ({row.get('kind', '')})",
                                total=f"{row['table']} / {total.strip()}", lane=lane.strip()))
    for path in sorted((UNSEEN / "batches").glob("*.relations.tsv")):
        for row in _rows(path):
            page = int(str(row["page"]).split("-")[-1] or 0)
            labels.append(Label("relation", row["file"], page, row["target"],
                                [p.strip() for p in row["inputs"].split(" ; ") if p.strip()], row["expected"],
                                f"{row['relation']}: {row.get('quote', '')[:70]}", relation=row["relation"]))
    return split, labels


def run_factcheck(pdf: Path, out: Path, flags: Sequence[str] = ()) -> list[dict]:
    """Extract the document (with ``flags``) and check the claim file, as a user would; the JSON results."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "factcheck", "extract", str(pdf), "-o", str(out / (pdf.stem + ".yaml")),
                    "--no-progress", *flags], check=False, capture_output=True, text=True)
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", str(out / (pdf.stem + ".yaml")),
                           "--format", "json"], check=False, capture_output=True, text=True)
    try:
        return json.loads(done.stdout)["results"]
    except (json.JSONDecodeError, KeyError):
        print(f"{pdf.name}: check gave no JSON: {done.stderr.strip()[:300]}", file=sys.stderr)
        return []


def _page(result: dict) -> int:
    try:
        return int((result.get("location") or {}).get("page") or 0)
    except ValueError:
        return 0


def _kind(result: dict) -> str:
    rid = result["id"]
    if re.match(r"t\d+_\d+_r\d+_c\d+", rid):
        return "table"
    if rid.startswith("repeat"):
        return "repeat"
    return "relation"


def _same(a: str, b: str) -> bool:
    return norm(a) == norm(b) or (digits(a) == digits(b) and len(digits(a)) >= 2)


def _negative(printed: str) -> bool:
    text = norm(printed)
    return text.startswith("-") or printed.strip().startswith("(")


_SUM = re.compile(r"^(?:sum\(([^()]*)\)|0)((?: - [\w.]+)*)$")


def _equation(total: tuple[int, str], parts: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """A sum as the signed figures that add up to zero (total less the parts), each a sign and
    digits, sorted; None when fewer than three figures are not zero."""
    terms = [total] + [(-s, d) for s, d in parts]
    terms = [(s, d) for s, d in terms if d != "0"]
    return sorted(terms) if len(terms) >= 3 else None


def _label_equation(label: Label) -> list[tuple[int, str]] | None:
    parts = []
    for p in label.inputs:
        deducted = p.strip().startswith(("-", "\u2212"))
        text = p.strip()[1:] if deducted else p
        parts.append(((-1 if deducted else 1) * (-1 if _negative(text) else 1), digits(text)))
    return _equation((-1 if _negative(label.target) else 1, digits(label.target)), parts)


def _result_equation(result: dict) -> list[tuple[int, str]] | None:
    m = _SUM.match(result.get("expr") or "")
    if not m:
        return None
    minus = {x.strip() for x in (m.group(2) or "").split(" - ") if x.strip()}
    parts = []
    for i in result.get("inputs", []):
        text = i.get("stated_text") or ""
        parts.append(((-1 if i.get("name") in minus else 1) * (-1 if _negative(text) else 1), digits(text)))
    stated = result.get("stated_text") or ""
    return _equation((-1 if _negative(stated) else 1, digits(stated)), parts)


def _same_equation(label: Label, result: dict) -> bool:
    """A table check that states the label's sum solved for another of its figures: "34,295,413 =
    14,411,001 + 19,884,412" for "19,884,412 = 34,295,413 - 14,411,001"."""
    want, got = _label_equation(label), _result_equation(result)
    if want is None or got is None:
        return False
    return got == want or got == sorted((-s, d) for s, d in want)


def _same_change_share(label: Label, result: dict) -> bool:
    """A percentage change labelled as (new - old) / old and checked as the row's printed change
    over old: "-2.9% = ($11.1) / $380.2", where ($11.1) is the row's own $369.1 - $380.2."""
    inputs = [i.get("stated_text") or "" for i in result.get("inputs", [])]
    if len(label.inputs) != 3 or len(inputs) != 2 or " / " not in (result.get("expr") or ""):
        return False
    old = [p for p in label.inputs if not p.strip().startswith(("-", "\u2212"))]
    if len(old) != 2:
        return False
    for change, base in (inputs, inputs[::-1]):
        if digits(base) not in {digits(p) for p in old}:
            continue
        new = next((p for p in old if digits(p) != digits(base)), old[0])
        got, a, b = _amount(change), _amount(new), _amount(base)
        # printed to the same unit, the change is exactly the new figure less the old
        if got is not None and a is not None and b is not None and got[1] == a[1] == b[1] and got[0] == a[0] - b[0]:
            return True
    return False


def _matches(label: Label, result: dict) -> bool:
    if _page(result) not in (label.page, 0):
        return False
    if label.kind == "table":
        if not _same(label.target, result.get("stated_text") or ""):
            return _same_equation(label, result)
        if not label.inputs:
            return True
        got = sorted(digits(i.get("stated_text") or "") for i in result.get("inputs", []))
        want = sorted(digits(p) for p in label.inputs)
        # parts printed as nil dashes or zeros do not decide a match
        return [g for g in got if g != "0"] == [w for w in want if w != "0"] or _same_change_share(label, result)
    # one equation, whichever figure it is solved for: "0.9 = 31.7 - 30.8" is "31.7 = 30.8 + 0.9"
    got = [result.get("stated_text") or ""] + [i.get("stated_text") or "" for i in result.get("inputs", [])]
    want = [label.target] + label.inputs
    if len(got) != len(want):
        return False
    rest = list(got)
    for w in want:
        hit = next((g for g in rest if _same(w, g)), None)
        if hit is None and w != label.target:
            # an input the page prints twice, once rounded: "$124.36 million" in the text for the
            # table's 124,363,227 is the same quantity, and so is "$45.4 million" for a table's 45,439
            # in thousands (the target itself must match as printed)
            hit = next((g for g in rest if _restates(w, g) or _rounds_to(w, g)), None)
        if hit is None:
            return False
        rest.remove(hit)
    return True


def _rounds_to(a: str, b: str) -> bool:
    """Is one printed figure the other rounded, whatever their scales: "$6,051.7 million" and a
    table's "6,051,679" (in thousands), "$564,475,000" and "564,475"? Three significant digits at
    least; only for figures already tied by one labelled calculation."""
    da, db = digits(a).rstrip("0"), digits(b).rstrip("0")
    short, long_ = sorted((da, db), key=len)
    if len(short) < 3:
        return False
    rounded = int(long_[: len(short)]) + (long_[len(short):len(short) + 1] >= "5")
    return short == str(rounded).rstrip("0")


def _matches_through(label: Label, result: dict, page_labels: Sequence[Label]) -> bool:
    """A rate or share checked with other figures of the same change: "13.5 per cent = (76.2 -
    65.9) / 76.2" for the label "13.5 per cent = 10.3 / 76.2", where 10.3 = 76.2 - 65.9 is itself a
    labelled difference on the page. A change and either level give the other level, so every
    two of those three figures make the same calculation; the proposal must still state the
    label's figure and use two of them, each matched as printed or rounded."""
    if label.kind != "relation" or label.relation not in ("growth", "share") or _page(result) not in (label.page, 0):
        return False
    if not _same(label.target, result.get("stated_text") or ""):
        return False
    got = [i.get("stated_text") or "" for i in result.get("inputs", [])]
    if len(got) != 2:
        return False

    def among(figure: str, three: list[str]) -> int | None:
        return next((k for k, t in enumerate(three) if _same(figure, t) or _restates(figure, t)
                     or _rounds_to(figure, t)), None)

    for change in page_labels:
        if (change.kind != "relation" or change.relation not in ("difference", "sum") or change.page != label.page
                or len(change.inputs) != 2 or change.expected == "mismatch"):
            continue
        three = [change.target, *change.inputs]
        mine = [among(g, three) for g in got]
        if None in mine or mine[0] == mine[1]:
            continue
        if all(among(w, three) is not None for w in label.inputs):
            return True
    return False


_SCALES = {"thousand": 3, "duizend": 3, "k": 3, "million": 6, "miljoen": 6, "mln": 6, "mn": 6, "m": 6, "billion": 9,
           "miljard": 9, "mld": 9, "bn": 9, "b": 9, "trillion": 12}
# on a figure as norm() leaves it: no blanks, no currency, lower case ("124.36million", "0.3m", ".65")
_AMOUNT = re.compile(r"(\d[\d.,]*|[.,]\d+)\)?(thousand|duizend|million|miljoen|mln|mn|billion|miljard|mld|bn|trillion"
                     r"|[kmb](?![a-z]))?")


def _amount(printed: str) -> tuple[Fraction, Fraction] | None:
    """A printed amount's signed value and half its last unit ("$124.36 million" -> 124,360,000 and
    5,000; "(11.1)" -> -11.1 and 0.05), reading a lone group of three digits after a separator, or
    digits a blank apart ("1 107 067.22"), as thousands."""
    m = _AMOUNT.search(norm(printed))
    if m is None:
        return None
    core = m.group(1).rstrip(".,")
    seps = re.findall(r"[.,]", core)
    last = re.search(r"[.,](\d+)$", core)
    if last and (len(set(seps)) == 2 or len(last.group(1)) != 3 or (len(seps) == 1 and m.group(2))):
        places = len(last.group(1))
        whole = re.sub(r"[.,]", "", core[: last.start()])
        value = Fraction(int(whole or "0") * 10**places + int(last.group(1)), 10**places)
        half = Fraction(1, 2 * 10**places)
    else:
        value, half = Fraction(int(re.sub(r"[.,]", "", core))), Fraction(1, 2)
    power = _SCALES.get((m.group(2) or "").lower(), 0)
    return (-1 if _negative(printed) else 1) * value * 10**power, half * 10**power


def _restates(a: str, b: str) -> bool:
    """Do two printed amounts name the same quantity, one of them rounded?"""
    x, y = _amount(a), _amount(b)
    if x is None or y is None or x[0] == 0 or y[0] == 0 or (x[0] < 0) != (y[0] < 0):
        return False
    (va, ha), (vb, hb) = x, y
    if ha == hb:
        return False  # printed alike: _same decides
    rough, precise = ((va, ha), vb) if ha > hb else ((vb, hb), va)
    return rough[1] * 20 <= abs(rough[0]) and abs(precise - rough[0]) <= rough[1]


def score(results: dict[str, list[dict]], labels: list[Label]) -> dict[str, object]:
    """Scores of one split: results by document file, labels of that split."""
    out: dict[str, object] = {}
    alarms = real = 0
    false_alarms: list[str] = []
    matched: set[int] = set()
    by_file: dict[str, list[Label]] = defaultdict(list)
    for lab in labels:
        by_file[lab.file].append(lab)
    rel_proposed = rel_true = across = 0
    unlabelled: list[str] = []
    by_kind: dict[str, list[int]] = {k: [0, 0] for k in ("table", "relation", "repeat")}
    real_alarms: list[str] = []
    for file, res in results.items():
        for r in res:
            own = "table" if _kind(r) == "table" else "relation"
            hits = [lab for lab in by_file.get(file, []) if lab.kind == own and _matches(lab, r)]
            if not hits and own == "relation":
                hits = [lab for lab in by_file.get(file, []) if _matches_through(lab, r, by_file[file])]
            if not hits:
                # a row of a table whose cells make a calculation ("41  $14.99  $614.59", a growth
                # column) is labelled a calculation, and the table reader is what checks it
                hits = [lab for lab in by_file.get(file, []) if lab.kind != own and _matches(lab, r)]
                across += bool(hits) and own == "table"
            for lab in hits:
                lab.found.append(r["verdict"])
                matched.add(id(lab))
            if _kind(r) == "relation":
                rel_proposed += 1
                rel_true += bool(hits)
                if not hits:
                    unlabelled.append(f"{file} p{_page(r)} {r.get('stated_text')} = {r.get('expr')} [{r['verdict']}]")
            if r["verdict"] in ALARMS:
                alarms += 1
                by_kind[_kind(r)][0] += 1
                if any(lab.expected == "mismatch" for lab in hits):
                    real += 1
                    by_kind[_kind(r)][1] += 1
                    real_alarms.append(f"{file} p{_page(r)} {_kind(r)} {r['id']}: {r['verdict']} "
                                       f"{r.get('stated_text')} = {(r.get('expr') or r.get('relation') or '')[:80]}")
                else:
                    false_alarms.append(f"{file} p{_page(r)} {_kind(r)} {r['id']}: {r['verdict']} "
                                        f"{r.get('stated_text')} = {(r.get('expr') or r.get('relation') or '')[:80]}")
    tables = [lab for lab in labels if lab.kind == "table"]
    relations = [lab for lab in labels if lab.kind == "relation"]

    # a whole total labelled with its worst lane states the figures of its first lane, which may
    # add up: its error is the one its `@ LANE` rows state, so finding any of them finds it
    lanes: dict[tuple[str, int, str], list[Label]] = defaultdict(list)
    for lab in labels:
        if lab.kind == "table" and lab.lane and lab.expected == "mismatch":
            lanes[(lab.file, lab.page, lab.total)].append(lab)

    def right(lab: Label) -> bool:
        if lab.expected == "mismatch":
            if "mismatch" in lab.found:
                return True
            return lab.kind == "table" and not lab.lane and any(
                "mismatch" in other.found for other in lanes.get((lab.file, lab.page, lab.total), []))
        return any(v in HOLDS for v in lab.found)

    errors = [lab for lab in labels if lab.expected == "mismatch"]
    out.update(
        alarms=alarms, real_alarms=real, false_alarms=false_alarms, by_kind=by_kind, real_list=real_alarms,
        tables=len(tables), tables_right=sum(right(lab) for lab in tables),
        relations=len(relations), relations_found=sum(bool(lab.found) for lab in relations), across=across,
        relations_right=sum(right(lab) for lab in relations),
        proposed=rel_proposed, proposed_true=rel_true, unlabelled=unlabelled,
        errors=len(errors), errors_found=sum(right(lab) for lab in errors),
        missed=[lab for lab in labels if not right(lab)],
    )
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/{b}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false alarms, misses and unlabelled proposals")
    ap.add_argument("--keep", type=Path, help="write the claim files here instead of a temporary folder")
    ap.add_argument("--doc", action="append", default=[], help="only these document ids")
    ap.add_argument("--all-alarms", action="store_true",
                    help="extract with --all-alarms: every failing table total an alarm, not only digit slips")
    args = ap.parse_args(argv)

    split, labels = read_labels()
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        for name in splits:
            ids = sorted(i for i, s in split.items() if s == name and (not args.doc or i in args.doc))
            results = {}
            for doc in ids:
                pdf = UNSEEN / "docs" / f"{doc}.pdf"
                if pdf.is_file():
                    results[f"docs/{doc}.pdf"] = run_factcheck(pdf, work / name,
                                                               ["--all-alarms"] if args.all_alarms else [])
            mine = [lab for lab in labels if lab.file in results]
            s = score(results, mine)
            print(f"== {name}: {len(results)} documents, {s['tables']} table totals and {s['relations']} prose "
                  f"calculations labelled, {s['errors']} of them real errors")
            print(f"alarms (mismatch/scale/conflict): {s['alarms']}, real: {s['real_alarms']}; "
                  f"precision {_ratio(s['real_alarms'], s['alarms'])}; by kind (real/all): "  # type: ignore[arg-type]
                  + ", ".join(f"{k} {r}/{n}" for k, (n, r) in s["by_kind"].items()))  # type: ignore[attr-defined]
            print(f"table totals checked with the right verdict: {_ratio(s['tables_right'], s['tables'])}")  # type: ignore
            print(f"prose relations: proposed {s['proposed']}, calculations the text makes "
                  f"{_ratio(s['proposed_true'], s['proposed'])}; labelled found "  # type: ignore[arg-type]
                  f"{_ratio(s['relations_found'], s['relations'])}, with the right verdict "  # type: ignore[arg-type]
                  f"{_ratio(s['relations_right'], s['relations'])}; {s['across']} of the checks that "
                  "found them are table checks")  # type: ignore[arg-type]
            print(f"real errors found: {_ratio(s['errors_found'], s['errors'])}")  # type: ignore[arg-type]
            if args.verbose:
                for line in s["false_alarms"]:  # type: ignore[attr-defined]
                    print(f"  FALSE ALARM {line}")
                for line in s["real_list"]:  # type: ignore[attr-defined]
                    print(f"  REAL ALARM {line}")
                for lab in s["missed"]:  # type: ignore[attr-defined]
                    print(f"  missed [{lab.kind} {lab.expected}] {lab.file} p{lab.page} {lab.target} <- "
                          f"{' ; '.join(lab.inputs)[:80]}  ({lab.text}) got {lab.found or '-'}")
                for line in s["unlabelled"]:  # type: ignore[attr-defined]
                    print(f"  NOT A LABELLED CALCULATION {line}")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
