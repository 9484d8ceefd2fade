"""Which kinds of discovery run: relations, repeats, table totals. Shared by extract, check and report.

Each kind has its own off switch on the command line, and ``--no-discover`` turns all of them
off. ``factcheck extract`` records in the claim file which kinds it ran, so that ``check`` runs
only the kinds that did not run yet.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass, replace

KINDS = ("relations", "repeats", "tables")


@dataclass(frozen=True)
class Discovery:
    """The kinds of discovery to run."""

    relations: bool = True
    repeats: bool = True
    tables: bool = True
    # every table total that no reading explains is an alarm, not only those that miss by a
    # digit slip (factcheck.tables.slip_evidence); the others are written with their doubt
    all_alarms: bool = False

    @classmethod
    def none(cls) -> Discovery:
        """No discovery at all."""
        return cls(False, False, False)

    @property
    def names(self) -> list[str]:
        """The kinds switched on, in the order of :data:`KINDS`."""
        return [kind for kind in KINDS if getattr(self, kind)]

    def __bool__(self) -> bool:
        return bool(self.names)

    def without(self, done: Iterable[str]) -> Discovery:
        """These kinds less the ones already ``done``."""
        done = set(done)
        return replace(self, **{kind: getattr(self, kind) and kind not in done for kind in KINDS})


def add_switches(parser: argparse.ArgumentParser) -> None:
    """Add ``--no-discover`` and one ``--no-<kind>`` switch per kind of discovery."""
    parser.add_argument("--no-discover", action="store_true",
                        help="no discovery at all: no relations, repeats or table totals are proposed")
    parser.add_argument("--no-relations", action="store_true",
                        help="do not propose arithmetic relations between the figures of a passage")
    parser.add_argument("--no-repeats", action="store_true",
                        help="do not group statements of the same quantity (nor report their conflicts)")
    parser.add_argument("--no-tables", action="store_true",
                        help="do not check the totals of the tables in PDFs")
    parser.add_argument("--all-alarms", action="store_true",
                        help="report every table total that does not add up under any reading as a mismatch; by "
                             "default only those that miss by a mistyped digit are, the others are written as "
                             "figures with their doubt")


def from_args(args: argparse.Namespace) -> Discovery:
    """The kinds of discovery the parsed switches leave on."""
    if getattr(args, "no_discover", False):
        return Discovery.none()
    return Discovery(
        relations=not getattr(args, "no_relations", False),
        repeats=not getattr(args, "no_repeats", False),
        tables=not getattr(args, "no_tables", False),
        all_alarms=bool(getattr(args, "all_alarms", False)),
    )
