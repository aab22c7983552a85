#!/usr/bin/env bash
# Regenerates the shipped two-agent gridworld bundle models/bundles/grid2-jepa2 with the project's own pipeline:
# collect -> train -> export -> verify -> eval, on the communication benchmark's maps (models/grid2-comm.yaml:
# 21x21, wall density 0.15, 30 steps). Deterministic on the CPU (same data, weights and graphs every run).
# Usage: scripts/make-grid2-bundle.sh [WORK_DIR]   (default WORK_DIR: out/grid2-bundle)
# MAWM=/path/to/launcher overrides the mawm command (default: ./mawm in the repository root).
# The shipped version 4 is this script's output on a Zen 5 machine (version 3.1 was version 3's weights exported
# again with `mawm export --from-bundle`, docs/bundle-format.md).
# Variants (not shipped; the bundle goes to WORK_DIR/bundle):
#   TRAIN_SEED=2 scripts/make-grid2-bundle.sh out/grid2-seed2        another training seed, same data
#   BARE_MESSAGE=1 scripts/make-grid2-bundle.sh out/grid2-bare       the seed's 49-integer message (grid2.messagePosition=false)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mawm="${MAWM:-$root/mawm}"
work="${1:-$root/out/grid2-bundle}"
config="$root/models/grid2-comm.yaml"
bundle="$root/models/bundles/grid2-jepa2"
sets=()
if [ -n "${TRAIN_SEED:-}" ]; then sets+=(--set "train.seed=$TRAIN_SEED"); bundle="$work/bundle"; fi
if [ -n "${BARE_MESSAGE:-}" ]; then sets+=(--set grid2.messagePosition=false); bundle="$work/bundle"; fi
mkdir -p "$work"

# 1. data: 4000 seeded episodes of the full-map oracle with 50 % random actions (more of the states a planner visits,
#    walls bumped into among them); half of them on communication
#    scenarios (the goal in exactly one agent's initial view), half on random 21x21 maps
"$mawm" collect --env grid2 --episodes 4000 --policy mixed:0.5 --scenario comm:0.5 --seed 1 --config "$config" "${sets[@]}" \
  --out "$work/grid2-comm.mawm"
# 2. the jepa2 world model with the benchmark recipe of models/grid2-comm.yaml (blocked moves 3, arrival positives x1;
#    TensorFlow Java, CPU, 1 thread: bit-reproducible)
"$mawm" train --family jepa2 --data "$work/grid2-comm.mawm" --out "$work/checkpoint" --config "$config" "${sets[@]}"
# 3. ONNX bundle: components, the imagined-message rollout rollout_h8, golden files, planning defaults
"$mawm" export --checkpoint "$work/checkpoint" --out "$bundle" --name grid2-jepa2 --bundle-version 4 --config "$config"
"$mawm" verify "$bundle"
# 4. the communication benchmark on the bundle (figures in docs/grid2-planning.md)
"$mawm" eval --env grid2 --bundle "$bundle" --episodes 200 --seed 0 --scenario comm --comm none,first,every,plan \
  --out "$work/eval" --json > "$work/eval.json"
