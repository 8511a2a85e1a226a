"""The typed, immutable shape of a retention-and-masking policy.

Validation here is structural: types, allowed keys (``extra="forbid"``, so a
typo such as ``retain_orignal`` is refused instead of silently weakening the
policy), durations and operator parameters. The legal and cross-field rules
(My Number, coverage, retention ordering) live in ``rules.py`` so that
``policy check`` can report each with its own rule id; ``load_policy`` only
hands out a ``Policy`` that passed both.

Errors raised inside validators use ``PydanticCustomError`` with a type the
loader maps to a rule id (``duration_invalid`` → ``DURATION-INVALID``, ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from redactor.policy.retention import DOCUMENT_CLASSES, Duration, deadline, parse_duration

OperatorName = Literal["replace", "pseudonym", "mask", "generalize", "redact", "keep"]

#: The longest tail ``mask`` may leave visible. Four is what a caller reads
#: back to confirm a number ("ending in 5571"); more starts to identify.
MAX_MASK_KEEP_LAST = 4
PSEUDONYM_MIN_LENGTH = 4
PSEUDONYM_MAX_LENGTH = 16


def _validate_duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "duration_invalid", "a duration must be an ISO-8601 string such as P1Y or P30D"
        )
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise PydanticCustomError("duration_invalid", str(exc)) from None


IsoDuration = Annotated[
    Duration,
    PlainValidator(_validate_duration),
    PlainSerializer(lambda d: d.iso(), return_type=str),
]


def _read_only(rules: Mapping[str, LabelRule]) -> Mapping[str, LabelRule]:
    """Frozen models still hold mutable dicts; a loaded policy's label map must not change."""
    return MappingProxyType(dict(rules))


_FROZEN = ConfigDict(frozen=True, extra="forbid")


class LabelRule(BaseModel):
    """What happens to one label: how it is masked and how long its original is kept.

    ``retain_original`` of ``P0D`` (the default) means the original is never vaulted.
    """

    model_config = _FROZEN

    operator: OperatorName
    retain_original: IsoDuration = Duration()
    threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    keep_last: StrictInt | None = None
    mask_char: StrictStr | None = None
    token_length: StrictInt | None = None

    @field_validator("keep_last", "mask_char")
    @classmethod
    def _mask_params(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None:
            return None
        if info.data.get("operator") != "mask":
            raise PydanticCustomError(
                "operator_param",
                "{field} is a parameter of the mask operator only",
                {"field": info.field_name},
            )
        if info.field_name == "keep_last" and not 0 <= value <= MAX_MASK_KEEP_LAST:
            raise PydanticCustomError(
                "operator_param",
                "keep_last must be between 0 and {max}",
                {"max": MAX_MASK_KEEP_LAST},
            )
        if info.field_name == "mask_char" and len(value) != 1:
            raise PydanticCustomError("operator_param", "mask_char must be one character")
        return value

    @field_validator("token_length")
    @classmethod
    def _pseudonym_params(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is None:
            return None
        if info.data.get("operator") != "pseudonym":
            raise PydanticCustomError(
                "operator_param", "token_length is a parameter of the pseudonym operator only"
            )
        if not PSEUDONYM_MIN_LENGTH <= value <= PSEUDONYM_MAX_LENGTH:
            raise PydanticCustomError(
                "operator_param",
                "token_length must be between {lo} and {hi} hex digits",
                {"lo": PSEUDONYM_MIN_LENGTH, "hi": PSEUDONYM_MAX_LENGTH},
            )
        return value

    @property
    def mask_keep_last(self) -> int:
        return MAX_MASK_KEEP_LAST if self.keep_last is None else self.keep_last

    @property
    def mask_character(self) -> str:
        return "*" if self.mask_char is None else self.mask_char

    @property
    def pseudonym_length(self) -> int:
        return PSEUDONYM_MIN_LENGTH if self.token_length is None else self.token_length

    @property
    def keeps_original(self) -> bool:
        return not self.retain_original.is_zero


class RecordRetention(BaseModel):
    """How long the masked note is kept (a document class in years) and its fate after."""

    model_config = _FROZEN

    document_class: StrictInt
    from_next_april: StrictBool = True
    at_end: Literal["destroy", "transfer"]

    @field_validator("document_class")
    @classmethod
    def _known_class(cls, value: int) -> int:
        if value not in DOCUMENT_CLASSES:
            raise PydanticCustomError(
                "retention_class",
                "document_class must be one of {classes} (years)",
                {"classes": ", ".join(map(str, DOCUMENT_CLASSES))},
            )
        return value

    @property
    def period(self) -> Duration:
        return Duration(years=self.document_class)


class OriginalAccess(BaseModel):
    """Who may read a vaulted original, and whether they must say why."""

    model_config = _FROZEN

    roles: tuple[StrictStr, ...] = ()
    purpose_required: StrictBool = True


class DenyTerm(BaseModel):
    """A string always masked under ``label``, found or not by the analyzer."""

    model_config = _FROZEN

    term: StrictStr = Field(min_length=1)
    label: StrictStr


class Policy(BaseModel):
    """A versioned decision, label by label, of what the feedback database may keep."""

    model_config = _FROZEN

    name: StrictStr = Field(min_length=1)
    version: StrictStr = Field(min_length=1)
    effective: date
    owner: StrictStr = Field(min_length=1)
    record_retention: RecordRetention
    pseudonym_scope: Literal["record", "caller"] = "record"
    default_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    default: LabelRule | None = None
    labels: Annotated[
        Mapping[StrictStr, LabelRule],
        AfterValidator(_read_only),
        PlainSerializer(dict, return_type=dict),
    ] = Field(default_factory=dict, validate_default=True)
    keep_allowed: tuple[StrictStr, ...] = ()
    allow_list: tuple[StrictStr, ...] = ()
    deny_list: tuple[DenyTerm, ...] = ()
    original_access: OriginalAccess = OriginalAccess()

    def rule_for(self, label: str) -> LabelRule:
        """The rule for ``label``: its own entry, else the declared default."""
        rule = self.labels.get(label, self.default)
        if rule is None:
            raise KeyError(f"policy {self.name} covers no rule for label {label}")
        return rule

    def threshold(self, label: str) -> float:
        rule = self.labels.get(label, self.default)
        if rule is not None and rule.threshold is not None:
            return rule.threshold
        return self.default_threshold

    @property
    def original_viewer_roles(self) -> tuple[str, ...]:
        return self.original_access.roles

    @property
    def purpose_required(self) -> bool:
        return self.original_access.purpose_required

    def record_deadline(self, created: datetime) -> datetime:
        """When the masked note itself must be destroyed or transferred."""
        rr = self.record_retention
        return deadline(created, rr.period, from_next_april=rr.from_next_april)

    def original_deadline(self, label: str, created: datetime) -> datetime | None:
        """When the vaulted original of ``label`` must go; None when it is never kept.

        A My Number original is never kept, whatever the file says (番号法 §20),
        and no original outlives its record.
        """
        if label == "MY_NUMBER":
            return None
        rule = self.rule_for(label)
        if not rule.keeps_original:
            return None
        return min(rule.retain_original.add_to(created), self.record_deadline(created))
