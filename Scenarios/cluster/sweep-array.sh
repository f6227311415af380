#!/usr/bin/env bash
# Run a Runway sweep as a Slurm array job: one shard per array task, then one merge.
#
#   sbatch --array=1-8 Scenarios/cluster/sweep-array.sh          # the shards (N = 8 tasks)
#   sbatch --dependency=afterok:<array job id> --export=ALL,MERGE=1 Scenarios/cluster/sweep-array.sh
#
# Without Slurm (no SLURM_ARRAY_TASK_ID), it runs every shard here, one after the other,
# and merges them: a way to try the set-up on a laptop.
#
# Settings (environment variables, with defaults):
#   SCENARIO  scenario file                 Scenarios/overnight-2015.yaml
#   SWEEP     --sweep options               cut fraction x runway years
#   SHARDS    number of shards (= tasks)    SLURM_ARRAY_TASK_COUNT, or 8
#   RUN_ID    run folder name (shared)      cut-sweep
#   OUTPUT    output folder                 Output
#SBATCH --job-name=runway-sweep
#SBATCH --cpus-per-task=2
#SBATCH --time=01:00:00
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-$(dirname "$0")/../..}"
RUNWAY=${RUNWAY:-.build/release/runway}
SCENARIO=${SCENARIO:-Scenarios/overnight-2015.yaml}
SWEEP=${SWEEP:---sweep budget.cut.fraction=0,0.05,0.12,0.25 --sweep budget.cut.runway_years=0,1,3,5}
SHARDS=${SHARDS:-${SLURM_ARRAY_TASK_COUNT:-8}}
RUN_ID=${RUN_ID:-cut-sweep}
OUTPUT=${OUTPUT:-Output}
NAME=$("$RUNWAY" validate "$SCENARIO" | sed -n "s/.*scenario '\([^']*\)'.*/\1/p")

run_shard() {
  # shellcheck disable=SC2086
  "$RUNWAY" run "$SCENARIO" $SWEEP --shard "$1/$SHARDS" --run-id "$RUN_ID" --output "$OUTPUT" \
    --jobs "${SLURM_CPUS_PER_TASK:-2}" --quiet --resume
}
merge() {
  folders=()
  for k in $(seq 1 "$SHARDS"); do folders+=("$OUTPUT/$NAME/$RUN_ID-shard-$k-of-$SHARDS"); done
  "$RUNWAY" merge "${folders[@]}" --output "$OUTPUT" --run-id "$RUN_ID"
}

if [ -n "${MERGE:-}" ]; then
  merge
elif [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
  run_shard "$SLURM_ARRAY_TASK_ID"
else
  for k in $(seq 1 "$SHARDS"); do run_shard "$k"; done
  merge
fi
