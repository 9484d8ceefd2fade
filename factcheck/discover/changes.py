"""Changes the text states in words: "increased from $18.498 billion to $18.544 billion (an increase
of $60.2 million or 0.3 percent)", "zal dalen van 928,7 miljoen euro naar 902,7 miljoen euro".

The arithmetic search of :mod:`factcheck.discover.relations` proposes a relation only when the
figures meet, so a stated change that is wrong is never found there. Here the wording decides:
two amounts of one unit joined by "from … to" ("van … naar", "to … from") are the old and the new
value, and another amount of that unit in the same sentence is the change between them, a
percentage the change over the old value. The relation is proposed whatever the arithmetic gives,
and the check then says whether the text's own calculation holds - a wrong one is a `mismatch`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from factcheck.discover.figures import Fig, place, stands_at
from factcheck.discover.relations import FALL_WORDS, RISE_WORDS, Proposal, _whole_phrase, clause_after, joined, per_year
from factcheck.model import HEDGE_MARGIN

# "from A to B", "van A naar B", "van A tot B"; and the reverse "to B from A", "naar B van A"
# a hedge may stand between the word and its value: "from approximately 435 … to approximately 832"
# (extraction's hedges, numbers.HEDGE_WORDS, less "over", "under", "more than", "less than", "at
# least": after "to" they make a level a bound, "to more than $12,000 by 2034")
_HEDGE = r"(?:(?:approximately|approx\.|about|around|roughly|nearly|almost|some|circa|ca\.|an\s+estimated|ongeveer|bijna|ruim|rond|zo'n|nagenoeg)\s+)?"
# a level named as today's is a "from" too: "from the current 50% to 70%"
_NOW = r"(?:(?:the\s+)?(?:current|present|existing|huidige)\s+)?"
_FROM = re.compile(r"\b(?:from|van|vanaf)\s*" + _HEDGE + r"$", re.IGNORECASE)
# between the two values: a year or a qualifier may stand ("in FY 2024-25 to"), no other amount
_TO = re.compile(r"^\s*(?:[^$€£()]{0,30}?\s)?(?:\([^)]{0,60}\)\s*)?(?:[^$€£()]{0,60}?\s)?(?:to|naar|tot)\s*" + _HEDGE + r"$",
                 re.IGNORECASE)
_TO_FIRST = re.compile(r"\b(?:to|naar)\s*" + _HEDGE + r"$", re.IGNORECASE)
_FROM_AFTER = re.compile(r"^\s*(?:\([^)]{0,60}\)\s*)?(?:[^$€£()]{0,30}?\s)?(?:from|van)\s*" + _HEDGE + r"$", re.IGNORECASE)
_FROM_WORD = re.compile(r"\b(?:from|van)\b", re.IGNORECASE)
_GAP = 80  # characters the words between the two values may take at most
# the nouns of a change ("an increase of", "een stijging van"); with growth and decline where a rate
# names what changed ("a 2% increase in administration costs", "2% growth in …")
_CHANGE_WORD = r"(?:increase|decrease|rise|fall|cut|reduction|stijging|daling|toename|afname|verhoging|verlaging)"
_CHANGE_WORD_RE = r"(?:" + _CHANGE_WORD[3:-1] + r"|growth|decline|groei)"
# between an amount and the rate printed beside it: "$150.632 million or 11.1%", "€ 4 mln (3%"
_BESIDE = r"\s*,?\s*(?:or|oftewel|ofwel|\()\s*"
_PERCENT = ("%", "percent", "procent")


def _printed_in(fig: Fig, quote: str) -> bool:
    """Is the figure printed in this quote, as the same words around it show: its own sentence was
    cut by a page break and this quote holds the whole ("8" of "Vraag 8" is not the "8" of "8%")?"""
    at = fig.at
    if at < 0 or stands_at(quote, fig.stated) < 0:
        return False
    return fig.quote[max(0, at - 20):at + len(fig.stated) + 20] in quote


def _at(quote: str, fig: Fig) -> int:
    at = place(quote, fig.stated)
    if at < 0 and (core := _CORE.match(fig.stated)) is not None and core.end() < len(fig.stated):
        # a figure whose scale word the quote's cut left off ("… to Rs.1,381 …"): it stands there
        at = place(quote, core.group(0))
    return at


_CORE = re.compile(r"\D{0,4}\d[\d.,]*")


def _from_to(quote: str, figs: Sequence[Fig]) -> tuple[Fig, Fig] | None:
    """The (old, new) pair of a sentence's "from … to" wording, if it has exactly one."""
    pairs = []
    for a in figs:
        for b in figs:
            if a is b or a.dims != b.dims or a.kind == "percent" or a.value <= 0 or b.value < 0:
                continue
            ia, ib = _at(quote, a), _at(quote, b)
            if ia < 0 or ib < 0:
                continue
            if ia < ib and ib - (ia + len(a.stated)) <= _GAP:
                # "from A to B"
                if _FROM.search(quote[max(0, ia - 30):ia]) and _TO.match(quote[ia + len(a.stated):ib]):
                    pairs.append((a, b))
            elif ib < ia and ia - (ib + len(b.stated)) <= _GAP:
                # "to B from A"
                if _TO_FIRST.search(quote[max(0, ib - 26):ib]) and _FROM_AFTER.match(quote[ib + len(b.stated):ia]):
                    pairs.append((a, b))
    return pairs[0] if len(pairs) == 1 else None


