#!/usr/bin/env bash
# scripts/fuzz text [SECONDS]: see readers.sh.
exec bash "$(dirname "$0")/readers.sh" text "$@"
