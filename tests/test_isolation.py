"""Tests run the same on an operator's machine: the caller's configuration never leaks in."""

from __future__ import annotations

import os
from pathlib import Path

from redactor.settings import Settings


def test_no_redactor_variable_of_the_caller_reaches_a_test() -> None:
    assert {n for n in os.environ if n.startswith("REDACTOR_")} <= {"REDACTOR_TEST_PG_URL"}


def test_settings_read_no_env_file_and_the_data_dir_is_a_temporary_one(tmp_path: Path) -> None:
    s = Settings()
    assert s.db_url is None and s.keyring is None and s.env == "development"
    assert str(s.data_dir).startswith(os.environ["XDG_DATA_HOME"])
