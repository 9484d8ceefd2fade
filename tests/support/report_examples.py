"""Small hand-built check runs: one result of every verdict, and one made of hostile strings.

The report tests render these into golden files, and the hostile run is how each format is
shown to escape what documents can contain. They are built from :mod:`factcheck.model` records
only, the way the engine builds them, so the reports can be exercised without the engine.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from factcheck.model import (
    Claim,
    ClaimFile,
    Diagnostic,
    Document,
    Implied,
    InputValue,
    Interval,
    Location,
    Result,
    Verdict,
)
from factcheck.numbers import parse_figure
from factcheck.report.view import SimpleRun

__all__ = ["example_run", "injection_run", "INJECTIONS"]

CLAIM_FILE = "claims/asiel-migratie-2025.yaml"

ASIEL = Document(
    id="asiel-migratie-2025",
    path=CLAIM_FILE,
    title="Schriftelijke antwoorden … begroting Asiel en Migratie 2025 (36600-XX)",
    source="../documents/asiel-migratie-2025-antwoorden.txt",
    sha256="0" * 64,
    language="nl",
)

LABOR = Document(
    id="labor",
    path="claims/labor.yaml",
    title="Budget in Brief, Department of Labor",
    source="../documents/labor.pdf",
    sha256="f" * 64,
    language="en",
)


def _claim(
    doc: Document,
    cid: str,
    line: int,
    stated: str | None = None,
    *,
    unit: str | None = None,
    expr: str | None = None,
    expect: Verdict | None = None,
    quote: str | None = None,
    where: dict[str, Any] | None = None,
) -> Claim:
    figure = parse_figure(stated, doc.language) if stated else None
    return Claim(
        id=cid,
        document_id=doc.id,
        location=Location(doc.path, line, 5),
        stated=stated,
        value=figure.value if figure else None,
        figure=figure,
        unit=unit,
        expr=expr,
        expect=expect,
        quote=quote,
        where=where or {},
    )


def _inp(claim: Claim, unit: str | None = None, name: str | None = None) -> InputValue:
    fig = claim.figure
    assert fig is not None
    return InputValue(
        name=name or claim.id, claim=claim, value=fig.value, interval=fig.interval, unit=unit or claim.unit
    )


def example_run() -> SimpleRun:
    """One relation of each verdict, two documents (nl and en), one unreadable claim file."""
    q_kosten = (
        "De kosten worden als volgt berekend; de kostprijs van noodopvang is €55.700 en de "
        "locatiegebonden kosten voor reguliere opvang zijn €23.300."
    )
    bezetting = _claim(
        ASIEL,
        "bezetting_noodopvang",
        8,
        "30.343",
        unit="person",
        quote="Er verblijven op dit moment 30.343 asielzoekers in de noodopvang (zie website COA).",
        where={"line": 214},
    )
    noodopvang = _claim(ASIEL, "kostprijs_noodopvang", 14, "€55.700", unit="EUR", quote=q_kosten, where={"line": 220})
    regulier = _claim(ASIEL, "kostprijs_regulier", 20, "€23.300", unit="EUR", quote=q_kosten, where={"line": 221})
    verschil = _claim(
        ASIEL,
        "verschil_kostprijs",
        26,
        "€32.400",
        unit="EUR",
        expr="kostprijs_noodopvang - kostprijs_regulier",
        quote="Dit betekent dat het verschil in kosten tussen noodopvang en reguliere opvang €32.400 bedraagt.",
        where={"line": 224},
    )
    extra = _claim(
        ASIEL,
        "extra_kosten",
        33,
        "€983.113.200",
        unit="EUR",
        expr="bezetting_noodopvang * verschil_kostprijs",
        quote="De extra kosten voor de crisisnoodopvang komt daarmee uit op €983.113.200.",
        where={"line": 230},
    )
    afgerond = _claim(
        ASIEL,
        "extra_kosten_afgerond",
        40,
        "bijna 1 miljard",
        unit="EUR",
        expr="extra_kosten",
        quote="Dat is bijna 1 miljard euro per jaar.",
        where={"line": 231},
    )
    fout = _claim(
        ASIEL,
        "kosten_per_dag",
        46,
        "€ 2.800.000",
        unit="EUR",
        expr="extra_kosten / 365",
        quote="Per dag kost de noodopvang € 2.800.000.",
        where={"line": 232},
    )
    bekend = _claim(
        ASIEL,
        "tabel_totaal",
        52,
        "1.250",
        expr="tabel_a + tabel_b",
        expect=Verdict.MISMATCH,
        quote="Totaal 1.250 (zie tabel 3; de som is 1.205, een bekende drukfout).",
        where={"line": 300},
    )
    schaal = _claim(
        ASIEL,
        "budget_miljoen",
        58,
        "983,1 miljoen",
        unit="EUR",
        expr="extra_kosten / 1000",
        quote="In de tabel: 983,1 miljoen.",
        where={"line": 305},
    )
    eenheid = _claim(
        ASIEL,
        "kosten_per_persoon",
        64,
        "€32.400",
        unit="EUR",
        expr="extra_kosten / bezetting_noodopvang / bezetting_noodopvang",
        quote="Per persoon is dat €32.400.",
        where={"line": 225},
    )
    onbekend = _claim(
        ASIEL,
        "tgo_kosten",
        70,
        "€120.000.000",
        unit="EUR",
        expr="bezetting_tgo * kostprijs_tgo",
        quote="De TGO kost €120.000.000.",
        where={"line": 240},
    )
    kapot = _claim(ASIEL, "kapotte_formule", 76, "12", expr="totaal_a +* 2", quote="12 locaties.", where={"line": 250})
    strijd = _claim(
        ASIEL,
        "instroom",
        82,
        "30.343",
        unit="person",
        expr="bezetting_noodopvang",
        quote="Er verblijven 30.343 asielzoekers in de noodopvang.",
        where={"line": 260},
    )

    eur = "EUR"
    results = [
        Result(
            claim=verschil,
            document=ASIEL,
            verdict=Verdict.CONSISTENT,
            explanation="€55.700 − €23.300 = €32.400, which is the printed €32.400.",
            computed=Fraction(32400),
            computed_interval=Interval(Fraction(32300), Fraction(32500)),
            stated_value=Fraction(32400),
            stated_interval=verschil.figure.interval,  # type: ignore[union-attr]
            difference=Fraction(0),
            relative_difference=Fraction(0),
            inputs=(_inp(noodopvang), _inp(regulier)),
            formula_filled="55700 − 23300",
        ),
        Result(
            claim=extra,
            document=ASIEL,
            verdict=Verdict.CONSISTENT,
            explanation="30.343 × €32.400 = €983.113.200 exactly.",
            computed=Fraction(983113200),
            computed_interval=Interval(Fraction(983113200), Fraction(983113200)),
            stated_value=Fraction(983113200),
            stated_interval=extra.figure.interval,  # type: ignore[union-attr]
            difference=Fraction(0),
            relative_difference=Fraction(0),
            inputs=(_inp(bezetting), _inp(verschil)),
            formula_filled="30343 × 32400",
        ),
        Result(
            claim=afgerond,
            document=ASIEL,
            verdict=Verdict.ROUNDING,
            explanation=(
                "The computed €983.113.200 is below 1 miljard, as 'bijna' says; the printed figure is "
                "rounded to miljarden."
            ),
            computed=Fraction(983113200),
            computed_interval=Interval.point(Fraction(983113200)),
            stated_value=Fraction(10**9),
            stated_interval=afgerond.figure.interval,  # type: ignore[union-attr]
            difference=Fraction(-16886800),
            relative_difference=Fraction(-16886800, 10**9),
            inputs=(InputValue("extra_kosten", extra, Fraction(983113200), None, eur, computed=True),),
        ),
        Result(
            claim=fout,
            document=ASIEL,
            verdict=Verdict.MISMATCH,
            explanation=(
                "€983.113.200 / 365 = €2.693.460,82.\n"
                "The printed € 2.800.000 stands for €2.750.000 – €2.850.000, "
                "which does not contain the computed value."
            ),
            computed=Fraction(983113200, 365),
            computed_interval=Interval.point(Fraction(983113200, 365)),
            stated_value=Fraction(2800000),
            stated_interval=fout.figure.interval,  # type: ignore[union-attr]
            difference=Fraction(983113200, 365) - 2800000,
            relative_difference=(Fraction(983113200, 365) - 2800000) / 2800000,
            inputs=(InputValue("extra_kosten", extra, Fraction(983113200), None, eur, computed=True),),
            implied=(Implied("extra_kosten", Fraction(1022000000), eur),),
            formula_filled="983113200 / 365",
        ),
        Result(
            claim=bekend,
            document=ASIEL,
            verdict=Verdict.MISMATCH,
            explanation="1.000 + 205 = 1.205, not the printed 1.250 (a known misprint: expect: mismatch).",
            computed=Fraction(1205),
            computed_interval=Interval(Fraction(12045, 10), Fraction(12055, 10)),
            stated_value=Fraction(1250),
            stated_interval=bekend.figure.interval,  # type: ignore[union-attr]
            difference=Fraction(-45),
            relative_difference=Fraction(-45, 1250),
        ),
        Result(
            claim=schaal,
            document=ASIEL,
            verdict=Verdict.SCALE,
            explanation="The computed €983.113,2 matches the printed 983,1 miljoen after multiplying by 1000.",
            computed=Fraction(9831132, 10),
            stated_value=Fraction(983100000),
            stated_interval=schaal.figure.interval,  # type: ignore[union-attr]
            difference=Fraction(9831132, 10) - 983100000,
            relative_difference=(Fraction(9831132, 10) - 983100000) / 983100000,
            scale_factor=Fraction(1000),
        ),
        Result(
            claim=eenheid,
            document=ASIEL,
            verdict=Verdict.UNIT,
            explanation="The formula gives EUR / person, the claim states EUR.",
            computed_unit="EUR / person",
            stated_unit=eur,
        ),
        Result(
            claim=onbekend,
            document=ASIEL,
            verdict=Verdict.UNVERIFIABLE,
            explanation="The inputs bezetting_tgo and kostprijs_tgo are not known.",
            missing=("bezetting_tgo", "kostprijs_tgo"),
        ),
        Result(
            claim=kapot,
            document=ASIEL,
            verdict=Verdict.ERROR,
            explanation="The formula could not be read.",
            message=f"{CLAIM_FILE}:77:11: FC200 unexpected '*' in formula",
        ),
        Result(
            claim=strijd,
            document=ASIEL,
            verdict=Verdict.CONFLICT,
            explanation="The COA website gives 30.434, the document 30.343.",
            evidence=({"source": "COA website", "value": "30.434"},),
        ),
    ]
    # An English document read from a PDF, with a box on the page.
    total = _claim(
        LABOR,
        "total_budget",
        6,
        "$14,862",
        unit="USD",
        expr="discretionary + mandatory",
        quote="Total 14,862 million for FY 2025.",
        where={"page": 1, "bbox": [72, 90, 300, 110]},
    )
    disc = _claim(LABOR, "discretionary", 12, "13,900.5", unit="USD", quote="Discretionary 13,900.5", where={"page": 1})
    mand = _claim(LABOR, "mandatory", 16, "961.7", unit="USD", quote="Mandatory 961.7", where={"page": 1})
    results.append(
        Result(
            claim=total,
            document=LABOR,
            verdict=Verdict.ROUNDING,
            explanation="13,900.5 + 961.7 = 14,862.2, printed as 14,862.",
            computed=Fraction(148622, 10),
            computed_interval=Interval(Fraction(14862), Fraction(148624, 10)),
            stated_value=Fraction(14862),
            stated_interval=total.figure.interval,  # type: ignore[union-attr]
            difference=Fraction(2, 10),
            relative_difference=Fraction(2, 148620),
            inputs=(_inp(disc), _inp(mand)),
            formula_filled="13900.5 + 961.7",
        )
    )
    files = [ClaimFile(ASIEL, ()), ClaimFile(LABOR, ())]
    diagnostics = [
        Diagnostic(
            "FC100",
            "claim file is not valid YAML: mapping values are not allowed here",
            Location("claims/broken.yaml", 3, 7),
        ),
    ]
    return SimpleRun(results=results, diagnostics=diagnostics, files=files)


INJECTIONS = (
    "<img src=x onerror=alert(1)>",
    "\n## forged | row |",
    "\x1b[2J\x1b]0;owned\x07",
    "\x00",
    "::set-output name=x::y",
)


def injection_run() -> SimpleRun:
    """A run whose every document string is hostile: HTML, Markdown rows, escapes, NUL, workflow commands."""
    evil = "".join(INJECTIONS)
    doc = Document(
        id="evil<doc>",
        path="claims/evil.yaml",
        title="<script>alert('title')</script>\n::error::title",
        source="<img src=x onerror=alert(1)>.pdf",
        sha256="::set-output name=sha::1\x00",
        language="nl",
    )
    inp = Claim(
        id="input_one",
        document_id=doc.id,
        location=Location(doc.path, 4, 5),
        stated="5",
        value=Fraction(5),
        quote="::warning::input " + evil,
        where={"page": "<b>1</b>", "line": "\n::x"},
    )
    claim = Claim(
        id="evil_claim",
        document_id=doc.id,
        location=Location("claims/evil.yaml", 9, 5),
        stated="12",
        value=Fraction(12),
        unit="<u>EUR</u>",
        expr="input_one * 2 </pre><script>alert(2)</script>",
        quote="Total 12 " + evil + "\n::set-output name=q::1 ` *bold* _it_ [link](http://x) # | end",
        where={"page": 2, "line": "3\n::debug::x", "question": "<q>"},
    )
    results = [
        Result(
            claim=claim,
            document=doc,
            verdict=Verdict.MISMATCH,
            explanation="Explained " + evil + "\n::error file=x::forged\n</details><script>alert(3)</script>",
            computed=Fraction(10),
            stated_value=Fraction(12),
            difference=Fraction(-2),
            relative_difference=Fraction(-1, 6),
            inputs=(InputValue("input_one", inp, Fraction(5), None, "<u>EUR</u>"),),
            formula_filled="5 * 2 " + evil,
            message="\x1b[31m::error::msg",
        )
    ]
    diagnostics = [
        Diagnostic("FC100", "bad file " + evil, Location("claims/<evil>\n::x.yaml", 1, 1)),
    ]
    return SimpleRun(results=results, diagnostics=diagnostics, files=[ClaimFile(doc, ())])
