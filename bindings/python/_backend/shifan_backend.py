"""A PEP 517 / PEP 660 build backend for the shifan Python package, with no dependencies.

The package is pure Python (ctypes over libshifan.so), so building it is only zipping files with the
metadata of pyproject.toml's [project] table. Doing that here rather than with setuptools means
`pip install bindings/python` works offline on any Python >= 3.8 with pip, with or without
--no-build-isolation, and needs neither setuptools nor wheel (setuptools < 70.1 cannot build a
wheel without the separate `wheel` package, which many offline machines lack). Nothing is written
into the source tree.

Contents of the wheel: the `shifan` package (*.py, py.typed) and a copy of libshifan placed next to
it (shifan/libshifan.so*), if any; with such a copy the wheel is tagged for this platform. (The
CMake target `python-wheel` makes such a copy in a staging directory, never in the source tree:
bindings/python/build_wheel.py.)

Single sources: the version is the library's, `SHIFAN_VERSION_STRING` of shifan.h (a file VERSION
next to pyproject.toml, as in an sdist or a staging directory, takes its place); the licence is the
repository's LICENSE (or a LICENSE next to pyproject.toml), shipped as the wheel's licence file.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import zipfile
from typing import Dict, List, Optional, Tuple

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PACKAGE = "shifan"
_PACKAGE_PATTERNS = (re.compile(r"^[^/]+\.py$"), re.compile(r"^py\.typed$"),
                     re.compile(r"^libshifan\.so[.0-9]*$"), re.compile(r"^libshifan.*\.dylib$"))
_NATIVE = re.compile(r"^libshifan")


# --- pyproject.toml ---------------------------------------------------------------------------------


def _project() -> Dict[str, object]:
    """The [project] table of pyproject.toml (tomllib on 3.11+, else the simple subset used there)."""
    path = os.path.join(_ROOT, "pyproject.toml")
    try:
        import tomllib  # type: ignore[import-not-found]
        with open(path, "rb") as f:
            return dict(tomllib.load(f).get("project", {}))
    except ImportError:
        pass
    table: Dict[str, object] = {}
    section = None
    pending: Optional[Tuple[str, str]] = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if pending:
                pending = (pending[0], pending[1] + " " + line)
                if line.endswith("]"):
                    table[pending[0]] = re.findall(r'"((?:[^"\\]|\\.)*)"', pending[1])
                    pending = None
                continue
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line.strip("[] ")
                continue
            if section != "project" or "=" not in line:
                continue
            key, value = (s.strip() for s in line.split("=", 1))
            if value.startswith('"'):
                table[key] = re.match(r'"((?:[^"\\]|\\.)*)"', value).group(1)  # type: ignore[union-attr]
            elif value.startswith("{"):
                table[key] = dict(re.findall(r'(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"', value))
            elif value.startswith("["):
                if value.endswith("]"):
                    table[key] = re.findall(r'"((?:[^"\\]|\\.)*)"', value)
                else:
                    pending = (key, value)
    return table


_REPO = os.path.dirname(os.path.dirname(_ROOT))  # bindings/python -> the repository, when in the tree


def _version() -> str:
    """The version: pyproject's static `version`, else VERSION next to pyproject.toml, else the
    library's SHIFAN_VERSION_STRING in the repository's capi/include/shifan/shifan.h."""
    project = _project()
    if "version" in project:
        return str(project["version"])
    path = os.path.join(_ROOT, "VERSION")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    header = os.path.join(_REPO, "capi", "include", "shifan", "shifan.h")
    with open(header, encoding="utf-8") as f:
        m = re.search(r'^#define SHIFAN_VERSION_STRING "([^"]+)"', f.read(), re.M)
    if not m:
        raise RuntimeError(f"no SHIFAN_VERSION_STRING in {header}")
    return m.group(1)


def _license_file() -> Optional[str]:
    """The licence file named by pyproject's `license = {file = ...}`, next to pyproject.toml or, in
    the tree, at the repository's root."""
    lic = _project().get("license")
    if not isinstance(lic, dict) or "file" not in lic:
        return None
    for base in (_ROOT, _REPO):
        path = os.path.join(base, str(lic["file"]))
        if os.path.exists(path):
            return path
    raise RuntimeError(f"licence file {lic['file']} not found next to pyproject.toml or in the repository")


def _license_name(text: str) -> str:
    """The licence's name from its text (its first non-empty lines), e.g. "Apache License, Version 2.0"."""
    words = [line.strip() for line in text.splitlines() if line.strip()][:2]
    if len(words) == 2 and words[0] == "Apache License" and words[1].startswith("Version 2.0"):
        return "Apache-2.0"
    return words[0] if words else "see the licence file"


def _names() -> Tuple[str, str]:
    project = _project()
    return str(project["name"]), _version()


def _metadata() -> str:
    project = _project()
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {_version()}"]
    if "description" in project:
        lines.append(f"Summary: {project['description']}")
    if "requires-python" in project:
        lines.append(f"Requires-Python: {project['requires-python']}")
    lic = project.get("license")
    if isinstance(lic, dict) and "text" in lic:
        lines.append(f"License: {lic['text']}")
    license_file = _license_file()
    if license_file:
        with open(license_file, encoding="utf-8") as f:
            lines.append(f"License: {_license_name(f.read())}")
        lines.append("License-File: LICENSE")
    for c in project.get("classifiers", []) or []:  # type: ignore[union-attr]
        lines.append(f"Classifier: {c}")
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str) and os.path.exists(os.path.join(_ROOT, readme)):
        lines.append("Description-Content-Type: text/markdown; charset=UTF-8")
        with open(os.path.join(_ROOT, readme), encoding="utf-8") as f:
            body = "\n" + f.read()
    return "\n".join(lines) + "\n" + body


