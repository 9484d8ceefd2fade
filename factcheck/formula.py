"""Parse a relation (`expr`) with an allow-list over Python's ``ast`` into a small tree of our own.

Text from a claim file never reaches ``eval``, ``sympify``, ``parse_expr`` or ``lambdify``:
``ast.parse`` only builds a syntax tree, and we accept just numbers, claim names, ``+ - * /``,
small integer powers, ``sum``/``min``/``max``/``abs`` and percentages. Size, depth, exponent and
literal length are limited *before* anything is computed, so ``9**9**9**9`` is refused at once.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from fractions import Fraction

from factcheck.errors import FormulaError

MAX_LENGTH = 10_000
MAX_NODES = 2_000
MAX_DEPTH = 100
MAX_EXPONENT = 6
MAX_LITERAL_DIGITS = 40
FUNCTIONS = frozenset({"sum", "min", "max", "abs"})

_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
# "asiel-migratie-2025.kostprijs": a claim in another file. Document ids may hold hyphens,
# which Python would read as minus, so references are swapped for same-length placeholders.
_REF_RE = re.compile(r"(?<![\w.])([a-z0-9][a-z0-9_-]*)\.([a-z][a-z0-9_]*)(?![\w.(])")
_PERCENT_RE = re.compile(r"(\d+(?:\.\d+)?)(\s*)%")


@dataclass(frozen=True, slots=True)
class Node:
    """One node of a parsed formula.

    ``op`` is one of: num, pct, ref, neg, add, sub, mul, div, pow, call.
    ``col`` is the 1-based column in the formula text, for error messages.
    """

    op: str
    args: tuple["Node", ...] = ()
    value: Fraction | None = None  # num, pct (the printed number; pct means value/100)
    name: str | None = None  # ref (claim id or doc.claim), call (function)
    text: str | None = None  # num, pct: the literal as written
    exponent: int | None = None  # pow
    col: int = 1


@dataclass(frozen=True, slots=True)
class Formula:
    """A parsed formula and the claim names it refers to, in order of first use."""

    source: str
    root: Node
    names: tuple[str, ...]


def _fail(message: str, col: int = 1, code: str = "FC202") -> FormulaError:
    return FormulaError(message, col=col, code=code)


def parse_formula(text: str) -> Formula:
    """Parse ``text`` into a :class:`Formula` or raise :class:`FormulaError` with a column."""
    if not isinstance(text, str) or not text.strip():
        raise _fail("the formula is empty", code="FC201")
    if len(text) > MAX_LENGTH:
        raise _fail(f"the formula is {len(text)} characters long; the limit is {MAX_LENGTH}", code="FC204")
    if "\n" in text.strip() or ";" in text:
        raise _fail("a formula is a single expression on one line", text.find(";") + 1 if ";" in text else 1, "FC201")

    refs: dict[str, str] = {}

    def swap_ref(match: re.Match[str]) -> str:
        full = match.group(0)
        placeholder = f"_r{len(refs)}"
        if len(placeholder) > len(full):
            return full
        placeholder = placeholder.ljust(len(full), "_")
        refs[placeholder] = f"{match.group(1)}.{match.group(2)}"
        return placeholder

    prepared = _REF_RE.sub(swap_ref, text.strip())
    percent_cols: set[int] = set()

    def swap_percent(match: re.Match[str]) -> str:
        percent_cols.add(match.start(1))
        return match.group(1) + match.group(2) + " "

    prepared = _PERCENT_RE.sub(swap_percent, prepared)
    if "%" in prepared:
        raise _fail("'%' may only follow a number, as in 30%", prepared.index("%") + 1, "FC202")
    offset = len(text) - len(text.lstrip())

    try:
        tree = ast.parse(prepared, mode="eval")
    except SyntaxError as exc:
        col = (exc.offset or 1) + offset
        raise _fail(f"cannot read the formula: {exc.msg}", col, "FC201") from None
    except (RecursionError, MemoryError, ValueError):
        raise _fail("the formula is nested too deeply", 1, "FC204") from None

    builder = _Builder(prepared, refs, percent_cols, offset)
    root = builder.build(tree.body, 1)
    return Formula(source=text, root=root, names=tuple(dict.fromkeys(builder.names)))


class _Builder:
    """Walks the ``ast`` tree, refusing anything that is not on the allow-list."""

    def __init__(self, source: str, refs: dict[str, str], percent_cols: set[int], offset: int) -> None:
        self.source = source
        self.refs = refs
        self.percent_cols = percent_cols
        self.offset = offset
        self.count = 0
        self.names: list[str] = []

    def build(self, node: ast.AST, depth: int) -> Node:
        self.count += 1
        col = getattr(node, "col_offset", 0) + 1 + self.offset
        if self.count > MAX_NODES:
            raise _fail(f"the formula has more than {MAX_NODES} parts", col, "FC204")
        if depth > MAX_DEPTH:
            raise _fail(f"the formula is nested more than {MAX_DEPTH} levels deep", col, "FC204")

        if isinstance(node, ast.Constant):
            return self._literal(node, col)
        if isinstance(node, ast.Name):
            return self._name(node.id, col)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                return Node("neg", (self.build(node.operand, depth + 1),), col=col)
            if isinstance(node.op, ast.UAdd):
                return self.build(node.operand, depth + 1)
            raise _fail("only + and - may stand before a value", col)
        if isinstance(node, ast.BinOp):
            return self._binop(node, depth, col)
        if isinstance(node, ast.Call):
            return self._call(node, depth, col)
        kind = type(node).__name__
        raise _fail(f"{kind} is not allowed in a formula; use numbers, claim ids, + - * /, ( ) and sum/min/max/abs", col)

    def _literal(self, node: ast.Constant, col: int) -> Node:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(f"{value!r} is not a number", col)
        start = node.col_offset
        end = node.end_col_offset if node.end_col_offset is not None else start
        literal = self.source[start:end]
        if len(literal) > MAX_LITERAL_DIGITS:
            raise _fail(f"the number {literal[:20]}… is longer than {MAX_LITERAL_DIGITS} characters", col, "FC204")
        if "e" in literal.lower() and not re.fullmatch(r"\d+(?:\.\d+)?[eE][+-]?\d{1,2}", literal):
            raise _fail(f"cannot read the number {literal!r}", col, "FC201")
        # Read the digits as written: going through float would lose exactness.
        exact = Fraction(literal.replace("_", ""))
        if start in self.percent_cols:
            return Node("pct", value=exact, text=literal + "%", col=col)
        return Node("num", value=exact, text=literal, col=col)

    def _name(self, name: str, col: int) -> Node:
        if name in self.refs:
            qualified = self.refs[name]
            self.names.append(qualified)
            return Node("ref", name=qualified, col=col)
        if name in FUNCTIONS:
            raise _fail(f"{name} is a function; write {name}(a, b, …)", col)
        if not _ID_RE.match(name):
            raise _fail(f"{name!r} is not a claim id; ids are lower-case letters, digits and _", col, "FC203")
        self.names.append(name)
        return Node("ref", name=name, col=col)

    def _binop(self, node: ast.BinOp, depth: int, col: int) -> Node:
        ops = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div"}
        op = ops.get(type(node.op))
        if op is not None:
            return Node(op, (self.build(node.left, depth + 1), self.build(node.right, depth + 1)), col=col)
        if isinstance(node.op, ast.Pow):
            exponent = _small_int(node.right)
            if exponent is None:
                raise _fail(f"a power must be a whole number from -{MAX_EXPONENT} to {MAX_EXPONENT}", col, "FC204")
            return Node("pow", (self.build(node.left, depth + 1),), exponent=exponent, col=col)
        symbol = {ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@"}.get(type(node.op), type(node.op).__name__)
        raise _fail(f"the operator {symbol} is not allowed in a formula", col)

    def _call(self, node: ast.Call, depth: int, col: int) -> Node:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            raise _fail("only sum, min, max and abs may be called", col)
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            raise _fail(f"{node.func.id}() takes plain values only", col)
        if not node.args or (node.func.id == "abs" and len(node.args) != 1):
            raise _fail(f"{node.func.id}() needs {'one value' if node.func.id == 'abs' else 'at least one value'}", col)
        args = tuple(self.build(a, depth + 1) for a in node.args)
        return Node("call", args, name=node.func.id, col=col)


def _small_int(node: ast.AST) -> int | None:
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int and node.value <= MAX_EXPONENT:
        return sign * node.value
    return None


def render(node: Node, names: dict[str, str] | None = None) -> str:
    """Write a formula back as text, replacing claim names by ``names[name]`` when given."""
    prec = {"add": 1, "sub": 1, "mul": 2, "div": 2, "neg": 3, "pow": 4}

    def go(n: Node, parent: int) -> str:
        if n.op in ("num", "pct"):
            return n.text or ""
        if n.op == "ref":
            return names.get(n.name, n.name) if names and n.name else (n.name or "")
        if n.op == "call":
            return f"{n.name}(" + ", ".join(go(a, 0) for a in n.args) + ")"
        if n.op == "neg":
            out = "-" + go(n.args[0], prec["neg"])
        elif n.op == "pow":
            out = f"{go(n.args[0], prec['pow'] + 1)}^{n.exponent}"
        else:
            symbol = {"add": " + ", "sub": " − ", "mul": " × ", "div": " / "}[n.op]
            right_prec = prec[n.op] + (1 if n.op in ("sub", "div") else 0)
            out = go(n.args[0], prec[n.op]) + symbol + go(n.args[1], right_prec)
        return f"({out})" if prec[n.op] < parent else out

    return go(node, 0)
