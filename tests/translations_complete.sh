#!/bin/sh
# Every translation file is there, holds messages, and none of them is unfinished. A missing
# file fails: a check that cannot read what it checks proves nothing.
set -eu
dir="$1"
for lang in de en; do
    f="$dir/nuki-desktop_$lang.ts"
    if [ ! -s "$f" ]; then
        echo "missing or empty: $f"
        exit 1
    fi
    messages=$(grep -c '<message' "$f" || true)
    if [ "$messages" -eq 0 ]; then
        echo "no messages in $f"
        exit 1
    fi
    if grep -q 'type="unfinished"' "$f"; then
        echo "unfinished translations in $f (run scripts/translations.sh):"
        grep -B4 'type="unfinished"' "$f" | grep '<source>' | head -20
        exit 1
    fi
    echo "$f: $messages messages, all translated"
done
