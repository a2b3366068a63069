# English plural forms for nuki-desktop_en.ts (only strings with %n), applied by
# scripts/translations.sh. Sources say "%n device(s)"; this makes "1 device" and "4 devices".
# Entries here are [singular, plural]; anything not listed is derived from "(s)"/"(es)".
import re

EXPLICIT = {
    ' %n bridge(s) have discovery switched off: enter the address yourself.': [
        ' %n bridge has discovery switched off: enter the address yourself.',
        ' %n bridges have discovery switched off: enter the address yourself.'],
    '%n entries': ['%n entry', '%n entries'],
}


def forms(source):
    if source in EXPLICIT:
        return EXPLICIT[source]
    singular = re.sub(r'\((e?s)\)', '', source)
    plural = re.sub(r'\((e?s)\)', r'\1', source)
    return [singular, plural]
