"""The architecture's rules, checked: the import contracts hold, the domain runs without Streamlit, pages stay thin."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_import_contracts_in_pyproject_hold():
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli", "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0 and "No module named" in result.stderr:
        result = subprocess.run(["lint-imports", "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_the_domain_package_imports_without_streamlit():
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / "incubator").rglob("*.py")
        if "web" not in path.parts and path.name != "__main__.py"
    )
    code = (
        f"import sys, importlib\nfor name in {modules!r}:\n    importlib.import_module(name)\n"
        "assert 'streamlit' not in sys.modules, 'streamlit was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_pages_do_not_talk_to_the_database_directly():
    for path in PAGES:
        assert not any(name.startswith("sqlalchemy") for name in _imports(path)), path.name
        source = path.read_text(encoding="utf-8")
        for call in ("session.execute(", "session.query(", "session.add(", "session.scalar"):
            assert call not in source, f"{path.name} calls {call}"


def test_pages_write_only_through_web_act_which_checks_who_is_signed_in_at_that_moment():
    for path in PAGES:
        source = path.read_text(encoding="utf-8")
        assert ".write()" not in source, f"{path.name} opens a write transaction itself: use web.act"


def test_pages_decide_no_permissions_themselves():
    for path in PAGES:
        imported = _imports(path)
        assert "incubator.startups.permissions" not in imported, f"{path.name} imports permission rules"


def test_every_wing_says_in_one_sentence_what_it_owns():
    for init in sorted((ROOT / "incubator").glob("*/__init__.py")):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and "TODO" not in docstring, f"{init.parent.name}/__init__.py says nothing"


def test_no_module_is_longer_than_about_three_hundred_lines():
    modules = [*PAGES, *sorted((ROOT / "incubator").rglob("*.py"))]
    long = {path.relative_to(ROOT).as_posix(): n for path in modules if (n := len(path.read_text().splitlines())) > 320}
    assert not long, long