# a sentence that points back at the one before: "This $1.1 billion increase", "Dit is een stijging"
_ANAPHOR = re.compile(r"\s*(?:this|that|these|dit|dat|deze|daarmee|hiermee)\b", re.IGNORECASE)


# A stated change this many times smaller or larger than the change from … to is no slip in it:
# "increased the total number of public universities to 6. The total student enrolment … increased
# from 7,933 to 59,272" (a change of 51,339) speaks of something else, as a slip of digits or a
# scale (thousand, million) does not; so is a stated rate this far from the one its figures give
_FAR_FROM_CHANGE = 10
_SCALE_SLIPS = (Fraction(1000), Fraction(1_000_000), Fraction(1_000_000_000))


def _within_tenfold(ratio: Fraction) -> bool:
    """Is a stated figure over the one its levels give no further apart than _FAR_FROM_CHANGE?"""
    return Fraction(1, _FAR_FROM_CHANGE) <= ratio <= _FAR_FROM_CHANGE


def _could_be_change(stated: Fraction, change: Fraction) -> bool:
    """Could a stated amount be the text's change between two levels, right or mistyped?"""
    if change == 0:
        return True
    ratio = stated / change
    return _within_tenfold(ratio) or any(Fraction(1, 2) <= ratio * k <= 2 or Fraction(1, 2) <= ratio / k <= 2 for k in _SCALE_SLIPS)


def _next_sentences(figures: Sequence[Fig]) -> dict[str, str]:
    """Each sentence (quote) with figures -> the next one with figures, in document order."""
    out: dict[str, str] = {}
    previous = None
    for f in sorted(figures, key=lambda f: f.position):
        if previous is not None and f.quote != previous and previous not in out:
            out[previous] = f.quote
        previous = f.quote
    return out


