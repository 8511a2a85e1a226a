"""Request and response bodies: the JSON contract published in ``openapi.json``.

Only shapes live here. Limits that come from settings (text length, batch
size) are checked by the routes, so that the published schema does not change
with a deployment's configuration.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from redactor.entities import Entity


def _encodable(text: str) -> str:
    """Refuse lone surrogates (valid JSON escapes, not text): they cannot be sealed or stored."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode") from None
    return text


NoteText = Annotated[str, Field(min_length=1), AfterValidator(_encodable)]
ShortId = Annotated[str, Field(min_length=1, max_length=128), AfterValidator(_encodable)]

_STRICT = ConfigDict(extra="forbid")


class EntityOut(BaseModel):
    start: int = Field(description="first code point of the span in the original text")
    end: int = Field(description="code point after the span (exclusive)")
    label: str
    score: float
    recognizer: str

    @classmethod
    def of(cls, e: Entity) -> EntityOut:
        return cls(start=e.start, end=e.end, label=e.label, score=round(e.score, 4),
                   recognizer=e.recognizer)


class AnalyzeRequest(BaseModel):
    """One note (``text``) or a batch (``texts``): exactly one of the two."""

    model_config = _STRICT

    text: NoteText | None = None
    texts: list[NoteText] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_of(self) -> AnalyzeRequest:
        if (self.text is None) == (self.texts is None):
            raise ValueError("give exactly one of text or texts")
        return self

    @property
    def items(self) -> list[str]:
        return [self.text] if self.text is not None else list(self.texts or [])


class AnalyzeResult(BaseModel):
    entities: list[EntityOut]


class AnalyzeResponse(BaseModel):
    results: list[AnalyzeResult] = Field(description="one result per input text, in order")


class PolicyRef(BaseModel):
    name: str
    version: str


class RedactRequest(BaseModel):
    model_config = _STRICT

    text: NoteText
    policy: ShortId | None = Field(default=None, description="policy name; default: active")
    caller_id: ShortId | None = Field(
        default=None, description="stable caller reference (pseudonyms per caller)"
    )


class RedactResponse(BaseModel):
    text: str = Field(description="the masked text")
    entities: list[EntityOut]
    label_counts: dict[str, int]
    policy: PolicyRef


class RecordCreate(BaseModel):
    model_config = _STRICT

    text: NoteText
    caller_id: ShortId | None = None


class RecordReceiptOut(BaseModel):
    id: str
    masked_text: str
    label_counts: dict[str, int]
    record_deadline: datetime | None
    original_deadlines: list[datetime]
    created: bool = Field(description="false when an Idempotency-Key replayed an earlier call")


class MaskedRecordOut(BaseModel):
    id: str
    masked_text: str


class OriginalOut(BaseModel):
    label: str
    start: int
    end: int
    value: str
    retain_until: datetime


class OriginalsOut(BaseModel):
    id: str
    originals: list[OriginalOut]


class PolicyCheckRequest(BaseModel):
    model_config = _STRICT

    source: Annotated[str, AfterValidator(_encodable)] = Field(
        description="the policy file's YAML text"
    )
    name: Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.-]+$")] = (
        "policy.yaml"
    )


class FindingOut(BaseModel):
    file: str
    line: int
    rule_id: str
    severity: str
    message: str
    hint: str


class PolicyCheckResponse(BaseModel):
    status: Literal["ok", "findings", "unreadable"]
    policy: PolicyRef | None
    findings: list[FindingOut]


class AuditFindingOut(BaseModel):
    kind: str
    detail: str
    record_id: str | None
    labels: list[str]
    column: str | None = Field(default=None, description=(
        "the record's field: `metadata`, `meta_mac`, `masked`, `vault/<seq>` …"))


class AuditReportOut(BaseModel):
    now: datetime
    clean: bool
    records: int
    policies: list[str]
    shreds_logged: int
    deletions_logged: int
    original_views: int
    chain_head: str
    fields_verified: int = Field(description="ciphertexts whose key and GCM tag verified")
    fields_shredded: int = Field(description="fields whose key was destroyed on purpose")
    records_unbound: int = Field(description="records without a metadata MAC yet "
                                 "(`redactor store bind`)")
    rescanned: int = Field(0, description="masked notes re-scanned for residual PII")
    rescan_skipped: int = Field(0, description="notes the re-scan left out: beyond "
                                "`REDACTOR_AUDIT_RESCAN_BUDGET`, overloaded or past deadline")
    findings: list[AuditFindingOut]


class AuditLogEntryOut(BaseModel):
    id: int
    at: datetime
    actor: str
    role: str
    action: str
    result: str
    purpose: str | None = Field(description="a purpose code (`redactor.purposes.PURPOSES`)")
    #: the free-text note is kept sealed (redacted, encrypted): only whether there is one
    purpose_note_sealed: bool = False
    record_id: str | None
    labels: list[str]
    policy: str | None
    key_version: str | None
    entry_hash: str


class AuditLogOut(BaseModel):
    entries: list[AuditLogEntryOut]
    chain_intact: bool
    head: str


class HealthOut(BaseModel):
    status: Literal["ok"]


class ReadyOut(BaseModel):
    status: Literal["ready", "not_ready"]
    checks: dict[str, bool]
