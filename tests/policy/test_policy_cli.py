"""`redactor policy check`: exit 0 clean, 1 findings (with the rule id), 2 unreadable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactor.cli import app

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "policies"
BROKEN = sorted(FIXTURES.glob("*.yaml"))

runner = CliRunner()


def _expected_line(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    marked = [i for i, line in enumerate(lines, 1) if "# expect" in line]
    assert len(marked) == 1, f"{path.name} must mark exactly one line with '# expect'"
    return marked[0]


def test_there_is_a_broken_fixture_for_every_rule_the_issue_names() -> None:
    names = {p.stem for p in BROKEN}
    assert {
        "MYNUMBER-RETAINED",
        "MYNUMBER-REVERSIBLE",
        "LABEL-UNCOVERED",
        "RETENTION-EXCEEDS-RECORD",
        "DURATION-INVALID",
        "OPERATOR-PARAM",
        "UNKNOWN-KEY",
    } <= names


@pytest.mark.parametrize("policy", ["default.yaml", "strict.yaml"])
def test_when_shipped_policy_then_exit_0(policy: str) -> None:
    result = runner.invoke(app, ["policy", "check", str(REPO / "policies" / policy)])
    assert result.exit_code == 0, result.output
    assert "ok" in result.output


@pytest.mark.parametrize("fixture", BROKEN, ids=lambda p: p.stem)
def test_when_broken_fixture_then_exit_1_with_its_rule_id_at_its_line(fixture: Path) -> None:
    result = runner.invoke(app, ["policy", "check", str(fixture)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output  # each fixture breaks exactly one rule
    location, rule_id = lines[0].split(": ")[0], lines[0].split(": ")[1].split(" ")[0]
    assert rule_id == fixture.stem
    assert location == f"{fixture}:{_expected_line(fixture)}"
    assert "(fix: " in lines[0]


@pytest.mark.parametrize("fixture", BROKEN, ids=lambda p: p.stem)
def test_when_json_format_then_findings_are_machine_readable(fixture: Path) -> None:
    result = runner.invoke(app, ["policy", "check", "--format", "json", str(fixture)])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    (finding,) = doc["findings"]
    assert finding["rule_id"] == fixture.stem
    assert finding["line"] == _expected_line(fixture)
    assert finding["file"] == str(fixture)
    assert finding["severity"] in {"error", "warning"}
    assert finding["hint"]
    assert doc["files"][0]["status"] == "findings"


def test_when_file_is_not_yaml_then_exit_2_with_a_clear_message() -> None:
    result = runner.invoke(app, ["policy", "check", str(FIXTURES / "not-yaml.txt")])
    assert result.exit_code == 2
    assert "YAML-INVALID" in result.output
    assert "not valid YAML" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("just a sentence, which YAML reads as a string\n", "must be a YAML mapping"),
        ("- a\n- list\n", "must be a YAML mapping"),
        ("", "must be a YAML mapping"),
        ("name: [unclosed\n", "not valid YAML"),
        ("name: x\x01\n", "not valid YAML"),  # a control character: the YAML reader refuses it
    ],
)
def test_when_yaml_is_not_a_mapping_then_exit_2(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["policy", "check", str(path)])
    assert result.exit_code == 2
    assert message in result.output


def test_when_file_is_missing_then_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["policy", "check", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "FILE-UNREADABLE" in result.output


def test_when_several_files_then_worst_exit_code_wins() -> None:
    good = str(REPO / "policies" / "default.yaml")
    broken = str(FIXTURES / "MYNUMBER-RETAINED.yaml")
    assert runner.invoke(app, ["policy", "check", good, broken]).exit_code == 1
    unreadable = str(FIXTURES / "not-yaml.txt")
    result = runner.invoke(app, ["policy", "check", good, broken, unreadable])
    assert result.exit_code == 2
    assert "MYNUMBER-RETAINED" in result.output  # the readable files are still checked


def test_when_format_is_unknown_then_usage_error() -> None:
    result = runner.invoke(
        app, ["policy", "check", "--format", "xml", str(REPO / "policies" / "default.yaml")]
    )
    assert result.exit_code == 2


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (LAUGHS, "YAML nodes"),  # a billion laughs must not expand
        ("a: &a [*a]\n", "nested deeper"),  # an alias that contains itself
        ("? [a, b]\n: c\n", "plain scalar"),  # complex keys
    ],
)
def test_when_yaml_abuses_aliases_or_keys_then_exit_2(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["policy", "check", str(path)])
    assert result.exit_code == 2
    assert message in result.output


def test_merge_keys_are_understood_and_located(tmp_path: Path) -> None:
    source = (REPO / "policies" / "default.yaml").read_text(encoding="utf-8")
    source = source.replace(
        "  BANK_ACCOUNT:\n    operator: replace\n",
        "  BANK_ACCOUNT: &plain\n    operator: replace\n  PENSION_X:\n    <<: *plain\n",
    )
    path = tmp_path / "p.yaml"
    path.write_text(source, encoding="utf-8")
    result = runner.invoke(app, ["policy", "check", str(path)])
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    number = int(line.split(":")[1])
    assert "UNKNOWN-KEY" in line
    assert source.splitlines()[number - 1].strip() == "PENSION_X:"


def test_an_impossible_date_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    source = (REPO / "policies" / "default.yaml").read_text(encoding="utf-8")
    path = tmp_path / "p.yaml"
    path.write_text(
        source.replace("effective: 2026-04-01", "effective: 2026-13-45"), encoding="utf-8"
    )
    result = runner.invoke(app, ["policy", "check", str(path)])
    assert result.exit_code == 1
    assert "SCHEMA-INVALID" in result.output and "effective" in result.output
