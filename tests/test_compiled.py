"""The Cython build of the extraction modules: used only while current, same output as the source."""
from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nghiquyet import compiled
from nghiquyet.extract import extract_file

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def fake_build(tmp_path: Path, source_text: str, compiled_bytes: bytes, name: str = "fake_mod"):
    """A package folder with `name.py` and a build folder whose manifest lists `nghiquyet.name`."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / f"{name}.py").write_text(source_text, encoding="utf-8")
    build = tmp_path / "build"
    (build / "nghiquyet").mkdir(parents=True)
    (build / "nghiquyet" / f"{name}{SUFFIX}").write_bytes(compiled_bytes)
    entry = {"file": f"nghiquyet/{name}{SUFFIX}",
             "source_sha256": compiled.source_hash(source_text.encode("utf-8"))}
    (build / compiled.MANIFEST).write_text(json.dumps({"modules": {f"nghiquyet.{name}": entry}}))
    return package, build


def test_the_finder_gives_the_compiled_file_only_while_the_source_is_unchanged(tmp_path):
    package, build = fake_build(tmp_path, "VALUE = 1\n", b"not really compiled")
    finder = compiled.CompiledFinder(build, package)
    spec = finder.find_spec("nghiquyet.fake_mod")
    assert spec is not None and spec.origin == str(build / "nghiquyet" / f"fake_mod{SUFFIX}")
    assert finder.find_spec("nghiquyet.other_mod") is None       # not in the manifest

    (package / "fake_mod.py").write_text("VALUE = 2\n", encoding="utf-8")      # edited since
    assert finder.find_spec("nghiquyet.fake_mod") is None

    (package / "fake_mod.py").write_text("VALUE = 1\n", encoding="utf-8")      # edited back
    (build / "nghiquyet" / f"fake_mod{SUFFIX}").unlink()                      # build removed
    assert finder.find_spec("nghiquyet.fake_mod") is None


def test_a_missing_or_broken_manifest_means_nothing_is_compiled(tmp_path):
    assert compiled.read_manifest(tmp_path) == {}
    (tmp_path / compiled.MANIFEST).write_text("{not json")
    assert compiled.read_manifest(tmp_path) == {}
    assert compiled.CompiledFinder(tmp_path, tmp_path).find_spec("nghiquyet.extract.figures") is None


def test_a_compiled_file_that_does_not_load_falls_back_to_its_source(tmp_path):
    package, build = fake_build(tmp_path, "VALUE = 42\n", b"\x7fELF but broken", "fake_broken")
    finder = compiled.CompiledFinder(build, package)
    sys.meta_path.insert(0, finder)
    try:
        with pytest.warns(RuntimeWarning, match="nghiquyet.fake_broken: compiled file not loaded"):
            module = importlib.import_module("nghiquyet.fake_broken")
        assert module.VALUE == 42
        assert module.__file__ == str(package / "fake_broken.py")
        assert not getattr(module, "__compiled__", None)
    finally:
        sys.meta_path.remove(finder)
        sys.modules.pop("nghiquyet.fake_broken", None)


def test_the_environment_variable_turns_the_build_off(monkeypatch):
    monkeypatch.setenv(compiled.PURE_ENV, "1")
    assert compiled.install() is None
    assert compiled.describe() == "pure Python (NGHIQUYET_PURE_PYTHON=1)"


def test_every_current_build_is_the_module_imported():
    """What the manifest lists with the source's current hash runs compiled; nothing else does."""
    import nghiquyet.extract  # noqa: F401  (the extraction modules)
    import nghiquyet.read  # noqa: F401
    if os.environ.get(compiled.PURE_ENV, "") not in ("", "0"):
        assert compiled.in_use() == []
        return
    current = sorted(name for name, entry in compiled.read_manifest().items()
                     if name in sys.modules and compiled.source_path(name).is_file()
                     and compiled.source_hash(compiled.source_path(name).read_bytes()) == entry["source_sha256"])
    assert compiled.in_use() == current
    for name in current:
        module = sys.modules[name]
        assert module.__compiled__.endswith(SUFFIX)
        assert module.__file__ == str(compiled.source_path(name))    # doctest finds the source


EXTRACT_ALL = """
import json, sys
from pathlib import Path
from nghiquyet.extract import extract_file
print(json.dumps([extract_file(Path(p)).to_contract() for p in sys.argv[1:]], ensure_ascii=False))
"""


def test_the_build_extracts_exactly_what_the_source_does(seeds_dir):
    """The seeds, the samples and the test documents, extracted in this process (compiled where
    built) and by the pure source in another process, give the same contract."""
    paths = sorted([*seeds_dir.glob("*.txt"), *(ROOT / "samples").glob("0*"),
                    *(ROOT / "tests" / "docs").glob("*.txt")])
    assert len(paths) > 20
    here = json.loads(json.dumps([extract_file(p).to_contract() for p in paths], ensure_ascii=False))
    env = {**os.environ, compiled.PURE_ENV: "1"}
    out = subprocess.run([sys.executable, "-c", EXTRACT_ALL, *map(str, paths)], env=env,
                         capture_output=True, text=True, check=True)
    pure = json.loads(out.stdout)
    for path, a, b in zip(paths, here, pure):
        assert a == b, path.name
