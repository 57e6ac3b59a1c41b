"""The join link as a QR code: a PNG drawn by segno, on this machine (no network)."""

from __future__ import annotations

import functools
import io

import segno


@functools.lru_cache(maxsize=64)
def qr_png(link: str, *, scale: int = 8) -> bytes:
    """A PNG of ``link`` as a QR code (error correction M, a quiet zone of 4 modules), dark on white."""
    code = segno.make_qr(link, error="m")
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=4, dark="#000000", light="#FFFFFF")
    return out.getvalue()
