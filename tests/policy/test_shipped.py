"""The policies shipped in the package are the repository's ``policies/``, byte for byte."""

from __future__ import annotations

from pathlib import Path

from redactor.policy import load_policy
from redactor.policy.shipped import default_policy_path, shipped_policy_dir

REPO = Path(__file__).resolve().parents[2]


def test_when_policies_change_then_the_package_copy_is_identical() -> None:
    source = {p.name: p.read_bytes() for p in sorted((REPO / "policies").glob("*.yaml"))}
    shipped = {p.name: p.read_bytes() for p in sorted(shipped_policy_dir().glob("*.yaml"))}
    assert source, "policies/ holds no policy"
    assert shipped == source, "run: cp policies/*.yaml redactor/policy/data/"


def test_the_default_policy_resolves_from_the_package_not_the_working_directory() -> None:
    path = default_policy_path()
    assert path.is_absolute() and path.is_file()
    assert load_policy(path).name == "city-default"
