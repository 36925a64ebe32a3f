#!/usr/bin/env bash
# Installs code-server (a real VS Code: workbench in the browser, extension host in Node) and Debian's
# Chromium, for the integration and UI tests and for `npm start`. Idempotent: the install is cached outside
# the repository, so every clone, run and CI job on this machine reuses it.
# Prints the code-server binary's path as its last line.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
RIPGREP_PKG_VERSION="1.15.11"            # the @vscode/ripgrep version code-server 4.100.3 depends on
RIPGREP_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
CACHE_ROOT="${VSCODE_PROTON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vscode-proton}"
PREFIX="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"

say() { echo "[install-code-server] $*" >&2; }
die() { echo "[install-code-server] error: $*" >&2; exit 1; }

# Debian packages: Chromium drives the workbench; ripgrep stands in for @vscode/ripgrep's GitHub download;
# libkrb5-dev and pkg-config build code-server's native modules.
need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v rg >/dev/null 2>&1 || need_pkgs+=(ripgrep)
command -v pkg-config >/dev/null 2>&1 || need_pkgs+=(pkg-config)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || need_pkgs+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || need_pkgs+=(g++ make python3)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "missing ${need_pkgs[*]}; install them (Debian: sudo apt-get install -y ${need_pkgs[*]}) and run again"
  fi
  say "installing Debian packages: ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"; } >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    die "apt-get could not install ${need_pkgs[*]} (log above); install them by hand and run again"
  fi
  rm -f "$apt_log"
  say "installed ${need_pkgs[*]}"
fi

if [ -x "$BIN" ] && [ -f "$PREFIX/.complete" ]; then
  say "code-server $CODE_SERVER_VERSION already installed in $PREFIX"
  echo "$BIN"
  exit 0
fi

# @vscode/ripgrep's install script downloads ripgrep from GitHub, which this machine cannot reach:
# seed its download cache with the system binary.
tmp="${TMPDIR:-/tmp}"
rg_cache="$tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
if [ ! -s "$rg_cache/$RIPGREP_ASSET" ]; then
  say "seeding the ripgrep cache with $(command -v rg)"
  mkdir -p "$rg_cache"
  stage=$(mktemp -d)
  cp "$(command -v rg)" "$stage/rg"
  tar -czf "$rg_cache/$RIPGREP_ASSET" -C "$stage" rg
  rm -rf "$stage"
fi

say "installing code-server $CODE_SERVER_VERSION into $PREFIX (a few minutes; it builds native modules)"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
cd "$PREFIX"
echo '{"name":"code-server-cache","private":true}' > package.json
if ! npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION" >&2; then
  die "npm install code-server@$CODE_SERVER_VERSION failed (see above); it needs the npm registry, g++, make, python3, pkg-config and libkrb5-dev"
fi
[ -x "$BIN" ] || die "code-server installed but $BIN is missing"
"$BIN" --version >/dev/null 2>&1 || die "$BIN does not run"
touch "$PREFIX/.complete"
say "code-server $CODE_SERVER_VERSION ready"
echo "$BIN"
