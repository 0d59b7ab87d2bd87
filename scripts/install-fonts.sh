#!/usr/bin/env bash
# Installs the free stand-ins for the fonts of Chinese official documents (see fonts/docgen-fonts.conf):
# Noto CJK (all of CJK), Liberation (Times New Roman, Arial), AR PL KaitiM GB, and the Fandol faces
# (FandolFang, FandolKai, FandolSong, FandolHei) taken from Debian's texlive-lang-chinese package
# without installing TeX. Then registers the name mappings with fontconfig.
# As root: system-wide (/usr/local/share/fonts, /etc/fonts/conf.d). Otherwise: for this user.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ "$(id -u)" = "0" ]; then
  fonts=/usr/local/share/fonts/docgen
  conf=/etc/fonts/conf.d/60-docgen-fonts.conf
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk fonts-liberation2 fonts-arphic-gkai00mp fontconfig >/dev/null
else
  fonts="${XDG_DATA_HOME:-$HOME/.local/share}/fonts/docgen"
  conf="${XDG_CONFIG_HOME:-$HOME/.config}/fontconfig/conf.d/60-docgen-fonts.conf"
  echo "not root: installing the Fandol faces and the mappings for $(id -un) only; install fonts-noto-cjk fonts-liberation2 fonts-arphic-gkai00mp as root" >&2
fi

mkdir -p "$fonts" "$(dirname "$conf")"
if ! ls "$fonts"/FandolFang-Regular.otf >/dev/null 2>&1; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  chmod 755 "$work" # apt downloads as _apt
  (cd "$work" && apt-get download texlive-lang-chinese >/dev/null)
  dpkg-deb --fsys-tarfile "$work"/texlive-lang-chinese_*.deb \
    | tar -x -C "$work" --wildcards './usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol[FKSH]*.otf'
  cp "$work"/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/*.otf "$fonts"/
fi

cp "$here/fonts/docgen-fonts.conf" "$conf"
fc-cache -f "$fonts" >/dev/null 2>&1 || true
fc-match 仿宋_GB2312 | grep -q Fandol || { echo "fontconfig does not map 仿宋_GB2312 to FandolFang" >&2; exit 1; }
echo "fonts: $(fc-match 仿宋_GB2312), $(fc-match 楷体_GB2312), $(fc-match 黑体), $(fc-match 宋体), $(fc-match 'Times New Roman')"
