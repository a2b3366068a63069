#!/usr/bin/env python3
"""Fills the English plural-only .ts (lupdate -pluralonly) with singular and plural forms.
Usage: fill_english_plurals.py FILE.ts en.py"""
import runpy, sys
import xml.etree.ElementTree as ET

ts, rules = sys.argv[1], sys.argv[2]
forms = runpy.run_path(rules)["forms"]
tree = ET.parse(ts)
for msg in tree.getroot().iter("message"):
    if msg.get("numerus") != "yes":
        continue
    tr = msg.find("translation")
    for child in list(tr):
        tr.remove(child)
    tr.text = None
    for f in forms(msg.find("source").text or ""):
        ET.SubElement(tr, "numerusform").text = f
    tr.attrib.pop("type", None)
tree.write(ts, encoding="utf-8", xml_declaration=True)
