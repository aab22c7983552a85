#!/usr/bin/env bash
# Regenerates the shipped CartPole bundle models/bundles/cartpole-mlp with the project's own pipeline:
# collect -> train -> export -> eval. Deterministic on the CPU (same data, weights and graphs every run).
# Usage: scripts/make-cartpole-bundle.sh [WORK_DIR]   (default WORK_DIR: out/cartpole-bundle)
# MAWM=/path/to/launcher overrides the mawm command (default: ./mawm in the repository root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mawm="${MAWM:-$root/mawm}"
work="${1:-$root/out/cartpole-bundle}"
config="$root/models/bundles/cartpole-mlp.yaml"
bundle="$root/models/bundles/cartpole-mlp"
mkdir -p "$work"

# 1. data: 200 seeded episodes of the hand-written controller with 30 % random actions (the default collection)
"$mawm" collect --env cartpole --episodes 200 --policy mixed:0.3 --seed 0 --out "$work/cartpole-mixed0.3.mawm"
# 2. a small mlp world model, an ensemble of 3 (TensorFlow Java, CPU, 1 thread: bit-reproducible)
"$mawm" train --family mlp --data "$work/cartpole-mixed0.3.mawm" --out "$work/checkpoint" --config "$config"
# 3. ONNX bundle: components, the fused rollout rollout_h12, golden files, planning defaults (cem section of the config)
"$mawm" export --checkpoint "$work/checkpoint" --out "$bundle" --name cartpole-mlp --bundle-version 1 --config "$config"
# 4. the quality bar: mean return >= 475 over 20 seeded episodes
"$mawm" eval --env cartpole --bundle "$bundle" --episodes 20 --seed 0 --out "$work/eval"
