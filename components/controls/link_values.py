"""Values read from a link (the query string), parsed defensively: a link is written by anyone, so a value the
dashboard does not understand falls back to a default and never raises. No Streamlit here."""
from __future__ import annotations


def link_number(value: str | None, default: int, most: int) -> int:
    """A whole number from a link (?step=3), at most `most`: ASCII digits only; anything else (other scripts'
    digits, "²", a sign, empty) is `default`. `int()` alone raises on some of these and on 5,000 digits."""
    if not (value and value.isascii() and value.isdigit()):
        return default
    return most if len(value) > len(str(most)) else min(int(value), most)
