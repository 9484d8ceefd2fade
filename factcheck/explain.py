"""Plain-language explanations of verdicts, in the document's language (Dutch or English).

An explanation walks a reader who is not a programmer through the check: the inputs as printed
and the range each stands for, the formula with the numbers filled in, the computed value, and
why that gives this verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from factcheck.errors import FactcheckError
from factcheck.evaluate import Val, evaluate
from factcheck.formatting import format_interval, format_number, format_ratio_percent, format_signed
from factcheck.formula import Node, render
from factcheck.model import Claim, InputValue, Result, Verdict
from factcheck.unit_names import unit_words

_TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "relation": "Relatie: {id} = {expr}",
        "inputs": "Invoer:",
        "input": "  {name} = {value}{unit}  (gedrukt: {printed}; staat voor {interval})",
        "input_computed": "  {name} = {value}{unit}  (zelf berekend uit een eigen formule)",
        "filled": "Ingevuld: {filled}",
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
        "filled": "Filled in: {filled}",
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

# Error messages are English in the `path:line:col: FCnnn message` lines tools read; a Dutch
# explanation says the same in Dutch. Known shapes are translated in full, any other message by
# what its code means (docs/errors.md).
_DUTCH_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"unknown claim id '(?P<a>[^']*)' in the formula(?:; did you mean '(?P<b>[^']*)'\?)?$"),
     "onbekende claim-id '{a}' in de formule{hint}"),
    (re.compile(r"unknown claim id '(?P<a>[^']*)' in repeats$"), "onbekende claim-id '{a}' in repeats"),
    (re.compile(r"unknown unit '(?P<a>[^']*)' in '(?P<c>[^']*)'(?:; did you mean '(?P<b>[^']*)'\?)?$"),
     "onbekende eenheid '{a}' in '{c}'{hint}"),
    (re.compile(r"cannot read unit '(?P<a>[^']*)'.*$"), "de eenheid '{a}' is niet te lezen"),
    (re.compile(r"division by zero.*$"), "deling door nul"),
    (re.compile(r"the relations form a cycle: (?P<a>.*)$"), "de relaties vormen een kringloop: {a}"),
    (re.compile(r"the formula is empty$"), "de formule is leeg"),
    (re.compile(r"a number in this formula grew beyond the size limit$"), "een getal in deze formule werd te groot"),
)
_DUTCH_CODES = {
    "FC201": "de formule is niet te lezen",
    "FC202": "de formule bevat iets wat niet is toegestaan (alleen getallen, claim-id's, + − × /, haakjes en sum/min/max/abs)",
    "FC203": "een onbekende of ongeldige claim-id in de formule",
    "FC204": "de formule is te groot (lengte, aantal delen, diepte, macht of getal)",
    "FC211": "een eenheid die niet te lezen is",
    "FC212": "een eenheden-gelijkstelling die niet te lezen is",
    "FC213": "een onbekende eenheid",
    "FC221": "deling door nul",
    "FC223": "de relaties vormen een kringloop",
    "FC224": "een getal werd te groot",
}
_MESSAGE = re.compile(r"^(?P<where>.*?: )?(?P<code>FC\d{3}) (?P<text>.*)$", re.DOTALL)


def _dutch_message(message: str) -> str:
    """An error line with its message in Dutch; the place and the code stay as they are."""
    parsed = _MESSAGE.match(message)
    if parsed is None:
        return message
    text = parsed["text"]
    for pattern, template in _DUTCH_MESSAGES:
        found = pattern.match(text)
        if found:
            parts = found.groupdict()
            hint = f"; bedoelde u '{parts['b']}'?" if parts.get("b") else ""
            text = template.format(a=parts.get("a") or "", c=parts.get("c") or "", hint=hint)
            break
    else:
        text = _DUTCH_CODES.get(parsed["code"], text)
    return f"{parsed['where'] or ''}{parsed['code']} {text}"


# How each language starts the line that states the verdict ("Oordeel:", "Verdict:"), from the
# texts above: a one-line summary of an explanation is that line.
VERDICT_PREFIXES = tuple({text["mismatch"].split(":", 1)[0] + ":" for text in _TEXT.values()})


def short_number(value: Fraction | None, language: str) -> str:
    """A number for a filled-in formula: grouped the document's way, at most 4 decimals."""
    if value is None:
        return "?"
    return format_number(value, language, 4, mark_inexact=True)


def _unit_suffix(unit: str | None, language: str = "en") -> str:
    # Dutch explanations name units in Dutch ("€ per plaats per jaar"); English ones keep the
    # claim file's own unit expression.
    if not unit:
        return ""
    words = unit_words(unit, language) if language == "nl" else unit
    return f" {words}" if words else ""


