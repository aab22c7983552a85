#!/usr/bin/env bash
# Regenerates the shipped two-agent gridworld bundle models/bundles/grid2-jepa2 with the project's own pipeline:
# collect -> train -> export -> verify -> eval, on the communication benchmark's maps (models/grid2-comm.yaml:
# 21x21, wall density 0.15, 30 steps). Deterministic on the CPU (same data, weights and graphs every run).
# Usage: scripts/make-grid2-bundle.sh [WORK_DIR]   (default WORK_DIR: out/grid2-bundle)
# MAWM=/path/to/launcher overrides the mawm command (default: ./mawm in the repository root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mawm="${MAWM:-$root/mawm}"
work="${1:-$root/out/grid2-bundle}"
config="$root/models/grid2-comm.yaml"
bundle="$root/models/bundles/grid2-jepa2"
mkdir -p "$work"

# 1. data: 4000 seeded episodes of the full-map oracle with 30 % random actions on random 21x21 maps
"$mawm" collect --env grid2 --episodes 4000 --policy mixed:0.3 --seed 1 --config "$config" --out "$work/grid2-comm.mawm"
# 2. the jepa2 world model with the default recipe (TensorFlow Java, CPU, 1 thread: bit-reproducible)
"$mawm" train --family jepa2 --data "$work/grid2-comm.mawm" --out "$work/checkpoint" --config "$config"
# 3. ONNX bundle: components, the imagined-message rollout rollout_h12, golden files, planning defaults
"$mawm" export --checkpoint "$work/checkpoint" --out "$bundle" --name grid2-jepa2 --bundle-version 1 --config "$config"
"$mawm" verify "$bundle"
# 4. the communication benchmark on the bundle (figures in docs/grid2-planning.md)
"$mawm" eval --env grid2 --bundle "$bundle" --episodes 100 --seed 0 --scenario comm --out "$work/eval"
