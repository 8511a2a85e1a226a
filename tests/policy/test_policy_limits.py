"""Policy files: size and depth refused before parsing, names checked; exit 2 from the
CLI and 422 with a rule id from the API, never a traceback (issue 16)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactor.cli import app
from redactor.policy import PolicyUnreadable, check_source
from redactor.policy.load import depth_problem, name_problem

REPO = Path(__file__).resolve().parents[2]

DEEP = {
    "flow": "version: " + "[" * 900 + "]" * 900,
    "open_flow_megabyte": "[" * 990_000,
    "block_mapping": "".join(" " * i + f"k{i}:\n" for i in range(900)),
    "block_sequence": "- " * 900 + "x\n",
    "mixed": "a:\n" + "".join("  " * i + "- b:\n" for i in range(1, 60)),
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_when_a_policy_nests_too_deep_then_refused_fast_with_a_rule_id(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(PolicyUnreadable) as exc:
        check_source(path)
    assert time.perf_counter() - started < 2.0
    assert [f.rule_id for f in exc.value.findings] == ["YAML-TOO-DEEP"]


def test_when_a_policy_is_larger_than_a_megabyte_then_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("# " + "あ" * 400_000 + "\nname: x\n", encoding="utf-8")  # 1.2 MB
    with pytest.raises(PolicyUnreadable) as exc:
        check_source(path)
    assert [f.rule_id for f in exc.value.findings] == ["FILE-TOO-LARGE"]


@pytest.mark.parametrize(
    "path",
    sorted((REPO / "policies").glob("*.yaml"))
    + sorted((REPO / "tests" / "fixtures" / "policies").glob("*.yaml")),
    ids=lambda p: p.name,
)
def test_real_policies_pass_the_depth_prescan(path: Path) -> None:
    assert depth_problem(path.read_text(encoding="utf-8")) is None


def test_quoted_brackets_and_comments_do_not_count() -> None:
    assert (
        depth_problem('deny: ["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]  # [[[[[[[[[[[[[[[[[[[\n' * 3)
        is None
    )


@pytest.mark.parametrize(
    "name",
    [".", "..", "../x.yaml", "a/b.yaml", "a\\b", ".hidden", "", "x" * 129, "名前.yaml", "a\x00b"],
)
def test_names_that_are_not_plain_file_names_are_refused(name: str) -> None:
    assert name_problem(name) is not None


def test_cli_exits_2_without_a_traceback_on_deep_or_odd_files(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text(DEEP["flow"], encoding="utf-8")
    for target in (deep, tmp_path, Path("..")):
        result = CliRunner().invoke(app, ["policy", "check", str(target)])
        assert result.exit_code == 2, (target, result.output)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
