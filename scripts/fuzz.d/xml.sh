#!/usr/bin/env bash
# scripts/fuzz xml [SECONDS]: see readers.sh.
exec bash "$(dirname "$0")/readers.sh" xml "$@"
