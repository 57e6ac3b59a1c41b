"""Numbers in sentences: the one place where a count meets its noun, a sign meets its term and a
verb meets its subject. Every lesson module builds such phrases here, never by hand, so that a
sentence stays grammatical at 0, 1, 2 and at a negative number.

Numbers themselves are written by :func:`core.text.format_number`, the one number formatter.
"""

from __future__ import annotations

from core.text import format_number

_IRREGULAR = {"datapoint": "datapoints", "child": "children", "matrix": "matrices", "axis": "axes", "is": "are"}


def plural(noun: str, n: float, plural_form: str | None = None) -> str:
    """``noun`` as it goes after the number ``n``: singular for exactly 1 (or −1), plural otherwise.

    >>> plural("point", 1), plural("point", 0), plural("axis", 2), plural("zero", 3, "zeros")
    ('point', 'points', 'axes', 'zeros')
    """
    if abs(float(n)) == 1:
        return noun
    if plural_form is not None:
        return plural_form
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def count(n: float, noun: str, plural_form: str | None = None, *, thousands: bool = False) -> str:
    """A number with its noun: ``1 point``, ``2 points``, ``0 points``; ``thousands`` writes ``10,000``.

    >>> count(1, "point"), count(2, "hidden unit"), count(0, "cell"), count(12000, "point", thousands=True)
    ('1 point', '2 hidden units', '0 cells', '12,000 points')
    """
    number = f"{int(n):,}" if thousands and float(n) == int(n) else format_number(n)
    return f"{number} {plural(noun, n, plural_form)}"


def agree(n: int, singular: str, plural_form: str) -> str:
    """The verb (or any word) that agrees with a subject of ``n`` things: ``agree(2, "has", "have")``."""
    return singular if n == 1 else plural_form


def subject(names: str) -> tuple[str, int]:
    """A subject such as ``"a"`` or ``"a and b"`` with how many things it names (for :func:`agree`)."""
    return names, names.count(" and ") + 1


def signed(value: float, decimals: int | None = None) -> str:
    """A term after another one: ``+ 0.5`` or ``− 0.5`` (the minus sign, never ``+ -0.5``).

    >>> signed(0.5), signed(-0.5), signed(-0.00001, 2)
    ('+ 0.5', '− 0.5', '+ 0.00')
    """
    text = format_number(value, decimals)
    return "− " + text[1:] if text.startswith("-") else "+ " + text


def linear(w: float, variable: str, b: float, decimals: int | None = None) -> str:
    """``w·x + b`` with the sign of b where it belongs: ``3·x − 0.5``.

    >>> linear(3, "x", -0.5), linear(-0.25, "BMI", 11)
    ('3·x − 0.5', '-0.25·BMI + 11')
    """
    return f"{format_number(w, decimals)}·{variable} {signed(b, decimals)}"


def offset(value: float, decimals: int | None = None) -> str:
    """A difference said with its sign: ``+0.25``, ``-0.25``, ``0.00`` (no sign on zero)."""
    text = format_number(value, decimals)
    return text if text.startswith("-") or float(text) == 0 else "+" + text


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st``, ``112th``.

    >>> [ordinal(k) for k in (1, 2, 3, 4, 11, 12, 13, 21, 22, 102, 112)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '102nd', '112th']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def index_of(index: int, total: int, noun: str = "row") -> str:
    """A 0-based index beside the count it belongs to, said as what it is.

    >>> index_of(0, 150), index_of(149, 150), index_of(5, 150), index_of(0, 1)
    ('row 0, the first of 150', 'row 149, the last of 150', 'row 5, the 6th of 150', 'row 0, the only one')
    """
    if total == 1:
        return f"{noun} {index}, the only one"
    place = "first" if index == 0 else "last" if index == total - 1 else ordinal(index + 1)
    return f"{noun} {index}, the {place} of {total}"


def times(n: int) -> str:
    """How often: ``once``, ``twice``, ``3 times``.

    >>> times(1), times(2), times(3)
    ('once', 'twice', '3 times')
    """
    return {1: "once", 2: "twice"}.get(n, f"{n} times")
