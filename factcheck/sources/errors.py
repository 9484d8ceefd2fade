"""Typed errors for reading source documents (FC301-FC309).

Each one prints as a single line ``path: FCnnn message`` so a batch can report a bad file
and carry on with the others.
"""

from __future__ import annotations

from factcheck.errors import SourceError


class EncryptedSourceError(SourceError):
    """The PDF is encrypted and no (correct) password was given."""

    code = "FC301"


class CorruptSourceError(SourceError):
    """The file is not a readable PDF: truncated, malformed, or not a PDF at all."""

    code = "FC302"


class NoTextLayerError(SourceError):
    """The PDF has pages but no text layer: it is scanned and needs OCR first."""

    code = "FC303"


class EmptySourceError(SourceError):
    """The file is empty (0 bytes, or only whitespace)."""

    code = "FC304"


class SourceTooLargeError(SourceError):
    """The file is larger than the size limit (``--max-size``)."""

    code = "FC305"


class PageTimeoutError(SourceError):
    """Reading one page took longer than the time limit (``--page-timeout``)."""

    code = "FC306"


class UnsupportedSourceError(SourceError):
    """The file type is not one extract can read (PDF, plain text, HTML)."""

    code = "FC307"


class MissingSourceError(SourceError):
    """The path does not exist, is not a file, or cannot be opened."""

    code = "FC308"


class UndecodableSourceError(SourceError):
    """A text file that is not text: undecodable bytes or binary content."""

    code = "FC309"
