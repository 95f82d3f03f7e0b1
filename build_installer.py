"""Build the desktop bundle: PyInstaller one-folder app in dist/cmdesk/, packed with a .desktop file and icon.

    python build_installer.py [--dist DIR] [--work DIR] [--no-archive]

Linux gives dist/cmdesk-<version>-linux-<arch>.tar.gz; Windows a .zip of the folder; macOS an .app folder
zipped (signing and notarisation are separate steps, see the README).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NAME = "cmdesk"

# Qt parts the workstation never uses: leaving them out keeps the bundle small.
EXCLUDED_MODULES = [
    "tkinter",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtVirtualKeyboard",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtTextToSpeech",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtScxml",
    "PySide6.QtRemoteObjects",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtHttpServer",
    "PySide6.QtNetwork",  # HTTP goes through requests; nothing in cmdesk uses Qt's network stack
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtNetworkAuth",
    "PySide6.QtCharts3D",
    "lxml",
    "hypothesis",
    "pytest",
    "vaderSentiment",
    "IPython",
    "numpy",
]
# Shared libraries pulled in by the excluded parts or by plugins we do not ship (the GTK platform theme
# drags in all of GTK 3; Wayland and EGLFS platforms are not offered).
EXCLUDED_LIBRARY_PARTS = (
    "Qt6WebEngine",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6VirtualKeyboard",
    "Qt63D",
    "Qt6Multimedia",
    "Qt6Pdf",
    "Qt6Designer",
    "Qt6WaylandClient",
    "Qt6WaylandEgl",
    "Qt6Graphs",
    "Qt6Positioning",
    "Qt6Location",
    "Qt6Sensors",
    "Qt6Bluetooth",
    "Qt6Nfc",
    "Qt6SerialPort",
    "Qt6Scxml",
    "Qt6SpatialAudio",
    "Qt6TextToSpeech",
    "Qt6Network",
    "Qt6EglFSDeviceIntegration",
    "Qt6EglFsKmsSupport",
    "Qt6WlShellIntegration",
    "libgtk-3",
    "libgdk-3",
    "libatk",
    "libcairo-gobject",
    "libpango",
    "libharfbuzz",
    "libavcodec",
    "libavformat",
    "libavutil",
    "libswscale",
    "libswresample",
)
EXCLUDED_PLUGIN_DIRS = (
    "platformthemes/libqgtk3",
    "platforms/libqwayland",
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqminimalegl",
    "wayland-",
    "qmltooling",
    "multimedia",
    "sceneparser",
    "renderers",
    "geometryloaders",
    "position",
    "sensors",
    "texttospeech",
    "virtualkeyboard",
    "webview",
    "designer",
    "sqldrivers",
    "canbus",
    "scxmldatamodel",
    "assetimporters",
    "renderplugins",
    # desktop machines only: no touch/evdev input, no embedded EGL, and image formats cmdesk never shows
    "generic/",
    "tls/",
    "networkinformation/",
    "egldeviceintegrations",
    "platforminputcontexts/libqtvirtualkeyboard",
    "imageformats/libqtiff",
    "imageformats/libqwebp",
    "imageformats/libqicns",
    "imageformats/libqtga",
    "imageformats/libqwbmp",
)

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=cmdesk
GenericName=Community management workstation
GenericName[de]=Arbeitsplatz für Community-Management
Comment=One queue for every channel, with pharmacovigilance built in
Comment[de]=Eine Warteschlange für alle Kanäle, mit Pharmakovigilanz
Exec=cmdesk/cmdesk
Icon=cmdesk
Terminal=false
Categories=Office;Network;
"""


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from cmdesk import __version__

    return __version__


def entry_script(work: Path) -> Path:
    """PyInstaller needs a script: it just starts the same launcher as the `cmdesk` command."""
    script = work / "cmdesk_entry.py"
    script.write_text("import sys\nfrom ui.launcher import run\n\nsys.exit(run())\n", encoding="utf-8")
    return script


def pyinstaller_args(*, dist: Path, work: Path) -> list[str]:
    sep = ";" if sys.platform == "win32" else ":"
    args = [
        str(entry_script(work)),
        "--noconfirm",
        "--clean",
        "--onedir",
        "--name",
        NAME,
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "build"),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
        "--add-data",
        f"{ROOT / 'resources'}{sep}resources",
        # Migrations and CLI commands are discovered with pkgutil at run time: collect them all.
        "--collect-submodules",
        "cmdesk",
        "--collect-submodules",
        "ui",
        "--hidden-import",
        "keyring.backends.SecretService",
        "--hidden-import",
        "keyring.backends.macOS",
        "--hidden-import",
        "keyring.backends.Windows",
        "--hidden-import",
        "keyring.backends.fail",
    ]
    native = ROOT / "build" / "native"
    if (native / "manifest.json").is_file():  # the compiled analysis, checked against the sources by build()
        args += ["--add-data", f"{native}{sep}native"]
    # named explicitly as well: they are imported by name at run time, which PyInstaller cannot follow
    for module in _runtime_modules():
        args += ["--hidden-import", module]
    for module in EXCLUDED_MODULES:
        args += ["--exclude-module", module]
    if sys.platform != "darwin":
        args.append("--noupx")
    if sys.platform == "win32":
        args += ["--windowed"]  # no console window; `cmdesk.exe selftest` still prints when run from a shell
    icon = icon_for_platform()
    if icon is not None:
        args += ["--icon", str(icon)]
    return args


