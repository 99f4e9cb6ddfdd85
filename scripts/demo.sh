#!/usr/bin/env bash
# Sets up, builds, and runs the main job on the bundled example case:
# import the agencies' exports, resolve, analyse, print the ranked clusters and
# write a GraphML export (see README.md, "Worked example").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release -DCMAKE_BUILD_TYPE=Release >/dev/null
exec build/release/casegraph demo "$@"