def stated_changes(figures: Sequence[Fig]) -> list[Proposal]:
    """The change and the rate of change each "from … to" sentence of the document states. A
    sentence cut by a page break is two quotes; a figure printed in this quote but extracted with
    the part on the page before (or after) is taken too."""
    out: list[Proposal] = []
    by_quote: dict[str, list[Fig]] = {}
    by_page: dict[object, list[Fig]] = {}
    for f in figures:
        by_quote.setdefault(f.quote, []).append(f)
        by_page.setdefault(f.position[0], []).append(f)
    following = _next_sentences(figures)
    for quote, figs in by_quote.items():
        if not _FROM_WORD.search(quote):
            continue  # most sentences say no "from" or "van" at all
        page = figs[0].position[0]
        near = [f for p in (page - 1, page, page + 1) if isinstance(page, int) for f in by_page.get(p, ())]
        figs = figs + [f for f in near if f.quote != quote and _printed_in(f, quote)
                       and not any(g.stated == f.stated for g in figs)]
        pair = _from_to(quote, figs)
        if pair is None or len(_FROM_TO_TEXT.findall(quote)) > 1:
            continue
        old, new = pair
        falling = new.value < old.value
        if bool(FALL_WORDS.search(quote)) != falling and (FALL_WORDS.search(quote) or falling):
            # the words and the figures disagree on the direction: the sentence is not read
            # rightly ("fell from … to …" with the new value higher is no reading to check)
            continue
        expr = f"{old.id} - {new.id}" if falling else f"{new.id} - {old.id}"
        after = following.get(quote)
        if after is not None and _ANAPHOR.match(after) and (RISE_WORDS.search(after) or FALL_WORDS.search(after)) and (
                not _ASIDE.search(after)) and not _OWN_LEVEL.search(after) and _from_to(
                    after, list({f.stated: f for f in by_quote[after]}.values())) is None and not any(
                c is not old and c is not new and (c.dims == old.dims or c.kind == "percent") for c in figs):
            # "… increased from $15.9 billion … to $16.9 billion for FY 2025-26. This $1.1 billion
            # increase—6.8 percent—is …": the next sentence names the change, pointing back (one
            # that states a change of its own, "This will increase … to K36.1 million from K30.6
            # million", speaks of something else)
            figs = figs + by_quote[after]
        change = abs(new.value - old.value)
        # a figure that is the change to the unit is the change the sentence states: another one in
        # the quote (a clause before it, "There was also a £3.1m increase in …") is none
        exact = any(c is not old and c is not new and c.dims == old.dims and c.kind != "percent"
                    and c.value == change for c in figs)
        low = min(old.value, new.value)
        rates: list[Proposal] = []
        for c in figs:
            if c is old or c is new or c.value <= 0:
                continue
            if c.quote == quote and _aside(quote, (old, new), c):
                continue
            if c.kind != "percent" and ((exact and c.value != change) or (c.value >= low and 2 * change < low)):
                # (a figure as large as the lower level, where the levels differ by far less, is a
                # level of its own: "from 32 mills to 37 mills after … a mill rate of 32.37 mills")
                continue
            if _own_direction(quote, c) == falling:
                # "decreased from £7.5bn … to £5.7bn …, a reduction of £1.8bn relative to the 2017
                # valuation but an increase of £1.4bn relative to the previous year end": a change
                # whose own words go the other way is one against another level
                continue
            if c.dims == old.dims and c.kind != "percent" and c.value < max(old.value, new.value) and (
                    _could_be_change(c.value, abs(new.value - old.value))):
                out.append(Proposal(c, (new, old) if not falling else (old, new), "difference", expr,
                                    c.value == abs(new.value - old.value), 9, "from … to", True))
            elif c.kind == "percent" and (c.unit or "").strip() in _PERCENT and old.kind != "percent" and (
                    _whole_phrase(c.stated, quote) is None) and not per_year(c) and not _rate_of_another(
                        c, quote, [f for f in figs if f.dims != old.dims]) and not _rate_to_another_level(
                        c, figs, new) and not _bound_held(c, old, new):
                # a percentage that names its own whole ("… to $1.97 million in the current fiscal
                # year, or 3.49% of total revenues") is a share of that whole, not the change's rate
                rates.append(Proposal(c, (new, old), "growth", f"({expr}) / {old.id}",
                                      False, 9, "from … to", True))
        # two rates for one change: the words say which is which, and this reading does not
        # ("from £44.6 million to £52 million. This represents a 2% increase in administration
        # costs and a 24% increase in investment management costs")
        if len({r.target.value for r in rates}) == 1:
            out.append(rates[0])
    return out


