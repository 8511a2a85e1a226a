"""The policies shipped with the package, found through ``importlib.resources``.

The repository's ``policies/`` folder is their source; ``redactor/policy/data/``
holds an identical copy so that an installed package (a wheel, the container
image) carries them. ``tests/policy/test_shipped.py`` fails when the two differ.
Defaults resolve here, never from the working directory.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEFAULT_POLICY_FILE = "default.yaml"


def shipped_policy_dir() -> Path:
    """The folder of shipped policy files inside the installed package."""
    return Path(str(files("redactor.policy") / "data"))


def default_policy_path() -> Path:
    """The shipped city default policy (``REDACTOR_POLICY`` overrides it)."""
    return shipped_policy_dir() / DEFAULT_POLICY_FILE