def _amount(value: str, unit: str | None, language: str) -> str:
    """A number with its unit: "€ 55.700 per plaats per jaar" in Dutch, "55,700 EUR / place / year"
    in English (the claim file's own unit expression)."""
    suffix = _unit_suffix(unit, language)
    if language == "nl" and suffix[1:2] in ("€", "$", "£") and suffix[2:3] in ("", " "):
        sign, rest = suffix[1], suffix[2:]
        about = value[:2] if value.startswith("≈") else ""  # "≈" and a (no-break) space
        return f"{about}{sign} {value[len(about):]}{rest}"
    return value + suffix


def _written_with_unit(item: InputValue, value: str, language: str) -> str:
    """An input as the filled-in formula writes it when units matter: "90 %", "75.000.000 € per maand"."""
    if item.dimensionless and item.factor == Fraction(1, 100):
        return f"{value} %"
    return _amount(value, item.unit, language)


def _conversion(root: Node, inputs: tuple[InputValue, ...], computed: Fraction | None) -> Fraction | None:
    """The factor between the formula worked out on the values as printed (percentages as
    fractions) and the computed value in the claim's unit: 12 for a monthly amount in a yearly
    relation, None when there is none (1) or it cannot be worked out."""
    if computed is None or not inputs or any(i.value is None for i in inputs):
        return None
    plain = {i.name: i.value * i.factor if i.dimensionless else i.value for i in inputs if i.value is not None}
    try:
        raw = evaluate(root, lambda name, node: Val(plain[name], None, None, None), intervals=False).point  # type: ignore[index]
    except (KeyError, ArithmeticError, ValueError, FactcheckError):
        return None
    if raw == 0 or raw == computed:
        return None
    return computed / raw


def _times(factor: Fraction, language: str) -> str:
    if factor.denominator == 1:
        return f" × {format_number(factor, language, 0)}"
    if factor.numerator == 1:
        return f" / {format_number(Fraction(factor.denominator), language, 0)}"
    return f" × {short_number(factor, language)}"


def _printed(claim: Claim | None, value: Fraction | None, language: str) -> str:
    if claim is not None and claim.stated:
        return f"\u201c{claim.stated}\u201d"
    return short_number(value, language)


def filled_formula(root: Node, inputs: tuple[InputValue, ...], language: str) -> str | None:
    """The formula with each input's value written in, as the document writes numbers."""
    values = {i.name: short_number(i.value, language) for i in inputs if i.value is not None}
    return render(root, values) if values else None


def explain(result: Result, expr: str | None, reasons: Sequence[str], unit_note: str | None, root: Node | None = None) -> str:
    """The explanation for one result, in its document's language."""
    text = _explain(result, expr, reasons, unit_note, root)
    if result.claim.evidence.get("relation") == "reference" or any(
            i.claim is not None and i.claim.origin == "reference" for i in result.inputs):
        text += "\n" + "\n".join(_reference_lines(result))
    return text


def _input_name(name: str) -> str:
    """An input as the formula writes it: a reference value as its ``ref(…)``, not its inner name."""
    if name.startswith("ref:"):
        from factcheck.reference.syntax import parse_name

        return parse_name(name).written()
    return name


def _reference_lines(result: Result) -> list[str]:
    """Where each reference value stands, why the figure was linked, and what a scale slip means."""
    language = result.document.language if result.document.language in _TEXT else "en"
    nl = language == "nl"
    lines = []
    for item in result.inputs:
        claim = item.claim
        if claim is None or claim.origin != "reference":
            continue
        where = claim.where
        lines.append((f"Bron: {where.get('table')}, {claim.location} (kolom \u2018{where.get('column')}\u2019)" if nl else
                      f"Source: {where.get('table')}, {claim.location} (column \u2018{where.get('column')}\u2019)"))
    evidence = result.claim.evidence
    if evidence.get("matched"):
        lines.append(("Gekoppeld omdat: " if nl else "Linked because: ") + str(evidence["matched"]) + ".")
    scale = result.claim.scale
    if result.verdict is Verdict.SCALE and result.scale_factor and scale and evidence.get("scale"):
        meant = scale / result.scale_factor
        printed = format_number(scale, language, 0)
        real = format_number(meant, language, 0)
        lines.append(
            f"De tabel zegt dat haar bedragen x {printed} zijn ({evidence['scale']}), maar ze kloppen met de "
            f"referentietabel als bedragen x {real}: het eenheidslabel is fout, niet de bedragen." if nl else
            f"The table says its amounts are x {printed} ({evidence['scale']}), but they match the reference table "
            f"as amounts x {real}: the unit label is wrong, not the amounts.")
    return lines


