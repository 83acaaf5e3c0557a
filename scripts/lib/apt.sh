# Shared by the e2e setup scripts (sourced, not run).
# apt_missing PKG...  prints the packages among PKG that are not installed.
# apt_ensure PKG...   installs the missing ones (root + apt-get only; `apt-get update` at most once).
apt_missing() {
  local p
  for p in "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || echo "$p"
  done
}

APT_UPDATED=${APT_UPDATED:-}
apt_ensure() {
  local missing
  missing=$(command -v dpkg-query >/dev/null && apt_missing "$@" | tr '\n' ' ' || echo "$*")
  missing=${missing% }
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "missing packages: $missing (install them with: sudo apt-get install $missing)" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "$APT_UPDATED" ]; then
    apt-get update -q >/dev/null
    APT_UPDATED=1
    export APT_UPDATED
  fi
  echo "apt-get install $missing"
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing >/dev/null
}
