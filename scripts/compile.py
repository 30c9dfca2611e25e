"""Compile the extraction modules with Cython into src/nghiquyet/_compiled/ (see nghiquyet/compiled.py).

    .venv/bin/python scripts/compile.py            # build what changed since the last build
    .venv/bin/python scripts/compile.py --clean    # remove the build; everything runs from source

Only modules whose source changed since the last build are compiled again, so a second run
after no edit takes a second. Each new build is loaded once in a separate process before it is
listed in the manifest: a module that does not compile or does not load stays pure Python, with
a line saying why, until its source changes (the rest still count). Needs Cython and setuptools
(requirements-compile.lock) and a C compiler with the Python headers. Exit code 0 when the build
ran, 2 when nothing could be built (no Cython, no compiler).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "nghiquyet"
sys.path.insert(0, str(ROOT / "src"))
os.environ["NGHIQUYET_PURE_PYTHON"] = "1"     # this process and its children import the sources
from nghiquyet.compiled import BUILD_DIR, MANIFEST, source_hash, source_path  # noqa: E402

# The extraction pipeline: reading, cleaning, every extract stage. Everything else (storage,
# web, CLI) spends its time in SQL, I/O or libraries, where compiling gains nothing.
MODULES = sorted(
    [f"nghiquyet.extract.{p.stem}" for p in (PACKAGE / "extract").glob("*.py") if p.stem != "__init__"]
    + ["nghiquyet.read.clean", "nghiquyet.read.columns", "nghiquyet.read.legacy",
       "nghiquyet.read.txt", "nghiquyet.text"])

# Python semantics everywhere: annotations are not C types (a `str` annotation must not reject
# None at run time), functions keep their names, docstrings and keyword arguments.
DIRECTIVES = {"language_level": 3, "annotation_typing": False, "binding": True,
              "autotestdict": False}

# Cython 3.3.1 tests a loop over a tuple of ranges with PyRange_CheckExact, which CPython's
# headers do not define (only PyRange_Type); without this the module fails to load.
MACROS = [("PyRange_CheckExact(op)", "Py_IS_TYPE((op), &PyRange_Type)")]

LOAD_CHECK = r"""
import importlib, importlib.machinery, importlib.util, json, sys
failed = {}
for name, path in json.loads(sys.argv[1]).items():
    importlib.import_module(name.rpartition(".")[0])      # its package first, as an import does
    before = sys.modules.get(name)
    try:
        loader = importlib.machinery.ExtensionFileLoader(name, path)
        module = importlib.util.module_from_spec(importlib.util.spec_from_loader(name, loader))
        sys.modules[name] = module
        loader.exec_module(module)
    except Exception as e:
        failed[name] = f"{type(e).__name__}: {e}"
    finally:
        if before is not None:
            sys.modules[name] = before
print(json.dumps(failed))
"""


def module_source(name: str) -> Path:
    return source_path(name, PACKAGE)


def build(names: list[str], jobs: int) -> dict[str, Path]:
    """Cython → C → extension modules for `names`; returns name → compiled file for those built."""
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    work = ROOT / "build" / "cython"
    work.mkdir(parents=True, exist_ok=True)
    log = work / "build.log"
    os.chdir(ROOT)                             # relative paths keep the C files' names short
    extensions = [Extension(n, [str(module_source(n).relative_to(ROOT))], define_macros=MACROS)
                  for n in names]
    # The compilers' commands and warnings go to build.log, not the installer's screen.
    with open(log, "w") as out, _redirected(out):
        extensions = cythonize(extensions, build_dir=str(work), compiler_directives=DIRECTIVES,
                               nthreads=jobs, quiet=True, force=True)
        dist = Distribution({"name": "nghiquyet-compiled", "ext_modules": extensions})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib = str(BUILD_DIR)
        cmd.build_temp = str(work / "temp")
        cmd.parallel = jobs
        cmd.ensure_finalized()
        cmd.run()
    paths = {n: Path(cmd.get_ext_fullpath(n)) for n in names}
    return {n: p for n, p in paths.items() if p.is_file()}


@contextlib.contextmanager
def _redirected(out):
    """Send this process's stdout and stderr (file descriptors 1 and 2, which the C compiler
    inherits) to `out` for the duration."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    os.dup2(out.fileno(), 1)
    os.dup2(out.fileno(), 2)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


def load_failures(built: dict[str, Path]) -> dict[str, str]:
    """Load each new compiled file in a fresh process; name → why it failed."""
    out = subprocess.run([sys.executable, "-c", LOAD_CHECK, json.dumps({n: str(p) for n, p in built.items()})],
                         capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    if out.returncode != 0:
        return dict.fromkeys(built, out.stderr.strip().splitlines()[-1:] or "load check failed")
    return json.loads(out.stdout)


def read_manifest_file() -> dict:
    try:
        return json.loads((BUILD_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_manifest(modules: dict[str, dict], pure: dict[str, dict]) -> None:
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    data = {"python": sys.version.split()[0], "modules": dict(sorted(modules.items())),
            "pure": dict(sorted(pure.items()))}
    with tempfile.NamedTemporaryFile("w", dir=BUILD_DIR, delete=False, encoding="utf-8") as f:
        json.dump(data, f, indent=1)
    os.replace(f.name, BUILD_DIR / MANIFEST)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clean", action="store_true", help="remove the build and stop")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="parallel compilers")
    args = ap.parse_args(argv)
    if args.clean:
        shutil.rmtree(BUILD_DIR, ignore_errors=True)
        shutil.rmtree(ROOT / "build" / "cython", ignore_errors=True)
        print("compiled modules removed: extraction runs from source")
        return 0

    hashes = {n: source_hash(module_source(n).read_bytes()) for n in MODULES}
    manifest = read_manifest_file()
    kept = {n: e for n, e in manifest.get("modules", {}).items()
            if n in hashes and e.get("source_sha256") == hashes[n] and (BUILD_DIR / e["file"]).is_file()}
    # A module that failed to build stays pure Python without a new try until its source changes.
    pure = {n: e for n, e in manifest.get("pure", {}).items()
            if n in hashes and e.get("source_sha256") == hashes[n]}
    todo = [n for n in MODULES if n not in kept and n not in pure]
    if todo:
        print(f"compiling {len(todo)} of {len(MODULES)} modules with Cython ...", flush=True)
        try:
            built = build(todo, max(1, args.jobs))
        except Exception as e:                 # no Cython, no compiler: the sources still work
            print(f"not compiled ({type(e).__name__}: {e}; see build/cython/build.log); "
                  "extraction runs from source", file=sys.stderr)
            return 2
        failed = {n: "did not compile (build/cython/build.log)" for n in todo if n not in built}
        failed.update(load_failures(built))
        for n, path in built.items():
            if n not in failed:
                kept[n] = {"file": path.relative_to(BUILD_DIR).as_posix(), "source_sha256": hashes[n]}
        for n, why in failed.items():
            pure[n] = {"source_sha256": hashes[n], "why": why.replace(str(BUILD_DIR) + os.sep, "")}
            if n in built:
                built[n].unlink()
    write_manifest(kept, pure)
    for n, e in sorted(pure.items()):
        print(f"{n}: stays pure Python ({e['why']})")
    print(f"compiled: {len(kept)} of {len(MODULES)} modules ({BUILD_DIR.relative_to(ROOT)})")
    return 0

if __name__ == "__main__":
    sys.exit(main())
