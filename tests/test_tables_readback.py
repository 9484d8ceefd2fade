"""Table checks are written as claims that `check` reads back to the table reader's verdict
(factcheck.tables.readback), and a share printed in its figure's cell has a claim of its own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from factcheck.claimfile import claim_from_data
from factcheck.engine import verdicts
from factcheck.model import ClaimFile, Document, Location, Verdict
from factcheck.tables import check_pdf
from factcheck.tables.readback import table_claims

PDF = Path(__file__).parent / "pdfs" / "eu020_p2_counts_with_shares_in_brackets.pdf"
DOC = Document(id="eu-020", path=str(PDF), language="en")
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _checked(claims: list[dict[str, object]]) -> dict[str, Verdict]:
    parsed = tuple(claim_from_data(c, DOC, Location(DOC.path)) for c in claims)
    return verdicts(ClaimFile(document=DOC, claims=parsed))


def test_a_share_in_brackets_has_an_id_of_its_own_and_the_sum_keeps_the_figures() -> None:
    # "Sciences 63 (18.5%)" ... "Total 340": the share's relation once took the figure's id, so the
    # Total added up 18.5 % instead of 63 and every claim of the table was a false mismatch
    checks = check_pdf(PDF, lang="en")
    claims = table_claims(checks, DOC)
    ids = {str(c["id"]) for c in claims}
    assert "t1_1_r1_c1" in ids and "t1_1_r1_c1_s" in ids
    share = next(c for c in claims if c["id"] == "t1_1_r1_c1_s")
    assert share["stated"] == "(18.5%)" and share["expr"] == "t1_1_r1_c1 / t1_1_r5_c1"
    judged = _checked(claims)
    assert len(judged) == 10 and all(v in HOLDS for v in judged.values())


def test_a_relation_check_would_judge_otherwise_is_written_as_a_doubt() -> None:
    # the table reader's verdict and `check`'s must agree; where they do not, the claim file
    # cannot state the reading, and the total is written as a figure with the reader's doubt
    checks = check_pdf(PDF, lang="en")
    total = next(c for c in checks if c.total.stated == "340")
    forced = [replace(c, verdict=Verdict.MISMATCH) if c is total else c for c in checks]
    claims = table_claims(forced, DOC)
    written = next(c for c in claims if c["id"] == "t1_1_r5_c1")
    assert "expr" not in written
    evidence = written["evidence"]
    assert isinstance(evidence, dict) and evidence["relation"] == "table total, not checked"
    assert "consistent" in str(evidence["doubt"]) and "mismatch" in str(evidence["doubt"])
    assert "t1_1_r5_c1" not in _checked(claims)
    # the other relations are written as they were
    assert sum(1 for c in claims if "expr" in c) == 9
