"""Unit expressions as a person writes them in a sentence: "EUR / place / year" is "€ per plaats
per jaar" in a Dutch explanation and "€ per place per year" in an English one.

Only for display. The engine reads units through factcheck.units; this module never changes what
a unit means, it only names the parts of one: amounts first, then "per" for each divisor.
"""

from __future__ import annotations

import re

_SYMBOLS = {"EUR": "€", "eur": "€", "euro": "€", "USD": "$", "dollar": "$", "GBP": "£", "percent": "%", "%": "%"}

# Dutch names: (after a number, after "per"). Units not listed keep their own word.
_DUTCH = {
    "person": ("personen", "persoon"), "persons": ("personen", "persoon"), "people": ("personen", "persoon"),
    "place": ("plaatsen", "plaats"), "places": ("plaatsen", "plaats"),
    "household": ("huishoudens", "huishouden"), "case": ("zaken", "zaak"),
    "application": ("aanvragen", "aanvraag"), "municipality": ("gemeenten", "gemeente"),
    "item": ("stuks", "stuk"), "year": ("jaar", "jaar"), "time": ("jaar", "jaar"), "years": ("jaar", "jaar"),
    "month": ("maanden", "maand"), "months": ("maanden", "maand"), "day": ("dagen", "dag"), "days": ("dagen", "dag"),
    "week": ("weken", "week"), "hour": ("uur", "uur"), "quarter": ("kwartalen", "kwartaal"),
    "decade": ("decennia", "decennium"), "thousand": ("duizend", "duizend"), "million": ("miljoen", "miljoen"),
    "billion": ("miljard", "miljard"), "percentage_point": ("procentpunt", "procentpunt"),
    "dwelling": ("woningen", "woning"), "child": ("kinderen", "kind"), "pupil": ("leerlingen", "leerling"),
    "employee": ("werknemers", "werknemer"), "student": ("studenten", "student"),
}
_PART = re.compile(r"\s*([*/])\s*")
_POWER = re.compile(r"^(.+?)\s*(?:\^|\*\*)\s*(-?\d+)$")


def unit_words(unit: str | None, language: str) -> str:
    """The unit in words for a sentence in ``language``; "" for no unit."""
    if not unit:
        return ""
    text = unit.strip()
    if text.startswith("1 (no unit)") or text == "1":
        return ""
    if "(" in text or ")" in text:
        return text  # rare; shown as written rather than guessed at
    tokens = _PART.split(text)
    up: list[str] = []
    down: list[str] = []
    sign = "*"
    for token in tokens:
        if token in ("*", "/"):
            sign = token
            continue
        if not token or token == "1":
            continue
        (down if sign == "/" else up).append(token)
    words = " × ".join(_name(t, language, after_number=True) for t in up)
    for name in down:
        words += (" " if words else "") + "per " + _name(name, language, after_number=False)
    return words


def _name(token: str, language: str, *, after_number: bool) -> str:
    power = _POWER.match(token)
    if power:
        return f"{_name(power.group(1), language, after_number=after_number)}^{power.group(2)}"
    if token in _SYMBOLS:
        return _SYMBOLS[token]
    if language == "nl" and token in _DUTCH:
        plural, single = _DUTCH[token]
        return plural if after_number else single
    return token
