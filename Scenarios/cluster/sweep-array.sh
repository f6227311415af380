#!/usr/bin/env bash
# Run a Runway sweep on Slurm: one shard of the grid per array task, then one merge job.
#
#   Scenarios/cluster/sweep-array.sh submit    # from any folder: write the run plan, submit the array and the merge
#   Scenarios/cluster/sweep-array.sh local     # no Slurm: every shard here, one after the other, then the merge
#                                              # (also what it does without an argument outside Slurm)
#
# `submit` and `local` first write the run plan, OUTPUT/<scenario>/sweep-RUN_ID.slurm/plan: the settings
# below with absolute paths, the shard count and the scenario's name. The jobs read nothing else: under
# Slurm this script runs as a spooled copy (its own path says nothing), and a resubmitted task does not
# know the array's size. The plan folder also gets the jobs' logs. Then `submit` runs
#
#   sbatch --array=1-SHARDS --cpus-per-task=CPUS sweep-array.sh shard PLAN       # task k runs shard k
#   sbatch --dependency=afterany:<array job> --cpus-per-task=1 sweep-array.sh merge PLAN
#
# and prints them with the plan's path filled in. A shard continues what a killed or failed attempt left
# (runway run --resume) and does nothing once it is finished, so resubmitting the whole array after a
# partial success runs only the missing shards. The merge runs when the array has ended, however its
# tasks ended: it checks that every shard is finished (if not, it names the missing ones and the commands
# that rerun them and fails), it can be resubmitted on its own, and it does nothing once merged. Running
# `submit` again with the same settings reuses the plan and does exactly that.
#
# Settings (environment variables, read by `submit` and `local`; relative paths are taken from RUNWAY_ROOT):
#   RUNWAY_ROOT  the Runway checkout                    two folders up from this script
#   RUNWAY       the runway binary                      .build/release/runway (make build)
#   SCENARIO     scenario file                          Scenarios/overnight-2015.yaml
#   SWEEP        options of runway run: at least one --sweep; --set, --replications, --seed may be added
#                                                       cut fraction x runway years (16 grid points)
#   SHARDS       number of shards (= array tasks)       8
#   CPUS         CPUs per shard task (runway --jobs)    1
#   RUN_ID       run id of the shards and the merge     cut-sweep
#   OUTPUT       output folder                          Output
# The merged sweep is OUTPUT/<scenario name>/sweep-RUN_ID/ (the name as SWEEP's --set options leave it).
# Partition, time limit, account and the like: sbatch's own variables (SBATCH_PARTITION, SBATCH_TIMELIMIT, …).
#SBATCH --job-name=runway-sweep
#SBATCH --time=01:00:00
set -euo pipefail
set -f  # SWEEP is split into words, never expanded as file names

fail() { echo "sweep-array.sh: error: $*" >&2; exit 1; }

