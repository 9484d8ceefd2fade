"""The claim extractor: every figure in a PDF, text or HTML document, with where it stands.

``extract_document(path)`` returns an :class:`ExtractedDocument` (the claim file's
``document`` header and its claims); :mod:`factcheck.merge` folds it into an existing claim
file without losing people's edits.
"""

from factcheck.extract.pipeline import (
    ExtractedDocument,
    detect_language,
    extract_document,
)

__all__ = ["ExtractedDocument", "detect_language", "extract_document"]
