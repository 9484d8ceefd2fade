"""Calculations the text prints as equations: "3,09% x 95,1% = 2,94%", "(42,0% − 36,5% =) 5,5%",
"€ 1.500 + € 2.500 = € 4.000".

The text says in so many symbols which figures make which, so the relation is proposed whatever
the arithmetic gives, as a stated change is (:mod:`factcheck.discover.changes`); the check then
says whether the printed result holds. A formula with brackets or with more than one kind of
operator ("5 x (6+2)+ 2 x 4 = 48") is read by arithmetic's precedence, whole or not at all; the
tail of such a formula ("2 x 4 = 48") is never read on its own. A fiscal note's "$2,000 (8
applicants @$250)" and "$2,000 (…) PLUS $160 (…) = $2,160" are its stated products and sums, and
so are counts times prices and their total in words ("36 x € 1.800 voor de medewerkers en 1 x
€ 1.750 voor de ZZP'er, totaal € 66.550"). Every operand and the result must be figures the
extractor wrote for this sentence: row formulas ("12=10+11") and dates are masked there and never
reach this search.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from factcheck.discover.figures import Fig
from factcheck.discover.relations import Proposal

_NUM = r"[€$£]?[ \u00a0]?[-\u2212]?\d[\d.,]*(?:[ \u00a0]?%)?"
_OP = r"[ \u00a0]*([x×*+\-\u2212\u2013/:])[ \u00a0]*"
_EQUATION = re.compile(
    rf"(?<![\w.,])\(?[ \u00a0]*({_NUM})((?:{_OP}{_NUM})+)[ \u00a0]*=[ \u00a0]*\)?[ \u00a0]*(?P<result>{_NUM})(?![\d])"
)
# (a colon, a dash or a bracket before a formula is a label's or a list's: "epfo.eu: €1.01 x 12 =
# €12.10", "(a) …")
_CONTINUED = re.compile(r"(?:[x×*+\u2212/]|\d\)|\d[ \u00a0]*[-\u2013])[ \u00a0]*$")
_STEP = re.compile(rf"{_OP}({_NUM})")
_KIND = {"x": "*", "×": "*", "*": "*", "+": "+", "-": "-", "\u2212": "-", "\u2013": "-", "/": "/", ":": "/"}
_RELATION = {"*": "product", "+": "sum", "-": "difference", "/": "quotient"}


# "$2,000 (8 applicants @$250)": an amount, then the count and the price that make it
_AT_PRICE = re.compile(
    rf"(?<![\w.,])(?P<result>{_NUM})[ \u00a0]*\([ \u00a0]*(?P<count>\d[\d.,]*)[ \u00a0]+[A-Za-z][^()@=]{{0,40}}?"
    rf"@[ \u00a0]*(?P<price>{_NUM})[ \u00a0]*\)")
# "$2,000 (…) PLUS $1,600 (…) PLUS $320 (…) = $3,920": amounts added in words, each with its note
_NOTE = r"(?:[ \u00a0]*\([^()]*\))?"
_PLUS_WORD = rf"{_NOTE}[ \u00a0\n]*(?:PLUS|plus)[ \u00a0\n]*"
_WORDED_SUM = re.compile(
    rf"(?<![\w.,])({_NUM})((?:{_PLUS_WORD}{_NUM})+){_NOTE}[ \u00a0\n]*=[ \u00a0\n]*(?P<result>{_NUM})(?![\d])")
_PLUS_STEP = re.compile(rf"{_PLUS_WORD}({_NUM})")
# "36 x € 1.800 voor de medewerkers en 1 x € 1.750 voor de ZZP'er, totaal € 66.550": counts times
# prices, each with a few words of what it pays for, then their total
_PRICED = rf"(?<![\w.,])(\d[\d.,]*)[ \u00a0]*[x×][ \u00a0]*({_NUM})"
_FOR = r"[^\d=;:.]{0,60}?"
_PRICED_SUM = re.compile(
    rf"{_PRICED}(?P<more>(?:{_FOR}(?:,|\ben\b|\band\b|\+|\bplus\b)[ \u00a0]*{_PRICED})+){_FOR}"
    rf"\b(?:in\s+)?(?:totaal|samen|total|together)\b[ \u00a0]*(?:van|of|is|bedraagt|=)?[ \u00a0]*(?P<result>{_NUM})(?![\d])",
    re.IGNORECASE)
_PRICED_STEP = re.compile(_PRICED)


def _bare(text: str) -> str:
    """A figure's text without the spaces a sentence may set inside it ("€ 300.000")."""
    return _SPACES.sub("", text)


