"""The tree reads as the pipeline: phases as packages, imports flowing one way, no cycles, and
English words only in the language module."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

SYNTH = Path(__file__).resolve().parent.parent / "synth"
PHASES = ["lang", "read", "understand", "compare", "write"]  # each may import only earlier ones
SHARED = {"synth.core", "synth.stages"}


def module_name(path: Path) -> str:
    parts = path.relative_to(SYNTH.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every synth module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("synth"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("synth")}
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in SYNTH.rglob("*.py")}
    return {name: {m for m in imports_of(p) if m in modules} for name, p in modules.items()}


def phase(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in PHASES else None


def test_no_import_cycles():
    edges = graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            assert state.get(nxt) != 1, "import cycle: " + " -> ".join([*trail, node, nxt])
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [])


def test_phases_import_only_earlier_phases():
    for module, targets in graph().items():
        own = phase(module)
        if own is None:
            continue
        for target in targets - SHARED:
            other = phase(target)
            assert other is not None, f"{module} imports {target}, outside the phases"
            assert PHASES.index(other) <= PHASES.index(own), f"{module} imports {target}"


def test_english_word_lists_live_in_the_language_module():
    weekday = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
    speech = re.compile(r"said\|says|says\|said")
    offenders = [
        str(p.relative_to(SYNTH))
        for p in SYNTH.rglob("*.py")
        if p.relative_to(SYNTH).parts[0] != "lang"  # lang/ and its packages (lang/en/)
        and (weekday.search(p.read_text()) or speech.search(p.read_text()))
    ]
    assert offenders == []


def top_level_names(path: Path) -> list[str]:
    """Names a module binds at its top level: assignments, functions, classes."""
    names = []
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
    return names


def test_no_module_binds_a_name_twice():
    """A second pattern of the same name in a long word list silently replaces the first
    for every module that imports it."""
    twice = {
        f"{p.relative_to(SYNTH)}: {name}"
        for p in SYNTH.rglob("*.py")
        for name, count in Counter(top_level_names(p)).items()
        if count > 1
    }
    assert twice == set()