# words that put a figure aside from a "from … to" sentence's change: a part of a level ("of which
# Rs.73 crores", "This includes Rs.1,380 crore"), what is left out, another clause ("while the loans
# advanced in January 1961 exceeded Rs.70 lakhs"), a cause ("mainly due to a fall of about 7 per cent
# in the food index"), the parts of the change ("This decrease comprises net withdrawals … of £203,277
# and net losses on investments of £2,714,793")
_ASIDE = re.compile(
    r"\b(?:of\s+which|including|includes?|included|inclusive\s+of|excluding|excludes?|exclusive\s+of|apart\s+from|"
    r"besides|while|whereas|due\s+to|owing\s+to|because\s+of|as\s+a\s+result\s+of|waarvan|waaronder|inclusief|"
    r"exclusief|terwijl|vanwege|dankzij|comprises?|comprising|consists?\s+of|consisting\s+of|(?:is\s+)?made\s+up\s+of|"
    r"bestaat\s+uit)\b", re.IGNORECASE)
# after a comma, another subject's own change: ", expenditure on displaced persons by Rs.89 lakhs"
_OTHER_BY = re.compile(r"[,;]\s*(?!an?\s|or\s|the\s+(?:increase|decrease|rise|fall)|up\s|down\s)[a-z][\w\s-]{2,60}?\s+by\s*$",
                       re.IGNORECASE)
# a percentage a level is raised to or set at is a level: "raise the tax rebate to 20 per cent"
_TO_LEVEL = re.compile(r"\b(?:to|from|at|naar|tot|van|op)\s*" + _NOW + _HEDGE + r"$", re.IGNORECASE)


def _aside(quote: str, pair: tuple[Fig, Fig], c: Fig) -> bool:
    """Does the sentence set ``c`` aside from its "from … to" change (see _ASIDE, _OTHER_BY)?"""
    at = _at(quote, c)
    starts = [_at(quote, f) for f in pair]
    if at < 0 or min(starts) < 0:
        return False
    if c.kind == "percent" and _TO_LEVEL.search(quote[max(0, at - 30):at]):
        return True
    first, last = min(starts), max(starts) + len(pair[int(starts[1] > starts[0])].stated)
    between = quote[last:at] if at >= last else quote[at + len(c.stated):first] if at < first else ""
    if at < first and c.kind != "percent" and not (_CUED_BEFORE.search(quote[max(0, at - 40):at])
                                                   or _CHANGE_AFTER.match(quote, at + len(c.stated))):
        # an amount before the levels is their change only when the words say so ("increased by
        # around £600, from £5,580 to £6,180"), not a level of something else ("remove the present
        # ceiling of Rs.1,500 … and increase the ceiling … from Rs.36,000 to Rs.50,000")
        return True
    return bool(_ASIDE.search(between) or (at >= last and _OTHER_BY.search(between)))


_CUED_BEFORE = re.compile(r"(?:" + _CHANGE_WORD_RE + r"|increased|decreased|rose|fell|grew|declined|reduced|raised|"
                          r"gestegen|gedaald|toegenomen|afgenomen)(?:\s+\w+){0,2}?\s+(?:by|of|with|met|van)\s*"
                          + _HEDGE + r"$|\bby\s*" + _HEDGE + r"$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s*(?:" + _CHANGE_WORD_RE + r"|more|less|higher|lower|up|down|hoger|lager|meer|minder)\b",
                           re.IGNORECASE)
# two "from … to" wordings in one sentence: which change or rate goes with which pair is the words'
# business ("… by 68 per cent from Rs.828 crore to Rs.1,391 crore and … by 62 per cent from Rs.850
# crore to Rs.1,381 crore"), and the figures of the second may not have been read as a pair
_FROM_TO_TEXT = re.compile(r"\b(?:from|van)\s+" + _NOW + _HEDGE + r"\S*\d[^\s]*(?:\s+\S+){0,6}?\s+(?:to|naar|tot)\s+"
                           + _HEDGE + r"\S*\d", re.IGNORECASE)