_SPACES = re.compile(r"[ \u00a0]")


def _figure(text: str, figs: Sequence[Fig], used: set[str]) -> Fig | None:
    """The figure of the sentence printed as ``text`` (spacing aside), not taken yet."""
    want = _bare(text)
    for f in figs:
        if f.id not in used and _bare(f.stated) == want:
            return f
    return None


def stated_equations(figures: Sequence[Fig]) -> list[Proposal]:
    """One proposal per equation printed in a sentence, with one kind of operator throughout."""
    by_quote: dict[str, list[Fig]] = {}
    for f in figures:
        by_quote.setdefault(f.quote, []).append(f)
    out: list[Proposal] = []
    for quote, figs in by_quote.items():
        out.extend(_priced_sums(quote, figs))
        if "=" not in quote:
            continue
        for m in _EQUATION.finditer(quote):
            if _CONTINUED.search(quote[: m.start()]):
                continue  # the tail of a longer formula: "5 x (6+2)+ 2 x 4 = 48" is no 2 x 4 = 48
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
        out.extend(_worded(quote, figs))
        out.extend(_formulas(quote, figs))
    return out


_TOKEN = re.compile(rf"[ \u00a0]*(?:(?P<num>{_NUM})|(?P<op>[x×*+\-\u2212\u2013/:()]))")
_START = re.compile(r"[€$£(\d]")
_REACH = 80  # characters left of "=" a formula may take


def _formulas(quote: str, figs: Sequence[Fig]) -> list[Proposal]:
    """Equations with brackets or with more than one kind of operator, read by arithmetic's own
    precedence ("5 x (6+2)+ 2 x 4 = 48": five times eight, plus eight). Every number must be a
    figure of the sentence, and the whole formula must read, from its first figure or bracket to
    the "=": anything else (a unit in brackets, a word) and it is left alone."""
    out: list[Proposal] = []
    for eq in (m.start() for m in re.finditer("=", quote)):
        after = re.match(rf"[ \u00a0]*(?P<result>{_NUM})(?![\d])", quote[eq + 1:])
        if after is None:
            continue
        left = max(0, eq - _REACH)
        for k in range(left, eq):
            if not _START.match(quote, k) or (k > 0 and (quote[k - 1].isalnum() or quote[k - 1] in ".,")):
                continue
            tokens = _tokens(quote, k, eq)
            if tokens is None:
                continue
            if not any(t == "(" for _, t in tokens) and len({_KIND.get(t) for _, t in tokens if t in _KIND}) < 2:
                break  # one kind of operator, no brackets: the plain equation's
            read = _Parser(quote, tokens, figs).read()
            result = _figure_at(quote, eq + 1 + after.start("result"), after.group("result"), figs)
            if read is not None and result is not None:
                expr, relation, operands = read
                out.append(Proposal(result, tuple(operands), relation, expr, False, 9, "=", True))
            break  # the longest formula that reads is the one
    return out


def _tokens(quote: str, start: int, end: int) -> list[tuple[int, str]] | None:
    """(offset, token) of quote[start:end] when all of it is figures, operators and brackets."""
    out: list[tuple[int, str]] = []
    at = start
    while at < end:
        m = _TOKEN.match(quote, at, end)
        if m is None:
            if quote[at:end].strip(" \u00a0"):
                return None
            break
        if m.group("num") is not None:
            out.append((m.start("num"), m.group("num")))
        else:
            out.append((m.start("op"), m.group("op")))
        at = m.end()
    return out if len(out) >= 3 else None


