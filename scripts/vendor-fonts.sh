#!/usr/bin/env bash
# Vendors the Inter font (SIL Open Font License 1.1) used by the printed cookbook into
# apps/printbook/static/printbook/fonts/. The files are committed, so rendering a PDF never
# touches the network. Run again to upgrade: change the version below, run, commit.
set -euo pipefail
INTER_VERSION="5.2.8"
here=$(cd "$(dirname "$0")/.." && pwd)
dest="$here/apps/printbook/static/printbook/fonts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "@fontsource/inter@${INTER_VERSION}" >/dev/null
mkdir inter
tar xzf "fontsource-inter-${INTER_VERSION}.tgz" -C inter --strip-components=1
mkdir -p "$dest"
for weight in 400 600 700; do
  for style in normal italic; do
    cp "inter/files/inter-latin-${weight}-${style}.woff2" "$dest/"
  done
done
cp inter/LICENSE "$dest/LICENSE-inter"
cat > "$dest/VERSIONS" <<TXT
@fontsource/inter ${INTER_VERSION} (files/inter-latin-{400,600,700}-{normal,italic}.woff2)
TXT
echo "Vendored Inter into $dest"
