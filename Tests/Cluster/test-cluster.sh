#!/usr/bin/env bash
# make test-cluster: Scenarios/cluster/sweep-array.sh on a real single-node Slurm cluster.
#
#   Tests/Cluster/test-cluster.sh RUNWAY-BINARY
#
# Installs Debian's slurm-wlm and munge when they are missing (root and apt-get needed; their
# services are not started), then starts munged, slurmctld and slurmd on this host by hand (no
# systemd needed) from a generated slurm.conf in a scratch folder: proctrack/linuxproc, task/none, no
# accounting, free ports, state, spool, sockets and logs all in the scratch folder. A small sweep
# (4 grid points of Tests/Fixtures/small.yaml, 3 shards) is then run unsharded for reference and on
# the cluster four ways, each of which must end in byte-identical CSVs:
#   1. the array and its merge, submitted from the checkout;
#   2. one task killed halfway (after its first replication), then resubmitted alone, with the merge;
#   3. one task failing, then the whole array and merge resubmitted (the finished shards do nothing);
#   4. submitted from another folder, with the binary given relative to RUNWAY_ROOT.
# It also checks that a second merge, other settings under a used RUN_ID, more CPUs than the node
# has and a 0-based task id are refused or do nothing.
# On exit, however it exits, the jobs are cancelled and the daemons stopped by their PIDs; any process
# still carrying this test's mark is reported and killed, and the test fails. The scratch folder is
# removed when the test passes (KEEP=1 keeps it) and kept, with its logs shown, when it fails.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNWAY=${1:?usage: test-cluster.sh RUNWAY-BINARY}
SWEEP_SCRIPT=$ROOT/Scenarios/cluster/sweep-array.sh
began=$SECONDS

say() { echo "test-cluster: $*"; }
fail() { echo "test-cluster: FAILED: $*" >&2; exit 1; }

install_slurm() {
  local tool missing=""
  [ "$(id -u)" = 0 ] || fail "this test needs root: slurmd runs the jobs, and Slurm and munge may need installing (see README.md, 'Sweeps on a Slurm cluster')"
  for tool in munged slurmctld slurmd sbatch squeue sinfo scancel scontrol; do command -v "$tool" > /dev/null || missing="$missing $tool"; done
  [ -z "$missing" ] && return 0
  say "missing:$missing; installing Debian's slurm-wlm and munge with apt-get"
  command -v apt-get > /dev/null ||
    fail "cannot install them without apt-get: install Slurm 22.05 or later and munge some other way (see README.md, 'Sweeps on a Slurm cluster')"
  # policy-rc.d answering 101 keeps the packages from starting system-wide munged and slurmd
  # services, which would outlive the test; only one made here is removed again.
  local policy=/usr/sbin/policy-rc.d made="" status=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && made=1; fi
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge > /dev/null; } || status=$?
  if [ -n "$made" ]; then rm -f "$policy"; fi
  [ "$status" = 0 ] || fail "apt-get could not install slurm-wlm and munge (exit $status)"
}

# --- the cluster ------------------------------------------------------------------------------

SCRATCH=$(mktemp -d /tmp/runway-cluster.XXXXXX)
MARK="RUNWAY_CLUSTER_TEST=$SCRATCH"   # in the environment of every daemon and job of this test
DAEMONS=()                            # PIDs, in the order started

# How many processes named $1 run (slurmstepd may hide its environment, so it is counted too).
running() { ps -eo comm= | grep -cxF "$1" || true; }
STEPDS_BEFORE=$(running slurmstepd)

# Processes carrying this test's mark (daemons, slurmstepd, jobs), this script excepted.
marked() {
  local p
  for p in /proc/[0-9]*; do
    [ "${p#/proc/}" = "$$" ] && continue
    if tr '\0' '\n' 2> /dev/null < "$p/environ" | grep -qxF "$MARK"; then echo "${p#/proc/}"; fi
  done
}

