"""Property: re-extraction never loses a hand edit (hypothesis, 1,000 generated cases).

Each case: a first extraction is written; a person edits the file (changes or removes
extracted fields, adds notes and relations, deletes claims, adds own claims, adds a comment);
the document changes (fields change, figures vanish, new figures appear); extract runs again.
Then every edit must still be there, in the claim or in `obsolete:`, flagged as a conflict
where extraction changed the same field differently, and deleted claims stay deleted. The
merged file is written and read back through ruamel to check the round trip too.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import yaml_roundtrip as yr
from factcheck.merge import EXTRACTED_FIELDS, merge

IDS = [f"claim_{i}" for i in range(8)]
FIELDS = ["stated", "value", "unit", "hedge", "kind", "subject", "period", "quote"]
values = st.sampled_from(["1", "2", "€45", "EUR", "EUR / day", "person", "about", "exact", "2024", "x y", "55.700"])


def claim_strategy(claim_id: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": st.just(claim_id)},
        optional={name: values for name in FIELDS},
    ).map(lambda d: {**d, "origin": "extracted", "where": {"line": 1, "span": [0, 1]}})


@st.composite
def scenario(draw: st.DrawFn) -> dict[str, Any]:
    first_ids = draw(st.lists(st.sampled_from(IDS), unique=True, min_size=1, max_size=6))
    first = [draw(claim_strategy(i)) for i in first_ids]
    # The person's edits, per extracted claim.
    edits: dict[str, dict[str, Any]] = {}
    deleted: set[str] = set()
    for claim in first:
        action = draw(st.sampled_from(["keep", "edit", "edit", "delete"]))
        if action == "delete":
            deleted.add(claim["id"])
        elif action == "edit":
            changes = draw(st.dictionaries(st.sampled_from(FIELDS + ["note", "expr"]),
                                           st.one_of(values, st.just(None)), min_size=1, max_size=3))
            edits[claim["id"]] = changes
    # Own claims, sometimes with an id a later extraction will also want.
    own = draw(st.lists(st.sampled_from(["mine_a", "mine_b"] + [i for i in IDS if i not in first_ids]),
                        unique=True, max_size=2))
    # The new extraction: some claims change, some vanish, some are new.
    second = []
    for claim in first:
        fate = draw(st.sampled_from(["same", "changed", "vanished"]))
        if fate == "vanished":
            continue
        new = dict(claim)
        if fate == "changed":
            for name, value in draw(st.dictionaries(st.sampled_from(FIELDS), st.one_of(values, st.just(None)),
                                                    min_size=1, max_size=3)).items():
                if value is None:
                    new.pop(name, None)
                else:
                    new[name] = value
        second.append(new)
    for claim_id in draw(st.lists(st.sampled_from(IDS), unique=True, max_size=3)):
        if claim_id not in first_ids:
            second.append(draw(claim_strategy(claim_id)))
    return {"first": first, "edits": edits, "deleted": deleted, "own": own, "second": second}


HEADER = {"id": "doc", "source": "doc.txt", "sha256": "abc", "language": "nl"}


def _edited_file(first: list[dict[str, Any]], edits: dict[str, dict[str, Any]], deleted: set[str],
                 own: list[str]) -> str:
    current, base, _ = merge(None, None, HEADER, first)
    claims = current["claims"]
    for i in range(len(claims) - 1, -1, -1):
        claim = claims[i]
        if claim["id"] in deleted:
            del claims[i]
            continue
        for name, value in edits.get(claim["id"], {}).items():
            if value is None:
                claim.pop(name, None)
            else:
                claim[name] = yr.to_node(value, name)
    for claim_id in own:
        claims.append(yr.to_node({"id": claim_id, "expr": "claim_0 + claim_1", "note": "mine"}))
    current.yaml_set_comment_before_after_key("claims", before="reviewed by hand")
    return yr.dumps(current), base


def _find(root: Any, claim_id: str) -> Any:
    for section in ("claims", "obsolete"):
        for claim in root.get(section) or []:
            if claim["id"] == claim_id:
                return claim
    return None


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario())
def test_no_hand_edit_is_lost(case: dict[str, Any]) -> None:
    first, edits, deleted, own, second = case["first"], case["edits"], case["deleted"], case["own"], case["second"]
    text, base = _edited_file(first, edits, deleted, own)
    saved = yr.loads(text)
    before = yr.to_plain(saved)  # what the person saved (a copy: merge changes `saved` in place)
    merged, new_base, report = merge(saved, base, HEADER, second)
    # Through text and back, as the file on disk would be.
    merged_text = yr.dumps(merged)
    after = yr.loads(merged_text)
    assert "reviewed by hand" in merged_text

    first_by_id = {c["id"]: c for c in first}
    second_by_id = {c["id"]: c for c in second}
    live_ids = [c["id"] for c in after["claims"]]
    assert len(live_ids) == len(set(live_ids)), "a claim appears twice"

    for claim_id in deleted:
        assert claim_id not in live_ids, f"deleted {claim_id} came back"
        assert claim_id in after["deleted"]

    for claim in before["claims"]:
        claim_id = claim["id"]
        merged_claim = _find(after, claim_id)
        assert merged_claim is not None, f"{claim_id} was lost"
        merged_plain = yr.to_plain(merged_claim)
        if claim_id in own:
            assert merged_plain == claim
            continue
        if claim_id not in second_by_id:
            assert claim_id in [c["id"] for c in after.get("obsolete") or []]
            assert merged_plain == claim, "an obsolete claim must keep every edit"
            continue
        base_claim = first_by_id[claim_id]
        new_claim = second_by_id[claim_id]
        for name in set(claim) | set(base_claim) | set(new_claim):
            if name in ("conflict", "id"):
                continue
            mine = claim.get(name)
            was = base_claim.get(name)
            now = new_claim.get(name)
            got = merged_plain.get(name)
            if name not in EXTRACTED_FIELDS:
                assert got == mine, f"{claim_id}.{name}: own key changed"
            elif mine != was:  # the person changed (or removed) this field
                assert got == mine, f"{claim_id}.{name}: hand edit {mine!r} lost (got {got!r})"
                if now != was and now != mine:
                    assert name in (merged_plain.get("conflict") or {}), f"{claim_id}.{name}: conflict not flagged"
            else:
                assert got == now, f"{claim_id}.{name}: untouched field not updated"

    # Deleted claims stay deleted on the next run too.
    again, _, _ = merge(after, new_base, HEADER, second)
    assert not set(deleted) & {c["id"] for c in again["claims"]}
