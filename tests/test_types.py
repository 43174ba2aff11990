"""The type checker passes: mypy over the files `[tool.mypy]` in pyproject.toml names.

Run here so that the README's test command, which CI runs, runs the type checker too. mypy
keeps its cache in `.mypy_cache/` at the repo root: the first run analyses the third-party
packages synth imports (tens of seconds), later runs only what changed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def run_mypy(*args: str) -> subprocess.CompletedProcess[str]:
    assert importlib.util.find_spec("mypy"), "mypy is missing: it is in the dev extra"
    return subprocess.run(
        [sys.executable, "-m", "mypy", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_mypy_passes_on_the_configured_files():
    result = run_mypy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success"), result.stdout


def test_mypy_reports_a_type_error(tmp_path):
    """The check can fail: the same configuration finds an error in a wrong module."""
    wrong = tmp_path / "wrong.py"
    wrong.write_text("from synth.core import Sentence\n\nnumber: int = Sentence.__name__\n")
    result = run_mypy(str(wrong))
    assert result.returncode == 1 and "error" in result.stdout, result.stdout + result.stderr
