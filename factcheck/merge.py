"""Re-extraction without losing a person's work: a three-way merge per claim field.

Three versions of every extracted field meet here:

* *base*: what the last extraction wrote, kept in a hidden sidecar ``.<name>.base.yaml``
  next to the claim file;
* *yours*: what the claim file holds now, after people edited it;
* *new*: what extraction finds in the (possibly updated) document.

Per field: if you did not touch it (yours == base) the new extraction wins; if extraction
did not change it (new == base) your edit stays; if both changed it differently your value
stays and the claim gets a ``conflict:`` entry naming the field, the value extraction used to
have and the one it has now. Nothing is overwritten silently.

Which fields are merged: every field extraction or discovery writes (``precision``, ``expr``,
``evidence``, ``scale`` of a discovered table total as much as ``stated`` or ``quote``); the
sidecar records them all (``"format": 2``). A sidecar written before that recorded only
:data:`EXTRACTED_FIELDS`; for the others (:data:`DISCOVERED_FIELDS`) the last extraction's value
is taken from the claim file in each discovered claim whose recorded fields all still hold the
sidecar's values (FC520 counts those the merge changed: an edit of only the unrecorded fields
looks the same); a claim a person edited gets the rule of a lost sidecar for them. So an
upgrade of factcheck updates what an older version discovered, and keeps edits.

Claims: figures that vanished from the document move to ``obsolete:`` with their edits;
a figure you deleted from the file is remembered in ``deleted:`` and stays deleted (remove
its id from ``deleted:`` to get it back); your own claims and the keys neither extraction
wrote (``note``, ``expect``, an ``expr`` of your own ...) are never touched. Without a sidecar
(lost, or a file written by hand) a claim counts as extracted when its ``origin`` is
``extracted``, and every field where the file and the new extraction differ becomes a
conflict, except ``where`` and ``evidence``, which follow the document.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck import yaml_roundtrip as yr
from factcheck.errors import FactcheckError, shown_name
from factcheck.fileio import read_utf8
from factcheck.gc_pause import collector_paused
from factcheck.json_text import dumps_indented
from factcheck.merge_splice import spliced_merge

EXTRACTED_FIELDS = (
    "quote", "stated", "value", "value_high", "unit", "hedge", "kind", "subject", "period", "where", "origin",
)
# What extraction or discovery writes besides EXTRACTED_FIELDS, now or in an earlier version (a
# table total's percentage had a `tolerance` before it had a `precision`); sidecars before format 2
# did not record them.
DISCOVERED_FIELDS = ("precision", "tolerance", "expr", "evidence", "scale", "repeats")
HEADER_FIELDS = ("id", "title", "source", "sha256", "language")
# Written by the extractor only; without a record of the last extraction they follow the document
# instead of conflicting.
PROVENANCE_FIELDS = ("where", "evidence")
# Sidecars that record every field a claim was written with; older ones recorded EXTRACTED_FIELDS.
SIDECAR_FORMAT = 2
_MISSING: Any = object()


@dataclass
class MergeReport:
    """What a merge did, for the one-line summary and for tests."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (claim id, field)
    obsoleted: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    kept_deleted: list[str] = field(default_factory=list)
    newly_deleted: list[str] = field(default_factory=list)
    # claims of a file people edited whose fields an older sidecar did not record and that changed:
    # taken as the older extraction's because the rest of the claim was (see _legacy_fields)
    assumed: list[str] = field(default_factory=list)
    changed: bool = False  # whether the claim file's content changed at all
    warnings: list[str] = field(default_factory=list)  # one line each, "path:line:col: FCnnn message"

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} new", f"{len(self.updated)} updated", f"{len(self.conflicts)} conflicts",
            f"{len(self.obsoleted)} obsolete", f"{len(self.restored)} restored", f"{len(self.kept_deleted)} kept deleted",
        ]
        return ", ".join(parts)


def sidecar_path(claim_path: str | Path) -> Path:
    """Where the last extraction of ``claim_path`` is kept: ``.<name>.base.yaml`` beside it."""
    claim_path = Path(claim_path)
    return claim_path.with_name(f".{claim_path.stem}.base.yaml")


