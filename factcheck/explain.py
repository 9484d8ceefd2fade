"""Plain-language explanations of verdicts, in the document's language (Dutch or English).

An explanation walks a reader who is not a programmer through the check: the inputs as printed
and the range each stands for, the formula with the numbers filled in, the computed value, and
why that gives this verdict.
"""

from __future__ import annotations

from fractions import Fraction

from factcheck.formatting import format_interval, format_number, format_ratio_percent, format_signed
from factcheck.formula import Node, render
from factcheck.model import Claim, InputValue, Result, Verdict

_TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "relation": "Relatie: {id} = {expr}",
        "inputs": "Invoer:",
        "input": "  {name} = {value}{unit}  (gedrukt: {printed}; staat voor {interval})",
        "input_computed": "  {name} = {value}{unit}  (zelf berekend uit een eigen formule)",
        "filled": "Ingevuld: {filled} = {value}",
        "computed": "Berekend: {value}{unit} (met de afronding van de invoer: {interval}).",
        "stated": "Vermeld: {printed} (staat voor {interval}).",
        "consistent": "Oordeel: consistent. De berekende waarde is precies gelijk aan het vermelde getal.",
        "rounding": "Oordeel: afronding. De waarden verschillen {diff} ({rel}), maar dat valt binnen de afronding: de intervallen overlappen.",
        "rounding_tol": "Oordeel: afronding. De waarden verschillen {diff} ({rel}), binnen de opgegeven tolerantie {tol}.",
        "mismatch": "Oordeel: onjuist. De waarden verschillen {diff} ({rel}) en de intervallen overlappen niet, ook niet met afronding.",
        "scale": "Oordeel: schaalfout. Berekend en vermeld verschillen een factor {factor}: vermoedelijk duizend/miljoen verwisseld of een 'bedragen x 1.000'-label.",
        "implied": "Het vermelde getal klopt als {name} {value} zou zijn (gedrukt: {printed}).",
        "unit": "Oordeel: eenheidsfout. De formule levert {computed}, maar de claim heeft eenheid {stated}.",
        "unit_inside": "Oordeel: eenheidsfout. In de formule worden grootheden met verschillende eenheden opgeteld of afgetrokken: {computed} en {stated}.",
        "unverifiable": "Oordeel: niet te controleren. Er ontbreekt invoer: {reasons}.",
        "error": "Oordeel: fout. De relatie kan niet worden berekend: {message}",
        "repeats": "Dezelfde grootheid wordt {n} keer genoemd:",
        "statement": "  {id}: {stated} ({where}): \u201c{quote}\u201d",
        "repeats_consistent": "Oordeel: consistent. Alle {n} vermeldingen noemen hetzelfde getal (bevestigd).",
        "repeats_rounding": "Oordeel: afronding. De vermeldingen verschillen alleen binnen de afronding.",
        "repeats_conflict": "Oordeel: tegenstrijdig. Voor dezelfde periode worden verschillende waarden genoemd:",
        "side": "  {stated}{period}: {places}",
        "question": "vraag",
        "line": "regel",
        "page": "pagina",
        "against": "  tegenover",
    },
    "en": {
        "relation": "Relation: {id} = {expr}",
        "inputs": "Inputs:",
        "input": "  {name} = {value}{unit}  (printed: {printed}; stands for {interval})",
        "input_computed": "  {name} = {value}{unit}  (computed from its own formula)",
        "filled": "Filled in: {filled} = {value}",
        "computed": "Computed: {value}{unit} (allowing for the rounding of the inputs: {interval}).",
        "stated": "Stated: {printed} (stands for {interval}).",
        "consistent": "Verdict: consistent. The computed value equals the stated figure exactly.",
        "rounding": "Verdict: rounding. The values differ by {diff} ({rel}), but within rounding: the intervals overlap.",
        "rounding_tol": "Verdict: rounding. The values differ by {diff} ({rel}), within the given tolerance {tol}.",
        "mismatch": "Verdict: mismatch. The values differ by {diff} ({rel}) and the intervals do not overlap, even allowing for rounding.",
        "scale": "Verdict: scale. Computed and stated differ by a factor of {factor}: probably thousands and millions mixed up, or a 'x 1,000' label.",
        "implied": "The stated figure would hold if {name} were {value} (printed: {printed}).",
        "unit": "Verdict: unit. The formula gives {computed}, but the claim's unit is {stated}.",
        "unit_inside": "Verdict: unit. The formula adds or subtracts quantities with different units: {computed} and {stated}.",
        "unverifiable": "Verdict: unverifiable. An input is missing: {reasons}.",
        "error": "Verdict: error. The relation cannot be computed: {message}",
        "repeats": "The same quantity is stated {n} times:",
        "statement": "  {id}: {stated} ({where}): \u201c{quote}\u201d",
        "repeats_consistent": "Verdict: consistent. All {n} statements give the same figure (corroborated).",
        "repeats_rounding": "Verdict: rounding. The statements differ only within rounding.",
        "repeats_conflict": "Verdict: conflict. Different values are stated for the same period:",
        "side": "  {stated}{period}: {places}",
        "question": "question",
        "line": "line",
        "page": "page",
        "against": "  against",
    },
}

# How each language starts the line that states the verdict ("Oordeel:", "Verdict:"), from the
# texts above: a one-line summary of an explanation is that line.
VERDICT_PREFIXES = tuple({text["mismatch"].split(":", 1)[0] + ":" for text in _TEXT.values()})


def short_number(value: Fraction | None, language: str) -> str:
    """A number for a filled-in formula: grouped the document's way, at most 4 decimals."""
    if value is None:
        return "?"
    return format_number(value, language, 4, mark_inexact=True)


def _unit_suffix(unit: str | None) -> str:
    return f" {unit}" if unit else ""


