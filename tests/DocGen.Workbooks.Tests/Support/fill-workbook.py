#!/usr/bin/python3
"""Fills cells of a workbook in LibreOffice Calc the way a clerk types them, then saves it as .xlsx.

usage: fill-workbook.py PROGRAM_FOLDER PROFILE IN.xlsx OUT.xlsx CELLS.json
CELLS.json: [{"sheet": "基本信息", "cell": "B2", "type": "两者都有"}, {"sheet": ..., "cell": ..., "clear": true}]
"type" is entered as input (like typing it and pressing Enter: "25%" becomes 25 % in a percent
format, "30000" a number, "'001" text); "string" sets text as it is; "format" (a number format
code, "0%") is given to the cell first, as a clerk picks it in the cell's format dialog.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

PERCENT = 128  # com.sun.star.util.NumberFormat.PERCENT


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    program, profile, source, target, cells = sys.argv[1:6]
    pipe = "docgen-fill-%d" % os.getpid()
    office = subprocess.Popen([os.path.join(program, "soffice.bin"), "--headless", "--invisible", "--norestore", "--nologo",
                               "--nodefault", "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 90
        while True:
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
                break
            except Exception:
                if time.monotonic() > deadline or office.poll() not in (None, 81):
                    raise
                if office.poll() == 81:
                    office = subprocess.Popen(office.args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(0.1)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        with open(cells, encoding="utf-8") as f:
            for entry in json.load(f):
                cell = document.Sheets.getByName(entry["sheet"]).getCellRangeByName(entry["cell"])
                if "format" in entry:
                    formats = document.getNumberFormats()
                    key = formats.queryKey(entry["format"], document.CharLocale, False)
                    cell.NumberFormat = key if key != -1 else formats.addNew(entry["format"], document.CharLocale)
                if entry.get("clear"):
                    cell.setString("")
                elif "string" in entry:
                    cell.setString(entry["string"])
                else:
                    cell.setFormula(entry["type"])
                    if entry["type"].endswith("%") and cell.getType().value == "VALUE" and "format" not in entry:
                        # Calc's input line gives a cell typed as 25% a percent format; setFormula does not.
                        formats = document.getNumberFormats()
                        cell.NumberFormat = formats.getStandardFormat(PERCENT, document.CharLocale)
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=10)
        except subprocess.TimeoutExpired:
            office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