def _get(mapping: Mapping[str, Any] | None, key: str) -> Any:
    if mapping is None or key not in mapping:
        return _MISSING
    return yr.to_plain(mapping[key])


def _merge_fields(
    yours: Any, base: Mapping[str, Any] | None, new: Mapping[str, Any], fields: Iterable[str], claim_id: str,
    report: MergeReport, conflict_key: str | None = "conflict", unknown: Iterable[str] = (),
) -> bool:
    """Three-way merge of ``fields`` into ``yours`` (a ruamel map) in place; True if it changed.

    ``unknown``: fields of which ``base`` holds no record (all of them when ``base`` is None).
    """
    changed = False
    conflicts: dict[str, Any] = {}
    for name in fields:
        b, n, c = _get(base, name), _get(new, name), _get(yours, name)
        if c == n:
            continue
        if name in PROVENANCE_FIELDS and (base is None or name in unknown):
            b = c  # no record of the last extraction: where a figure stands follows the document
        if c == b:
            if n is _MISSING:
                del yours[name]
            elif isinstance(yours.get(name), yr.CommentedMap) and isinstance(n, dict):
                _update_map(yours[name], n)
            elif name in yours:
                yours[name] = yr.to_node(new[name], name)
            else:
                _insert(yours, name, yr.to_node(new[name], name), new)
            changed = True
        elif b == n:
            continue  # your edit, extraction unchanged
        else:
            conflicts[name] = {
                "was": None if b is _MISSING else b,
                "now": None if n is _MISSING else n,
            }
            report.conflicts.append((claim_id, name))
    if conflicts and conflict_key:
        existing = yours.get(conflict_key)
        merged = dict(yr.to_plain(existing)) if isinstance(existing, dict) else {}
        merged.update(conflicts)
        yours[conflict_key] = yr.to_node(merged)
        changed = True
    return changed


def _insert(yours: Any, name: str, node: Any, new: Mapping[str, Any]) -> None:
    """Add the key ``name`` to ``yours`` where the new claim has it: after the keys it follows
    there, so a file nobody edited reads as a new extraction would write it."""
    at = 0
    keys = list(yours)
    for key in new:
        if key == name:
            break
        if key in yours:
            at = max(at, keys.index(key) + 1)
    if at >= len(keys):
        yours[name] = node
    else:
        yours.insert(at, name, node)


def _claim_fields(claim: Mapping[str, Any], base_claim: Mapping[str, Any] | None) -> list[str]:
    """The fields merged for one claim: what the new extraction writes and what the last one wrote."""
    fields = [k for k in claim if k != "id"]
    if base_claim:
        fields.extend(k for k in base_claim if k != "id" and k not in claim)
    return fields


def _legacy_fields(
    yours: Any, claim: Mapping[str, Any], base_claim: Mapping[str, Any],
) -> tuple[dict[str, Any], list[str], tuple[str, ...], bool]:
    """For a sidecar before format 2: (the claim's base, its fields, those of unknown base, and
    whether the base of some was taken from the file).

    Such a sidecar recorded EXTRACTED_FIELDS only. Of a claim whose recorded fields nobody edited,
    the file holds the last extraction's value of the others too, as far as anyone can tell; of a
    claim people edited, their base is unknown, as without a sidecar. Only discovery wrote
    DISCOVERED_FIELDS: on an extracted figure they are a person's (an `expr` that made it a relation).
    """
    fields = _claim_fields(claim, base_claim)
    if base_claim.get("origin") == "discovered":
        fields.extend(k for k in DISCOVERED_FIELDS if k in yours and k not in fields)
    unrecorded = [k for k in fields if k not in EXTRACTED_FIELDS]
    if not unrecorded:
        return dict(base_claim), fields, (), False
    if any(_get(yours, k) != base_claim.get(k, _MISSING) for k in EXTRACTED_FIELDS):
        return dict(base_claim), fields, tuple(unrecorded), False
    base = dict(base_claim)
    for k in unrecorded:
        if k in yours:
            base[k] = yr.to_plain(yours[k])
    return base, fields, (), True


