#!/usr/bin/env bash
# Formats every C++ file of the project, tracked or new.
cd "$(dirname "$0")/.." && git ls-files --cached --others --exclude-standard '*.cpp' '*.h' | xargs -r clang-format -i
