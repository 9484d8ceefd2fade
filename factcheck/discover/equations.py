"""Calculations the text prints as equations: "3,09% x 95,1% = 2,94%", "(42,0% − 36,5% =) 5,5%",
"€ 1.500 + € 2.500 = € 4.000".

The text says in so many symbols which figures make which, so the relation is proposed whatever
the arithmetic gives, as a stated change is (:mod:`factcheck.discover.changes`); the check then
says whether the printed result holds. Every operand and the result must be figures the
extractor wrote for this sentence: row formulas ("12=10+11") and dates are masked there and never
reach this search.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.discover.figures import Fig
from factcheck.discover.relations import Proposal

_NUM = r"[€$£]?[ \u00a0]?[-\u2212]?\d[\d.,]*(?:[ \u00a0]?%)?"
_OP = r"[ \u00a0]*([x×*+\-\u2212\u2013/:])[ \u00a0]*"
_EQUATION = re.compile(
    rf"(?<![\w.,])\(?[ \u00a0]*({_NUM})((?:{_OP}{_NUM})+)[ \u00a0]*=[ \u00a0]*\)?[ \u00a0]*(?P<result>{_NUM})(?![\d])"
)
_STEP = re.compile(rf"{_OP}({_NUM})")
_KIND = {"x": "*", "×": "*", "*": "*", "+": "+", "-": "-", "\u2212": "-", "\u2013": "-", "/": "/", ":": "/"}
_RELATION = {"*": "product", "+": "sum", "-": "difference", "/": "quotient"}


def _figure(text: str, figs: Sequence[Fig], used: set[str]) -> Fig | None:
    """The figure of the sentence printed as ``text`` (spacing aside), not taken yet."""
    want = re.sub(r"[ \u00a0]", "", text)
    for f in figs:
        if f.id not in used and re.sub(r"[ \u00a0]", "", f.stated) == want:
            return f
    return None


def stated_equations(figures: Sequence[Fig]) -> list[Proposal]:
    """One proposal per equation printed in a sentence, with one kind of operator throughout."""
    by_quote: dict[str, list[Fig]] = {}
    for f in figures:
        by_quote.setdefault(f.quote, []).append(f)
    out: list[Proposal] = []
    for quote, figs in by_quote.items():
        if "=" not in quote:
            continue
        for m in _EQUATION.finditer(quote):
            steps = _STEP.findall(m.group(2))
            ops = {_KIND[op] for op, _ in steps}
            if len(ops) != 1:
                continue  # mixed operators need precedence rules the text does not show
            op = ops.pop()
            used: set[str] = set()
            operands: list[Fig] = []
            for text in [m.group(1), *(num for _, num in steps)]:
                fig = _figure(text, figs, used)
                if fig is None:
                    break
                operands.append(fig)
                used.add(fig.id)
            result = _figure(m.group("result"), figs, used) if len(operands) == len(steps) + 1 else None
            if result is None:
                continue
            expr = f" {op} ".join(f.id for f in operands)
            out.append(Proposal(result, tuple(operands), _RELATION[op], expr, False, 9, "=", True))
    return out
