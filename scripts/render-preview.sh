#!/usr/bin/env bash
# Renders fixtures with every shipped template and saves pictures of the result for the README:
# the first page of the seed, and from a long two-project submission the page where 第二部分
# starts and the next one (a table that crosses a page, its header row repeated).
# Needs LibreOffice, the stand-in fonts and poppler:
#   apt-get install -y libreoffice-writer-nogui poppler-utils && sudo bash scripts/install-fonts.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/DocGen.Worker -c Release -v quiet -nologo >/dev/null
docgen="dotnet src/DocGen.Worker/bin/Release/net10.0/docgen.dll"
for template in templates/*.docx; do
  name=$(basename "$template" .docx)
  for fixture in S001-seed S002-two-long-projects; do
    $docgen render "fixtures/$fixture.json" --template "$template" -o "$work/$fixture.docx" >/dev/null
    soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/$fixture.docx" >/dev/null 2>&1
  done
  pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$work/S001-seed.pdf" "docs/images/$name-page1"
  part2=$(for p in $(seq 1 "$(pdfinfo "$work/S002-two-long-projects.pdf" | awk '/^Pages:/ {print $2}')"); do
            pdftotext -f "$p" -l "$p" "$work/S002-two-long-projects.pdf" - | grep -q "预算项目绩效目标" && { echo "$p"; break; }; done)
  pdftoppm -r 70 -png -f "$part2" -l "$part2" -singlefile "$work/S002-two-long-projects.pdf" "docs/images/$name-part2"
  pdftoppm -r 70 -png -f "$((part2 + 1))" -l "$((part2 + 1))" -singlefile "$work/S002-two-long-projects.pdf" "docs/images/$name-part2-next"
  echo "docs/images/$name-page1.png, docs/images/$name-part2.png, docs/images/$name-part2-next.png"
done
