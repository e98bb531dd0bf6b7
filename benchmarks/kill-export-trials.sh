#!/usr/bin/env bash
# Crash trials for nbexport:export: `kill -9` a real `mvn nbexport:export` at random moments while it
# writes the files of N generated notebooks into empty source roots, then export again, and count
#   left     temporary files (.Name.java.<pid>-<hex>.nbexport.tmp) the killed run left anywhere in the project
#   torn     files in the roots, after the kill, whose bytes are not those of a clean export
#   after    temporary files anywhere in the project after the next export (should be 0: it removes them)
#   conv     whether the next export succeeded and left the roots equal to a clean export's
# Every trial starts from empty roots and no index, so the killed run is a cold full export; the kill
# comes at a random moment of the first `window` seconds after its first file appears.
#
#   benchmarks/kill-export-trials.sh [trials] [notebooks] [window]   (default 20 trials, 1000 notebooks, 3 s)
#
# The notebooks are those of ../shared/bench/side-by-side.sh (gen_corpus.py: 30 cells, 15 exported,
# 6 files each). The plugin is installed once, untimed, into target/kill-trials/m2 (never ~/.m2), with
# ~/.m2/repository as a read-only tail for its dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-20}; n=${2:-1000}; window=${3:-3}
root=$PWD
work=$root/target/kill-trials
repo=$work/m2
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
mvn="$root/mvnw -B -q -Dmaven.repo.local=$repo -Dmaven.repo.local.tail=$HOME/.m2/repository"

echo "== installing the plugin (untimed)"
$mvn install -DskipTests -Dinvoker.skip=true -pl nbexport-core,nbexport-maven-plugin -am >/dev/null

rm -rf "$work/clean"
. benchmarks/bench-project.sh
bench_project "$work/project" "$n" "$version"

cd "$work/project"
echo "== a clean export to compare with (untimed)"
$mvn nbexport:export
cp -r src "$work/clean"
files=$(find "$work/clean" -type f | wc -l)
echo "== $trials trials, $n notebooks ($files files, kill within ${window}s of the first write), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

temps() { find . -name '.*.nbexport.tmp' 2>/dev/null | wc -l; } # anywhere in the project: roots, notebooks, target/
torn() { # files present whose bytes differ from the clean export's
  local count=0 f
  while IFS= read -r -d '' f; do
    cmp -s "$f" "$work/clean/${f#src/}" || count=$((count + 1))
  done < <(find src -type f -name '*.java' -print0 2>/dev/null)
  echo "$count"
}

printf '%-5s %-8s %-9s %-6s %-5s %-6s %s\n' trial kill_at written left torn after conv
total_left=0 total_torn=0 total_after=0 converged=0 mid_write=0
for i in $(seq 1 "$trials"); do
  rm -rf src target
  setsid $mvn nbexport:export >/dev/null 2>&1 &
  leader=$!
  # once the first file is written (Maven's start-up, the reading and parsing are over), a random moment
  # of the next $window seconds: the writes of a cold export's files take about that long here
  until [ -d src ] && [ -n "$(find src -type f -print -quit 2>/dev/null)" ] || ! kill -0 "$leader" 2>/dev/null; do sleep 0.05; done
  delay=$(/usr/bin/python3 -c "import random; print(f'{random.uniform(0, $window):.2f}')")
  sleep "$delay"
  kill -9 -- "-$leader" 2>/dev/null || true   # the whole group: the mvnw shell and its java
  wait "$leader" 2>/dev/null || true
  written=$(find src -type f -name '*.java' 2>/dev/null | wc -l)
  left=$(temps); broken=$(torn)
  if [ "$left" -gt 0 ] || { [ "$written" -gt 0 ] && [ "$written" -lt "$files" ]; }; then mid_write=$((mid_write + 1)); fi
  if $mvn nbexport:export >/dev/null 2>&1 && diff -rq src "$work/clean" >/dev/null; then conv=yes; converged=$((converged + 1)); else conv=NO; fi
  after=$(temps)
  printf '%-5s %-8s %-9s %-6s %-5s %-6s %s\n' "$i" "${delay}s" "$written/$files" "$left" "$broken" "$after" "$conv"
  total_left=$((total_left + left)); total_torn=$((total_torn + broken)); total_after=$((total_after + after))
done
echo "== $trials trials ($mid_write killed mid-write): $total_left temporary files left by the kills, $total_torn torn files," \
  "$total_after temporary files after the next export, $converged/$trials converged; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