# Reads and checks the settings in the environment (making paths absolute) and the scenario's name.
read_settings() {
  local root name sets=() words i
  root=$(cd "${RUNWAY_ROOT:-$(dirname "$0")/../..}" && pwd) || fail "RUNWAY_ROOT=${RUNWAY_ROOT:-} is not a folder"
  absolute() { case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$root" "$1" ;; esac; }
  RUNWAY=$(absolute "${RUNWAY:-.build/release/runway}")
  SCENARIO=$(absolute "${SCENARIO:-Scenarios/overnight-2015.yaml}")
  SWEEP=${SWEEP:---sweep budget.cut.fraction=0,0.05,0.12,0.25 --sweep budget.cut.runway_years=0,1,3,5}
  SHARDS=${SHARDS:-8}
  CPUS=${CPUS:-1}
  RUN_ID=${RUN_ID:-cut-sweep}
  OUTPUT=$(absolute "${OUTPUT:-Output}")
  SCRIPT=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
  [ -x "$RUNWAY" ] || fail "RUNWAY=$RUNWAY is not an executable; build it with 'make build', or set RUNWAY"
  [[ $SHARDS =~ ^[1-9][0-9]*$ ]] || fail "SHARDS must be a whole number of at least 1, got '$SHARDS'"
  [[ $CPUS =~ ^[1-9][0-9]*$ ]] || fail "CPUS must be a whole number of at least 1, got '$CPUS'"
  [[ $RUN_ID =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || fail "RUN_ID must be a plain folder name, got '$RUN_ID'"
  # shellcheck disable=SC2206
  words=($SWEEP)
  [[ " ${words[*]} " == *" --sweep"* ]] || fail "SWEEP must hold at least one --sweep key=v1,v2,… (got '$SWEEP')"
  for ((i = 0; i < ${#words[@]}; i++)); do
    case ${words[i]} in
      --set) sets+=(--set "${words[i + 1]:-}"); i=$((i + 1)) ;;
      --set=*) sets+=("${words[i]}") ;;
    esac
  done
  # The scenario's name as the --set options leave it, made a folder name as runway makes it.
  name=$("$RUNWAY" validate "$SCENARIO" "${sets[@]}" | sed -n "s/.*scenario '\([^']*\)'.*/\1/p")
  [ -n "$name" ] || fail "could not read the scenario's name from 'runway validate $SCENARIO'"
  NAME=$(printf '%s' "$name" | tr -c 'A-Za-z0-9_-' '-')
}

# A task asking for more CPUs than any node has would wait for ever.
check_cpus() {
  local largest
  largest=$(sinfo -h -o %c 2> /dev/null | tr -dc '0-9\n' | sort -n | tail -n 1 || true)
  if [ -n "$largest" ] && [ "$CPUS" -gt "$largest" ]; then fail "CPUS=$CPUS, but the largest node has $largest CPUs"; fi
}

# Writes the run plan of the settings read (or checks that the one there is the same) and sets PLAN.
write_plan() {
  local plan_dir new key
  plan_dir=$OUTPUT/$NAME/sweep-$RUN_ID.slurm
  PLAN=$plan_dir/plan
  new=$(printf '# The run plan of sweep-%s, written by sweep-array.sh; every shard and the merge read it.\n' "$RUN_ID"
        for key in RUNWAY SCENARIO SWEEP SHARDS CPUS RUN_ID OUTPUT NAME SCRIPT; do printf '%s=%q\n' "$key" "${!key}"; done)
  mkdir -p "$plan_dir"
  if [ -f "$PLAN" ]; then
    [ "$(cat "$PLAN")" = "$new" ] || fail "$PLAN holds another plan for RUN_ID=$RUN_ID (other settings); choose another RUN_ID, or remove $plan_dir and the run's folders"
  else
    printf '%s\n' "$new" > "$PLAN.tmp" && mv "$PLAN.tmp" "$PLAN"
  fi
}

load_plan() {
  [ -n "${1:-}" ] && [ -f "$1" ] || fail "no run plan at '${1:-}' (give the plan that 'sweep-array.sh submit' wrote)"
  PLAN=$1
  # shellcheck disable=SC1090
  source "$PLAN"
}

shard_folder() { printf '%s/%s/sweep-%s-shard-%s-of-%s' "$OUTPUT" "$NAME" "$RUN_ID" "$1" "$SHARDS"; }

run_shard() {
  local k=$1 folder jobs
  [[ $k =~ ^[0-9]+$ ]] && [ "$k" -ge 1 ] && [ "$k" -le "$SHARDS" ] ||
    fail "shard '$k' is not one of 1 to $SHARDS: array task ids are shard numbers (sbatch --array=1-$SHARDS, or the ones to rerun)"
  folder=$(shard_folder "$k")
  if [ -f "$folder/shard.json" ]; then
    echo "shard $k/$SHARDS of sweep-$RUN_ID: already finished in $folder/; nothing to do"
    return 0
  fi
  jobs=${SLURM_CPUS_PER_TASK:-$CPUS}
  echo "shard $k/$SHARDS of sweep-$RUN_ID: started on $(hostname) with $jobs CPU(s) at $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  # Line by line (stdbuf), so that the log of a task killed halfway still says what it was doing.
  local unbuffered=()
  if command -v stdbuf > /dev/null; then unbuffered=(stdbuf -oL); fi
  # shellcheck disable=SC2086
  "${unbuffered[@]}" "$RUNWAY" run "$SCENARIO" $SWEEP --shard "$k/$SHARDS" --run-id "$RUN_ID" --output "$OUTPUT" --jobs "$jobs" --resume
  echo "shard $k/$SHARDS of sweep-$RUN_ID: finished in ${SECONDS} s: $folder/"
}

merge() {
  local merged=$OUTPUT/$NAME/sweep-$RUN_ID folders=() missing=() k
  if [ -d "$merged" ]; then
    echo "sweep-$RUN_ID: already merged in $merged/; nothing to do"
    return 0
  fi
  for k in $(seq 1 "$SHARDS"); do
    if [ -f "$(shard_folder "$k")/shard.json" ]; then folders+=("$(shard_folder "$k")"); else missing+=("$k"); fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    local list
    list=$(IFS=,; echo "${missing[*]}")
    echo "sweep-array.sh: error: shard(s) $list of $SHARDS of sweep-$RUN_ID are not finished (no $(shard_folder K)/shard.json). Rerun them, then the merge:" >&2
    echo "  sbatch --array=$list --cpus-per-task=$CPUS --output=$(dirname "$PLAN")/shard-%a-job%A.log $SCRIPT shard $PLAN" >&2
    echo "  sbatch --dependency=afterany:<that job id> --cpus-per-task=1 --output=$(dirname "$PLAN")/merge-job%j.log $SCRIPT merge $PLAN" >&2
    exit 1
  fi
  "$RUNWAY" merge "${folders[@]}" --output "$OUTPUT"
  echo "sweep-$RUN_ID: merged $SHARDS shard(s) in ${SECONDS} s"
}

submit() {
  local logs array merge_job
  logs=$(dirname "$PLAN")
  array=$(sbatch --parsable --job-name="runway-$RUN_ID" --array="1-$SHARDS" --cpus-per-task="$CPUS" \
            --output="$logs/shard-%a-job%A.log" "$SCRIPT" shard "$PLAN")
  array=${array%%;*}
  merge_job=$(sbatch --parsable --job-name="runway-$RUN_ID-merge" --dependency="afterany:$array" --cpus-per-task=1 \
                --output="$logs/merge-job%j.log" "$SCRIPT" merge "$PLAN")
  merge_job=${merge_job%%;*}
  echo "Submitted shards 1-$SHARDS as array job $array and the merge as job $merge_job."
  echo "Plan and logs: $logs/"
  echo "The merged sweep will be in $OUTPUT/$NAME/sweep-$RUN_ID/"
  echo "Rerun shard k: sbatch --array=k --cpus-per-task=$CPUS --output=$logs/shard-%a-job%A.log $SCRIPT shard $PLAN"
  echo "The merge alone: sbatch --cpus-per-task=1 --output=$logs/merge-job%j.log $SCRIPT merge $PLAN"
}

case "${1:-}" in
  submit)
    command -v sbatch > /dev/null || fail "sbatch not found: submit on a Slurm login node, or run 'sweep-array.sh local' without Slurm"
    read_settings; check_cpus; write_plan; submit ;;
  shard) load_plan "${2:-}"; run_shard "${3:-${SLURM_ARRAY_TASK_ID:-}}" ;;
  merge) load_plan "${2:-}"; merge ;;
  local | "")
    if [ -z "${1:-}" ] && [ -n "${SLURM_JOB_ID:-}" ]; then
      fail "under Slurm this script needs to be told what to run; submit with 'Scenarios/cluster/sweep-array.sh submit' (see its header)"
    fi
    read_settings
    write_plan
    for k in $(seq 1 "$SHARDS"); do run_shard "$k"; done
    merge ;;
  *) fail "unknown command '$1'; use submit, local, shard PLAN [k] or merge PLAN (see the header)" ;;
esac
