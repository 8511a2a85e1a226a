"""Numbers said as words in Spanish and Portuguese: a birth date an interpreter quotes.

A caller says a date the way it is spoken (``catorce de febrero de dos mil
diecisiete``, ``vinte e dois de novembro de mil novecentos e oitenta e sete``)
and the transcript keeps the words. ``cardinal_value`` reads such a run of
number words into its value (14, 2017, 1987); ``NUMBER_WORDS`` is the
vocabulary a pattern can match them by.

Hand-written: num2words writes numbers as words but no library reads them back
in these languages.
"""

from __future__ import annotations

import re

#: word → value; a word in both languages has one value in both
_UNITS: dict[str, int] = {
    # Spanish
    "cero": 0, "uno": 1, "un": 1, "una": 1, "primero": 1, "dos": 2, "tres": 3, "cuatro": 4,
    "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11,
    "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21,
    "veintiún": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23,
    "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90,
    # Portuguese
    "zero": 0, "um": 1, "primeiro": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4,
    "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13,
    "quatorze": 14, "catorze": 14, "quinze": 15, "dezesseis": 16, "dezasseis": 16,
    "dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19, "dezanove": 19,
    "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
    "oitenta": 80,
}  # fmt: skip
_HUNDREDS: dict[str, int] = {
    "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400,
    "quinientos": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800,
    "novecientos": 900,
    "cem": 100, "cento": 100, "duzentos": 200, "trezentos": 300, "quatrocentos": 400,
    "quinhentos": 500, "seiscentos": 600, "setecentos": 700, "oitocentos": 800,
    "novecentos": 900,
}  # fmt: skip
_THOUSAND = frozenset({"mil"})
#: the words that join parts of one number (treinta y uno, vinte e dois)
_JOINERS = frozenset({"y", "e"})
NUMBER_WORDS: tuple[str, ...] = tuple(
    sorted({*_UNITS, *_HUNDREDS, *_THOUSAND}, key=len, reverse=True)
)
_WORD = "|".join(map(re.escape, NUMBER_WORDS))
#: a run of number words as a pattern can match it (case-insensitive words)
CARDINAL = rf"(?:{_WORD})(?:[ -](?:(?:y|e)[ -])?(?:{_WORD})){{0,6}}(?![A-Za-zÀ-ÿ])"


def cardinal_value(words: str) -> int | None:
    """The value of a run of number words, or None when it is no well-formed number."""
    tokens = [t for t in re.split(r"[ -]+", words.lower().strip()) if t]
    total = 0
    part = 0
    last: str | None = None  # the kind of the word before: unit, hundred, thousand, joiner
    for token in tokens:
        if token in _JOINERS:
            if last not in ("unit", "hundred"):
                return None
            last = "joiner"
        elif token in _UNITS:
            if last == "unit" and part % 10 == 0 and part % 100 != 0 and _UNITS[token] < 10:
                part += _UNITS[token]  # veinte dos (a joiner left out): 22
            elif last == "unit":
                return None
            else:
                part += _UNITS[token]
            last = "unit"
        elif token in _HUNDREDS:
            if last == "unit" or part % 1000 >= 100:
                return None
            part += _HUNDREDS[token]
            last = "hundred"
        elif token in _THOUSAND:
            if last == "thousand":
                return None
            total += (part or 1) * 1000
            part = 0
            last = "thousand"
        else:
            return None
    if last == "joiner" or last is None:
        return None
    return total + part
