#!/usr/bin/env bash
cd "$(dirname "$0")/.." && git ls-files '*.cpp' '*.h' | xargs -r clang-format -i
