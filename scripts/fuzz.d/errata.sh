#!/usr/bin/env bash
# scripts/fuzz errata [SECONDS]: see readers.sh.
exec bash "$(dirname "$0")/readers.sh" errata "$@"