# the noun a rate names as what changed: "a 2% increase in administration costs"
_RATE_OF = re.compile(r"\s*(?:-?\s*" + _CHANGE_WORD_RE + r"\s+)(?:in|of|for|voor|bij|van|op)\s+(?:the\s+|de\s+|het\s+)?"
                      r"([^\W\d]{3,})", re.IGNORECASE)


# a rate compared with a level the sentence names after "than", not with where it started ("from
# 438:1 to 405:1, which is 40% lower than the ratio recommended by the CDC"); "lower than last
# year", "than in 2019", "than before" compare with the old level
_THAN_ANOTHER = re.compile(
    r"\s*(?:per\s*cent|percent|procent)?\s*(?:lower|higher|less|more|greater|fewer|smaller|larger|lager|hoger|minder|meer)"
    r"\s+(?:than|dan)\s+(?!(?:it\s+was|they\s+were|before|earlier|last|previous|prior|the\s+(?:previous|prior|last|year|start|"
    r"beginning)|in\s|(?:the\s+)?(?:19|20)\d\d|vorig|het\s+vorige|de\s+vorige|toen|eerder|[€$£\d]))",
    re.IGNORECASE)


# a sentence that states a level of its own: "… a significant fall in exports by 45% to $153 million",
# "… a 2% growth in private sector credit (PSC) to $2,568 million", "… the fall in other items net
# from $93 million to minus $193 million"
_OWN_LEVEL = re.compile(r"\b(?:to|tot|naar|from|van)\s+(?:minus\s+|-\s*)?(?:[$€£]\s?)?\d", re.IGNORECASE)
# a rate followed by the level it brings something to: "Central Bank's NFA by 12% to $5,402 million"
_TO_LEVEL_AFTER = re.compile(r"\s*(?:per\s*cent|percent|procent)?\s*(?:to|tot|naar)\s+(?=(?:[$€£]\s?)?\d)", re.IGNORECASE)
# "more than 30%", "at least 5 percent": a bound, which a larger change keeps
_LOWER_BOUND = re.compile(r"\b(?:more\s+than|over|at\s+least|in\s+excess\s+of|upwards\s+of|meer\s+dan|ten\s+minste|minstens)\s*$",
                          re.IGNORECASE)


def _rate_to_another_level(rate: Fig, figs: Sequence[Fig], new: Fig) -> bool:
    """Is the percentage followed by "to" and a level that is not the pair's new one (the rate of
    another change in the sentence, "… by 12% to $5,402 million and … grew from $31 million to
    $47 million")?"""
    text = rate.quote
    at = _at(text, rate)
    if at < 0:
        return False
    m = _TO_LEVEL_AFTER.match(text, at + len(rate.stated))
    if m is None:
        return False
    level = next((f for f in figs if f.quote == text and f.kind != "percent" and _at(text, f) == m.end()), None)
    return level is not None and level.value != new.value


def _bound_held(rate: Fig, old: Fig, new: Fig) -> bool:
    """Does a rate printed as a lower bound ("decreased by more than 30%") hold as a bound, beyond
    the reach the claim file gives its hedge? Then the sentence is right, and the check would
    call it wrong."""
    at = _at(rate.quote, rate)
    if at < 0 or not old.value or not _LOWER_BOUND.search(rate.quote[:at]):
        return False
    return abs(new.value - old.value) / abs(old.value) * 100 > rate.value * (1 + HEDGE_MARGIN)


