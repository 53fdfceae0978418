#!/usr/bin/env bash
# Vendors Designsystemet's built CSS into static/vendor/designsystemet/.
# The files are committed, so neither `make run` nor `make test` needs npm.
# Run again (`make vendor`) to upgrade: change the versions below, run, commit.
set -euo pipefail
CSS_VERSION="1.22.0"
THEME_VERSION="1.11.0"
here=$(cd "$(dirname "$0")/.." && pwd)
dest="$here/static/vendor/designsystemet"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "@digdir/designsystemet-css@${CSS_VERSION}" "@digdir/designsystemet-theme@${THEME_VERSION}" >/dev/null
mkdir css theme
tar xzf "digdir-designsystemet-css-${CSS_VERSION}.tgz" -C css --strip-components=1
tar xzf "digdir-designsystemet-theme-${THEME_VERSION}.tgz" -C theme --strip-components=1
mkdir -p "$dest"
cp css/dist/src/index.css "$dest/designsystemet.css"
cp theme/brand/digdir.css "$dest/theme-digdir.css"
cp css/LICENSE "$dest/LICENSE-designsystemet-css"
cp theme/LICENSE "$dest/LICENSE-designsystemet-theme"
cat > "$dest/VERSIONS" <<TXT
@digdir/designsystemet-css ${CSS_VERSION} (dist/src/index.css -> designsystemet.css)
@digdir/designsystemet-theme ${THEME_VERSION} (brand/digdir.css -> theme-digdir.css)
TXT
echo "Vendored Designsystemet into $dest"