def _explain(result: Result, expr: str | None, reasons: Sequence[str], unit_note: str | None, root: Node | None = None) -> str:
    claim = result.claim
    language = result.document.language if result.document.language in _TEXT else "en"
    t = _TEXT[language]
    verdict = result.verdict
    lines = [t["relation"].format(id=claim.id, expr=expr or "")]
    if verdict is Verdict.ERROR:
        message = result.message or ""
        lines.append(t["error"].format(message=_dutch_message(message) if language == "nl" else message))
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
                lines.append(t["input_computed"].format(name=_input_name(item.name), value=_amount(value, item.unit, language),
                                                        unit=""))
            else:
                lines.append(t["input"].format(
                    name=_input_name(item.name), value=_amount(value, item.unit, language), unit="",
                    printed=_printed(item.claim, item.value, language),
                    interval=format_interval(item.interval, language),
                ))
    if verdict is Verdict.UNVERIFIABLE:
        lines.append(t["unverifiable"].format(reasons="; ".join(reasons) or ", ".join(result.missing)))
        return "\n".join(lines)
    if verdict is Verdict.UNIT:
        key = "unit_inside" if unit_note == "inside" else "unit"
        named = (unit_words(result.computed_unit, language) or result.computed_unit,
                 unit_words(result.stated_unit, language) or result.stated_unit) if language == "nl" else (
            result.computed_unit, result.stated_unit)
        lines.append(t[key].format(computed=named[0], stated=named[1]))
        return "\n".join(lines)

    computed = short_number(result.computed, language)
    unit = claim.unit
    # filled_formula(root, inputs, language), with the values written above.
    filled = result.formula_filled
    if filled is None and root is not None and written:
        filled = _filled_line(root, inputs, written, result.computed, computed, unit, language)
    elif filled:
        filled = f"{filled} {_equals(computed)}"
    if filled:
        lines.append(t["filled"].format(filled=filled))
    lines.append(t["computed"].format(
        value=_amount(computed, unit, language), unit="",
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
        assert result.scale_factor is not None  # the engine gives every `scale` verdict its factor
        lines.append(t["scale"].format(factor=format_number(result.scale_factor, language, 6)))
    elif verdict is Verdict.MISMATCH:
        lines.append(t["mismatch"].format(diff=diff_text, rel=rel_text))
        by_name = {i.name: i for i in inputs}
        for implied in result.implied:
            given = by_name.get(implied.name)
            lines.append(t["implied"].format(
                name=implied.name,
                value=_amount(short_number(implied.value, language), implied.unit, language),
                printed=_printed(given.claim if given else None, given.value if given else None, language),
            ))
    return "\n".join(lines)


def _equals(value: str) -> str:
    # "= 9.000.000", but "≈ 58,1688" rather than "= ≈ 58,1688"
    return value if value.startswith("≈") else f"= {value}"


def _filled_line(root: Node, inputs: tuple[InputValue, ...], written: dict[str, str], computed_value: Fraction | None,
                 computed: str, unit: str | None, language: str) -> str:
    """The formula with the numbers filled in, showing every conversion and percentage as written:
    "90 % × 10.000.000 = 9.000.000", "75.000.000 € per maand × 12 = 900.000.000 € per jaar"."""
    factor = _conversion(root, inputs, computed_value)
    by_name = {i.name: i for i in inputs}
    if factor is None:
        shown = {name: _written_with_unit(by_name[name], value, language) if by_name[name].dimensionless
                 and by_name[name].factor != 1 else value for name, value in written.items()}
        return f"{render(root, shown)} {_equals(computed)}"
    shown = {name: _written_with_unit(by_name[name], value, language) for name, value in written.items()}
    text = render(root, shown)
    if root.op != "ref":
        text = f"({text})"
    return f"{text}{_times(factor, language)} {_equals(_amount(computed, unit, language))}"


def explain_repeats(result: Result, members: list[Claim], pairs: tuple[tuple[str, str], ...]) -> str:
    """The explanation of a repeat group: the conclusion first (which values disagree, where),
    then every statement once, as evidence."""
    language = result.document.language if result.document.language in _TEXT else "en"
    t = _TEXT[language]
    lines: list[str] = []
    by_id = {m.id: m for m in members}
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
    lines.append(t["repeats"].format(n=len(members)))
    for m in members:
        where = ", ".join(f"{k} {v}" for k, v in m.where.items() if k in ("page", "line", "question")) or str(m.location)
        lines.append(t["statement"].format(id=m.id, stated=m.stated or "", where=where, quote=m.quote or ""))
    return "\n".join(lines)


def _places(claims: list[Claim], t: dict[str, str]) -> str:
    """Where statements stand, compactly: "vraag 1, 29" or "regel 32, 888"."""
    for key in ("question", "page", "line"):
        values = [c.where.get(key) for c in claims]
        if all(v is not None for v in values):
            return f"{t[key]} " + ", ".join(str(v) for v in dict.fromkeys(values))
    return ", ".join(str(c.location) for c in claims)
