#!/usr/bin/env bash
# Refreshes resources/translations/*.ts from the sources (lupdate) and fills in the German
# translations kept in resources/translations/de.py. Run after changing user-visible text.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/translations/nuki-desktop_de.ts
/usr/lib/qt6/bin/lupdate src -ts "$ts" -no-obsolete -locations none -silent
python3 scripts/fill_translations.py "$ts" resources/translations/de.py
# English needs plural forms too: "%n device(s)" becomes "1 device" / "4 devices".
en=resources/translations/nuki-desktop_en.ts
/usr/lib/qt6/bin/lupdate src -ts "$en" -pluralonly -no-obsolete -locations none -silent \
    -target-language en
python3 scripts/fill_english_plurals.py "$en" resources/translations/en.py
