"""Does a page look like it holds a table with totals? A cheap test on its plain text.

Used by the table checker to pick the pages worth a word-level parse, and by the extractor,
which runs it on the page texts it has read anyway and hands the result to the checker.
"""

from __future__ import annotations

import re

# A figure (an optional sign or bracket, an optional currency sign, digits) not glued to a word,
# or a lone dash: "(?<![\w.,])[(-]?[$€£]?\d[\d.,]*(?:[KMB]|bn)?\)?%?(?![\w])|(?<!\S)[‒–—-](?!\S)".
# Written to start with the character it consumes, the look-behinds after it (each branch looks
# back at which character that was), so that Python's re skips from candidate to candidate:
# the same matches, four to six times faster.
_NUMTOK = re.compile(
    "[(\\-\u2012\u2013\u2212$€£\\d\u2014](?:"
    "(?:(?<=[(\\-\u2012\u2013\u2212])(?<![\\w.,][(\\-\u2012\u2013\u2212])[$€£]?\\d"
    "|(?<=[$€£])(?<![\\w.,][$€£])\\d"
    "|(?<=\\d)(?<![\\w.,]\\d))"
    "[\\d.,]*(?:[KMB]|bn)?\\)?%?(?![\\w])"
    "|(?<=[\u2012\u2013\u2014-])(?<!\\S[\u2012\u2013\u2014-])(?!\\S))"
)
# "stand" and "net" are ordinary Dutch words ("tot stand komen", "net als"): they count only
# where a row label starts. Change words and row formulas count too: tables without a total row
# state those relations, and the checker reads them (factcheck.tables.totals, .formulas).
# The look-ahead on the first letters is only a shortcut (the first letter of every word below):
# it settles most places of a page before the alternation is tried, twice as fast.
_TOTAL_WORD = re.compile(
    r"\b(?=[stdbapvmecwoi])(?:(?:sub)?tota(?:al|l|ls|les|len|le)|deficit|surplus|balance|balans|activa|passiva|"
    # relations other than a total that a table states: a change column or row, "of which" parts
    # (these are common in prose too: they count only in a short line, a header, see below)
    r"(?P<relation>verandering|verschil|mutatie|evolutie|verbetering|verslechtering|change|difference|variance|delta|"
    r"improvement|deterioration|increase|decrease|toename|"
    r"afname|waarvan|of which|w\.v(?=\.)|o/w|som))\b",
    re.IGNORECASE,
)
RELATION_HEADER_WORDS = 8  # a change or "of which" word counts in a line this short (a column header)
_TOTAL_START = re.compile(
    # after a row's numbering ("I. Exploitatiesaldo", "III. Autofinancieringsmarge")
    r"^[ \t]*(?:(?:[IVX]{1,5}|[a-z]|\d{1,2})[.)][ \t]*)?(?:[\w-]*saldo|stand|som\s+(?:der|van)|net(?:to)?|[\w-]*financieringsmarge)\b",
    re.IGNORECASE | re.MULTILINE,
)
# a row formula ("4=1+2+3", "(10)=(6)+(9)")
ROW_FORMULA = re.compile(r"(?<![\w.,])\(?\d{1,2}\)?\s*=\s*\(?\d{1,2}\)?\s*[+\-\u2212\u2013]\s*\(?\d")
_DIGIT = re.compile(r"\d")
# A total printed without a label: a line of nothing but amounts (grouped digits, or signed or
# bracketed ones: not a page number or a year) right under a row: a line with a label that ends in a figure (not an axis of a chart).
_AMOUNT = r"[(\-\u2212\u2013]?[$€£]?(?:\d{1,3}(?:[.,]\d{3})+|(?<=[(\-\u2212\u2013])\d+)\)?"
_BARE_LINE = re.compile(rf"^[ \t]*(?:{_AMOUNT}[ \t]+){{0,5}}{_AMOUNT}[ \t\r]*$", re.MULTILINE)
_ROW_END = re.compile(r"[^\W\d_].*\d\)?[ \t\r]*$")


def bare_total(text: str) -> bool:
    """Is there a line of nothing but amounts right under a row that ends in a figure (after at
    most one blank line)? The bare lines are found first: they are rare."""
    for m in _BARE_LINE.finditer(text):
        end = m.start()
        for _ in range(2):  # the line above, or the one above a blank line
            start = text.rfind("\n", 0, max(end - 1, 0)) + 1
            line = text[start:end]
            if line.strip():
                if _ROW_END.search(line):
                    return True
                break
            end = start
    return False


# a line that starts with a total word ("Totalen € 8.716", "Total 4.0 3.0 2.5 2.0")
_LEAD_TOTAL = re.compile(r"^[ \t]*(?:grand[ \t]+|sub[ \t-]?)?tota(?:al|l|ls|len|le)\b", re.IGNORECASE | re.MULTILINE)
SMALL_ROWS = 12  # a small table's total adds up at most this many lines right above it


_NOT_DIGIT = re.compile(r"\D")
_LAST_DECIMALS = re.compile(r"[.,](\d+)\D*$")