stop_cluster() {
  local status=$? pid i left
  trap - EXIT INT TERM
  if [ ${#DAEMONS[@]} -gt 0 ]; then
    # Jobs first (their processes end with them), then the daemons, newest first.
    squeue -h -o %A 2> /dev/null | xargs -r scancel 2> /dev/null || true
    for i in $(seq 1 30); do [ -z "$(squeue -h 2> /dev/null)" ] && break; sleep 0.5; done
    for ((i = ${#DAEMONS[@]} - 1; i >= 0; i--)); do
      pid=${DAEMONS[i]}
      kill "$pid" 2> /dev/null || continue
      for _ in $(seq 1 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2> /dev/null || true
      wait "$pid" 2> /dev/null || true
    done
  fi
  # A job step's slurmstepd outlives its job for a moment.
  for _ in $(seq 1 20); do [ -z "$(marked)" ] && [ "$(running slurmstepd)" -le "$STEPDS_BEFORE" ] && break; sleep 0.5; done
  left=$(marked)
  if [ "$(running slurmstepd)" -gt "$STEPDS_BEFORE" ]; then
    echo "test-cluster: FAILED: more slurmstepd processes than before the test:" >&2
    ps -o pid,args -C slurmstepd >&2 || true
    status=1
  fi
  if [ -n "$left" ]; then
    echo "test-cluster: FAILED: still running after the cluster was stopped (now killed):" >&2
    # shellcheck disable=SC2086
    ps -o pid,args -p "$(echo $left | tr ' ' ',')" >&2 || true
    # shellcheck disable=SC2086
    kill -9 $left 2> /dev/null || true
    status=1
  fi
  say "left running: $(running munged) munged, $(running slurmctld) slurmctld, $(running slurmd) slurmd, $(running slurmstepd) slurmstepd (any, by ps); $(marked | wc -l) process(es) of this test"
  if [ "$status" != 0 ] && [ -d "$SCRATCH/log" ]; then
    say "daemon and job logs (kept in $SCRATCH):"
    tail -n 15 "$SCRATCH"/log/*.log "$SCRATCH"/out/*/*.slurm/*.log 2> /dev/null || true
  elif [ -n "${KEEP:-}" ]; then
    say "kept $SCRATCH"
  else
    rm -rf "$SCRATCH"
  fi
  exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

# The first port from $1 on which nothing listens.
free_port() {
  local port=$1
  while (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do port=$((port + 1)); done
  echo "$port"
}

start_cluster() {
  local host ctld_port slurmd_port started=$SECONDS i
  host=$(hostname -s)
  ctld_port=$(free_port 16817)
  slurmd_port=$(free_port $((ctld_port + 1)))
  mkdir -p "$SCRATCH"/{munge,state,spool,log,run}
  chmod 755 "$SCRATCH/munge"   # munged wants its socket's folder readable by all
  head -c 1024 /dev/urandom > "$SCRATCH/munge/munge.key"
  chmod 600 "$SCRATCH/munge/munge.key"
  cat > "$SCRATCH/slurm.conf" << EOF
# A single-node cluster for make test-cluster; everything it writes is under $SCRATCH.
ClusterName=runwaytest
SlurmctldHost=$host(127.0.0.1)
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SCRATCH/munge/munge.socket
StateSaveLocation=$SCRATCH/state
SlurmdSpoolDir=$SCRATCH/spool
SlurmctldPidFile=$SCRATCH/run/slurmctld.pid
SlurmdPidFile=$SCRATCH/run/slurmd.pid
SlurmctldLogFile=$SCRATCH/log/slurmctld.log
SlurmdLogFile=$SCRATCH/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
KillWait=2
MinJobAge=3600
EOF
  export SLURM_CONF=$SCRATCH/slurm.conf
  env "$MARK" munged --foreground --force --socket="$SCRATCH/munge/munge.socket" --key-file="$SCRATCH/munge/munge.key" \
    --pid-file="$SCRATCH/run/munged.pid" --log-file="$SCRATCH/log/munged.log" --seed-file="$SCRATCH/munge/munged.seed" \
    > "$SCRATCH/log/munged.out" 2>&1 &
  DAEMONS+=($!)
  for i in $(seq 1 50); do [ -S "$SCRATCH/munge/munge.socket" ] && break; sleep 0.1; done
  [ -S "$SCRATCH/munge/munge.socket" ] || fail "munged did not start (see $SCRATCH/log/munged.out)"
  env "$MARK" slurmctld -D -f "$SLURM_CONF" > "$SCRATCH/log/slurmctld.out" 2>&1 &
  DAEMONS+=($!)
  env "$MARK" slurmd -D -f "$SLURM_CONF" > "$SCRATCH/log/slurmd.out" 2>&1 &
  DAEMONS+=($!)
  for i in $(seq 1 60); do [ "$(sinfo -h -o %T 2> /dev/null)" = idle ] && break; sleep 0.5; done
  [ "$(sinfo -h -o %T 2> /dev/null)" = idle ] || fail "the node did not come up (see $SCRATCH/log/)"
  say "cluster up in $((SECONDS - started)) s: munged, slurmctld (port $ctld_port), slurmd (port $slurmd_port) on $host, $(nproc) CPUs"
}

# --- the jobs ----------------------------------------------------------------------------------

export SCENARIO=Tests/Fixtures/small.yaml
export SWEEP="--sweep budget.cut.fraction=0,0.2 --sweep budget.cut.runway_years=0,3 --replications 2 --set name=cluster-test"
export SHARDS=3 CPUS=1 OUTPUT=$SCRATCH/out RUNWAY
FOLDER=$SCRATCH/out/cluster-test   # the scenario's name after SWEEP's --set name=…

# Runs sweep-array.sh submit in folder $1 (extra environment in the rest); sets ARRAY and MERGE to the job ids.
submit() {
  local out folder=$1
  shift
  out=$(cd "$folder" && env "$MARK" "$@" "$SWEEP_SCRIPT" submit) || fail "submit: $out"
  echo "$out" | head -n 1 | sed 's/^/    /'
  ARRAY=$(echo "$out" | sed -n 's/.*as array job \([0-9]*\) and the merge as job \([0-9]*\).*/\1/p')
  MERGE=$(echo "$out" | sed -n 's/.*as array job \([0-9]*\) and the merge as job \([0-9]*\).*/\2/p')
  [ -n "$ARRAY" ] && [ -n "$MERGE" ] || fail "no job ids in: $out"
}

# sweep-array.sh submit with the environment in "$@" must fail before submitting, saying $1.
refused() {
  local expected=$1 out
  shift
  if out=$(cd "$ROOT" && env "$@" "$SWEEP_SCRIPT" submit 2>&1); then fail "submitted with $*: $out"; fi
  [[ $out == *"$expected"* ]] || fail "with $*: '$out' does not say '$expected'"
}

# Waits (up to two minutes) until job $1 (all its tasks) has left the queue.
wait_for() {
  local i
  for i in $(seq 1 240); do [ -z "$(squeue -h -j "$1" 2> /dev/null)" ] && return 0; sleep 0.5; done
  fail "job $1 still queued or running after two minutes: $(squeue -j "$1")"
}

state() { scontrol show job "$1" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 | sort -u | tr '\n' ' ' | sed 's/ $//'; }

# The merged sweep in $FOLDER/sweep-$1 must hold the reference's CSVs, byte for byte.
same_as_reference() {
  local merged=$FOLDER/sweep-$1 reference=$FOLDER/sweep-reference file
  [ -d "$merged" ] || fail "$1: no merged sweep in $merged"
  [ "$(cd "$merged" && ls ./*.csv)" = "$(cd "$reference" && ls ./*.csv)" ] || fail "$1: other CSV files than the reference's"
  for file in "$reference"/*.csv; do
    cmp -s "$file" "$merged/$(basename "$file")" || fail "$1: $(basename "$file") differs from the unsharded sweep's"
  done
  say "$1: merged CSVs byte-identical to the unsharded sweep ($(cd "$merged" && ls ./*.csv | tr '\n' ' '))"
}

install_slurm
start_cluster

step=$SECONDS
# shellcheck disable=SC2086
"$RUNWAY" run "$ROOT/$SCENARIO" $SWEEP --run-id reference --output "$OUTPUT" --jobs 2 --quiet
say "the unsharded sweep for reference in $((SECONDS - step)) s"

step=$SECONDS
say "1. the array and its merge"
submit "$ROOT" RUN_ID=happy
wait_for "$MERGE"
[ "$(state "$MERGE")" = COMPLETED ] || fail "happy: the merge ended $(state "$MERGE")"
same_as_reference happy
grep -q "shard 2/3 of sweep-happy: finished" "$FOLDER"/sweep-happy.slurm/shard-2-job*.log || fail "happy: shard 2's log does not say it finished"
"$SWEEP_SCRIPT" merge "$FOLDER/sweep-happy.slurm/plan" | grep -q "already merged" || fail "happy: a second merge is not a no-op"
refused "holds another plan" RUN_ID=happy SHARDS=2
refused "the largest node has" RUN_ID=greedy CPUS=999
if "$SWEEP_SCRIPT" shard "$FOLDER/sweep-happy.slurm/plan" 0 2> /dev/null; then fail "happy: a task 0 (a 0-based array) was taken for a shard"; fi
say "1. done in $((SECONDS - step)) s"

step=$SECONDS
say "2. one task killed halfway, resubmitted alone"
# Shard 2 of 3 holds grid point 1 alone: it stalls while writing its second replication.
submit "$ROOT" RUN_ID=killed RUNWAY_TEST_STALL_WRITING=p0001-r000001.summary.csv
for i in $(seq 1 120); do compgen -G "$FOLDER/.sweep-killed-shard-2-of-3.partial/tmp/*.stalled" > /dev/null && break; sleep 0.5; done
compgen -G "$FOLDER/.sweep-killed-shard-2-of-3.partial/tmp/*.stalled" > /dev/null || fail "killed: shard 2 never got halfway"
scancel "${ARRAY}_2"
wait_for "$MERGE"
[ "$(state "${ARRAY}_2")" = CANCELLED ] || fail "killed: task 2 ended $(state "${ARRAY}_2")"
grep -q "'cluster-test'" "$FOLDER/sweep-killed.slurm/shard-2-job$ARRAY.log" || fail "killed: task 2's log does not say what it was running"
[ "$(state "$MERGE")" = FAILED ] || fail "killed: the merge without shard 2 ended $(state "$MERGE")"
grep -q "shard(s) 2 of 3 of sweep-killed are not finished" "$FOLDER"/sweep-killed.slurm/merge-job"$MERGE".log ||
  fail "killed: the merge does not name the missing shard"
plan=$FOLDER/sweep-killed.slurm/plan
again=$(env "$MARK" sbatch --parsable --array=2 --output="$FOLDER/sweep-killed.slurm/shard-%a-job%A.log" "$SWEEP_SCRIPT" shard "$plan")
merge=$(env "$MARK" sbatch --parsable --dependency="afterany:$again" --output="$FOLDER/sweep-killed.slurm/merge-job%j.log" "$SWEEP_SCRIPT" merge "$plan")
wait_for "$merge"
[ "$(state "$merge")" = COMPLETED ] || fail "killed: the resubmitted merge ended $(state "$merge")"
same_as_reference killed
say "2. done in $((SECONDS - step)) s"

step=$SECONDS
say "3. one task failing, then the whole array resubmitted"
# Shard 3 of 3 holds grid point 2 alone: its first replication cannot be written (disk full).
submit "$ROOT" RUN_ID=partial RUNWAY_TEST_FAIL_WRITING=p0002-r000000.summary.csv
wait_for "$MERGE"
[ "$(state "${ARRAY}_3")" = FAILED ] && [ "$(state "${ARRAY}_1")" = COMPLETED ] || fail "partial: tasks ended $(state "$ARRAY")"
[ "$(state "$MERGE")" = FAILED ] || fail "partial: the merge without shard 3 ended $(state "$MERGE")"
submit "$ROOT" RUN_ID=partial
wait_for "$MERGE"
[ "$(state "$MERGE")" = COMPLETED ] || fail "partial: the resubmitted merge ended $(state "$MERGE")"
grep -q "already finished" "$FOLDER/sweep-partial.slurm/shard-1-job$ARRAY.log" || fail "partial: finished shard 1 ran again"
same_as_reference partial
say "3. done in $((SECONDS - step)) s"

step=$SECONDS
say "4. submitted from another folder"
mkdir "$SCRATCH/elsewhere"
submit "$SCRATCH/elsewhere" RUN_ID=elsewhere RUNWAY="${RUNWAY#"$ROOT"/}"
wait_for "$MERGE"
[ "$(state "$MERGE")" = COMPLETED ] || fail "elsewhere: the merge ended $(state "$MERGE")"
same_as_reference elsewhere
[ -z "$(ls "$SCRATCH/elsewhere")" ] || fail "elsewhere: files written into the folder it was submitted from: $(ls "$SCRATCH/elsewhere")"
say "4. done in $((SECONDS - step)) s"

say "passed in $((SECONDS - began)) s"
