"""Parse a relation (`expr`) with an allow-list over Python's ``ast`` into a small tree of our own.

Text from a claim file never reaches ``eval``, ``sympify``, ``parse_expr`` or ``lambdify``:
``ast.parse`` only builds a syntax tree, and we accept just numbers, claim names, ``+ - * /``,
small integer powers, ``sum``/``min``/``max``/``abs`` and percentages. Size, depth, exponent and
literal length are limited *before* anything is computed, so ``9**9**9**9`` is refused at once.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from fractions import Fraction

from factcheck.bounds import (
    CHARACTER_CODE,
    MAX_EXPONENT,
    MAX_LITERAL_DIGITS,
    describe_char,
    first_non_ascii,
)
from factcheck.bounds import MAX_FORMULA_DEPTH as MAX_DEPTH
from factcheck.bounds import MAX_FORMULA_LENGTH as MAX_LENGTH
from factcheck.bounds import MAX_FORMULA_PARTS as MAX_NODES
from factcheck.errors import FormulaError

FUNCTIONS = frozenset({"sum", "min", "max", "abs"})
REFERENCE = "ref"  # ref(source, year, phase, chapter, article): a reference table's value

_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
# "asiel-migratie-2025.kostprijs": a claim in another file. Document ids may hold hyphens,
# which Python would read as minus, so references are swapped for same-length placeholders.
_REF_RE = re.compile(r"(?<![\w.])([a-z0-9][a-z0-9_-]*)\.([a-z][a-z0-9_]*)(?![\w.(])")
# A number as Python reads it, in decimal only: 0x10, 0b101 and 0o17 are refused, not misread.
# A run of digits that no number in a formula may have (not part of a claim id such as x1).
_LONG_DIGITS = re.compile(rf"(?<![A-Za-z0-9_])[0-9]{{{MAX_LITERAL_DIGITS + 1},}}")
_LITERAL_RE = re.compile(r"(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]{1,2})?")
# `%` is written as a postfix; Python has none, so it becomes a subscript `[0]`, which binds
# as tightly as a postfix does and is otherwise refused (no `[` or `]` may be written).
_PERCENT_MARK = "[0]"


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
    if not isinstance(text, str) or not text.strip(" \t\r\n"):
        # only ASCII blanks make a formula empty: a no-break space is a character to name (FC141)
        raise _fail("the formula is empty", code="FC201")
    if len(text) > MAX_LENGTH:
        raise _fail(f"the formula is {len(text)} characters long; the limit is {MAX_LENGTH}", code="FC204")
    if "\n" in text.strip() or ";" in text:
        raise _fail("a formula is a single expression on one line", text.find(";") + 1 if ";" in text else 1, "FC201")

    at = first_non_ascii(text)
    if at is not None:
        # Python's parser folds look-alikes (NFKC): 'ａ' would become 'a', '𝟏' would become 1.
        raise _fail(f"the formula holds {describe_char(text[at])}; formulas are written in ASCII: "
                    "claim ids, digits 0-9, + - * / ( ) and %", at + 1, CHARACTER_CODE)
    control = next((i for i, c in enumerate(text) if (c < " " and c not in "\t\n\r") or c == "\x7f"), None)
    if control is not None:
        raise _fail(f"the formula holds {describe_char(text[control])}", control + 1, "FC201")
    depth = deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
    if deepest > MAX_DEPTH:
        # Python's own parser stops at 200 with a SyntaxError; this is our limit, and says so.
        raise _fail(f"the formula is nested more than {MAX_DEPTH} levels deep", text.index("(") + 1, "FC204")
    for bracket in "[]":
        if bracket in text:
            raise _fail(f"{bracket!r} is not allowed in a formula; use ( )", text.index(bracket) + 1)
    long_number = _LONG_DIGITS.search(text)
    if long_number is not None:
        # Before Python's parser, which stops at 4,300 digits with a message of its own (FC201).
        raise _fail(f"the number {long_number.group()[:20]}… is longer than {MAX_LITERAL_DIGITS} characters",
                    long_number.start() + 1, "FC204")

    refs: dict[str, str] = {}

    def swap_ref(match: re.Match[str]) -> str:
        full = match.group(0)
        placeholder = f"_r{len(refs)}"
        if len(placeholder) > len(full):
            return full
        placeholder = placeholder.ljust(len(full), "_")
        refs[placeholder] = f"{match.group(1)}.{match.group(2)}"
        return placeholder

    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    prepared, marks = _mark_percents(_REF_RE.sub(swap_ref, stripped), offset)

    try:
        tree = ast.parse(prepared, mode="eval")
    except SyntaxError as exc:
        col = _original_col((exc.offset or 1) - 1, marks) + 1 + offset
        raise _fail(f"cannot read the formula: {exc.msg}", col, "FC201") from None
    except (RecursionError, MemoryError, ValueError):
        raise _fail("the formula is nested too deeply", 1, "FC204") from None

    builder = _Builder(prepared, refs, marks, offset)
    root = builder.build(tree.body, 1)
    return Formula(source=text, root=root, names=tuple(dict.fromkeys(builder.names)))


def _mark_percents(text: str, offset: int) -> tuple[str, list[int]]:
    """Write each `%` as the subscript mark; return the text and where each mark starts."""
    if "%" not in text:
        return text, []
    out: list[str] = []
    marks: list[int] = []
    length = 0
    last = 0
    for i, char in enumerate(text):
        if char != "%":
            continue
        before = text[:i].rstrip()[-1:]
        after = text[i + 1:].lstrip()[:1]
        if not before or not (before.isalnum() or before in "_.)"):
            raise _fail("'%' must follow a value, as in 30%, x%, 1e2% or (a / b)%", i + 1 + offset)
        if after and (after.isalnum() or after in "_.("):
            raise _fail("the operator % (modulo) is not allowed in a formula; % means percent and follows a value",
                        i + 1 + offset)
        out.append(text[last:i])
        length += i - last
        marks.append(length)
        out.append(_PERCENT_MARK)
        length += len(_PERCENT_MARK)
        last = i + 1
    out.append(text[last:])
    return "".join(out), marks


def _original_col(index: int, marks: list[int]) -> int:
    """A 0-based position in the marked text back to the position in the text as written."""
    shift = 0
    for mark in marks:
        if index <= mark:
            break
        if index < mark + len(_PERCENT_MARK):
            return mark - shift  # inside a mark: the `%` itself
        shift += len(_PERCENT_MARK) - 1
    return index - shift


class _Builder:
    """Walks the ``ast`` tree, refusing anything that is not on the allow-list."""

    def __init__(self, source: str, refs: dict[str, str], marks: list[int], offset: int) -> None:
        self.source = source
        self.refs = refs
        self.marks = marks
        self.offset = offset
        self.count = 0
        self.names: list[str] = []

    def build(self, node: ast.AST, depth: int) -> Node:
        self.count += 1
        col = _original_col(getattr(node, "col_offset", 0), self.marks) + 1 + self.offset
        if self.count > MAX_NODES:
            raise _fail(f"the formula has more than {MAX_NODES} parts", col, "FC204")
        if depth > MAX_DEPTH:
            raise _fail(f"the formula is nested more than {MAX_DEPTH} levels deep", col, "FC204")

        if isinstance(node, ast.Constant):
            return self._literal(node, col)
        if isinstance(node, ast.Subscript):
            return self._percent(node, depth, col)
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

    def _percent(self, node: ast.Subscript, depth: int, col: int) -> Node:
        # Only `%` makes a subscript: brackets as written are refused before parsing.
        if isinstance(node.value, ast.Constant):
            number = self._literal(node.value, col)
            return Node("pct", value=number.value, text=f"{number.text}%", col=col)
        inner = self.build(node.value, depth + 1)
        hundred = Node("num", value=Fraction(100), text="100", col=col)
        return Node("div", (inner, hundred), text="%", col=col)

    def _literal(self, node: ast.Constant, col: int) -> Node:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(f"{value!r} is not a number", col)
        start = node.col_offset
        end = node.end_col_offset if node.end_col_offset is not None else start
        literal = self.source[start:end]
        if len(literal) > MAX_LITERAL_DIGITS:
            raise _fail(f"the number {literal[:20]}… is longer than {MAX_LITERAL_DIGITS} characters", col, "FC204")
        if not _LITERAL_RE.fullmatch(literal):
            raise _fail(f"cannot read the number {literal!r}; write numbers in decimal, such as 1250 or 0.5", col, "FC201")
        # Read the digits as written: going through float would lose exactness.
        exact = Fraction(literal.replace("_", ""))
        if float(exact) != float(value):
            # The text cut out is not the number Python read: never compute with it.
            raise _fail(f"cannot read the number {literal!r}", col, "FC201")
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
        name = sys.intern(name)  # the same string as the claim's id (factcheck.claimfile)
        self.names.append(name)
        return Node("ref", name=name, col=col)

    def _binop(self, node: ast.BinOp, depth: int, col: int) -> Node:
        ops = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div"}
        op = ops.get(type(node.op))
        if op is not None:
            return Node(op, (self.build(node.left, depth + 1), self.build(node.right, depth + 1)), col=col)
        if isinstance(node.op, ast.Pow):
            exponent = _small_int(node.right, self.source)
            if exponent is None:
                raise _fail(f"a power must be a whole number from -{MAX_EXPONENT} to {MAX_EXPONENT}", col, "FC204")
            return Node("pow", (self.build(node.left, depth + 1),), exponent=exponent, col=col)
        symbol = {ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@"}.get(type(node.op), type(node.op).__name__)
        raise _fail(f"the operator {symbol} is not allowed in a formula", col)

    def _call(self, node: ast.Call, depth: int, col: int) -> Node:
        if isinstance(node.func, ast.Name) and node.func.id == REFERENCE:
            return self._reference(node, col)
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            raise _fail("only sum, min, max, abs and ref may be called", col)
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            raise _fail(f"{node.func.id}() takes plain values only", col)
        if not node.args or (node.func.id == "abs" and len(node.args) != 1):
            raise _fail(f"{node.func.id}() needs {'one value' if node.func.id == 'abs' else 'at least one value'}", col)
        args = tuple(self.build(a, depth + 1) for a in node.args)
        return Node("call", args, name=node.func.id, col=col)


    def _reference(self, node: ast.Call, col: int) -> Node:
        """``ref(source, year, phase, chapter, article[, kind])``: a value of a reference table.
        Its arguments are names and whole numbers only, checked by factcheck.reference.syntax."""
        from factcheck.reference.syntax import reference_name

        def literal(arg: ast.AST) -> tuple[int, int | str]:
            at = _original_col(getattr(arg, "col_offset", 0), self.marks) + 1 + self.offset
            if isinstance(arg, ast.Name) and arg.id not in self.refs:
                return at, arg.id
            if isinstance(arg, ast.Constant) and type(arg.value) is int:
                text = self.source[arg.col_offset:arg.end_col_offset or arg.col_offset]
                if text.isdigit() and len(text) <= 4:
                    return at, arg.value
            raise _fail("ref() takes names and whole numbers: ref(source, year, phase, chapter, article)", at, "FC504")

        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            raise _fail("ref() takes plain values only", col, "FC504")
        self.count += len(node.args) + len(node.keywords)
        positional = [literal(a) for a in node.args]
        keywords = []
        for keyword in node.keywords:
            at, value = literal(keyword.value)
            keywords.append((str(keyword.arg), value, at))
        try:
            name = reference_name(positional, keywords, col)
        except FormulaError as exc:
            raise _fail(exc.message, exc.col or col, exc.code) from None
        self.names.append(name)
        return Node("ref", name=name, col=col)


def _small_int(node: ast.AST, source: str) -> int | None:
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int and node.value <= MAX_EXPONENT:
        if not source[node.col_offset:node.end_col_offset or node.col_offset].isdigit():
            return None  # 0b11 is 3, but only decimal is read
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
        if n.op == "div" and n.text == "%":
            return go(n.args[0], prec["pow"] + 1) + "%"
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
