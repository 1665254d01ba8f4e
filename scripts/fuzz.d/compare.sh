#!/usr/bin/env bash
# scripts/fuzz compare [SECONDS]: see readers.sh.
exec bash "$(dirname "$0")/readers.sh" compare "$@"
