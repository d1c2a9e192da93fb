"""The core's parts import one another one way only, as quizapp/core/__init__.py draws it."""

from __future__ import annotations

import ast
from pathlib import Path

import quizapp.core

CORE = Path(quizapp.core.__file__).parent

#: What each part of the core may import from the others (besides itself).
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "banks": {"text"},
    "reading": {"text", "banks"},
    "claims": {"text", "reading"},
    "scoring": {"text", "banks"},
    "questions": {"text", "reading", "claims", "banks", "scoring"},
    "statistics": set(),
    "classes": set(),
}


def part_of(path: Path, core: Path) -> str:
    """Name the part a module belongs to: its package under core/, or its own name at the top."""
    rel = path.relative_to(core)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imported_parts(path: Path, core: Path) -> set[tuple[int, str]]:
    """Return (line, part) for every import of another part of the core in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("quizapp", "core", *path.relative_to(core).parts[:-1]))
    found: set[tuple[int, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            names = [base] if base != "quizapp.core" else [
                f"quizapp.core.{alias.name}" for alias in node.names
            ]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["quizapp", "core"] and len(parts) > 2:
                found.add((node.lineno, parts[2]))
    return found


def layer_violations(core: Path) -> list[str]:
    """List every import that points against the arrows, as 'file:line: part -> part'."""
    problems = []
    for path in sorted(core.rglob("*.py")):
        if path.parent == core and path.stem == "__init__":
            continue
        part = part_of(path, core)
        allowed = ALLOWED.get(part)
        if allowed is None:
            problems.append(f"{path.relative_to(core)}: '{part}' is not a known part of the core")
            continue
        for line, other in sorted(imported_parts(path, core)):
            if other != part and other not in allowed:
                problems.append(f"{path.relative_to(core)}:{line}: {part} -> {other}")
    return problems


def test_core_parts_import_one_way():
    assert layer_violations(CORE) == []


def test_every_part_states_what_it_may_import():
    for package in sorted(p for p in CORE.iterdir() if (p / "__init__.py").exists()):
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
        assert doc and "May import" in doc, package.name


def test_a_wrong_import_is_caught(tmp_path):
    core = tmp_path / "core"
    for part in ("text", "scoring", "claims"):
        (core / part).mkdir(parents=True)
        (core / part / "__init__.py").write_text('"""May import: see ALLOWED."""\n')
    (core / "text" / "normalise.py").write_text("from quizapp.core.scoring.verdict import right\n")
    (core / "claims" / "speakers.py").write_text("from ..text import normalise\n")
    (core / "scoring" / "names.py").write_text("from quizapp.core import claims\n")
    assert layer_violations(core) == [
        "scoring/names.py:1: scoring -> claims",
        "text/normalise.py:1: text -> scoring",
    ]
