#!/usr/bin/env bash
# Regenerates the shipped CartPole bundle models/bundles/cartpole-mlp with the project's own pipeline and its
# defaults (the README's collect -> train -> export -> eval, nothing else set): the defaults are the recipe
# (docs/cartpole.md). Deterministic on the CPU (same data, weights and graphs every run).
# Usage: scripts/make-cartpole-bundle.sh [WORK_DIR]   (default WORK_DIR: out/cartpole-bundle)
# MAWM=/path/to/launcher overrides the mawm command (default: ./mawm in the repository root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mawm="${MAWM:-$root/mawm}"
work="${1:-$root/out/cartpole-bundle}"
bundle="$root/models/bundles/cartpole-mlp"
mkdir -p "$work"

# 1. data: 1000 seeded episodes of the default collection (the hand-written controller with 30 % random actions)
"$mawm" collect --env cartpole --episodes 1000 --seed 0 --out "$work/cartpole.mawm"
# 2. the default mlp world model: an ensemble of 3, relu, hidden 64 (TensorFlow Java, CPU, 1 thread: bit-reproducible)
"$mawm" train --family mlp --data "$work/cartpole.mawm" --out "$work/checkpoint"
# 3. ONNX bundle: components, the fused rollout rollout_h12, golden files, the default planner settings (cem.beta 0)
"$mawm" export --checkpoint "$work/checkpoint" --out "$bundle" --name cartpole-mlp --bundle-version 1
# 4. the quality bar: mean return >= 475 over 20 seeded episodes
"$mawm" eval --env cartpole --bundle "$bundle" --episodes 20 --seed 0 --out "$work/eval"
