"""Build a flate-bomb PDF in memory: a page whose content stream inflates to gigabytes of zeros.

A 2 GiB bomb is about 2 MB on disk and takes a few milliseconds to build, because deflate
output for a megabyte of zeros after a full flush is the same bytes every time: one block is
made with zlib and repeated, and the Adler-32 of n zero bytes is ((n mod 65521) << 16) | 1.

    python tests/adversarial/files/flate_bomb.py OUT.pdf [MiB]
"""

from __future__ import annotations

import struct
import sys
import zlib


def zero_stream(mib: int) -> bytes:
    """A zlib stream that inflates to ``mib`` MiB of zero bytes."""
    chunk = b"\0" * (1 << 20)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    assert first[2:] == block  # after a full flush the same input gives the same block
    size = mib << 20
    return first + block * (mib - 1) + b"\x03\x00" + struct.pack(">I", ((size % 65521) << 16) | 1)


def bomb_pdf(mib: int = 2048) -> bytes:
    """A one-page PDF whose content stream inflates to ``mib`` MiB."""
    content = zero_stream(mib)
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<<>>>>",
        b"<</Length %d/Filter/FlateDecode>>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as handle:
        handle.write(bomb_pdf(int(sys.argv[2]) if len(sys.argv) > 2 else 2048))