def _rate_of_another(rate: Fig, quote: str, others: Sequence[Fig]) -> bool:
    """Does a percentage speak of something else than the sentence's "from … to": an amount of
    another unit it stands beside (``others``: "$150.632 million or 11.1% decrease … from 105,000
    to 101,000") or a thing it names that the sentence does not ("a 24% increase in investment
    management costs")?"""
    text = rate.quote
    at = _at(text, rate)
    if at < 0:
        return False
    if _THAN_ANOTHER.match(text, at + len(rate.stated)):
        return True
    named = _RATE_OF.match(text, at + len(rate.stated))
    # (the sentence less the rate's own words: "… reduced from £1,325 to £952, which represents a 4%
    # increase of the operating surplus" does not speak of the surplus before the rate does)
    rest = quote.replace(text[at:named.end()], " ") if named and text == quote else quote
    if named and named.group(1).lower() not in rest.lower():
        return True
    for d in others:
        if d.kind == "percent" or d.quote != text:
            continue
        end = _at(text, d) + len(d.stated)
        if 0 < end <= at and re.fullmatch(_BESIDE, text[end:at], re.IGNORECASE):
            return True
    return False


# "a $14.8 billion or 11.5-percent increase", "$1.8 billion, or 15 percent, above", "a $1.1 billion
# increase or 1.6-percent increase": a change in money and its rate, side by side
_RATE_BESIDE = re.compile(r"\s*(?:" + _CHANGE_WORD + r"\s*)?,?\s*(?:or|of|oftewel|ofwel|\()\s*", re.IGNORECASE)
# what follows the rate names another subject than the level's: "… increase in grants", "… voor zorg"
_OTHER_SUBJECT = re.compile(r"\s*(?:-?\s*" + _CHANGE_WORD + r"\s*)?(?:in|of|for|voor|bij|aan|op)\s+(?:the\s+|de\s+|het\s+)?"
                            r"[^\W\d]", re.IGNORECASE)
_OLD_LEVEL = re.compile(r"\b(?:from|van|vanaf|over|compared\s+(?:with|to)|ten\s+opzichte\s+van)\s*$", re.IGNORECASE)


# "$1.8 billion, or 15 percent, above the 2023 enacted level": a level compared, a rise or a fall
# (Dutch says "hoger"/"lager", which the rise and fall words hold; "boven", "onder" mean much else)
_ABOVE = re.compile(r"\babove\b", re.IGNORECASE)
_BELOW = re.compile(r"\bbelow\b", re.IGNORECASE)


def _direction(text: str) -> bool | None:
    """True for a rise, False for a fall, None when the words say neither or both."""
    up = bool(RISE_WORDS.search(text) or _ABOVE.search(text))
    down = bool(FALL_WORDS.search(text) or _BELOW.search(text))
    return up if up != down else None


# what opens a figure's own clause: a comma, a bracket, "but", or the figure before it
_OWN_CLAUSE = re.compile(r"[,;(]|\bbut\b|\bmaar\b|\d", re.IGNORECASE)


def _own_direction(quote: str, c: Fig) -> bool | None:
    """True when the words of a figure's own clause before it say a rise ("an increase of
    £1.4bn"), False a fall, None when they say neither (or its place is unknown)."""
    at = _at(quote, c)
    if at < 0:
        return None
    return _direction(clause_after(quote[max(0, at - 40):at], _OWN_CLAUSE))


def _moves(text: str) -> bool:
    """Do the words say anything went up or down (or stands above or below a level)?"""
    return any(p.search(text) for p in (RISE_WORDS, FALL_WORDS, _ABOVE, _BELOW))


def _bounds(x: Fig) -> tuple[Fraction, Fraction]:
    return (x.interval.lo if x.interval.lo is not None else x.value,
            x.interval.hi if x.interval.hi is not None else x.value)


BESIDE_LEVEL = "a change beside its level"  # the wording evidence of these readings; inputs (level, change)


