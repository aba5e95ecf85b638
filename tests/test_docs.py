"""The README cannot drift from the code: every setting is documented, and the two commands exist."""

from __future__ import annotations

from assistant.settings import PROJECT_ROOT, Settings

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme():
    missing = [name for name in Settings.model_fields if f"`RECOURSE_{name.upper()}`" not in README]
    assert missing == []


def test_the_two_commands_are_in_the_readme_and_ci_runs_the_test_command():
    assert "make run" in README and "make test" in README
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
