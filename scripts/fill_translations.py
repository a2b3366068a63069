#!/usr/bin/env python3
"""Fills a Qt .ts file from a dictionary module (DE / PREFIX); marks filled entries finished.
Usage: fill_translations.py FILE.ts DICT.py. Exit 1 when anything stays unfinished."""
import runpy, sys
import xml.etree.ElementTree as ET

ts, dictfile = sys.argv[1], sys.argv[2]
d = runpy.run_path(dictfile)
DE, PREFIX = d["DE"], d.get("PREFIX", {})
tree = ET.parse(ts)
missing = []
for msg in tree.getroot().iter("message"):
    src = msg.find("source").text or ""
    tr = msg.find("translation")
    value = DE.get(src)
    if value is None:
        value = next((v for k, v in PREFIX.items() if src.startswith(k)), None)
    if value is None:
        missing.append(src)
        continue
    for child in list(tr):
        tr.remove(child)
    tr.text = None
    if msg.get("numerus") == "yes":
        forms = value if isinstance(value, list) else [value, value]
        for f in forms:
            ET.SubElement(tr, "numerusform").text = f
    else:
        tr.text = value if isinstance(value, str) else value[0]
    tr.attrib.pop("type", None)
tree.write(ts, encoding="utf-8", xml_declaration=True)
if missing:
    print("untranslated:", *missing, sep="\n  ")
    sys.exit(1)
