"""Which dollar a document means by "$": Canadian, Australian, New Zealand, Singapore, Hong Kong,
Jamaican, Trinidad and Tobago, Fijian or Namibian dollars when the document keeps naming that
country, US dollars otherwise.

A figure printed "$4.5 billion" is read as USD, the only thing the sign itself says. The Public
Accounts of Canada mean Canadian dollars by it, and an Australian budget Australian dollars; the
document says so by naming its country on page after page. Figures printed with an explicit
"US$", "USD" or "U.S. dollars" keep USD.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

# one pass over a page: a named group per currency
_COUNTRIES = re.compile(
    r"\b(?:(?P<CAD>Canada|Canadian)|(?P<AUD>Australia|Australian)|(?P<NZD>New Zealand)|"
    r"(?P<SGD>Singapore(?:an)?)|(?P<HKD>Hong Kong)|(?P<JMD>Jamaica(?:n)?)|(?P<TTD>Trinidad)|(?P<FJD>Fiji(?:an)?)|"
    r"(?P<NAD>Namibia(?:n)?))",
    re.IGNORECASE,  # running heads print the country in capitals: "PUBLIC ACCOUNTS OF CANADA"
)
# What every match of _COUNTRIES contains, as it is printed in text or in capitals
_COUNTRY_NAMES = ("Canad", "Australia", "New Zealand", "Singapore", "Hong Kong", "Jamaica", "Trinidad", "Fiji", "Namibia",
                  "CANAD", "AUSTRALIA", "NEW ZEALAND", "SINGAPORE", "HONG KONG", "JAMAICA", "TRINIDAD", "FIJI", "NAMIBIA")
# Named this many times, and more than all other dollar countries together, the country decides.
MIN_MENTIONS = 3
_EXPLICIT_US = re.compile(r"US\$|USD|U\.S\.|US dollars?|American dollars?", re.IGNORECASE)


def country_mentions(text: str) -> dict[str, int]:
    """How often a page names each dollar country other than the United States."""
    if not any(name in text for name in _COUNTRY_NAMES):
        return {}  # most pages: a substring test each is far cheaper than the pattern's pass
    counts: Counter[str] = Counter(m.lastgroup for m in _COUNTRIES.finditer(text) if m.lastgroup)
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
