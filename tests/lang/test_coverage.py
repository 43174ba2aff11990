"""Every compiled pattern of `synth.lang.en` has examples in `tests/lang/`, found and missed,
in the test file of the module that defines it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import synth.lang.en
from tests.lang.examples import patterns_of

TESTS = Path(__file__).resolve().parent


def language_modules() -> list[str]:
    return [info.name for info in pkgutil.iter_modules(synth.lang.en.__path__)]


def tables() -> dict[str, dict]:
    """Each language module's example table, from its test file (empty where there is none)."""
    found = {}
    for name in language_modules():
        if (TESTS / f"test_{name}.py").exists():
            found[name] = importlib.import_module(f"tests.lang.test_{name}").EXAMPLES
        else:
            found[name] = {}
    return found


def test_every_pattern_of_every_module_has_examples():
    missing = {}
    for name, table in tables().items():
        module = importlib.import_module(f"synth.lang.en.{name}")
        lacking = patterns_of(module) - set(table)
        if lacking:
            missing[name] = sorted(lacking)
    assert missing == {}


def test_tables_name_only_patterns_their_module_defines():
    stray = {}
    for name, table in tables().items():
        module = importlib.import_module(f"synth.lang.en.{name}")
        extra = set(table) - patterns_of(module)
        if extra:
            stray[name] = sorted(extra)
    assert stray == {}


def test_the_package_exports_no_pattern_a_module_does_not_define():
    exported = {n for n, v in vars(synth.lang.en).items() if isinstance(v, re.Pattern)}
    defined = set().union(
        *(patterns_of(importlib.import_module(f"synth.lang.en.{n}")) for n in language_modules())
    )
    assert exported == defined


def test_every_pattern_has_a_text_it_finds_and_one_it_misses():
    thin = [
        f"{module}.{name}"
        for module, table in tables().items()
        for name, examples in table.items()
        if not examples.found or not examples.missed
    ]
    assert thin == []
