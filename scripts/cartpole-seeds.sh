#!/usr/bin/env bash
# The README's CartPole pipeline with every default, for several training seeds: collect once, then per seed
# train -> export -> eval (20 episodes, the eval defaults). Prints one line per seed: mean return, min, episodes
# at 500, training wall time, decision latency. Usage: scripts/cartpole-seeds.sh [WORK_DIR] [SEEDS...]
# (default WORK_DIR out/cartpole-seeds, seeds 0 1 2 3 4). MAWM=/path/to/launcher overrides the mawm command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mawm="${MAWM:-$root/mawm}"
work="${1:-$root/out/cartpole-seeds}"
shift || true
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(0 1 2 3 4)
mkdir -p "$work"
[ -f "$work/c.bin" ] || "$mawm" collect --env cartpole --episodes 1000 --out "$work/c.bin" --quiet
for s in "${seeds[@]}"; do
  t0=$(date +%s.%N)
  "$mawm" train --family mlp --data "$work/c.bin" --out "$work/ck-$s" --set train.seed="$s" --quiet > "$work/train-$s.txt"
  t1=$(date +%s.%N)
  "$mawm" export --checkpoint "$work/ck-$s" --out "$work/bundle-$s" > /dev/null
  "$mawm" eval --env cartpole --bundle "$work/bundle-$s" --episodes 20 --out "$work/eval-$s" --json --quiet > "$work/eval-$s.json"
  python3 - "$work/eval-$s.json" "$s" "$(echo "$t1 - $t0" | bc)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"seed {sys.argv[2]}: {json.dumps(r['results'])[:400]} train_wall_s {float(sys.argv[3]):.1f}")
PY
done
