"""The committed lock (constraints.txt) and the README's install and run commands."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def pins() -> dict[str, str]:
    """Return {canonical name: version} for every line of the lock."""
    found = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)", line).groups()
            found[canonicalize_name(name)] = version
    return found


def requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        listed += extra
    return [Requirement(text) for text in listed]


def test_every_dependency_is_pinned_within_its_range() -> None:
    locked = pins()
    for requirement in requirements():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in constraints.txt"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"constraints.txt pins {name}=={locked[name]}, outside {requirement.specifier}"
        )


def test_the_install_commands_use_the_lock() -> None:
    for path in ("README.md", ".ci/run", ".ci/smoke"):
        text = (ROOT / path).read_text()
        installs = re.findall(r"pip\"? install[^\n]*", text)
        assert installs, path
        for command in installs:
            assert "-c " in command and "constraints.txt" in command, (path, command)


def test_the_quick_start_keeps_one_secret_key_and_says_where_data_lives() -> None:
    quick_start = (ROOT / "README.md").read_text().split("## Quick start", 1)[1].split("\n## ")[0]
    run = next(line for line in quick_start.splitlines() if "quizapp serve" in line)
    assert "token_hex" not in run and "SECRET_KEY" not in run  # a new key per start logs all out
    assert "different instance folders" in quick_start and "secret_key" in quick_start
