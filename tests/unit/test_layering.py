"""The architecture's rules, checked: the domain package runs without Streamlit and pages hold no SQL."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_ui_support_module_imports_streamlit():
    importers = sorted(
        path.name
        for path in (ROOT / "incubator").glob("*.py")
        if "streamlit" in _imports(path) and path.name != "ui.py"
    )
    assert importers == []


def test_the_domain_package_imports_without_streamlit():
    code = (
        "import sys, importlib, pkgutil, incubator\n"
        "for module in pkgutil.iter_modules(incubator.__path__):\n"
        "    if module.name not in ('ui', '__main__'):\n"
        "        importlib.import_module('incubator.' + module.name)\n"
        "assert 'streamlit' not in sys.modules, 'streamlit was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_pages_do_not_talk_to_the_database_directly():
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        assert "sqlalchemy" not in _imports(path), path.name
        source = path.read_text(encoding="utf-8")
        for call in ("session.execute(", "session.query(", "session.add(", "session.scalar"):
            assert call not in source, f"{path.name} calls {call}"