def _token_int(token: str) -> tuple[int, int] | None:
    """A figure's digits as a signed integer and its count of decimals (1 or 2 after the last
    separator; three digits there are thousands): "€ 4.652" -> (4652, 0), "(0.5)" -> (-5, 1)."""
    digits = _NOT_DIGIT.sub("", token)
    if not digits:
        return None
    m = _LAST_DECIMALS.search(token)
    decimals = len(m.group(1)) if m and len(m.group(1)) != 3 else 0
    value = int(digits)
    return (-value if token.lstrip()[:1] in "(-\u2012\u2013\u2212" else value), decimals


def small_table(text: str) -> bool:
    """Is there a table too small for the body test: a line starting with a total word whose first
    (or last) figure is the sum of the first (or last) figures of two or more lines right above it,
    printed with as many decimals ("Inventaris € 4.652 / Liquide middelen € 4.064 / Totalen € 8.716")?"""
    lines = text.splitlines()
    for m in _LEAD_TOTAL.finditer(text):
        k = text.count("\n", 0, m.start())
        tokens = _NUMTOK.findall(lines[k])
        for pick in (0, -1) if tokens else ():
            want = _token_int(tokens[pick])
            if want is None or want[0] == 0 or len(re.sub(r"\D", "", tokens[pick])) < 2:
                continue
            run = count = 0
            for above in reversed(lines[max(0, k - SMALL_ROWS):k]):
                if not above.strip():
                    continue
                found = _NUMTOK.findall(above)
                figure = _token_int(found[pick]) if found else None
                if figure is None or figure[1] != want[1]:
                    break
                run, count = run + figure[0], count + 1
                if count >= 2 and run == want[0]:
                    return True
    return False


def _total_words(text: str) -> list[re.Match[str]]:
    """Where total-like words stand in ``text`` (three patterns: one alternation of them all ran
    three times slower over a document's pages)."""
    found = [*_TOTAL_WORD.finditer(text), *_TOTAL_START.finditer(text)]
    if "=" in text:
        found.extend(ROW_FORMULA.finditer(text))
    return found


def has_total_word(text: str) -> bool:
    """Is a total-like word (Totaal, Total, Saldo, Stand, Deficit, Net, ...) anywhere on the page?

    The first question :func:`looks_tabular` asks; on its own it tells which pages may hold the
    last rows and total of a table that began on the page before.
    """
    return bool(
        _TOTAL_WORD.search(text) or _TOTAL_START.search(text) or ("=" in text and ROW_FORMULA.search(text))
        or bare_total(text) or score_card(text)
    )


_SCORE_TEXT = re.compile(r"\bscore\b\s*:?\s*\d", re.IGNORECASE)
_FRACTION_TEXT = re.compile(r"\d\s*/\s*\d")


def score_card(text: str) -> bool:
    """A score and three fractions or more ("14.3 / 15"): maybe a score card, whose score is the
    sum of its components (factcheck.tables.scores); an infographic, with no table body."""
    if "core" not in text and "CORE" not in text:
        return False  # a plain substring test settles most pages, ten times faster than the pattern
    return _SCORE_TEXT.search(text) is not None and len(_FRACTION_TEXT.findall(text)) >= 3


def looks_tabular(text: str, *, total_word: bool | None = None) -> bool:
    """Cheap test on a page's plain text: is it worth a full layout parse for table totals?

    True when at least three lines carry three or more figures (a table body), six lines end
    in a figure (a one-column table), or the page holds 30+ figures in all, and a total-like
    word (Totaal, Total, Saldo, Stand, Deficit, Net, ...) is followed by figures or stands in a
    short (header) line. A page without such a line is read only when :func:`group_amounts` finds
    a group's amount on its heading line, or :func:`difference_rows` a column of differences.
    ``total_word`` is :func:`has_total_word`'s answer when the caller has it already.
    """
    # Most pages have no total word at all, and then the answer is no - unless a group's amount
    # stands on its heading line over the rows that add up to it (IMF-style fiscal tables print
    # "Domestic 8,873" over "Short Term 708 / Long Term 8,085 / Arrears 79" with no word for it)
    if not (has_total_word(text) if total_word is None else total_word):
        return group_amounts(text) or difference_rows(text)
    if score_card(text):
        return True
    many, total_line = _body_and_total_line(text)
    return many and (total_line or difference_rows(text))


_LETTER = re.compile(r"[^\W\d_]")
_GROUP_MIN = 1000  # four digits at least: small figures add up by chance (3 = 1 + 2)
_GROUP_RUN = 12  # parts looked at under (or over) a line


# a figure ending its line whose thousands are set apart by spaces, after a word or a currency
_SPACED_END = re.compile(r"(?<=[A-Za-z€$£] )(\d{1,3}(?:[ \u00a0\u202f]\d{3}){2,})\s*$")


