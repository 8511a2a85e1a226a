"""Why someone opens originals or erases a record: a closed list of purpose codes.

The one place the codes are defined (the README lists them). ``X-Purpose`` (HTTP)
and ``--purpose`` carry a code; a free-text note may come with it, but the note is
redacted and stored encrypted by the service, never in clear. Record ids are
checked here too: they are UUIDs, validated before any database call.
"""

from __future__ import annotations

import re
import unicodedata

#: code -> what it means (documentation; the code is what is stored and hashed)
PURPOSES: dict[str, str] = {
    "callback": "calling the resident back about their report",
    "complaint_followup": "following up a complaint or a report in progress",
    "disclosure_request": "the resident asked to see what is held about them",
    "erasure": "erasing a record at the resident's request",
    "legal_obligation": "a request under law (police, court, statutory body)",
    "incident_investigation": "investigating an incident, an error or misuse",
    "quality_review": "a supervisor reviewing how a case was handled",
}

MAX_NOTE_CHARS = 500

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class InvalidInput(ValueError):
    """An identifier or purpose the service refuses; ``code`` is stable, the message fixed.

    The message never quotes the input."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def record_id(value: str) -> str:
    """The canonical (lower-case, hyphenated) form of a record id, or ``InvalidInput``."""
    lowered = value.lower()
    if len(value) != 36 or not _UUID.match(lowered):
        raise InvalidInput("invalid_record_id", "a record id is a UUID (36 characters)")
    return lowered


def _visible(text: str) -> str:
    """``text`` without format, control, separator characters (what a reader cannot see)."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "CZ")


def purpose_code(value: str | None) -> str | None:
    """A purpose code from :data:`PURPOSES`; None when absent or blank."""
    if value is None or not _visible(value):
        if value:  # only invisible or whitespace characters: refused, not "absent"
            raise InvalidInput("invalid_purpose", "the purpose holds no visible character")
        return None
    code = value.strip()
    if code not in PURPOSES:
        raise InvalidInput(
            "invalid_purpose", "the purpose must be one of the codes: " + ", ".join(PURPOSES)
        )
    return code


def purpose_note(value: str | None) -> str | None:
    """A free-text note beside the code: visible text, no control character, bounded."""
    if value is None or value == "":
        return None
    if len(value) > MAX_NOTE_CHARS:
        raise InvalidInput(
            "invalid_purpose_note", f"the purpose note may hold at most {MAX_NOTE_CHARS} characters"
        )
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in value):
        raise InvalidInput("invalid_purpose_note", "the purpose note holds a control character")
    if not _visible(value):
        raise InvalidInput("invalid_purpose_note", "the purpose note holds no visible character")
    return value.strip()
