"""``/v1/records``: the desk app stores a note; staff read it masked; privileged roles read
originals (with a purpose, always audit-logged by the service) and erase records."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request, Response

from redactor import service
from redactor.api.deps import AnyRole, Ctx, Desk, Privileged, Purpose, PurposeNote, Reader
from redactor.api.errors import ApiError, ErrorBody, error_responses, forbidden, not_found
from redactor.api.schemas import (
    MaskedRecordOut,
    OriginalOut,
    OriginalsOut,
    RecordCreate,
    RecordReceiptOut,
)
from redactor.api.security import Role
from redactor.api.work import admitted, analyzer_of, check_texts, note_analyzer
from redactor.crypto.errors import DecryptionError
from redactor.purposes import InvalidInput

router = APIRouter(prefix="/v1/records", tags=["records"])

#: checked (UUID) by the service before any database call: 404 ``record_not_found``
RecordId = Annotated[str, Path(description="record id (a UUID)")]
IdempotencyKey = Annotated[
    str | None,
    Header(min_length=1, max_length=128, pattern=r"^[\x21-\x7e]+$",
           description="a retry with the same key and body returns the first record"),
]


def _refused(exc: InvalidInput) -> ApiError:
    """A malformed id names no record: 404 ``record_not_found`` (as an unknown one), before
    any database call; a purpose outside the list: 422 with its code."""
    if exc.code == "invalid_record_id":
        return not_found()
    return ApiError(422, exc.code, exc.message)


def _undecryptable() -> ApiError:
    return ApiError(500, "decryption_failed", "the record cannot be decrypted with current keys")


@router.post(
    "",
    response_model=RecordReceiptOut,
    status_code=201,
    responses={200: {"model": RecordReceiptOut, "description": "replayed (Idempotency-Key)"},
               409: error_responses(409)[409],
               410: {"model": ErrorBody,
                     "description": "replayed (Idempotency-Key), but the record was erased or "
                                    "shredded since: `record_gone`"},
               **error_responses(401, 403, 413, 422, 429, 503)},
)
async def create_record(
    body: RecordCreate,
    ctx: Ctx,
    caller: Desk,
    request: Request,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> RecordReceiptOut:
    """Redact under the active policy, encrypt, store; deadlines come from the policy.

    With an ``Idempotency-Key``, a retry with the same text and ``caller_id`` answers the
    first record (200); a different body under the key is 409 ``idempotency_conflict``;
    a retry after the record was erased or shredded is 410 ``record_gone``."""
    check_texts(ctx, [body.text])
    finder: Any = analyzer_of(ctx)
    now = ctx.clock()

    def work() -> service.RecordReceipt:
        return service.create_record(
            body.text, ctx.policies.active, analyzer=finder, store=ctx.store, keys=ctx.keys,
            now=now, idempotency_key=idempotency_key, caller_id=body.caller_id,
        )

    try:
        receipt = await admitted(ctx, len(body.text), work)
    except service.IdempotencyConflict:
        raise ApiError(409, "idempotency_conflict",
                       "this Idempotency-Key was used for a different request") from None
    except service.RecordGone:
        raise ApiError(410, "record_gone",
                       "the record this Idempotency-Key created was erased or shredded") from None
    request.state.record_id = receipt.id  # for the access log
    if receipt.created:
        ctx.metrics.observe_notes("records", [
            [label for label, n in receipt.label_counts.items() for _ in range(n)]
        ])
    else:
        response.status_code = 200
    return RecordReceiptOut(
        id=receipt.id,
        masked_text=receipt.masked_text,
        label_counts=receipt.label_counts,
        record_deadline=receipt.record_deadline,
        original_deadlines=list(receipt.original_deadlines),
        created=receipt.created,
    )


@router.get("/{record_id}", response_model=MaskedRecordOut,
            responses=error_responses(401, 403, 404, 422, 429, 500))
def read_masked(record_id: RecordId, ctx: Ctx, caller: Reader) -> MaskedRecordOut:
    """The masked note, decrypted for the caller."""
    try:
        text = service.read_masked(record_id, store=ctx.store, keys=ctx.keys,
                                   actor=caller.key_id, role=caller.role.value, now=ctx.clock())
    except InvalidInput as exc:
        raise _refused(exc) from None
    except service.RecordNotFound:
        raise not_found() from None
    except DecryptionError:
        raise _undecryptable() from None
    return MaskedRecordOut(id=record_id, masked_text=text)


@router.get("/{record_id}/original", response_model=OriginalsOut,
            responses=error_responses(401, 403, 404, 422, 429, 500))
def read_original(
    record_id: RecordId, ctx: Ctx, caller: AnyRole, purpose: Purpose, note: PurposeNote
) -> OriginalsOut:
    """The vaulted original values: only for a privileged key whose role the policy allows,
    only with a purpose (``X-Purpose``). Every authenticated attempt is audit-logged, a
    refused role included. A privileged caller gets 404 for an unknown record; any other
    role gets 403 whether the record exists or not."""
    privileged = caller.role is Role.PRIVILEGED
    try:
        items = service.read_original(
            record_id, store=ctx.store, keys=ctx.keys, actor=caller.key_id,
            role=caller.policy_role if privileged else caller.role.value,
            purpose=purpose, policy=ctx.policies.active, now=ctx.clock(),
            caller_may_view=privileged, purpose_note=note, note_analyzer=note_analyzer(ctx),
        )
    except InvalidInput as exc:
        if not privileged and exc.code == "invalid_record_id":
            raise forbidden() from None  # the same answer as for any id, valid or not
        raise _refused(exc) from None
    except service.RecordNotFound:
        # a role that never sees originals gets 403 whether or not the record exists:
        # the same answer as every route's role check, and no existence oracle
        raise (not_found() if privileged else forbidden()) from None
    except service.AccessDenied as exc:
        if not privileged:
            raise forbidden() from None
        raise ApiError(403, "access_denied", str(exc)) from None
    except DecryptionError:
        raise _undecryptable() from None
    return OriginalsOut(
        id=record_id,
        originals=[OriginalOut(label=i.label, start=i.start, end=i.end, value=i.value,
                               retain_until=i.retain_until) for i in items],
    )


@router.delete("/{record_id}", status_code=204,
               responses=error_responses(401, 403, 404, 422, 429))
def delete_record(record_id: RecordId, ctx: Ctx, caller: Privileged, purpose: Purpose,
                  note: PurposeNote) -> Response:
    """Erasure on request: every key and ciphertext of the record destroyed, each logged."""
    try:
        deleted = service.delete_record(
            record_id, store=ctx.store, actor=caller.key_id, role=caller.policy_role,
            purpose=purpose, now=ctx.clock(), purpose_note=note, keys=ctx.keys,
            note_analyzer=note_analyzer(ctx))
    except InvalidInput as exc:
        raise _refused(exc) from None
    if not deleted:
        raise not_found()
    return Response(status_code=204)
