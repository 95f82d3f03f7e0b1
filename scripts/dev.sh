#!/usr/bin/env bash
# Set up cmdesk on a fresh Debian 12 machine and either open the demo or run the whole test suite.
#   bash scripts/dev.sh demo   - venv + dependencies, then the workstation on the demo store
#   bash scripts/dev.sh test   - venv + dependencies + test services, then ruff, mypy and pytest
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
case "$what" in demo|test) ;; *) echo "usage: bash scripts/dev.sh demo|test" >&2; exit 2 ;; esac

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' 2>/dev/null || {
  echo "cmdesk needs Python 3.11 (found: $("$PYTHON" --version 2>&1)); install python3.11 and python3.11-venv" >&2; exit 2; }

# Qt's system libraries: offscreen needs the first list, a real window (xcb) the second as well.
QT_OFFSCREEN="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0"
QT_WINDOW="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
TEST_SERVICES="dovecot-imapd poppler-utils"
# A C compiler and Python's headers compile the analysis (scripts/build_native.py); without them it runs as
# plain Python, with the same results, a little slower.
COMPILER="gcc python3.11-dev"
want="$QT_OFFSCREEN $COMPILER"
[ "$what" = demo ] && want="$want $QT_WINDOW"
[ "$what" = test ] && want="$want $TEST_SERVICES"
missing=""
for pkg in $want; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing system packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "cmdesk needs these Debian packages; run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
    needed="$missing"
    for pkg in $COMPILER; do needed="${needed/ $pkg/}"; done  # the compiler is optional: plain Python runs
    [ "$what" = demo ] && [ -n "$needed" ] && exit 2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[dev]"
.venv/bin/python scripts/build_native.py --if-stale || echo "the analysis runs as plain Python" >&2

if [ "$what" = demo ]; then
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "no display found: set DISPLAY (or run under xvfb-run); to check the app headless: .venv/bin/cmdesk selftest" >&2
    exit 2
  fi
  exec .venv/bin/cmdesk --demo
fi

export QT_QPA_PLATFORM=offscreen
echo "== ruff" && .venv/bin/ruff check .
echo "== mypy" && .venv/bin/mypy cmdesk ui benchmarks build_installer.py scripts
echo "== pytest" && .venv/bin/python -m pytest -q -p no:cacheprovider "${@:2}"
