"""Which dollar a document means by "$": Canadian, Australian, New Zealand, Singapore, Hong Kong,
Jamaican, Trinidad and Tobago, Fijian, Namibian or Barbados dollars when the document keeps naming
that country, US dollars otherwise.

A figure printed "$4.5 billion" is read as USD, the only thing the sign itself says. The Public
Accounts of Canada mean Canadian dollars by it, and an Australian budget Australian dollars; the
document says so by naming its country on page after page. A city's report names its country less
often than its province, its city or its own web and e-mail addresses ("@vancouver.ca"), so those
count as well: Canada's provinces and largest cities, its Public Sector Accounting Board, and an
address under a country's domain. Figures printed with an explicit "US$", "USD" or "U.S. dollars"
keep USD.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

# one pass over a page: a named group per currency (a name inside an address counts as its domain)
_COUNTRIES = re.compile(
    r"\b(?<![@./])(?:(?P<CAD>Canada|Canadian|British Columbia|Ontario|Alberta|Quebec|Manitoba|Saskatchewan|Nova Scotia|"
    r"New Brunswick|Newfoundland|Prince Edward Island|Yukon|Nunavut|Northwest Territories|Toronto|Montreal|"
    r"Vancouver|Calgary|Edmonton|Ottawa|Winnipeg|Mississauga|Public Sector Accounting Board)|"
    r"(?P<AUD>Australia|Australian)|(?P<NZD>New Zealand)|"
    r"(?P<SGD>Singapore(?:an)?)|(?P<HKD>Hong Kong)|(?P<JMD>Jamaica(?:n)?)|(?P<TTD>Trinidad)|(?P<FJD>Fiji(?:an)?)|"
    r"(?P<NAD>Namibia(?:n)?)|(?P<BBD>Barbad(?:os|ian)))",
    re.IGNORECASE,  # running heads print the country in capitals: "PUBLIC ACCOUNTS OF CANADA"
)
# A web or e-mail address under a country's domain: "www.saanich.ca", "patrice.impey@vancouver.ca"
_DOMAINS = re.compile(r"(?:@|\bwww\.|://)[\w.-]*?\.(ca|au|nz|sg|hk|jm|tt|fj|na|bb)\b(?![.@\w-]*\w)", re.IGNORECASE)
_DOMAIN_DOLLAR = {"ca": "CAD", "au": "AUD", "nz": "NZD", "sg": "SGD", "hk": "HKD", "jm": "JMD", "tt": "TTD",
                  "fj": "FJD", "na": "NAD", "bb": "BBD"}
# What every match of _COUNTRIES contains, in lower case
_COUNTRY_NAMES = ("canad", "australia", "new zealand", "singapore", "hong kong", "jamaica", "trinidad", "fiji", "namibia",
                  "barbad", "british columbia", "ontario", "alberta", "quebec", "manitoba", "saskatchewan",
                  "nova scotia", "new brunswick", "newfoundland", "prince edward", "yukon", "nunavut",
                  "northwest territories", "toronto", "montreal", "vancouver", "calgary", "edmonton", "ottawa",
                  "winnipeg", "mississauga", "public sector accounting")
# Named this many times, and more than all other dollar countries together, the country decides.
MIN_MENTIONS = 3
_EXPLICIT_US = re.compile(r"US\$|USD|U\.S\.|US dollars?|American dollars?", re.IGNORECASE)


def country_mentions(text: str) -> dict[str, int]:
    """How often a page names each dollar country other than the United States."""
    counts: Counter[str] = Counter()
    folded = text.lower()
    # most pages name none: a substring test each is far cheaper than the pattern's pass
    if any(name in folded for name in _COUNTRY_NAMES):
        counts.update(m.lastgroup for m in _COUNTRIES.finditer(text) if m.lastgroup)
    if "@" in text or "www." in folded or "://" in text:
        counts.update(_DOMAIN_DOLLAR[m.group(1).lower()] for m in _DOMAINS.finditer(text))
    return dict(counts)


def document_dollar(pages: Iterable[dict[str, int]]) -> str:
    """The currency "$" stands for in a document, from its pages' country mentions."""
    total: Counter[str] = Counter()
    for mentions in pages:
        total.update(mentions)
    if not total:
        return "USD"
    (code, n), *rest = total.most_common()
    others = sum(m for _, m in rest)
    return code if n >= MIN_MENTIONS and n > 2 * others else "USD"


def apply_dollar(claims: Iterable[dict[str, Any]], dollar: str) -> None:
    """Read "$" figures as ``dollar``: their unit USD becomes it (also in compound units such as
    "USD / person"), unless the figure itself says US dollars."""
    if dollar == "USD":
        return
    for claim in claims:
        unit = claim.get("unit")
        if not isinstance(unit, str) or not re.search(r"\bUSD\b", unit):
            continue
        if _EXPLICIT_US.search(str(claim.get("stated") or "")):
            continue
        claim["unit"] = re.sub(r"\bUSD\b", dollar, unit)
