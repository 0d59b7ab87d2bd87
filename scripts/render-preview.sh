#!/usr/bin/env bash
# Renders the seed fixture with every shipped template and saves pictures of the result for the
# README: the first page, and the first page of 第二部分 (the project table).
# Needs LibreOffice, CJK fonts and poppler:
#   apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/DocGen.Worker -c Release -v quiet -nologo >/dev/null
docgen="dotnet src/DocGen.Worker/bin/Release/net10.0/docgen.dll"
for template in templates/*.docx; do
  name=$(basename "$template" .docx)
  $docgen render fixtures/S001-seed.json --template "$template" -o "$work/$name.docx" >/dev/null
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null 2>&1
  pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$work/$name.pdf" "docs/images/$name-page1"
  # The page where 第二部分 starts (its title begins a new page).
  part2=$(for p in $(seq 1 "$(pdfinfo "$work/$name.pdf" | awk '/^Pages:/ {print $2}')"); do
            pdftotext -f "$p" -l "$p" "$work/$name.pdf" - | grep -q "预算项目绩效目标" && { echo "$p"; break; }; done)
  pdftoppm -r 70 -png -f "$part2" -l "$part2" -singlefile "$work/$name.pdf" "docs/images/$name-part2"
  echo "docs/images/$name-page1.png, docs/images/$name-part2.png"
done
