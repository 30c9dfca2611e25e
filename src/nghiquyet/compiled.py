"""Compiled extraction: use the Cython build of a module only while its source is unchanged.

Extraction is ordinary Python: text rules, regular expressions and small objects. Compiled with
Cython (`scripts/compile.py`, run by `scripts/install.sh`), the same source runs about 1.15 times
faster, because the interpreter's dispatch goes away. Nothing in the source is written for
Cython; the `.py` files stay the truth, and every module works without the build.

The build writes its extension modules under `nghiquyet/_compiled/`, with a manifest naming,
for each module, the SHA-256 of the source it was compiled from. `install()` puts a finder in
front of Python's own: asked for a module of the manifest, it reads the module's `.py` and gives
the compiled file only if the source still has that hash. An edited module is therefore
imported from its source until the next build, never from an outdated build. A compiled file
that cannot be loaded (another Python, a broken file) falls back to the source too, with a
warning.

`NGHIQUYET_PURE_PYTHON=1` turns the finder off, e.g. to measure the pure-Python speed.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BUILD_DIR = PACKAGE_DIR / "_compiled"
MANIFEST = "manifest.json"
PURE_ENV = "NGHIQUYET_PURE_PYTHON"


def source_hash(data: bytes) -> str:
    """The hash that ties a compiled module to its source.

    >>> source_hash(b"x = 1\\n")[:12]
    '9e26bf369911'
    """
    return hashlib.sha256(data).hexdigest()


def source_path(module: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """The `.py` file of a module of this package.

    >>> source_path("nghiquyet.extract.figures", Path("/p/nghiquyet")).as_posix()
    '/p/nghiquyet/extract/figures.py'
    """
    parts = module.split(".")[1:]
    return package_dir.joinpath(*parts).with_suffix(".py")


def read_manifest(build_dir: Path = BUILD_DIR) -> dict[str, dict]:
    """Module name → {"file": compiled file relative to the build folder, "source_sha256": ...}.

    A missing or unreadable manifest means nothing is compiled."""
    try:
        data = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
        return dict(data["modules"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


class _CompiledLoader(importlib.machinery.ExtensionFileLoader):
    """Loads the compiled file; on failure, runs the module's source instead."""

    def __init__(self, name: str, path: str, source: Path):
        super().__init__(name, path)
        self.source = source
        self.fallback: importlib.machinery.SourceFileLoader | None = None

    def create_module(self, spec):
        try:
            return super().create_module(spec)
        except ImportError as e:
            warnings.warn(f"{spec.name}: compiled file not loaded ({e}); using {self.source}",
                          RuntimeWarning, stacklevel=2)
            self.fallback = importlib.machinery.SourceFileLoader(spec.name, str(self.source))
            return None                       # the default module object, filled by the source

    def exec_module(self, module):
        if self.fallback is not None:
            module.__file__ = str(self.source)
            self.fallback.exec_module(module)
            return
        super().exec_module(module)
        # The module was compiled from exactly this source (its hash was checked): tools that
        # look for the source beside `__file__` (doctest, inspect, pytest's import check) find it.
        module.__compiled__ = module.__file__
        module.__file__ = str(self.source)


class CompiledFinder(importlib.abc.MetaPathFinder):
    """Finds the compiled file of a manifest module whose source is unchanged."""

    def __init__(self, build_dir: Path = BUILD_DIR, package_dir: Path = PACKAGE_DIR):
        self.build_dir = build_dir
        self.package_dir = package_dir
        self.modules = read_manifest(build_dir)
        self.suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)

    def find_spec(self, fullname, path=None, target=None):
        entry = self.modules.get(fullname)
        if entry is None:
            return None
        compiled = self.build_dir / str(entry.get("file", ""))
        source = source_path(fullname, self.package_dir)
        if not compiled.name.endswith(self.suffixes) or not compiled.is_file():
            return None                       # built for another Python, or removed
        try:
            if source_hash(source.read_bytes()) != entry.get("source_sha256"):
                return None                   # edited since the build: import the source
        except OSError:
            return None
        loader = _CompiledLoader(fullname, str(compiled), source)
        return importlib.util.spec_from_file_location(fullname, compiled, loader=loader)


def install() -> CompiledFinder | None:
    """Put the finder first on `sys.meta_path` (once) unless turned off or nothing is built."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return None
    for finder in sys.meta_path:
        if isinstance(finder, CompiledFinder):
            return finder
    finder = CompiledFinder()
    if not finder.modules:
        return None
    sys.meta_path.insert(0, finder)
    return finder


def in_use() -> list[str]:
    """The imported modules that run compiled, sorted."""
    return sorted(name for name, m in list(sys.modules.items())
                  if name.startswith("nghiquyet.") and getattr(m, "__compiled__", None))


def describe() -> str:
    """One line for benchmarks: how the imported extraction code runs."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return f"pure Python ({PURE_ENV}=1)"
    used = in_use()
    if not used:
        return "pure Python (nothing compiled: scripts/compile.py builds it)"
    stale = sorted(n for n in read_manifest() if n in sys.modules and n not in used)
    note = f"; {len(stale)} edited since the build run from source" if stale else ""
    return f"compiled with Cython: {len(used)} modules{note}"
