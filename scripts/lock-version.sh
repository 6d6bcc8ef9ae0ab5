#!/usr/bin/env bash
# Prints the version of a crate as resolved in Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
