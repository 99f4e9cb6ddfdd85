#!/usr/bin/env bash
# Installs every Debian 12 package casegraph's build, tests and benchmarks need.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev libeigen3-dev libsqlite3-dev libsqlitecpp-dev sqlite3
  libgtest-dev libgmock-dev libbenchmark-dev
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libfmt-dev libpugixml-dev
  zlib1g-dev libsodium-dev
  # read-back consumers and reference libraries used by the tests
  python3 python3-networkx python3-igraph libxml2-utils
  # string-similarity reference (tests/scripts/reference_similarity.py)
  python3-jellyfish
  # export read-back: Graphviz draws the DOT export
  graphviz
)

missing=()
# node and npm run cytoscape.js for the Cytoscape export's read-back test;
# Debian's packages only where no Node.js is installed (a NodeSource nodejs
# bundles npm and conflicts with Debian's npm package).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# cytoscape.js, which reads the Cytoscape export back in tests/export_formats_test.cpp
# (the test finds it here, or installs it here itself under a lock).
node_dir="${CASEGRAPH_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/casegraph/node}"
if [ ! -f "$node_dir/node_modules/cytoscape/package.json" ]; then
  echo "setup: installing cytoscape.js into $node_dir"
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund --silent cytoscape@3.35.0
fi