def _update_map(node: Any, new: Mapping[str, Any]) -> None:
    """Make the ruamel map ``node`` hold ``new``, rewriting only the entries that differ.

    A `where:` of which only the offsets moved keeps the quoting and layout of the rest.
    """
    flow = bool(node.fa.flow_style())
    for key in [k for k in node if k not in new]:
        del node[key]
    for key, value in new.items():
        if key not in node or yr.to_plain(node[key]) != value:
            node[key] = yr.to_node(value, key, flow)


def _ids(seq: Any) -> list[str]:
    out = []
    for item in seq or []:
        if isinstance(item, dict) and item.get("id") is not None:
            out.append(str(item["id"]))
    return out


def _items(seq: Any) -> Any:
    """The items of a list, fast: ruamel's CommentedSeq iterates through ``__getitem__`` otherwise."""
    return list.__iter__(seq) if isinstance(seq, list) else iter(seq or [])


def _positions(seq: Any) -> dict[str, int]:
    """Claim id -> index of the first item with that id."""
    out: dict[str, int] = {}
    for i, item in enumerate(_items(seq)):
        if isinstance(item, dict) and item.get("id") is not None:
            out.setdefault(str(item.get("id")), i)
    return out


def _reorder(seq: Any, order: list[tuple[Any, int | None]]) -> None:
    """Make ``seq`` hold the items of ``order`` (item, its index in ``seq`` or None for a new one).

    Comments ruamel keeps by index move with their items, as ``insert`` and ``del`` would move
    them, but in one pass.
    """
    comments = getattr(getattr(seq, "ca", None), "items", None)
    moved = {}
    if comments:
        moved = {new: comments[old] for new, (_, old) in enumerate(order) if old is not None and old in comments}
    list.__delitem__(seq, slice(None))
    list.extend(seq, [item for item, _ in order])
    if comments is not None:
        comments.clear()
        comments.update(moved)


def fresh(header: Mapping[str, Any], claims: list[Mapping[str, Any]], extraction: Mapping[str, Any] | None = None) -> Any:
    """A new claim file's content (no earlier file to merge with)."""
    root = yr.CommentedMap()
    root["document"] = yr.to_node(dict(header))
    if extraction:
        root["extraction"] = yr.to_node(dict(extraction))
    root["claims"] = yr.to_node([dict(c) for c in claims])  # last, so people can append claims
    return root


def _fresh_plain(header: Mapping[str, Any], claims: list[Mapping[str, Any]],
                 extraction: Mapping[str, Any] | None) -> dict[str, Any]:
    """What :func:`fresh` holds, as plain data."""
    root: dict[str, Any] = {"document": dict(header)}
    if extraction:
        root["extraction"] = dict(extraction)
    root["claims"] = [dict(c) for c in claims]
    return root


def base_of(header: Mapping[str, Any], claims: list[Mapping[str, Any]], deleted: Iterable[str]) -> dict[str, Any]:
    """The sidecar content: the extraction just written (every field of every claim), and the
    ids people deleted."""
    return {
        "format": SIDECAR_FORMAT,
        "document": {k: header[k] for k in HEADER_FIELDS if k in header},
        "claims": {str(c["id"]): {k: yr.to_plain(v) for k, v in c.items() if k != "id"} for c in claims},
        "deleted": sorted(set(deleted)),
    }


