#!/usr/bin/env bash
# Set up if needed, then run the whole test suite: every notebook (nbdev-test) and any pytest files in tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1 TOKENIZERS_PARALLELISM=false MPLBACKEND=Agg
export HALO_FORGE_CACHE=${HALO_FORGE_CACHE:-$PWD/.cache/halo_forge}
bash scripts/setup.sh
bash scripts/setup_vllm.sh   # .venv-vllm: vLLM's CPU build for the server test in nbs/05_vllm (its own venv; about 1.5 min the first time)
.venv/bin/python scripts/make_readme.py --check
n=$(ls nbs/*.ipynb | grep -v '/_' | wc -l)
.venv/bin/nbdev-test --n-workers 2 --timing
echo "notebooks: $n passed, 0 failed"
if ls tests/test_*.py >/dev/null 2>&1; then .venv/bin/python -m pytest -q tests; fi
