"""The dependency rules of ARCHITECTURE.md, read from the import statements of the code."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

REDACTOR = Path(__file__).resolve().parents[1] / "redactor"


def imports(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def modules(folder: str) -> list[Path]:
    return sorted((REDACTOR / folder).rglob("*.py"))


def offending(paths: list[Path], prefixes: tuple[str, ...],
              allowed: frozenset[str] = frozenset()) -> list[str]:
    return [f"{p.relative_to(REDACTOR)}: {name}" for p in paths for name in imports(p)
            if name.startswith(prefixes) and f"{p.name}:{name}" not in allowed]


def test_routes_reach_the_store_and_the_audit_log_only_through_service() -> None:
    assert offending(modules("api/routes"), ("redactor.store", "redactor.audit", "sqlalchemy")
                     ) == []


def test_the_cli_does_not_import_the_api_but_to_start_the_server() -> None:
    allowed = frozenset({"serve_cmd.py:redactor.api.server",
                         "serve_cmd.py:redactor.api.server.serve"})
    assert offending(modules("cli"), ("redactor.api",), allowed) == []


@pytest.mark.parametrize(("folder", "banned"), [
    ("crypto", ("redactor.store", "redactor.api", "redactor.cli", "redactor.service")),
    ("store", ("redactor.api", "redactor.cli", "redactor.service")),
    ("policy", ("redactor.store", "redactor.api", "redactor.cli", "redactor.service")),
    ("bulk", ("redactor.api", "redactor.cli")),
])
def test_dependencies_point_down(folder: str, banned: tuple[str, ...]) -> None:
    assert offending(modules(folder), banned) == []


def test_nothing_imports_the_cli() -> None:
    others = [p for p in REDACTOR.rglob("*.py") if "cli" not in p.relative_to(REDACTOR).parts]
    assert offending(others, ("redactor.cli",)) == []


def test_the_app_context_and_the_request_work_do_not_import_each_other() -> None:
    assert offending([REDACTOR / "api" / "context.py"], ("redactor.api.work",)) == []


def test_the_detection_and_masking_steps_are_packages_not_loose_modules() -> None:
    loose = sorted(p.stem for p in REDACTOR.glob("*.py"))
    for step in ("analyze", "chunking", "focus", "model_input", "tokenizer", "workers", "stock",
                 "mask", "generalize"):
        assert step not in loose
    assert (REDACTOR / "detect" / "analyze.py").exists()
    assert (REDACTOR / "masking" / "mask.py").exists()


def _top_level_imports(path: Path) -> Iterator[str]:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_ray_is_imported_by_the_ray_engine_only_and_only_when_it_runs() -> None:
    """``ray`` is an optional extra: importing any module must not need it."""
    ray_users = [f"{p.relative_to(REDACTOR)}" for p in REDACTOR.rglob("*.py")
                 if any(n == "ray" or n.startswith("ray.") for n in imports(p))]
    assert ray_users == ["bulk/ray_engine.py"]
    top = list(_top_level_imports(REDACTOR / "bulk" / "ray_engine.py"))
    assert not [n for n in top if n == "ray" or n.startswith(("ray.", "pyarrow", "numpy"))]
