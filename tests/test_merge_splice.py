"""Splicing a merge into a hand-edited claim file gives, byte for byte, what ruamel's round trip
of the whole file gives, with the same report; a file it cannot cut is left to that round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import yaml_roundtrip as yr
from factcheck.extract import extract_document
from factcheck.merge import merge, merge_into_file, sidecar_path
from factcheck.merge_splice import spliced_merge

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"


@pytest.fixture(scope="module")
def extracted() -> Any:
    return extract_document(DOC)


def _first(tmp_path: Path, extracted: Any) -> tuple[Path, dict[str, Any]]:
    path = tmp_path / "asiel.yaml"
    merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    side = sidecar_path(path).read_text(encoding="utf-8")
    base = json.loads("\n".join(line for line in side.splitlines() if not line.startswith("#")))
    return path, base


def _both(text: str, base: dict[str, Any] | None, extracted: Any, claims: list[dict[str, Any]]) -> tuple[Any, Any]:
    header, info = extracted.header, extracted.extraction_info()
    merged, whole_base, whole = merge(yr.loads(text), base, header, claims, info)
    whole_text = yr.dumps(merged) if whole.changed else text
    spliced = spliced_merge(text, "asiel.yaml", base, header, claims, info)
    return (whole_text, whole_base, vars(whole)), (None if spliced is None else (spliced[0], spliced[1], vars(spliced[2])))


def _comment_before(text: str, claim_id: str, comment: str = "  # checked by hand") -> str:
    return text.replace(f"  - id: {claim_id}\n", f"{comment}\n  - id: {claim_id}\n", 1)


def _note_after(text: str, claim_id: str, line: str = "    note: see the annex") -> str:
    return text.replace(f"  - id: {claim_id}\n", f"  - id: {claim_id}\n{line}\n", 1)


EDITS: dict[str, Callable[[str, list[str]], str]] = {
    "comment": lambda text, ids: _comment_before(text, ids[3]),
    "note": lambda text, ids: _note_after(text, ids[1]),
    "comment after claims:": lambda text, ids: text.replace("claims:\n", "claims:\n# the figures\n", 1),
    "own relation at the end": lambda text, ids: text + f"  - id: mijn_som\n    expr: {ids[0]} * 2\n",
    "unit changed": lambda text, ids: _note_after(text, ids[2], "    expect: mismatch"),
    "value 0123 (YAML 1.1 octal)": lambda text, ids: _note_after(text, ids[4], "    tags: 0123"),
    "yes (YAML 1.1 true)": lambda text, ids: _note_after(text, ids[5], "    checked: yes"),
    "a claim deleted": lambda text, ids: _drop(text, ids[6]),
    "obsolete and deleted lists": lambda text, ids: text + "deleted:\n  - nothing_here\n",
    "single quotes": lambda text, ids: _note_after(text, ids[7], "    note: 'quoted, with a comma'"),
    "stated edited": lambda text, ids: _set(text, ids[8], "stated", '"2 miljard"'),
    "trailing comment": lambda text, ids: text + "# the end\n",
}


def _drop(text: str, claim_id: str) -> str:
    start = text.index(f"  - id: {claim_id}\n")
    end = text.find("\n  - id: ", start + 1)
    return text[:start] + text[end + 1:]


def _set(text: str, claim_id: str, key: str, value: str) -> str:
    start = text.index(f"  - id: {claim_id}\n")
    at = text.index(f"\n    {key}: ", start)
    end = text.index("\n", at + 1)
    return text[:at] + f"\n    {key}: {value}" + text[end:]


CHANGES: dict[str, Callable[[list[dict[str, Any]]], list[dict[str, Any]]]] = {
    "none": lambda claims: claims,
    "figures changed": lambda claims: [{**c, "stated": c["stated"] + "0"} if i % 9 == 8 else c
                                       for i, c in enumerate(claims)],
    "the changed one edited too": lambda claims: [{**c, "stated": "3 miljard"} if i == 8 else c
                                                  for i, c in enumerate(claims)],
    "figures vanished": lambda claims: claims[2:],
    "new figures": lambda claims: [{**claims[0], "id": "nieuw_begin"}, *claims[:5],
                                   {**claims[5], "id": "nieuw_midden"}, *claims[5:], {**claims[-1], "id": "nieuw_eind"}],
    "a deleted figure comes back": lambda claims: claims,
}


@pytest.mark.parametrize("change", list(CHANGES))
@pytest.mark.parametrize("edit", list(EDITS))
def test_splice_equals_the_whole_round_trip(tmp_path: Path, extracted: Any, edit: str, change: str) -> None:
    path, base = _first(tmp_path, extracted)
    ids = [str(c["id"]) for c in extracted.claims]
    text = EDITS[edit](path.read_text(encoding="utf-8"), ids)
    whole, spliced = _both(text, base, extracted, CHANGES[change]([dict(c) for c in extracted.claims]))
    assert spliced is not None
    assert spliced[0] == whole[0]
    assert spliced[1:] == whole[1:]


def test_without_a_sidecar_every_difference_is_a_conflict_as_before(tmp_path: Path, extracted: Any) -> None:
    path, _ = _first(tmp_path, extracted)
    text = _comment_before(path.read_text(encoding="utf-8"), str(extracted.claims[2]["id"]))
    changed = [{**c, "unit": "USD"} if i == 3 else dict(c) for i, c in enumerate(extracted.claims)]
    whole, spliced = _both(text, None, extracted, changed)
    assert spliced == whole
    assert whole[2]["conflicts"] == [(str(extracted.claims[3]["id"]), "unit")]


@pytest.mark.parametrize("text, cut", [
    ("document: {id: x}\nclaims: [{id: a, stated: '1'}]\n", False),  # a flow list
    ("document: {id: x}\nclaims:\n- id: a\n  stated: '1'\n", False),  # another indentation
    ("document: {id: x}\nclaims:\n  -\n    id: a\n", False),  # the mapping below its dash
    ("document: {id: x}\nclaims:  # mine\n  - id: a\n", False),  # a comment on the claims line
    ("document: {id: x}\nclaims:\n  - id: a", False),  # no final newline
    ("document: {id: x}\nclaims:\n  - id: a\n", True),  # ruamel's own layout
])
def test_files_it_cannot_cut_are_left_to_the_round_trip(text: str, cut: bool) -> None:
    result = spliced_merge(text, "x.yaml", None, {"id": "x"}, [{"id": "a", "stated": "2", "origin": "extracted"}], None)
    assert (result is not None) == cut


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.sampled_from(list(EDITS)), unique=True, max_size=5), change=st.sampled_from(list(CHANGES)),
       extra=st.lists(st.integers(0, 65), max_size=4))
def test_any_mix_of_edits_and_changes_splices_as_the_round_trip_writes(
        tmp_path_factory: pytest.TempPathFactory, extracted: Any, edits: list[str], change: str, extra: list[int]) -> None:
    path, base = _first(tmp_path_factory.mktemp("mix"), extracted)
    ids = [str(c["id"]) for c in extracted.claims]
    text = path.read_text(encoding="utf-8")
    for name in edits:
        text = EDITS[name](text, ids)
    for i in extra:
        text = _comment_before(text, ids[i], f"  # about {ids[i]}") if f"  - id: {ids[i]}\n" in text else text
    claims = CHANGES[change]([dict(c) for c in extracted.claims])
    claims = [{**c, "where": {**c["where"], "line": c["where"]["line"] + 1}} if i in extra else c
              for i, c in enumerate(claims)]
    whole, spliced = _both(text, base, extracted, claims)
    if spliced is not None:
        assert spliced == whole
