#!/usr/bin/env bash
# The action's install step: puts a draftcheck binary on the PATH of the later steps.
#   DRAFTCHECK_VERSION=source   build this checkout (the action's own folder) with Swift
#   DRAFTCHECK_VERSION=TAG      download the static Linux binary of that release
#   DRAFTCHECK_BIN=PATH         use a binary already built (the tests do this)
set -euo pipefail
dest=${RUNNER_TEMP:-/tmp}/draftcheck-bin
mkdir -p "$dest"
if [ -n "${DRAFTCHECK_BIN:-}" ]; then
  ln -sf "$DRAFTCHECK_BIN" "$dest/draftcheck"
elif [ "${DRAFTCHECK_VERSION:-source}" = source ]; then
  root=${DRAFTCHECK_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}
  command -v swift >/dev/null || { echo "::error title=draftcheck::version: source needs Swift 6.3 on the runner (swift-actions/setup-swift)"; exit 1; }
  if ! pkg-config --exists libxml-2.0 zlib liblzma libcurl 2>/dev/null; then sudo apt-get install -y -qq libxml2-dev zlib1g-dev liblzma-dev libcurl4-openssl-dev pkg-config >/dev/null; fi
  # draftcheck-fetch beside it fetches documents by name (draftcheck finds it through the link).
  bindir=$("$root/scripts/build-release" draftcheck draftcheck-fetch)
  ln -sf "$bindir/draftcheck" "$dest/draftcheck"
  ln -sf "$bindir/draftcheck-fetch" "$dest/draftcheck-fetch"
else
  url="https://github.com/draftcheck/draftcheck/releases/download/$DRAFTCHECK_VERSION/draftcheck-linux-$(uname -m)"
  curl -fsSL "$url" -o "$dest/draftcheck" || { echo "::error title=draftcheck::cannot download $url"; exit 1; }
  curl -fsSL "${url/draftcheck-linux/draftcheck-fetch-linux}" -o "$dest/draftcheck-fetch" || { echo "::error title=draftcheck::cannot download ${url/draftcheck-linux/draftcheck-fetch-linux}"; exit 1; }
  chmod +x "$dest/draftcheck" "$dest/draftcheck-fetch"
fi
"$dest/draftcheck" --version >/dev/null
if [ -n "${GITHUB_PATH:-}" ]; then echo "$dest" >> "$GITHUB_PATH"; fi
echo "draftcheck $("$dest/draftcheck" --version) at $dest/draftcheck"
