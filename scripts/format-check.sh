#!/usr/bin/env bash
# Fails when a tracked C++ file is not formatted with the committed .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files --cached --others --exclude-standard '*.cpp' '*.h' 2>/dev/null || find src tests -name '*.cpp' -o -name '*.h')
[ -z "$files" ] && exit 0
if ! clang-format --dry-run --Werror $files; then
  echo "Some files are not clang-formatted: run scripts/format.sh" >&2
  exit 1
fi