def rates_beside_levels(figures: Sequence[Fig]) -> list[Proposal]:
    """The rate of a change printed beside the change, over the level the sentence states: "The
    Budget requests $144 billion …, a $14.8 billion or 11.5-percent increase from the 2023 enacted
    level" is 14.8 / (144 − 14.8). The level is the one amount of the change's unit before it in the
    sentence: the new level (the change taken off, or added back for a fall), or the old one when
    "from"/"van" introduces it. Which amount is the level is read from the layout of the sentence,
    not stated, so a reading is proposed only when its arithmetic holds: a wrong reading must not
    become an alarm."""
    out: list[Proposal] = []
    by_quote: dict[str, list[Fig]] = {}
    for f in figures:
        by_quote.setdefault(f.quote, []).append(f)
    for quote, figs in by_quote.items():
        percents = [f for f in figs if f.kind == "percent" and (f.unit or "").strip() in _PERCENT and f.value > 0]
        if not percents or not _moves(quote):
            continue
        for rate in percents:
            at = _at(quote, rate)
            if at < 0 or rate.interval.lo is None or rate.interval.hi is None or per_year(rate):
                continue
            change = next((c for c in figs if c.kind != "percent" and c.value > 0 and c.dims is not None
                           and joined(quote, c.stated, _RATE_BESIDE, rate.stated)),
                          None)
            if change is None:
                out.extend(_rate_from_old(quote, figs, rate, at))
                continue
            c_at = _at(quote, change)
            rising = _direction(quote[at + len(rate.stated):at + len(rate.stated) + 25])
            if rising is None:
                rising = _direction(quote[max(0, c_at - 25):at])
            if rising is None:
                continue
            if _OTHER_SUBJECT.match(quote[at + len(rate.stated):]):
                continue  # "a $20 million or 4% increase in grants": the change of a part, not of the level
            levels = [f for f in figs if f.dims == change.dims and f.kind != "percent" and f.value > change.value
                      and 0 <= _at(quote, f) < c_at]
            if not levels:
                out.extend(_rate_on_old(quote, figs, rate, change, at))
                continue
            if len(levels) != 1:
                continue
            level = levels[0]
            l_end = _at(quote, level) + len(level.stated)
            if any(l_end <= _at(quote, f) < c_at for f in figs if f is not level):
                continue  # another figure between them: the change may be of that one
            old = bool(_OLD_LEVEL.search(quote[:_at(quote, level)]))
            (c_lo, c_hi), (l_lo, l_hi) = _bounds(change), _bounds(level)
            if old:
                lo, hi, expr = c_lo / l_hi, c_hi / l_lo, f"{change.id} / {level.id}"
            elif rising:
                lo, hi, expr = c_lo / (l_hi - c_lo), c_hi / (l_lo - c_hi), f"{change.id} / ({level.id} - {change.id})"
            else:
                lo, hi, expr = c_lo / (l_hi + c_lo), c_hi / (l_lo + c_hi), f"{change.id} / ({level.id} + {change.id})"
            lo, hi = lo * 100, hi * 100
            if hi < rate.interval.lo or rate.interval.hi < lo or 2 * (hi - lo) > rate.value:
                continue
            out.append(Proposal(rate, (level, change), "growth", expr, False, 9, BESIDE_LEVEL, True))
    return out


# "an increase of £622 million (4.1%) on spend in 2018 (£14,552 million)": the old level named
# after the rate, by "on"/"over"/"compared with" and a few words
_ON_OLD = re.compile(r"\s*\)?,?\s*(?:on|over|compared\s+(?:with|to)|ten\s+opzichte\s+van)\s+(?:[^\W\d]+\s+){0,5}"
                     r"(?:in\s+(?:19|20)\d\d\s*)?\(?\s*", re.IGNORECASE)


