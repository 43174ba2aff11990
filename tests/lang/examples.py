"""Example tables for the patterns of `synth.lang.en`, in the spirit of spaCy's
`spacy/tests/lang/en/`: each pattern, by name, with texts it must find and texts it must not.

The examples come from the comments beside the patterns and from made-up text in the same
spirit (never from the evaluation sets). An example a comment gives that the pattern does not
treat as the comment says is kept, marked `xfail(strict=True)` with the reason: the pattern is
not changed here, and the day it is, the mark has to go.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest


@dataclass(frozen=True)
class Examples:
    """Texts a pattern finds and texts it does not; `at_start` where the code calls `.match`."""

    found: tuple[Any, ...]
    missed: tuple[Any, ...]
    at_start: bool = False


def anywhere(found: list[Any], missed: list[Any]) -> Examples:
    """Examples of a pattern the code runs with `search`, `findall`, `finditer` or `sub`."""
    return Examples(tuple(found), tuple(missed))


def at_start(found: list[Any], missed: list[Any]) -> Examples:
    """Examples of a pattern the code runs with `match`: it must match where the text starts."""
    return Examples(tuple(found), tuple(missed), at_start=True)


def wrong(text: str, reason: str) -> Any:
    """A comment's example the pattern does not treat as the comment says."""
    return pytest.param(text, marks=pytest.mark.xfail(strict=True, reason=reason))


def cases(table: dict[str, Examples]) -> list[Any]:
    """One test case per example: (pattern name, text, whether the pattern must find it)."""
    params = []
    for name, examples in table.items():
        for expected, texts in ((True, examples.found), (False, examples.missed)):
            for i, text in enumerate(texts):
                marks = ()
                if isinstance(text, type(pytest.param(""))):
                    marks, text = text.marks, text.values[0]
                kind = "finds" if expected else "misses"
                params.append(
                    pytest.param(name, text, expected, marks=marks, id=f"{name}-{kind}-{i}")
                )
    return params


def finds(module: ModuleType, name: str, text: str, table: dict[str, Examples]) -> bool:
    pattern = getattr(module, name)
    assert isinstance(pattern, re.Pattern), name
    hit = pattern.match(text) if table[name].at_start else pattern.search(text)
    return hit is not None


def patterns_of(module: ModuleType) -> set[str]:
    """The names of the compiled patterns a module defines (not those it imports)."""
    source = inspect.getsource(module)
    return {
        name
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern) and re.search(rf"^{name} = ", source, re.M)
    }
