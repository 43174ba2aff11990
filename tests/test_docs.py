"""The README and docs/ must describe the CLI and the JSON as the code has them."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from synth.cli import app
from synth.digest import digest
from tests.conftest import GOLDEN, ROOT, FakeEmbedder
from tests.feeds import write_feed
from tests.test_golden import readme_sample

README = (ROOT / "README.md").read_text(encoding="utf-8")
# the page, the JSON and digest.json, field by field
OUTPUT_DOC = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")


def options_of(command: str) -> set[str]:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    return set(re.findall(r"(--[a-z][a-z-]+)", result.output)) - {"--help"}


def test_every_brief_option_is_documented():
    for option in options_of("brief"):
        assert f"`{option}" in README or f", {option}" in README, option


def test_every_command_is_documented():
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    for command in ("brief", "sources", "eval"):
        assert command in result.output
        assert f"synth {command}" in README


@pytest.mark.slow  # the real model
def test_json_keys_are_documented(aleppo_briefing):
    data = aleppo_briefing.to_dict()
    keys = set(data) | set(data["sources"][0]) | set(data["sections"][0]["points"][0])
    keys |= set(data["lede"][0]) | set(data["sections"][0])
    keys |= set(data["coverage"]) | set(data["coverage"]["sources"][0])
    keys |= set(data["differences"][0]) | set(data["differences"][0]["variants"][0])
    for key in keys:
        assert f'"{key}"' in OUTPUT_DOC, key


def test_readme_starts_with_the_two_commands():
    commands = re.findall(r"```bash\n(.*?)```", README, re.S)[0].strip().splitlines()
    assert commands[0].endswith("synth brief fixtures/aleppo")
    assert commands[1].endswith("pytest -q")
    ci = (ROOT / ".ci" / "run").read_text()
    assert commands[1] in ci


def test_every_digest_option_is_documented():
    for option in options_of("digest"):
        assert f"`{option}" in README or f", {option}" in README, option
    assert "synth digest" in README


@pytest.mark.slow
def test_digest_json_keys_are_documented(tmp_path):
    digest([str(write_feed(tmp_path))], tmp_path / "out", embedder=FakeEmbedder())
    data = json.loads((tmp_path / "out" / "digest.json").read_text())
    keys = set(data) | set(data["stories"][0]) | set(data["alone"][0])
    for key in keys:
        assert f'"{key}"' in OUTPUT_DOC, key


def test_exit_code_table_matches_the_code():
    from synth.cli import EXIT_CODES
    from synth.core import InputError, SynthError
    from synth.write.output import OutputError

    table = re.search(r"\| code \| meaning \|\n\|---:\|---\|\n((?:\|.*\|\n)+)", README)
    assert table, "the README has no exit-code table"
    rows = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", table.group(1), re.M))
    assert {int(code) for code in rows} == set(EXIT_CODES)
    for code, meaning in EXIT_CODES.items():
        assert rows[str(code)].startswith(meaning.split(":")[0]), code
    for error in (SynthError, InputError, OutputError):
        assert error.exit_code in EXIT_CODES


def test_readme_sample_is_the_golden_briefing():
    """The README's sample is the golden Markdown, byte for byte; the golden test checks that
    the program prints it (and `--update-goldens` rewrites both)."""
    assert readme_sample(README) == (GOLDEN / "aleppo.md").read_text(encoding="utf-8")


def test_readme_links_to_docs_that_exist():
    for target in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (ROOT / target).is_file(), target
    assert len(README.splitlines()) < 250


def test_digest_is_found_early():
    """A user reading from the top meets both commands in the first screenfuls."""
    lines = README.splitlines()
    assert next(i for i, line in enumerate(lines) if "synth digest" in line) < 40
