"""The shipped JSON Schema accepts the claim files factcheck writes and people write, and rejects bad ones."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck.discover import discover
from factcheck.extract import extract_document
from factcheck.tables import check_pdf, checks_to_claims

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads(resources.files("factcheck").joinpath("schema/claimfile.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def errors(data: object) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(data)]


# Hidden files are merge sidecars (the last extraction), not claim files; factcheck skips them too.
CLAIM_FILES = sorted(p for p in (ROOT / "claims").glob("*.yaml") if not p.name.startswith("."))


@pytest.mark.parametrize("path", CLAIM_FILES + [ROOT / "tests" / "data" / "verdicts.yaml"])
def test_bundled_files_validate(path: Path) -> None:
    assert errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_extracted_discovered_and_table_claims_validate() -> None:
    doc = extract_document(ROOT / "tests" / "pdfs" / "1_De_Koning.pdf")
    claims = doc.claims + discover(doc.claims, "nl") + checks_to_claims(check_pdf(ROOT / "tests" / "pdfs" / "1_De_Koning.pdf"))
    data = {"document": {"id": doc.header["id"], "language": "nl"}, "claims": claims}
    assert errors(json.loads(json.dumps(data))) == []


@pytest.mark.parametrize("bad", [
    {"claims": []},
    {"document": {"id": "Bad Id"}},
    {"document": {"id": "d"}, "claims": [{"id": "x", "expect": "fine"}]},
    {"document": {"id": "d"}, "claims": [{"id": "9x"}]},
    {"document": {"id": "d", "language": "fr"}},
])
def test_bad_files_are_rejected(bad: dict) -> None:
    assert errors(bad)
