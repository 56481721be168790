#!/usr/bin/env bash
# Set up if needed, then run the main job: RAFT on the embedded default model (offline). Extra flags pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-$(nproc)}
exec .venv/bin/halo-forge reasoning train "$@"