# --- wheel writing ----------------------------------------------------------------------------------


def _package_files() -> List[str]:
    """Paths relative to the project root of the files that go into the wheel, sorted."""
    here = os.path.join(_ROOT, _PACKAGE)
    names = [n for n in os.listdir(here) if os.path.isfile(os.path.join(here, n))
             and any(p.match(n) for p in _PACKAGE_PATTERNS)]
    return [f"{_PACKAGE}/{n}" for n in sorted(names)]


def _tag(files: List[str]) -> str:
    if any(_NATIVE.match(os.path.basename(f)) for f in files):
        plat = re.sub(r"[^A-Za-z0-9]", "_", sysconfig.get_platform())
        return f"py3-none-{plat}"
    return "py3-none-any"


class _Wheel:
    def __init__(self, directory: str, name: str, version: str, tag: str):
        self.filename = f"{name}-{version}-{tag}.whl"
        self.dist_info = f"{name}-{version}.dist-info"
        self._zip = zipfile.ZipFile(os.path.join(directory, self.filename), "w", zipfile.ZIP_DEFLATED)
        self._records: List[str] = []
        self._tag = tag

    def add(self, arcname: str, data: bytes, mode: int = 0o644) -> None:
        info = zipfile.ZipInfo(arcname, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = (0o100000 | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self._zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        self._records.append(f"{arcname},sha256={digest},{len(data)}")

    def close(self) -> str:
        for name, text in _dist_info_files(self._tag).items():
            self.add(f"{self.dist_info}/{name}", text.encode("utf-8"))
        record = "\n".join(self._records + [f"{self.dist_info}/RECORD,,"]) + "\n"
        info = zipfile.ZipInfo(f"{self.dist_info}/RECORD", date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = 0o100644 << 16
        self._zip.writestr(info, record)
        self._zip.close()
        return self.filename


def _dist_info_files(tag: str) -> Dict[str, str]:
    files = {
        "METADATA": _metadata(),
        "WHEEL": ("Wheel-Version: 1.0\nGenerator: shifan_backend\n"
                  f"Root-Is-Purelib: {'true' if tag.endswith('-any') else 'false'}\nTag: {tag}\n"),
        "top_level.txt": _PACKAGE + "\n",
    }
    license_file = _license_file()
    if license_file:
        with open(license_file, encoding="utf-8") as f:
            files["LICENSE"] = f.read()
    return files


def _read(rel: str) -> bytes:
    with open(os.path.join(_ROOT, rel), "rb") as f:
        return f.read()


# --- PEP 517 hooks ----------------------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings=None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings=None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None) -> str:
    name, version = _names()
    dist_info = os.path.join(metadata_directory, f"{name}-{version}.dist-info")
    os.makedirs(dist_info, exist_ok=True)
    for fname, text in _dist_info_files(_tag(_package_files())).items():
        with open(os.path.join(dist_info, fname), "w", encoding="utf-8") as f:
            f.write(text)
    return os.path.basename(dist_info)


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None) -> str:
    name, version = _names()
    files = _package_files()
    wheel = _Wheel(wheel_directory, name, version, _tag(files))
    for rel in files:
        mode = 0o755 if _NATIVE.match(os.path.basename(rel)) else 0o644
        wheel.add(rel, _read(rel), mode)
    return wheel.close()


def build_editable(wheel_directory, config_settings=None, metadata_directory=None) -> str:
    """PEP 660: a wheel holding only a .pth file that puts this source directory on sys.path."""
    name, version = _names()
    wheel = _Wheel(wheel_directory, name, version, "py3-none-any")
    wheel.add(f"__editable__.{name}.pth", (_ROOT + "\n").encode("utf-8"))
    return wheel.close()


def build_sdist(sdist_directory, config_settings=None) -> str:
    name, version = _names()
    base = f"{name}-{version}"
    files = ["pyproject.toml", "README.md", "_backend/shifan_backend.py"]
    files += [f for f in _package_files() if not _NATIVE.match(os.path.basename(f))]
    path = os.path.join(sdist_directory, base + ".tar.gz")
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        def add(arcname: str, data: bytes) -> None:
            info = tarfile.TarInfo(f"{base}/{arcname}")
            # Reproducible: the archive's times come from SOURCE_DATE_EPOCH (or 1980-01-01), never the clock.
            info.size, info.mode, info.mtime = len(data), 0o644, int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
            tar.addfile(info, io.BytesIO(data))
        for rel in files:
            if os.path.exists(os.path.join(_ROOT, rel)):
                add(rel, _read(rel))
        add("VERSION", (version + "\n").encode("utf-8"))
        license_file = _license_file()
        if license_file:
            with open(license_file, "rb") as f:
                add("LICENSE", f.read())
        add("PKG-INFO", _metadata().encode("utf-8"))
    return os.path.basename(path)
