"""The project's declared dependencies say the same as the files the README's commands install from."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _requirements(name: str) -> list[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith(("#", "-r"))]


def test_pyproject_declares_the_same_dependencies_as_the_requirement_files():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["dependencies"] == _requirements("requirements.txt")
    assert project["optional-dependencies"]["dev"] == _requirements("requirements-dev.txt")


def test_an_uncaught_error_shows_its_type_only_never_its_message_or_traceback():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "type"
