"""``POST /v1/policies/check``: a policy file in, findings out (the rules live in
``redactor.policy``; this only carries the text to them and back)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import yaml
from fastapi import APIRouter

from redactor.api.deps import Auditor
from redactor.api.errors import ApiError, error_responses
from redactor.api.schemas import FindingOut, PolicyCheckRequest, PolicyCheckResponse, PolicyRef
from redactor.policy import Finding, PolicyUnreadable, check_source
from redactor.policy.load import MAX_BYTES, MAX_DEPTH, depth_problem, name_problem

router = APIRouter(prefix="/v1/policies", tags=["policies"])


def _has_alias(source: str) -> bool:
    """YAML aliases can expand exponentially when the policy loader builds plain data;
    policies never need them, so a request holding one is refused before loading."""
    try:
        return any(isinstance(token, yaml.AliasToken) for token in yaml.scan(source))
    except yaml.YAMLError:
        return False  # the loader reports the syntax error with its line


def _out(f: Finding, name: str) -> FindingOut:
    f = dataclasses.replace(f, file=name)
    return FindingOut(
        file=f.file,
        line=f.line,
        rule_id=f.rule_id,
        severity=str(f.severity),
        message=f.message,
        hint=f.hint,
    )


@router.post(
    "/check", response_model=PolicyCheckResponse, responses=error_responses(401, 403, 413, 422, 429)
)
def check_policy(body: PolicyCheckRequest, caller: Auditor) -> PolicyCheckResponse:
    """Every finding (line, rule id, severity, fix) for the submitted policy text.

    Refused before any parsing, 422 with the rule id: a name that is not a plain file
    name (``POLICY-NAME-INVALID``), a source over 1 MB (``FILE-TOO-LARGE``) or nested
    deeper than 32 levels (``YAML-TOO-DEEP``)."""
    if name_problem(body.name) is not None:
        raise ApiError(
            422,
            "policy_refused",
            "the policy name must be a plain file name",
            rule_id="POLICY-NAME-INVALID",
        )
    if len(body.source.encode("utf-8")) > MAX_BYTES:
        raise ApiError(
            422,
            "policy_refused",
            f"a policy file holds at most {MAX_BYTES} bytes",
            rule_id="FILE-TOO-LARGE",
        )
    if depth_problem(body.source) is not None:
        raise ApiError(
            422,
            "policy_refused",
            f"the policy is nested deeper than {MAX_DEPTH} levels",
            rule_id="YAML-TOO-DEEP",
        )
    if _has_alias(body.source):
        raise ApiError(422, "policy_alias_refused", "YAML anchors and aliases are not accepted")
    with tempfile.TemporaryDirectory(prefix="redactor-policy-") as tmp:
        path = Path(tmp) / body.name
        path.write_text(body.source, encoding="utf-8")
        try:
            policy, findings = check_source(path)
        except PolicyUnreadable as exc:
            return PolicyCheckResponse(
                status="unreadable",
                policy=None,
                findings=[_out(f, body.name) for f in exc.findings],
            )
        except yaml.YAMLError:
            # The loader builds its YAML reader outside its own error handling, so a
            # non-printable character escapes as ReaderError; reported to the policy owner.
            return PolicyCheckResponse(
                status="unreadable",
                policy=None,
                findings=[
                    FindingOut(
                        file=body.name,
                        line=1,
                        rule_id="YAML-INVALID",
                        severity="error",
                        message="not valid YAML: non-printable character",
                        hint="remove control characters from the file",
                    )
                ],
            )
    return PolicyCheckResponse(
        status="findings" if findings else "ok",
        policy=None if policy is None else PolicyRef(name=policy.name, version=policy.version),
        findings=[_out(f, body.name) for f in findings],
    )
