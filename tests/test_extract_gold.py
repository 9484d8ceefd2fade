"""Extraction quality against the hand-labelled gold set in tests/gold/.

Targets on the bundled document (issue 3): recall >= 0.98 and precision >= 0.95 for money,
counts and percentages; value, kind and hedge right for >= 0.95 of the figures found. The
PDFs are held to the same targets where they have figures of a kind.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from factcheck.extract import extract_document
from tests.support.scoring import score_file

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
DOCUMENTS = {
    "asiel-migratie-2025": ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt",
    "fichebundel-13": ROOT / "tests" / "pdfs" / "fichebundel-13.pdf",
    "fichebundel-85": ROOT / "tests" / "pdfs" / "fichebundel-85.pdf",
    "1_De_Koning": ROOT / "tests" / "pdfs" / "1_De_Koning.pdf",
    "labor": ROOT / "tests" / "pdfs" / "labor.pdf",
}
TARGET_KINDS = ("money", "count", "percent")


def _available():
    for name, path in DOCUMENTS.items():
        gold = GOLD / f"{name}.figures.tsv"
        yield pytest.param(name, path, gold, id=name,
                           marks=pytest.mark.skipif(not (path.exists() and gold.exists()), reason="missing input"))


@pytest.fixture(scope="module")
def extractions():
    cache = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = extract_document(path)
        return cache[path]

    return get


@pytest.mark.parametrize(("name", "path", "gold"), list(_available()))
def test_precision_recall_and_accuracy(name: str, path: Path, gold: Path, extractions) -> None:
    result = score_file(gold, extractions(path).claims)
    report = result.table()
    for kind in TARGET_KINDS:
        k = result.kinds.get(kind)
        if k is None:
            continue
        if k.gold:
            assert k.recall >= 0.98, f"{kind} recall {k.recall:.3f}\n{report}\nmissed: {result.missed}"
        if k.pred:
            assert k.precision >= 0.95, f"{kind} precision {k.precision:.3f}\n{report}\nspurious: {result.spurious}"
    assert result.accuracy("all_ok") >= 0.95, f"{report}\nwrong: {result.wrong}"
    assert result.accuracy("value_ok") >= 0.98, report


def _gold_nonfigures(name: str):
    path = GOLD / f"{name}.nonfigures.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_bundled_document_non_figures_stay_out(extractions) -> None:
    """Years, dates, references, question numbers and footnotes are never money, counts or percentages."""
    claims = extractions(DOCUMENTS["asiel-migratie-2025"]).claims
    by_line: dict[int, list[dict]] = {}
    for claim in claims:
        by_line.setdefault(claim["where"]["line"], []).append(claim)
    leaks = []
    for row in _gold_nonfigures("asiel-migratie-2025"):
        digits = re.sub(r"\D", "", row["text"])
        if not digits:
            continue
        for claim in by_line.get(int(row["line"]), []):
            if claim["kind"] in TARGET_KINDS and re.sub(r"\D", "", claim["stated"]) == digits:
                leaks.append((row["line"], row["text"], row["kind"], claim["stated"]))
    assert not leaks


def test_bundled_document_headline_figures(extractions) -> None:
    claims = {c["id"]: c for c in extractions(DOCUMENTS["asiel-migratie-2025"]).claims}
    cost = claims["kostprijs_noodopvang"]
    assert (cost["stated"], cost["value"], cost["unit"], cost["kind"], cost["hedge"]) == (
        "€55.700", "55700", "EUR", "money", "exact")
    assert cost["where"]["line"] == 220 and cost["where"]["question"] == 8
    assert cost["where"]["asked_by"] == "Piri, K. (GL/PvdA)" and cost["where"]["part"] == "answer"
    assert cost["quote"].startswith("De kosten worden als volgt berekend; de kostprijs van noodopvang is €55.700")
    seekers = claims["asielzoekers_noodopvang"]
    assert (seekers["value"], seekers["unit"], seekers["kind"]) == ("30343", "person", "count")
    total = claims["extra_kosten_crisisnoodopvang"]
    assert total["value"] == "983113200"
