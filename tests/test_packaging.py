"""An installed Recourse works without the checkout: the wheel carries the guidance, the index lives in the user's data
folder, and `recourse ask` answers with a citation. Built and installed for real, into a fresh virtual environment."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from assistant.settings import PROJECT_ROOT


def test_the_package_list_names_every_folder_of_code():
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(PROJECT_ROOT).parts) for top in ("assistant", "ui")
             for p in (PROJECT_ROOT / top).rglob("__init__.py")}
    assert set(config["packages"]) == found | {"recourse_knowledge"}


def test_the_built_wheel_installs_and_answers_with_a_citation(tmp_path: Path, full_service):
    uv = [sys.executable, "-m", "uv"]
    subprocess.run([*uv, "build", "--wheel", "--out-dir", str(tmp_path / "dist"), str(PROJECT_ROOT)], check=True,
                   capture_output=True, timeout=600)
    wheel = next((tmp_path / "dist").glob("recourse-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([*uv, "venv", "--python", sys.executable, str(venv)], check=True, capture_output=True, timeout=120)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # The same versions as the lock file, from uv's cache when it has them.
    requirements = tmp_path / "requirements.txt"
    subprocess.run([*uv, "export", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes", "-o", str(requirements)],
                   cwd=PROJECT_ROOT, check=True, capture_output=True, timeout=120)
    subprocess.run([*uv, "pip", "install", "--python", str(python), "-r", str(requirements), str(wheel)], check=True,
                   capture_output=True, timeout=900)
    recourse = venv / ("Scripts/recourse.exe" if os.name == "nt" else "bin/recourse")
    # The installed package alone: no settings of ours, and no PYTHONPATH that would import this checkout instead.
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOURSE_") and k != "PYTHONPATH"}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    outside = tmp_path / "elsewhere"  # not the checkout: nothing may be found by walking up from here
    outside.mkdir()
    # The session's index of this checkout's guidance, put where an installed Recourse keeps it: the package must find
    # it there and find it current (the wheel's guidance is the checkout's), so it serves it without a rebuild. Building
    # the whole index again here took over two minutes of the suite; the build itself is tested with `full_service`.
    data_index = tmp_path / "data" / "recourse" / "index"
    shutil.copytree(full_service.settings.index_dir, data_index)
    served = full_service.snapshot().generation.name
    valid = subprocess.run([str(recourse), "kb", "validate"], cwd=outside, env=env, capture_output=True, text=True,
                           timeout=300)
    assert valid.returncode == 0, valid.stderr
    done = subprocess.run([str(recourse), "ask", "How do I report a Telegram group sharing my photos?", "--json"],
                          cwd=outside, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"serving index generation {served}" in done.stderr, done.stderr[-2000:]  # found, current, not rebuilt
    answer = json.loads(done.stdout)
    assert answer["route"] == "answer" and answer["citations"] and "[1]" in answer["answer"]
    # The labelled questions the situation model learns from travel with the package.
    labels = subprocess.run([str(python), "-c", "from assistant.answer.labels import read_labelled_questions as r; "
                             "print(len(r()))"], cwd=outside, env=env, capture_output=True, text=True, timeout=120)
    assert labels.returncode == 0 and int(labels.stdout) > 500, labels.stderr[-2000:]
    assert not any((venv / "lib").rglob("chroma.sqlite3"))  # and not inside site-packages