def merge(
    current: Any | None,
    base: Mapping[str, Any] | None,
    header: Mapping[str, Any],
    claims: list[Mapping[str, Any]],
    extraction: Mapping[str, Any] | None = None,
) -> tuple[Any, dict[str, Any], MergeReport]:
    """Fold a new extraction into the current claim file (a ruamel map, changed in place).

    Returns the merged content, the new sidecar content and a report.
    """
    report = MergeReport()
    if current is None:
        root = fresh(header, claims, extraction)
        report.added = [str(c["id"]) for c in claims]
        report.changed = True
        return root, base_of(header, claims, ()), report
    root = current
    base = base or {}
    base_claims: Mapping[str, Any] = base.get("claims") or {}
    legacy = base.get("format") != SIDECAR_FORMAT

    def merge_claim(item: Any, claim_id: str, claim: Mapping[str, Any]) -> bool:
        base_claim = base_claims.get(claim_id)
        if base_claim is not None and legacy:
            old, fields, unknown, assumed = _legacy_fields(item, claim, base_claim)
            changed = _merge_fields(item, old, claim, fields, claim_id, report, unknown=unknown)
            if changed and assumed and any(_get(item, k) != old.get(k, _MISSING) for k in fields
                                           if k not in EXTRACTED_FIELDS):
                report.assumed.append(claim_id)
            return changed
        return _merge_fields(item, base_claim, claim, _claim_fields(claim, base_claim), claim_id, report)

    # The document header.
    doc = root.get("document")
    if not isinstance(doc, dict):
        doc = yr.CommentedMap()
        root.insert(0, "document", doc)
        report.changed = True
    if _merge_fields(doc, base.get("document") or {}, header, HEADER_FIELDS, "document", report, conflict_key=None):
        report.changed = True
    if extraction is not None and yr.to_plain(root.get("extraction")) != yr.to_plain(dict(extraction)):
        report.changed = True
        if "extraction" in root:
            root["extraction"] = yr.to_node(dict(extraction))
        else:
            root.insert(1, "extraction", yr.to_node(dict(extraction)))

    if not isinstance(root.get("claims"), list):
        root["claims"] = yr.CommentedSeq()
        report.changed = True
    current_claims = root["claims"]
    obsolete = root.get("obsolete")
    if obsolete is not None and not isinstance(obsolete, list):
        obsolete = None
    in_file = set(_ids(current_claims)) | set(_ids(obsolete))

    # Deleted: the file's own list when it has one, else the sidecar's; plus every id the
    # last extraction wrote that is now gone from the file.
    if isinstance(root.get("deleted"), list):
        deleted = {str(x) for x in root["deleted"]}
    else:
        deleted = {str(x) for x in base.get("deleted") or []}
    for claim_id in base_claims:
        if claim_id not in in_file and claim_id not in deleted:
            deleted.add(claim_id)
            report.newly_deleted.append(claim_id)

    # A claim people wrote themselves keeps its id; an extracted figure that happens to get
    # the same id is renamed (deterministically, so the next run renames it the same way).
    own_ids = {
        str(item.get("id")) for item in current_claims
        if isinstance(item, dict) and item.get("id") is not None and str(item.get("id")) not in base_claims
        and str(item.get("origin") or "") != "extracted"
    }
    if own_ids & {str(c["id"]) for c in claims}:
        taken = own_ids | {str(c["id"]) for c in claims}
        renamed = []
        for claim in claims:
            if str(claim["id"]) in own_ids:
                n = 2
                while f"{claim['id']}_{n}" in taken:
                    n += 1
                claim = {**claim, "id": f"{claim['id']}_{n}"}
                taken.add(claim["id"])
            renamed.append(claim)
        claims = renamed
    new_ids = {str(c["id"]) for c in claims}
    was_extracted = set(base_claims)
    for item in current_claims:
        if isinstance(item, dict) and item.get("id") is not None and str(item.get("id")) not in base_claims:
            if str(item.get("origin") or "") == "extracted" and not base_claims:
                was_extracted.add(str(item["id"]))

    # Figures that vanished move to `obsolete:`.
    vanished = []
    for item in _items(current_claims):
        if not isinstance(item, dict):
            continue
        vanished_id = str(item.get("id"))
        if vanished_id in was_extracted and vanished_id not in new_ids:
            vanished.append(item)
            report.obsoleted.append(vanished_id)
    if vanished:
        gone = {id(v) for v in vanished}
        _reorder(current_claims, [(item, i) for i, item in enumerate(_items(current_claims)) if id(item) not in gone])
        if obsolete is None:
            obsolete = yr.CommentedSeq()
            root["obsolete"] = obsolete
        for item in vanished:
            obsolete.append(item)

    # New and updated figures, in document order. A claim already in the file stays where it
    # is; a new (or restored) one goes right after the last claim of the file that came before
    # it in the document. Every lookup is by id and the list is rebuilt once, so the merge is
    # linear in the number of claims (inserting one by one was quadratic).
    position = _positions(current_claims)
    obsolete_at = _positions(obsolete) if obsolete is not None else {}
    after: dict[int, list[Any]] = {}  # original position (-1: the start) -> items to insert after it
    restored_at: set[int] = set()
    anchor = -1
    for claim in claims:
        claim_id = str(claim["id"])
        if claim_id in deleted:
            report.kept_deleted.append(claim_id)
            continue
        index = position.get(claim_id)
        if index is None:
            oi = obsolete_at.get(claim_id)
            if oi is not None and oi not in restored_at:
                restored_at.add(oi)
                item = list.__getitem__(obsolete, oi)
                after.setdefault(anchor, []).append(item)
                report.restored.append(claim_id)
                if merge_claim(item, claim_id, claim):
                    report.updated.append(claim_id)
            else:
                after.setdefault(anchor, []).append(yr.to_node(dict(claim)))
                report.added.append(claim_id)
            continue
        if merge_claim(list.__getitem__(current_claims, index), claim_id, claim):
            report.updated.append(claim_id)
        anchor = max(anchor, index)
    if after:
        order: list[tuple[Any, int | None]] = [(item, None) for item in after.get(-1, [])]
        for i, item in enumerate(_items(current_claims)):
            order.append((item, i))
            order.extend((new, None) for new in after.get(i, []))
        _reorder(current_claims, order)
    if restored_at:
        assert obsolete is not None
        _reorder(obsolete, [(item, i) for i, item in enumerate(_items(obsolete)) if i not in restored_at])

    if obsolete is not None and len(obsolete) == 0 and "obsolete" in root:
        del root["obsolete"]
    if deleted:
        if not isinstance(root.get("deleted"), list):
            root["deleted"] = yr.to_node(sorted(deleted))
            report.changed = True
        existing = {str(x) for x in root["deleted"]}
        for claim_id in sorted(deleted):
            if claim_id not in existing:
                root["deleted"].append(claim_id)
                report.changed = True
    if report.added or report.updated or report.obsoleted or report.restored:
        report.changed = True
    new_base = base_of(header, [c for c in claims if str(c["id"]) not in deleted], deleted)
    return root, new_base, report


