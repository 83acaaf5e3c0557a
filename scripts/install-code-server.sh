#!/usr/bin/env bash
# Installs code-server 4.100.3 (the VS Code 1.100.3 workbench, served to a browser) for the
# real-editor end-to-end tests, into ${HAULCHECK_E2E_HOME:-$HOME/.cache/haulcheck-e2e}/code-server.
#
# Only the npm registry and Debian apt are contacted: code-server's own postinstall downloads
# ripgrep from GitHub, so it is skipped; Debian's rg takes its place, the native modules are built
# with node-gyp against the headers of the running Node, and the links the postinstall would have
# made are made by hand.
#
# Idempotent: when an install is already there and its native modules load, it does nothing.
# Prints the path of code-server's entry.js on its last line.
set -euo pipefail

VERSION=4.100.3
E2E_HOME=${HAULCHECK_E2E_HOME:-$HOME/.cache/haulcheck-e2e}
PREFIX=$E2E_HOME/code-server
CS=$PREFIX/node_modules/code-server
VSC=$CS/lib/vscode
STAMP=$PREFIX/.installed-$VERSION
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/apt.sh
. "$HERE/lib/apt.sh"

NATIVE_MODULES='["@vscode/spdlog","node-pty","kerberos","native-watchdog","@vscode/deviceid","@parcel/watcher"]'
works() {
  [ -f "$STAMP" ] && [ -f "$CS/out/node/entry.js" ] && [ -x "$VSC/node_modules/@vscode/ripgrep/bin/rg" ] &&
    (cd "$VSC" && node -e "for (const m of $NATIVE_MODULES) require(m)") >/dev/null 2>&1 &&
    (cd "$PREFIX" && node -e 'require("argon2")') >/dev/null 2>&1
}

mkdir -p "$PREFIX"
# one install at a time (two test runs may start together)
if command -v flock >/dev/null; then
  exec 9>"$E2E_HOME/.install.lock"
  flock 9
fi

if works; then
  echo "code-server $VERSION already installed"
  echo "$CS/out/node/entry.js"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || echo "warning: code-server $VERSION is made for Node 20; this is Node $(node --version)" >&2

# build tools and headers for the native modules; Debian's ripgrep replaces the downloaded one
pkgs="libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev ripgrep pkg-config"
command -v g++ >/dev/null || pkgs="$pkgs g++"
command -v make >/dev/null || pkgs="$pkgs make"
command -v python3 >/dev/null || pkgs="$pkgs python3"
# shellcheck disable=SC2086
apt_ensure $pkgs

# node-gyp: use the running Node's own headers, never download them
node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [ -f "$node_prefix/include/node/node_version.h" ]; then
  export npm_config_nodedir=$node_prefix
else
  echo "warning: no Node headers in $node_prefix/include/node; node-gyp will download them" >&2
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=error

rm -f "$STAMP"
cd "$PREFIX"
[ -f package.json ] || echo '{"private":true}' >package.json
echo "npm install code-server@$VERSION (scripts skipped)"
npm install --ignore-scripts "code-server@$VERSION"
# argon2 is loaded at startup even with --auth none: compile it instead of downloading a binary
echo "building argon2"
npm_config_build_from_source=true npm rebuild argon2

# what code-server's postinstall does, without its downloads
cd "$VSC"
echo "npm install (VS Code server dependencies, scripts skipped)"
npm install --ignore-scripts --omit=dev
# @vscode/ripgrep's postinstall does nothing when bin/ exists: give it Debian's rg
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# native modules (spdlog, node-pty, kerberos, native-watchdog, deviceid, watcher);
# npm_config_yes: node-pty's install script runs `npx node-gyp`, fetched from the npm registry
echo "building native modules"
npm_config_yes=true npm rebuild
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
echo "npm install (built-in extensions)"
(cd extensions && npm install --omit=dev)

touch "$STAMP"
if ! works; then
  rm -f "$STAMP"
  echo "code-server $VERSION installed, but its native modules do not load:" >&2
  (cd "$VSC" && node -e "for (const m of $NATIVE_MODULES) require(m)") || true
  (cd "$PREFIX" && node -e 'require("argon2")') || true
  exit 1
fi
echo "code-server $VERSION installed"
echo "$CS/out/node/entry.js"
