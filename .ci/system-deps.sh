#!/usr/bin/env bash
# Install the system programs rightskit needs, or print the exact command to run.
# Usage: .ci/system-deps.sh graphviz|chromium|pdftools|office|venv
# Why a script: the same logic serves `make demo`, `make test` and CI, on Debian/Ubuntu and macOS.
set -euo pipefail
what="$1"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "rightskit: need root to run: $*" >&2; exit 2; fi
}

apt_install() {
  # apt-get update once per run: a fresh machine has no package lists.
  if [ ! -f /tmp/.rightskit-apt-updated ]; then
    as_root apt-get update -qq && touch /tmp/.rightskit-apt-updated
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

have_debian() { command -v apt-get >/dev/null 2>&1; }
have_brew() { command -v brew >/dev/null 2>&1; }

case "$what" in
  graphviz)
    command -v dot >/dev/null 2>&1 && exit 0
    if have_debian; then apt_install graphviz
    elif have_brew; then brew install graphviz
    else echo "rightskit: Graphviz is missing. Install it with your package manager, e.g. 'sudo dnf install graphviz'." >&2; exit 2; fi ;;
  chromium)
    if [ -n "${RIGHTSKIT_CHROMIUM:-}" ] && [ -x "${RIGHTSKIT_CHROMIUM}" ]; then exit 0; fi
    [ -x /usr/bin/chromium ] && exit 0
    if have_debian; then apt_install chromium fonts-dejavu-core
    elif have_brew; then
      [ -d "/Applications/Chromium.app" ] || brew install --cask chromium
      echo "rightskit: on macOS set RIGHTSKIT_CHROMIUM=/Applications/Chromium.app/Contents/MacOS/Chromium" >&2
    else echo "rightskit: Chromium is missing. Install it, then set RIGHTSKIT_CHROMIUM=/path/to/chromium." >&2; exit 2; fi ;;
  pdftools)
    command -v pdftoppm >/dev/null 2>&1 && exit 0
    if have_debian; then apt_install poppler-utils
    elif have_brew; then brew install poppler
    else echo "rightskit: pdftoppm is missing (poppler-utils)." >&2; exit 2; fi ;;
  office)
    # LibreOffice converts the DOCX report headless in a test, which proves it opens without repair.
    { command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; } && exit 0
    if have_debian; then apt_install libreoffice-writer-nogui fonts-liberation
    elif have_brew; then brew install --cask libreoffice
    else echo "rightskit: LibreOffice is missing (soffice); install it with your package manager." >&2; exit 2; fi ;;
  venv)
    # Debian's python3 ships without ensurepip unless python3-venv is installed.
    python3 -c 'import ensurepip, venv' >/dev/null 2>&1 && exit 0
    if have_debian; then
      v=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
      apt_install "python${v}-venv" || apt_install python3-venv
    else echo "rightskit: python3 has no venv module. Install it (e.g. 'sudo apt-get install python3-venv')." >&2; exit 2; fi ;;
  *) echo "usage: $0 graphviz|chromium|pdftools|office|venv" >&2; exit 2 ;;
esac
