"""pytest plugin (entry point ``pytest11``): ``pytest claims/`` runs every relation as a test.

Each relation is an item named after its claim id, so ``-k`` and ``--junitxml`` work as usual.
A failure shows the verdict's explanation, not a traceback. A file that cannot be read becomes
one failing item; the other files are still collected and checked. All collected claim files are
checked together, once, so cross-file references resolve.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

from factcheck.application import check_loaded
from factcheck.claimfile import read_claim_file
from factcheck.model import ClaimFile, Result

if TYPE_CHECKING:
    # The return type of pytest's own repr_failure; pytest does not export it publicly.
    from _pytest._code.code import TerminalRepr

_FILES_KEY = pytest.StashKey[list[ClaimFile]]()
_RESULTS_KEY = pytest.StashKey[dict[tuple[str, str], Result]]()
_SNIFF_BYTES = 65536


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck")
    group.addoption(
        "--no-factcheck", action="store_true", default=False,
        help="do not collect factcheck claim files (*.yaml with a top-level document: key)",
    )
    group.addoption(
        "--factcheck-strict", action="store_true", default=False,
        help="read every figure as exact, as `precision: exact` under `document:` does (`factcheck check --strict`)",
    )


def _is_claim_file(path: Path) -> bool:
    if path.suffix not in (".yaml", ".yml") or path.name.startswith("."):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    # Cheap sniff: a top-level `document:` key. Other YAML (CI configs, golden files) is left alone.
    return any(line.startswith(b"document:") for line in head.splitlines())


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if parent.config.getoption("--no-factcheck") or not _is_claim_file(file_path):
        return None
    return ClaimFileCollector.from_parent(parent, path=file_path)


class ClaimFileCollector(pytest.File):
    """One claim file: yields an item per relation, or one failing item when it cannot be read."""

    def collect(self) -> Iterator[pytest.Item]:
        claim_file = read_claim_file(self.path, strict=self.config.getoption("--factcheck-strict"))
        self.config.stash.setdefault(_FILES_KEY, []).append(claim_file)
        errors = [d for d in claim_file.diagnostics if d.severity == "error"]
        if errors:
            yield ClaimFileProblem.from_parent(self, name="claim-file", problems=[str(d) for d in errors])
        for claim in claim_file.claims:
            if claim.is_judged:
                yield RelationItem.from_parent(self, name=claim.id, claim_id=claim.id, line=claim.location.line or 1)


class ClaimFileProblem(pytest.Item):
    """Stands for a claim file (or some of its claims) that could not be read."""

    def __init__(self, *, problems: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = problems

    def runtest(self) -> None:
        raise RelationFailed("\n".join(self.problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str | TerminalRepr:
        if isinstance(excinfo.value, RelationFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.path.name}: unreadable claims"


class RelationFailed(Exception):
    """A relation's verdict is not the expected one; the message is its explanation."""


class RelationItem(pytest.Item):
    """One relation; passes when its verdict is the expected one."""

    def __init__(self, *, claim_id: str, line: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.claim_id = claim_id
        self.line = line

    def _results(self) -> dict[tuple[str, str], Result]:
        stash = self.config.stash
        if _RESULTS_KEY not in stash:
            run = check_loaded(stash.get(_FILES_KEY, []))
            stash[_RESULTS_KEY] = {(str(Path(r.claim.location.path)), r.claim.id): r for r in run.results}
        return stash[_RESULTS_KEY]

    def runtest(self) -> None:
        result = self._results().get((str(self.path), self.claim_id))
        if result is None:
            raise RelationFailed(f"{self.path}:{self.line}: no result for {self.claim_id}")
        if not result.expected:
            wanted = result.claim.expect.value if result.claim.expect else "consistent or rounding"
            raise RelationFailed(
                f"{result.claim.location}: {self.claim_id}: verdict {result.verdict.value}, expected {wanted}\n\n"
                f"{result.explanation}"
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str | TerminalRepr:
        if isinstance(excinfo.value, RelationFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line - 1, f"claim {self.claim_id}"
