#!/usr/bin/env bash
# The clerk guide's pictures and its sample report (docs/clerk.md), made from the seed:
#  - docs/images/workbook-projects.png, workbook-indicators.png: the seed's workbook as LibreOffice
#    prints its 预算项目 and 绩效指标 sheets (the stand-in for Excel and WPS here);
#  - docs/images/clerk-report.png: the report of that workbook with D2 typed as 三万元, as a
#    Notepad-like window shows it (Chromium, headless), and the same report's text in clerk.md.
# Needs LibreOffice, poppler-utils, python3-openpyxl and chromium (.ci/run installs the first two).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
docgen() { dotnet run --project "$root/src/DocGen.Worker" -c Release -- "$@"; }

docgen workbook fixtures/S001-seed.json -o "$work/seed.xlsx" >/dev/null
(cd "$work" && soffice --headless --convert-to pdf seed.xlsx >/dev/null 2>&1)
page_with() { # the first page of the PDF whose text holds all the given words
  local pages; pages=$(pdfinfo "$work/seed.pdf" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$pages"); do
    local text; text=$(pdftotext -f "$p" -l "$p" -layout "$work/seed.pdf" -)
    local all=1; for w in "$@"; do grep -q "$w" <<<"$text" || all=0; done
    if [ "$all" = 1 ]; then echo "$p"; return; fi
  done
}
for entry in "workbook-projects:110:项目名称 预算数" "workbook-indicators:330:三级指标 计量单位"; do
  name=${entry%%:*}; rest=${entry#*:}; height=${rest%%:*}; words=${rest#*:}
  p=$(page_with $words)
  pdftoppm -png -r 110 -f "$p" -l "$p" -x 0 -y 40 -W 1286 -H "$height" -singlefile "$work/seed.pdf" "docs/images/$name" # the sheet's table, not the empty page below
done

/usr/bin/python3 - "$work/seed.xlsx" "$work/申报表.xlsx" <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
book["预算项目"]["D2"] = "三万元"
book.save(sys.argv[2])
PY
(cd "$work" && docgen validate 申报表.xlsx --templates "$root/templates" > report.txt) || true

/usr/bin/python3 - "$work/report.txt" docs/clerk.md "$work/report.html" <<'PY'
import sys, html, re
report = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
guide = open(sys.argv[2], encoding="utf-8").read()
guide = re.sub(r"(```text\n)(?:<!-- clerk-report -->|.*?)(\n```\n\n## 六)", lambda m: m.group(1) + report + m.group(2), guide, count=1, flags=re.S)
open(sys.argv[2], "w", encoding="utf-8").write(guide)
shown = "\n".join(report.split("\n")[:24])
open(sys.argv[3], "w", encoding="utf-8").write(f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{{margin:0;background:#fff;font-family:'Noto Sans CJK SC',sans-serif}}
.bar{{background:#e8e8e8;border-bottom:1px solid #bbb;padding:6px 10px;font-size:14px}}
.menu{{padding:3px 10px;font-size:13px;border-bottom:1px solid #ddd}}
pre{{margin:0;padding:10px;font-family:'Noto Sans Mono CJK SC','Noto Sans CJK SC',monospace;font-size:14px;line-height:1.45;white-space:pre-wrap}}
</style></head><body><div class="bar">区直工委-2021-申报表.errors.txt - 记事本</div><div class="menu">文件(F)　编辑(E)　格式(O)　查看(V)　帮助(H)</div><pre>{html.escape(shown)}</pre></body></html>""")
PY
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chrome" --hide-scrollbars \
  --window-size=1100,760 --screenshot="$root/docs/images/clerk-report.png" "file://$work/report.html" >/dev/null 2>&1
echo "written: docs/images/workbook-projects.png workbook-indicators.png clerk-report.png, and the report in docs/clerk.md"
