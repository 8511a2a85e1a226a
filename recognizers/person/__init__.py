"""Kinds of evidence for a person's name, one module each (see ARCHITECTURE.md).

Each module is a function from a note to scored candidate spans, testable
without ``ja_ginza``; ``recognizers.jp_person_recognizer`` combines them.
"""

from recognizers.person.candidate import Candidate

__all__ = ["Candidate"]
