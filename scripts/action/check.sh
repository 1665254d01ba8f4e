#!/usr/bin/env bash
# The action's check step, run in the draft repository's root: every file matching
# DRAFTCHECK_FILES is checked; findings become annotations (--format github); the step
# fails (exit 1) when a status in DRAFTCHECK_FAIL_ON occurs, and on any other error with
# draftcheck's own exit code. With DRAFTCHECK_SARIF, a SARIF log is written as well.
set -euo pipefail
bin=$(command -v draftcheck || echo "${RUNNER_TEMP:-/tmp}/draftcheck-bin/draftcheck")
shopt -s nullglob
files=()
for pattern in ${DRAFTCHECK_FILES:-draft-*.xml}; do
  matches=($pattern)
  files+=("${matches[@]}")
done
if [ ${#files[@]} -eq 0 ]; then
  echo "::error title=draftcheck::no file matches \"${DRAFTCHECK_FILES:-draft-*.xml}\" (i-d-template makes draft-*.xml with make)"
  exit 66
fi
fail_on=${DRAFTCHECK_FAIL_ON:-contradicted,failed,errored}
if [ -n "${DRAFTCHECK_SARIF:-}" ]; then
  "$bin" check "${files[@]}" --format sarif -o "$DRAFTCHECK_SARIF"
fi
"$bin" check "${files[@]}" --format github --fail-on "$fail_on"
