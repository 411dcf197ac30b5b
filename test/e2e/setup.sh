#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, offline but for Debian's packages and the npm registry:
# Chromium, Neovim and fonts (a CJK one too) from Debian; code-server 4.100.3 (pinned in test/e2e/code-server)
# from npm, built against the system Node. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium fonts-dejavu-core)
command -v nvim >/dev/null 2>&1 || packages+=(neovim)
command -v rg >/dev/null 2>&1 || packages+=(ripgrep)           # seeds @vscode/ripgrep (below)
dpkg -s libkrb5-dev >/dev/null 2>&1 || packages+=(libkrb5-dev)  # code-server's kerberos module
# A CJK font (5 MB), so the zh-cn screenshots show Chinese instead of empty boxes.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || packages+=(fonts-wqy-microhei)
if ((${#packages[@]})); then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing Debian packages: ${packages[*]}"
  # Three tries: a mirror that stumbles once should not turn CI red.
  for attempt in 1 2 3; do
    if "${sudo[@]}" apt-get update -q && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${packages[@]}"; then break; fi
    [ "$attempt" -lt 3 ] || exit 1
    echo "apt-get failed (attempt $attempt); trying again"
  done
fi

if [ ! -x code-server/node_modules/.bin/code-server ]; then
  echo "Installing code-server 4.100.3 into test/e2e/code-server"
  # @vscode/ripgrep downloads rg from GitHub unless its cache (in TMPDIR) holds the archive: put
  # Debian's rg there, in a temporary TMPDIR removed afterwards.
  cache_root=$(mktemp -d)
  trap 'rm -rf "$cache_root"' EXIT
  mkdir -p "$cache_root/vscode-ripgrep-cache-1.15.11" "$cache_root/rg"
  cp "$(command -v rg)" "$cache_root/rg/rg"
  tar czf "$cache_root/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$cache_root/rg" rg
  # unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall
  # runs npx node-gyp; nodedir: native modules build against the system Node's headers.
  for attempt in 1 2 3; do
    if (cd code-server && TMPDIR="$cache_root" npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
      npm ci --no-audit --no-fund); then break; fi
    [ "$attempt" -lt 3 ] || exit 1
    echo "installing code-server failed (attempt $attempt); trying again"
  done
fi
# Versions without writing into the real HOME: any code-server call writes a config there, and
# even `nvim --version` creates ~/.cache/nvim/log.
scratch=$(mktemp -d)
echo "End-to-end prerequisites ready: code-server $(node -p 'require("./code-server/node_modules/code-server/package.json").version'), $(HOME="$scratch" chromium --version 2>/dev/null), $(HOME="$scratch" XDG_CACHE_HOME="$scratch" XDG_STATE_HOME="$scratch" nvim --version | head -1)"
rm -rf "$scratch"
