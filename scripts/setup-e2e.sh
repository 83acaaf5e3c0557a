#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e, test/vscode-electron) need:
#   apt: chromium (driven by playwright-core), neovim (headless LSP client), xvfb (a display for
#        VS Code desktop where it can be downloaded), ripgrep, and the headers that code-server's
#        native modules build against;
#   code-server 4.100.3 (scripts/install-code-server.sh).
# Only Debian apt and the npm registry are contacted. Idempotent and quiet: details go to a log
# file, printed when something fails. Without root or apt it says what is missing and exits 0 (the
# tests that need the missing tools then skip, saying why); an install that fails exits 1.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
E2E_HOME=${HAULCHECK_E2E_HOME:-$HOME/.cache/haulcheck-e2e}
LOG=$E2E_HOME/setup-e2e.log
mkdir -p "$E2E_HOME"
: >"$LOG"
# shellcheck source=lib/apt.sh
. "$ROOT/scripts/lib/apt.sh"

APT_PACKAGES="chromium neovim xvfb ripgrep libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config"
command -v g++ >/dev/null || APT_PACKAGES="$APT_PACKAGES g++"
command -v make >/dev/null || APT_PACKAGES="$APT_PACKAGES make"
command -v python3 >/dev/null || APT_PACKAGES="$APT_PACKAGES python3"

status=0
start=$(date +%s)
echo "setup-e2e: installing the real-editor test tools (log: $LOG)"

# shellcheck disable=SC2086
if ! command -v dpkg-query >/dev/null; then
  echo "setup-e2e: not a Debian system (no dpkg); install by hand: $APT_PACKAGES, then run scripts/install-code-server.sh"
  echo "setup-e2e: the real-editor tests will skip."
  exit 0
fi
missing=$(apt_missing $APT_PACKAGES | tr '\n' ' ')
missing=${missing% }
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "setup-e2e: missing apt packages: $missing"
    echo "setup-e2e: install them with: sudo apt-get install -y $missing && bash scripts/install-code-server.sh"
    echo "setup-e2e: the real-editor tests that need them will skip."
    exit 0
  fi
  # shellcheck disable=SC2086
  if ! apt_ensure $APT_PACKAGES >>"$LOG" 2>&1; then
    echo "setup-e2e: apt-get install failed:"
    cat "$LOG"
    status=1
  fi
fi

if [ "$status" = 0 ]; then
  cs_start=$(date +%s)
  if bash "$ROOT/scripts/install-code-server.sh" >>"$LOG" 2>&1; then
    echo "setup-e2e: code-server ready ($(tail -n 2 "$LOG" | head -n 1), $(($(date +%s) - cs_start)) s)"
  else
    echo "setup-e2e: code-server install failed:"
    cat "$LOG"
    status=1
  fi
fi

for tool in chromium nvim rg; do
  if command -v "$tool" >/dev/null; then
    echo "setup-e2e: $tool: $("$tool" --version 2>/dev/null | head -n 1)"
  else
    echo "setup-e2e: $tool: missing"
  fi
done
echo "setup-e2e: done in $(($(date +%s) - start)) s"
if [ "$status" != 0 ]; then
  # a broken install on a machine that can install (root + apt) is a real failure
  echo "setup-e2e: FAILED (log above)"
fi
exit "$status"
