"""What CPython makes of source text: the code object, its bytecode instructions and its raw bytes.

Everything is computed by the running interpreter (``compile`` and the standard library's
``dis``), so the instructions and bytes are those of the Python that runs the app, whatever its
version; :func:`interpreter` names it.
"""

from __future__ import annotations

import dis
import platform
from dataclasses import dataclass

import numpy as np

SLIDE_SOURCE = 'print("Hello World!\\n")'  # the slide's one line


@dataclass(frozen=True)
class Instruction:
    """One bytecode instruction as ``dis`` lists it: byte offset, name, argument and its meaning."""

    offset: int
    opname: str
    arg: int | None
    argrepr: str


def interpreter() -> str:
    """The running implementation and version, e.g. ``CPython 3.11.7``."""
    return f"{platform.python_implementation()} {platform.python_version()}"


def compiled():
    """The code object CPython makes of the slide's line, compiled as a module (as ``python file.py`` does).

    Only the constant :data:`SLIDE_SOURCE` is ever compiled, and nothing is run.
    """
    return compile(SLIDE_SOURCE, "<slide>", "exec")


def instructions() -> list[Instruction]:
    """The slide line's bytecode, instruction by instruction, as ``dis`` reads it."""
    return [Instruction(i.offset, i.opname, i.arg, i.argrepr) for i in dis.get_instructions(compiled())]


def dis_text() -> str:
    """What ``dis.dis`` prints for the slide's line."""
    return dis.Bytecode(compiled()).dis()


def code_bytes() -> bytes:
    """The code object's raw bytes, ``co_code``: one opcode byte and one argument byte per unit."""
    return compiled().co_code


def as_hex(data: bytes) -> str:
    """Bytes in hexadecimal, one pair per byte: ``b"\\x97\\x00"`` -> ``"97 00"``."""
    return data.hex(" ")


def as_binary(data: bytes) -> str:
    """Bytes as eight binary digits each: ``b"\\x97\\x00"`` -> ``"10010111 00000000"``."""
    return " ".join(f"{b:08b}" for b in data)


def cache_units(data: bytes) -> int:
    """How many two-byte units of ``data`` are ``CACHE`` entries (space the interpreter fills while it runs).

    ``dis`` hides them unless asked (``show_caches=True``); they exist from CPython 3.11 on.
    """
    cache = dis.opmap.get("CACHE")
    return 0 if cache is None else sum(1 for b in data[::2] if b == cache)


# Dynamic typing: one name, bound in turn to values of different types (the line, the value it binds).
RETYPED = (
    ("x = 3", 3),
    ("x = 3.0", 3.0),
    ('x = "three"', "three"),
    ("x = [3]", [3]),
    ("x = np.arange(3)", np.arange(3)),
)


def type_name(value) -> str:
    """What ``type(value)`` prints, without its ``<class '…'>``: ``int``, ``numpy.ndarray``."""
    kind = type(value)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def retyped_types() -> list[tuple[str, str]]:
    """Each line of :data:`RETYPED` and the type of ``x`` after it."""
    return [(line, type_name(value)) for line, value in RETYPED]


def type_error_message() -> str:
    """The message of the ``TypeError`` that ``"3" + 3`` raises when it runs."""
    try:
        "3" + 3  # noqa: B018
    except TypeError as err:
        return str(err)
    raise AssertionError("'3' + 3 did not raise")