def group_amounts(text: str) -> bool:
    """Cheap test on a page without a total word: does a line's last figure (four digits or more)
    equal the sum of the last figures of the two or more lines right under or right above it,
    within their rounding? Then the page holds a group printed on its heading line, or a
    subtotal without the word, for :mod:`factcheck.tables.heads` to check."""
    values: list[int | None] = []
    for line in text.splitlines():
        found = _NUMTOK.findall(line) if _DIGIT.search(line) else []
        last = found[-1].strip() if found else ""
        spaced = _SPACED_END.search(line) if len(found) >= 3 else None  # (three groups at least)
        if spaced is not None:
            last = spaced.group(1)  # "EUR 60 388 000 000": thousands set apart by spaces, one figure
        # a figure that ends its line (a sentence's "2026-27." or a "12%" is none)
        end = line.rstrip().rfind(last) if last[-1:].isdigit() or last.endswith(")") else -1
        end = end if line.rstrip().endswith(last) else -1
        figure = _token_int(last) if end > 0 and _LETTER.search(line, 0, end) else None  # an axis has no label
        values.append(figure[0] if figure is not None and figure[1] == 0 else None)  # whole figures only
    if sum(1 for x in values if x is not None) < 3:
        return False
    runs: list[list[int]] = [[]]  # blocks of lines that end in a figure (blank lines kept out)
    for x in values:
        if x is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(x)
    for run in runs:
        for order in (run, run[::-1]):
            for i, head in enumerate(order):
                if abs(head) < _GROUP_MIN:
                    continue
                total = 0
                for k, v in enumerate(order[i + 1 : i + 1 + _GROUP_RUN], 1):
                    total += v
                    if k >= 2 and abs(total - head) <= k and v != 0 and total != v:
                        return True
    return False


_DIFFERENCE_MIN = 100  # small figures differ by another by chance (3 - 2 = 1, years a year apart)
_DIFFERENCE_LINES = 3


def difference_rows(text: str) -> bool:
    """Cheap test on a page without a total line: do three lines each hold a figure that is the
    difference of two others of the line, exactly ("8 lac  30,000  20,000  10,000")? Then the page
    holds a change column (its header, with the word, may stand on the page before)."""
    found = 0
    for line in text.splitlines():
        tokens = _NUMTOK.findall(line) if _DIGIT.search(line) else []
        if len(tokens) < 3:
            continue
        values = [v for t in tokens if (v := _token_int(t)) is not None and abs(v[0]) >= _DIFFERENCE_MIN]
        figures = set(values)
        if any(a[1] == b[1] and (a[0] - b[0], a[1]) in figures and a[0] - b[0] != b[0]
               for a in values for b in values if a is not b and a[0] > b[0]):
            found += 1
            if found >= _DIFFERENCE_LINES:
                return True
    return False


def has_table_body(text: str) -> bool:
    """Cheap test: does the page hold a table body (rows of figures), total or not? Such a page
    may carry on a table from the page before, whose total comes later. Stops at the third row."""
    return _body_and_total_line(text, need_total=False)[0]


# three figures right after a word, nothing between them but blanks
_FIGURES_NEXT = re.compile(r"(?:[ \t]+[-+\u2212\u2013]?\d[\d.,]*%?){3}")
# a row whose label states its own quotient ("Resultaatratio (resultaat boekjaar/ opbrengsten 2020)
# 0,86%  0,53%  3,15%"): a relation to check, like a total's line
_QUOTIENT_ROW = re.compile(r"\([^()/]{3,60}/[^()/]{3,60}\)(?:\s+[-+\u2212\u2013]?\d[\d.,]*\s?%){2}")


def _body_and_total_line(text: str, need_total: bool = True) -> tuple[bool, bool]:
    """(a table body: three rows of figures or six lines ending in one, a total word in a table
    line); without ``need_total``, the second is not looked for and the body settles it early."""
    rows = ending = 0
    total_line = False
    for line in text.splitlines():
        found = _NUMTOK.findall(line) if _DIGIT.search(line) else []
        if len(found) >= 3:
            rows += 1
        if found and line.rstrip().endswith(found[-1].strip()):
            ending += 1  # a one-column table: label, then one figure
        if not need_total or total_line:
            if rows >= 3 or ending >= 6:
                return True, total_line
            continue
        # the total word must sit in a table line: a label followed by figures, or a short
        # header line; "(totaal 2,3 miljoen)" in running text does not make a page tabular
        if found and not total_line and _QUOTIENT_ROW.search(line):
            total_line = True
        for m in _total_words(line):
            words = len(line.split())
            if m.re is _TOTAL_WORD and m.group("relation"):
                # a header line, or the label of a row of changes right before its figures
                # ("... primaire verbetering  0,31%  0,33%  0,16%")
                total_line = total_line or words <= RELATION_HEADER_WORDS or _FIGURES_NEXT.match(line, m.end()) is not None
            elif words <= 12 or len(_NUMTOK.findall(line[m.end() : m.end() + 80])) >= 2:
                total_line = True
    if ending >= 6:
        rows = max(rows, 3)
    # some producers emit a page's text without line breaks (seen on a rotated OMB page):
    # then many figures on the page stand in for "many rows with figures"
    body = rows >= 3 or len(_NUMTOK.findall(text)) >= 30 or (need_total and small_table(text))
    if body and need_total and not total_line:
        total_line = bare_total(text)  # asked last: the costliest question
    return body, total_line
