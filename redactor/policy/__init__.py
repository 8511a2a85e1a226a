"""Retention-and-masking policies: typed, immutable, checked against the law at load."""

from redactor.policy.findings import Finding, PolicyError, PolicyUnreadable, Severity
from redactor.policy.load import check_source, load_policy, policy_from_mapping
from redactor.policy.model import LabelRule, Policy

__all__ = [
    "Finding",
    "LabelRule",
    "Policy",
    "PolicyError",
    "PolicyUnreadable",
    "Severity",
    "check_source",
    "load_policy",
    "policy_from_mapping",
]