def unified_diff(old_text: str, new_text: str, path: str) -> str:
    """A unified diff of a claim file before and after, for ``--dry-run``."""
    return "".join(difflib.unified_diff(
        old_text.splitlines(keepends=True), new_text.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}",
    ))


def _read_sidecar(side: Path, warnings: list[str] | None = None) -> dict[str, Any] | None:
    """The last extraction, or None when there is none or it cannot be read."""
    if not side.exists():
        return None
    try:
        text = read_utf8(side)
    except FactcheckError as exc:  # counts as a lost sidecar, but say so
        if warnings is not None:
            warnings.append(f"{exc}; the sidecar is ignored, so differences become conflicts")
        return None
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    try:
        loaded = json.loads(body)
    except ValueError:
        try:
            loaded = yr.to_plain(yr.loads(text, str(side)))
        except FactcheckError:
            return None  # an unreadable sidecar counts as a lost one: differences become conflicts
    return loaded if isinstance(loaded, dict) else None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_text(merged: Any) -> str:
    """YAML text of merged content: the fast writer when it can, else ruamel."""
    fast = yr.fast_dumps(yr.to_plain(merged))
    return fast if fast is not None else yr.dumps(merged)


def _data_only(text: str, claim_path: Path) -> Any | None:
    """The file's data when the fast writer would write it exactly so, else None (use ruamel).

    A file the round trip wrote has its sha256 in the sidecar too, but it may carry what people
    added before (comments, their quoting), which reading it with the C loader would lose.
    """
    plain = yr.fast_load(text, str(claim_path))
    return plain if yr.fast_dumps(plain) == text else None