def _printed(claim: Claim | None, value: Fraction | None, language: str) -> str:
    if claim is not None and claim.stated:
        return f"\u201c{claim.stated}\u201d"
    return short_number(value, language)


def filled_formula(root: Node, inputs: tuple[InputValue, ...], language: str) -> str | None:
    """The formula with each input's value written in, as the document writes numbers."""
    values = {i.name: short_number(i.value, language) for i in inputs if i.value is not None}
    return render(root, values) if values else None


def explain(result: Result, expr: str | None, reasons: list[str], unit_note: str | None, root: Node | None = None) -> str:
    """The explanation for one result, in its document's language."""
    claim = result.claim
    language = result.document.language if result.document.language in _TEXT else "en"
    t = _TEXT[language]
    verdict = result.verdict
    lines = [t["relation"].format(id=claim.id, expr=expr or "")]
    if verdict is Verdict.ERROR:
        lines.append(t["error"].format(message=result.message))
        return "\n".join(lines)

    inputs = result.inputs
    written: dict[str, str] = {}  # each input's value as the filled-in formula writes it
    if inputs:
        lines.append(t["inputs"])
        for item in inputs:
            value = short_number(item.value, language)
            if item.value is not None:
                written[item.name] = value
            if item.computed:
                lines.append(t["input_computed"].format(name=item.name, value=value, unit=_unit_suffix(item.unit)))
            else:
                lines.append(t["input"].format(
                    name=item.name, value=value, unit=_unit_suffix(item.unit),
                    printed=_printed(item.claim, item.value, language),
                    interval=format_interval(item.interval, language),
                ))
    if verdict is Verdict.UNVERIFIABLE:
        lines.append(t["unverifiable"].format(reasons="; ".join(reasons) or ", ".join(result.missing)))
        return "\n".join(lines)
    if verdict is Verdict.UNIT:
        key = "unit_inside" if unit_note == "inside" else "unit"
        lines.append(t[key].format(computed=result.computed_unit, stated=result.stated_unit))
        return "\n".join(lines)

    computed = short_number(result.computed, language)
    unit = claim.unit
    # filled_formula(root, inputs, language), with the values written above.
    filled = result.formula_filled or (render(root, written) if root is not None and written else None)
    if filled:
        lines.append(t["filled"].format(filled=filled, value=computed))
    lines.append(t["computed"].format(
        value=computed, unit=_unit_suffix(unit),
        interval=format_interval(result.computed_interval, language),
    ))
    lines.append(t["stated"].format(
        printed=_printed(claim, result.stated_value, language),
        interval=format_interval(result.stated_interval, language),
    ))
    if verdict is Verdict.CONSISTENT:
        lines.append(t["consistent"])
        return "\n".join(lines)
    diff = result.difference
    rel = result.relative_difference
    diff_text = format_signed(diff, language, 4) if diff is not None else ""
    rel_text = format_ratio_percent(rel, language) if rel is not None else "—"
    if verdict is Verdict.ROUNDING:
        if claim.tolerance:
            lines.append(t["rounding_tol"].format(diff=diff_text, rel=rel_text, tol=claim.tolerance))
        else:
            lines.append(t["rounding"].format(diff=diff_text, rel=rel_text))
    elif verdict is Verdict.SCALE:
        lines.append(t["scale"].format(factor=format_number(result.scale_factor, language, 6)))
    elif verdict is Verdict.MISMATCH:
        lines.append(t["mismatch"].format(diff=diff_text, rel=rel_text))
        by_name = {i.name: i for i in inputs}
        for implied in result.implied:
            item = by_name.get(implied.name)
            lines.append(t["implied"].format(
                name=implied.name,
                value=short_number(implied.value, language) + _unit_suffix(implied.unit),
                printed=_printed(item.claim if item else None, item.value if item else None, language),
            ))
    return "\n".join(lines)


def explain_repeats(result: Result, members: list[Claim], pairs: tuple[tuple[str, str], ...]) -> str:
    """The explanation of a repeat group: every statement, then which ones disagree."""
    language = result.document.language if result.document.language in _TEXT else "en"
    t = _TEXT[language]
    lines = [t["repeats"].format(n=len(members))]
    by_id = {m.id: m for m in members}
    for m in members:
        where = ", ".join(f"{k} {v}" for k, v in m.where.items() if k in ("page", "line", "question")) or str(m.location)
        lines.append(t["statement"].format(id=m.id, stated=m.stated or "", where=where, quote=m.quote or ""))
    if result.verdict is Verdict.CONFLICT:
        lines.append(t["repeats_conflict"])
        # One line per value that takes part in a disagreement, listing where it is stated.
        sides: dict[tuple[object, str], list[Claim]] = {}
        for claim_id in dict.fromkeys(i for pair in pairs for i in pair):
            member = by_id[claim_id]
            sides.setdefault((member.value, member.period or ""), []).append(member)
        for n, ((_, period), side) in enumerate(sides.items()):
            if n:
                lines.append(t["against"])
            lines.append(t["side"].format(
                stated=side[0].stated or "", period=f" ({period})" if period else "", places=_places(side, t),
            ))
    elif result.verdict is Verdict.CONSISTENT:
        lines.append(t["repeats_consistent"].format(n=len(members)))
    else:
        lines.append(t["repeats_rounding"])
    return "\n".join(lines)


def _places(claims: list[Claim], t: dict[str, str]) -> str:
    """Where statements stand, compactly: "vraag 1, 29" or "regel 32, 888"."""
    for key in ("question", "page", "line"):
        values = [c.where.get(key) for c in claims]
        if all(v is not None for v in values):
            return f"{t[key]} " + ", ".join(str(v) for v in dict.fromkeys(values))
    return ", ".join(str(c.location) for c in claims)