class _Parser:
    """expr := term (("+" | "-") term)*; term := factor (("x" | "/") factor)*; factor := figure | "(" expr ")"."""

    def __init__(self, quote: str, tokens: list[tuple[int, str]], figs: Sequence[Fig]) -> None:
        self.quote, self.tokens, self.figs, self.k = quote, tokens, figs, 0
        self.operands: list[Fig] = []

    def read(self) -> tuple[str, str, list[Fig]] | None:
        got = self._expr()
        if got is None or self.k != len(self.tokens) or len({f.id for f in self.operands}) != len(self.operands):
            return None
        return got[0], got[1], self.operands

    def _peek(self) -> str | None:
        return self.tokens[self.k][1] if self.k < len(self.tokens) else None

    def _expr(self) -> tuple[str, str] | None:
        return self._chain(self._term, ("+", "-"), {"+": "sum", "-": "difference"})

    def _term(self) -> tuple[str, str] | None:
        return self._chain(self._factor, ("*", "/"), {"*": "product", "/": "quotient"})

    def _chain(self, below: Callable[[], tuple[str, str] | None], kinds: tuple[str, ...],
               names: dict[str, str]) -> tuple[str, str] | None:
        first = below()
        if first is None:
            return None
        text, relation = first
        while (op := self._peek()) is not None and _KIND.get(op) in kinds:
            self.k += 1
            nxt = below()
            if nxt is None:
                return None
            kind = _KIND[op]
            text, relation = f"{text} {kind} {nxt[0]}", names[kind]
        return text, relation

    def _factor(self) -> tuple[str, str] | None:
        tok = self._peek()
        if tok is None:
            return None
        self.k += 1
        if tok == "(":
            inner = self._expr()
            if inner is None or self._peek() != ")":
                return None
            self.k += 1
            return f"({inner[0]})", inner[1]
        if tok in _KIND or tok == ")":
            return None
        fig = _figure_at(self.quote, self.tokens[self.k - 1][0], tok, self.figs)
        if fig is None:
            return None
        self.operands.append(fig)
        return fig.id, "figure"


def _worded(quote: str, figs: Sequence[Fig]) -> list[Proposal]:
    """The calculations a fiscal note spells out in words and signs: "$2,000 (8 applicants
    @$250)", "$2,000 (…) PLUS $160 (…) = $2,160". Such lines repeat their figures ("$2,000" on
    every line of years), so each figure is the one printed at its place in the quote."""
    out: list[Proposal] = []
    for m in _AT_PRICE.finditer(quote):
        found = [_figure_at(quote, m.start(g), m.group(g), figs) for g in ("count", "price", "result")]
        count, price, result = found
        if count is not None and price is not None and result is not None:
            out.append(Proposal(result, (count, price), "product", f"{count.id} * {price.id}", False, 9, "@", False))
    for m in _WORDED_SUM.finditer(quote):
        steps = [(m.start(2) + s.start(1), s.group(1)) for s in _PLUS_STEP.finditer(m.group(2))]
        operands = [_figure_at(quote, at, text, figs) for at, text in [(m.start(1), m.group(1)), *steps]]
        result = _figure_at(quote, m.start("result"), m.group("result"), figs)
        if result is not None and all(f is not None for f in operands):
            out.append(Proposal(result, tuple(f for f in operands if f is not None), "sum",
                                " + ".join(f.id for f in operands if f is not None), False, 9, "plus", True))
    return out


def _priced_sums(quote: str, figs: Sequence[Fig]) -> list[Proposal]:
    """Counts times prices and their total, in words: "36 x € 1.800 voor de medewerkers en 1 x
    € 1.750 voor de ZZP'er, totaal € 66.550"."""
    out: list[Proposal] = []
    for m in _PRICED_SUM.finditer(quote):
        pairs = [(m.start(1), m.group(1), m.start(2), m.group(2))] + [
            (m.start("more") + p.start(1), p.group(1), m.start("more") + p.start(2), p.group(2))
            for p in _PRICED_STEP.finditer(m.group("more"))]
        operands = [_figure_at(quote, at, text, figs) for a, ta, b, tb in pairs for at, text in ((a, ta), (b, tb))]
        # (the sentence's full stop is no decimal point)
        result = _figure_at(quote, m.start("result"), m.group("result").rstrip(".,"), figs)
        if result is not None and all(f is not None for f in operands):
            found = [f for f in operands if f is not None]
            expr = " + ".join(f"{c.id} * {p.id}" for c, p in zip(found[::2], found[1::2]))
            out.append(Proposal(result, tuple(found), "sum", expr, False, 9, "x", False))
    return out


def _figure_at(quote: str, at: int, text: str, figs: Sequence[Fig]) -> Fig | None:
    """The figure printed as ``text`` at offset ``at`` of the quote: the n-th of the sentence's
    figures printed so, where the text stands there for the n-th time."""
    want = _bare(text)
    same = [f for f in figs if _bare(f.stated) == want]
    # (printed as a figure of its own: the "1" of "1 x € 1.750" is not the one in "€ 1.800" before it)
    n = len(re.findall(rf"(?<![\w.,]){re.escape(text)}(?![.,]?\d)", quote[:at]))
    return same[n] if n < len(same) else None
