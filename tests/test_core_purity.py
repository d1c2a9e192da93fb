"""The pure core imports neither Flask nor SQLAlchemy."""

import pkgutil
import subprocess
import sys

import quizapp.core


def test_core_imports_neither_flask_nor_sqlalchemy():
    modules = [m.name for m in pkgutil.walk_packages(quizapp.core.__path__, "quizapp.core.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "roots = {m.split('.')[0] for m in sys.modules}\n"
        "bad = sorted(roots & {'flask', 'sqlalchemy', 'flask_sqlalchemy'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert len(modules) >= 40
    assert result.stdout.strip() == ""