def _rate_on_old(quote: str, figs: Sequence[Fig], rate: Fig, change: Fig, at: int) -> list[Proposal]:
    """"This was an increase of £622 million (4.1%) on spend in 2018 (£14,552 million)": the rate is
    the change over the old level the words name after it. The words say which amount is the
    level, as "from … to" does, so the reading is proposed whatever its arithmetic gives and the
    check says whether the text's rate holds (here it does not: 622 / 14,552 is 4.3%)."""
    old = next((f for f in figs if f is not change and f.dims == change.dims and f.kind != "percent"
                and f.value > change.value and joined(quote[at:], rate.stated, _ON_OLD, f.stated)), None)
    if old is None or rate.value <= 0:
        return []
    computed = change.value / old.value * 100
    # as for a stated change (_could_be_change): further apart, the words speak of something else
    if not _within_tenfold(computed / rate.value):
        return []
    exact = computed == rate.value
    return [Proposal(rate, (old, change), "growth", f"{change.id} / {old.id}", exact, 9, BESIDE_LEVEL, True)]


# "an increase of 383 percent from K186.4 million": the old level named right after the rate
_FROM_OLD = re.compile(r"\s*(?:" + _CHANGE_WORD + r"\s*)?,?\s*(?:from|van|vanaf|compared\s+(?:with|to)|ten\s+opzichte\s+van)\s*"
                       r"(?:the\s+|de\s+|het\s+)?", re.IGNORECASE)
# "R8.881 billion which is a 15.65 percent decrease from the R10.2 billion", "was R8.88 billion, a
# decrease of 15.65 percent from": the new level, then at once the words that make the rate its
# change, as "from … to" does; such a rate is read whatever its arithmetic gives
_NEW_THEN_RATE = re.compile(r"\s*,?\s*(?:which\s+is\s+|that\s+is\s+|being\s+)?(?:an?\s+(?:" + _CHANGE_WORD
                            + r"|growth|decline|drop)\s+of\s+|an?\s+)?|\s*,?\s*(?:een\s+(?:" + _CHANGE_WORD + r")\s+(?:van|met)\s+)",
                            re.IGNORECASE)


def _rate_from_old(quote: str, figs: Sequence[Fig], rate: Fig, at: int) -> list[Proposal]:
    """"a further K900.0 million …, an increase of 383 percent from K186.4 million this year": the
    rate of the change from the old level named right after it to the one amount of that unit
    before it (the new level); proposed only when it holds, as above."""
    old = next((f for f in figs if f.kind != "percent" and f.value > 0 and f.dims is not None
                and joined(quote[at:], rate.stated, _FROM_OLD, f.stated)), None)
    if old is None:
        return []
    rising = _direction(quote[max(0, at - 30):at + len(rate.stated) + 25])
    # "2,631 units, up 27 per cent from 2,071 units in last February but down 0.6 per cent from 2,647
    # units a year ago": an amount "from" introduces is another rate's old level, not the new one
    news = [f for f in figs if f.dims == old.dims and f.kind != "percent" and f.value > 0 and 0 <= _at(quote, f) < at
            and not _OLD_LEVEL.search(quote[:_at(quote, f)])]
    if rising is None or len(news) != 1 or (news[0].value > old.value) != rising:
        return []
    new = news[0]
    (o_lo, o_hi), (n_lo, n_hi) = _bounds(old), _bounds(new)
    if rising:
        lo, hi, expr = (n_lo - o_hi) / o_hi, (n_hi - o_lo) / o_lo, f"({new.id} - {old.id}) / {old.id}"
    else:
        lo, hi, expr = (o_lo - n_hi) / o_hi, (o_hi - n_lo) / o_lo, f"({old.id} - {new.id}) / {old.id}"
    lo, hi = lo * 100, hi * 100
    assert rate.interval.lo is not None and rate.interval.hi is not None
    if 2 * (hi - lo) > rate.value:
        return []
    if hi < rate.interval.lo or rate.interval.hi < lo:
        # a rate that does not hold is read only where the words tie it to the new level
        between = quote[_at(quote, new) + len(new.stated):at]
        computed = (lo + hi) / 2
        if not (_NEW_THEN_RATE.fullmatch(between) and computed > 0 and _within_tenfold(computed / rate.value)):
            return []
    return [Proposal(rate, (new, old), "growth", expr, False, 9, "a rate from a level", True)]
