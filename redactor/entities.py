"""The one shape of a detected piece of PII that every layer passes around.

Offsets are code points of the *original* note (end exclusive), never of a
normalized copy: masking, storage and evaluation all index the text the
operator typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The labels of shared/LABELS.md, in the order reports print them.
LABELS: tuple[str, ...] = (
    "PERSON",
    "ADDRESS",
    "POSTAL_CODE",
    "MY_NUMBER",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "DATE_OF_BIRTH",
    "BANK_ACCOUNT",
    "PENSION_NUMBER",
    "HEALTH_INSURANCE_NUMBER",
    "DRIVERS_LICENSE",
    "RESIDENCE_CARD",
    "PASSPORT",
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A labelled span of the original text, with who found it and how sure."""

    start: int
    end: int
    label: str
    score: float
    recognizer: str
    explanation: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "score": round(self.score, 4),
            "recognizer": self.recognizer,
        }
