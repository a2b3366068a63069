# English plural forms for nuki-desktop_en.ts (only strings with %n), applied by
# scripts/translations.sh. Sources say "%n device(s)"; this makes "1 device" and "4 devices".
# Entries here are [singular, plural]; anything not listed is derived from "(s)"/"(es)".
import re

EXPLICIT = {
    ' %n bridge(s) have discovery switched off: enter the address yourself.': [
        ' %n bridge has discovery switched off: enter the address yourself.',
        ' %n bridges have discovery switched off: enter the address yourself.'],
    '%n entries': ['%n entry', '%n entries'],
    "No bridge is configured, only %n MQTT broker(s): %1. Their locks are in 'nukictl list' and 'nukictl status'; a bridge is added with 'nukictl add-bridge' or the app.": [
        "No bridge is configured, only %n MQTT broker: %1. Its locks are in 'nukictl list' and 'nukictl status'; a bridge is added with 'nukictl add-bridge' or the app.",
        "No bridge is configured, only %n MQTT brokers: %1. Their locks are in 'nukictl list' and 'nukictl status'; a bridge is added with 'nukictl add-bridge' or the app."],
}


def forms(source):
    if source in EXPLICIT:
        return EXPLICIT[source]
    singular = re.sub(r'\((e?s)\)', '', source)
    plural = re.sub(r'\((e?s)\)', r'\1', source)
    return [singular, plural]
