#!/usr/bin/env bash
# Installs what the real-editor tests need, offline-friendly (Debian packages and the npm
# registry only), and is safe to run again: each step is skipped when already done.
#   - Debian: chromium (driven by Playwright), a CJK font (Chinese renders as boxes without one),
#     libkrb5-dev (code-server's native module), ripgrep (seeds code-server's ripgrep download),
#     neovim (test/neovim), emacs-nox and elpa-eglot (test/emacs).
#   - npm, into .tools/ (git-ignored, apart from the project's own dependencies):
#     code-server 4.99.4 (VS Code 1.99 in the browser; the last line that runs on Node 20) and
#     playwright-core (drives /usr/bin/chromium; never downloads a browser).
# See /work/shared/real-editor-testing.md and the README section "Tests in real editors".
set -euo pipefail
cd "$(dirname "$0")/.."
CODE_SERVER_VERSION=4.99.4
PLAYWRIGHT_VERSION=1.65.1   # drives Debian's chromium over CDP; the version verified here
TOOLS="$PWD/.tools"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "setup-editors: need root for: $*" >&2; return 1; fi; }

# 1. Debian packages, only the missing ones (apt-get update once, and only if something is missing).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
dpkg -s elpa-eglot >/dev/null 2>&1 || missing+=(elpa-eglot)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
{ dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || dpkg -s fonts-noto-cjk >/dev/null 2>&1; } || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-editors: apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. code-server and playwright-core into .tools/.
version_of() { node -p "try { require('$TOOLS/node_modules/$1/package.json').version } catch { '' }"; }
if [ "$(version_of code-server)" != "$CODE_SERVER_VERSION" ] || [ "$(version_of playwright-core)" != "$PLAYWRIGHT_VERSION" ]; then
  # code-server's @vscode/ripgrep postinstall downloads rg from GitHub; give it Debian's rg
  # in the cache it looks in first.
  cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$cache"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{ "private": true, "description": "editor test tools (scripts/setup-editors.sh)" }' > "$TOOLS/package.json"
  echo "setup-editors: npm install code-server@$CODE_SERVER_VERSION playwright-core into .tools/"
  (cd "$TOOLS" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION")
fi
echo "setup-editors: ready (code-server $CODE_SERVER_VERSION in .tools/, chromium $(command -v chromium))"