def merge_into_file(
    claim_path: str | Path,
    header: Mapping[str, Any],
    claims: list[Mapping[str, Any]],
    extraction: Mapping[str, Any] | None = None,
    *,
    dry_run: bool = False,
    stamp: str | None = None,
) -> tuple[str, MergeReport]:
    """Merge an extraction into ``claim_path`` (created when missing) and its sidecar.

    Returns the unified diff (with ``dry_run``, which writes nothing; empty otherwise, and when
    nothing changed) and the report. ``stamp`` (one line, see factcheck.corpus) is kept as a
    comment in the sidecar: what the extraction was made from, so an unchanged re-run can skip it.

    Three ways to the same result, fastest first: a new file is written directly; a file
    nobody touched since extract wrote it (its sha256 is in the sidecar) and that holds nothing
    but data (no comments or hand formatting) is read with the C YAML loader and written directly; a file people edited goes through ruamel's round trip,
    which keeps their comments, order and quoting, and is not rewritten when nothing changed.
    """
    # A file of many claims is a million small objects: full collections, each walking all of
    # them, made the merge grow faster than the file (benchmarks/merge_speed.py).
    with collector_paused():
        return _merge_into_file(Path(claim_path), header, claims, extraction, dry_run, stamp)


def _merge_into_file(
    claim_path: Path, header: Mapping[str, Any], claims: list[Mapping[str, Any]],
    extraction: Mapping[str, Any] | None, dry_run: bool, stamp: str | None = None,
) -> tuple[str, MergeReport]:
    side = sidecar_path(claim_path)
    old_text = read_utf8(claim_path) if claim_path.exists() else ""  # FC101 when not UTF-8
    warnings: list[str] = []
    base = _read_sidecar(side, warnings)
    if not old_text.strip():
        new_base = base_of(header, claims, ())
        report = MergeReport(added=[str(c["id"]) for c in claims], changed=True)
        # nothing to keep: the plain data goes straight to the fast writer, without ruamel's nodes
        fast = yr.fast_dumps(_fresh_plain(header, claims, extraction))
        new_text = fast if fast is not None else yr.dumps(fresh(header, claims, extraction))
    elif base is not None and base.get("written_sha256") == _sha256(old_text) and (
        plain := _data_only(old_text, claim_path)
    ) is not None:
        current = yr.to_node(plain)
        merged, new_base, report = merge(current, base, header, claims, extraction)
        new_text = _write_text(merged) if report.changed else old_text
    elif (spliced := spliced_merge(old_text, str(claim_path), base, header, claims, extraction)) is not None:
        new_text, new_base, report = spliced  # only the claims the merge changes go through ruamel
    else:
        current = yr.loads(old_text, str(claim_path))
        merged, new_base, report = merge(current, base, header, claims, extraction)
        new_text = yr.dumps(merged) if report.changed else old_text
    if report.assumed:
        warnings.append(
            f"{shown_name(claim_path)}:1:1: FC520 a sidecar of an older factcheck: {len(report.assumed)} claims "
            f"(first: {report.assumed[0]}) took the new extraction's precision, expr, evidence or scale, as no other "
            "field of theirs was edited; an edit of those fields alone cannot be told from the older extraction")
    report.warnings.extend(warnings)
    diff = unified_diff(old_text, new_text, shown_name(claim_path)) if dry_run else ""
    if not dry_run:
        if new_text != old_text:
            yr.write_atomic(claim_path, new_text)
        new_base["written_sha256"] = _sha256(new_text)
        yr.write_atomic(side, "# The last extraction of " + claim_path.name
                        + ", kept by `factcheck extract` for three-way merges. Do not edit.\n"
                        + (f"# {stamp}\n" if stamp else "")
                        + dumps_indented(new_base, indent=1) + "\n")
    return diff, report