def _runtime_modules() -> list[str]:
    """Modules cmdesk imports by name: the schema migrations and the CLI commands."""
    sys.path.insert(0, str(ROOT))
    from cmdesk.store.migrations import NAMES

    commands = sorted(p.stem for p in (ROOT / "cmdesk" / "cli").glob("cmd_*.py"))
    return [f"cmdesk.store.migrations.{n}" for n in NAMES] + [f"cmdesk.cli.{c}" for c in commands]


def icon_for_platform() -> Path | None:
    """Windows wants .ico and macOS .icns; both are made from the PNG when Pillow is present."""
    png = ROOT / "resources" / "icons" / "cmdesk.png"
    if not png.exists():
        return None
    if sys.platform == "win32":
        return _convert_icon(png, ".ico")
    if sys.platform == "darwin":
        return _convert_icon(png, ".icns")
    return None  # Linux takes the icon from the .desktop file


def _convert_icon(png: Path, suffix: str) -> Path | None:
    try:
        from PIL import Image  # type: ignore[import-not-found]
    except ImportError:
        print(f"Pillow is not installed: building without a {suffix} icon", file=sys.stderr)
        return None
    target = png.with_suffix(suffix)
    Image.open(png).save(target)
    return target


def trim(bundle: Path) -> int:
    """Remove libraries and plugins of Qt parts the app does not use; returns bytes saved."""
    saved = 0
    for path in sorted(bundle.rglob("*"), reverse=True):
        relative = path.relative_to(bundle).as_posix()
        unwanted = (path.is_file() and any(part in path.name for part in EXCLUDED_LIBRARY_PARTS)) or any(
            f"plugins/{part}" in relative for part in EXCLUDED_PLUGIN_DIRS
        )
        if not unwanted:
            continue
        if path.is_file() or path.is_symlink():
            saved += path.lstat().st_size
            path.unlink()
        elif path.is_dir():
            saved += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
            shutil.rmtree(path)
    # Qt's own translations: the UI is German and English only.
    for qm in bundle.rglob("translations/*.qm"):
        if not qm.name.endswith(("_de.qm", "_en.qm")):
            saved += qm.stat().st_size
            qm.unlink()
    for qml_dir in bundle.rglob("qml"):
        if qml_dir.is_dir() and qml_dir.parent.name == "Qt":
            saved += sum(p.stat().st_size for p in qml_dir.rglob("*") if p.is_file())
            shutil.rmtree(qml_dir)
    return saved


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def pack(bundle: Path, *, dist: Path, ver: str) -> Path:
    arch = platform.machine().lower() or "unknown"
    if sys.platform.startswith("linux"):
        archive = dist / f"{NAME}-{ver}-linux-{arch}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(bundle, arcname=NAME)
            desktop = dist / "cmdesk.desktop"
            desktop.write_text(DESKTOP_ENTRY, encoding="utf-8")
            tar.add(desktop, arcname="cmdesk.desktop")
            for icon in ("cmdesk.svg", "cmdesk.png"):
                source = ROOT / "resources" / "icons" / icon
                if source.exists():
                    tar.add(source, arcname=icon)
        return archive
    archive = dist / f"{NAME}-{ver}-{sys.platform}-{arch}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in bundle.rglob("*"):
            zf.write(path, arcname=Path(NAME) / path.relative_to(bundle))
    return archive


def compile_analysis() -> str:
    """Compile the analysis for the bundle (scripts/build_native.py); what the bundle runs, in words.

    Without a compiler the bundle still works, as plain Python: the build says so rather than failing.
    """
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_native.py"), "--if-stale"], check=False, text=True
    )
    return "compiled (mypyc)" if done.returncode == 0 else "plain Python (the analysis could not be compiled)"


def build(*, dist: Path, work: Path, archive: bool = True) -> dict[str, object]:
    import PyInstaller.__main__

    started = time.perf_counter()
    work.mkdir(parents=True, exist_ok=True)
    dist.mkdir(parents=True, exist_ok=True)
    analysis = compile_analysis()
    if analysis != "compiled (mypyc)":
        shutil.rmtree(ROOT / "build" / "native", ignore_errors=True)  # a stale build must not be bundled
    PyInstaller.__main__.run(pyinstaller_args(dist=dist, work=work))
    bundle = dist / NAME
    saved = trim(bundle)
    ver = version()
    (bundle / "VERSION").write_text(ver + "\n", encoding="utf-8")
    result: dict[str, object] = {
        "bundle": str(bundle),
        "version": ver,
        "size_mb": round(folder_size(bundle) / 1e6, 1),
        "trimmed_mb": round(saved / 1e6, 1),
        "analysis": analysis,
    }
    if archive:
        packed = pack(bundle, dist=dist, ver=ver)
        result["archive"] = str(packed)
        result["archive_mb"] = round(packed.stat().st_size / 1e6, 1)
    result["build_s"] = round(time.perf_counter() - started, 1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-archive", action="store_true")
    args = parser.parse_args()
    result = build(dist=args.dist, work=args.work, archive=not args.no_archive)
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
