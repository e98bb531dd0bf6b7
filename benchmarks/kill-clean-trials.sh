#!/usr/bin/env bash
# Crash trials for notebook writes: `kill -9` a real `mvn nbexport:clean` at random moments while it
# rewrites N dirty notebooks (each flushed to disk before its rename), then clean again, and count
#   new      notebooks that are the cleaned notebook after the kill
#   old      notebooks that are still the dirty one, byte for byte
#   broken   notebooks that are neither (should be 0: a notebook write is atomic)
#   left     temporary files (.name.ipynb.<pid>-<hex>.nbexport.tmp) the killed run left anywhere in the project
#   after    temporary files anywhere in the project after the next clean (should be 0: it removes them)
#   conv     whether the next clean succeeded and left every notebook as a clean run makes it
# The kill comes at a random moment of the first `window` seconds after the first notebook write begins.
#
#   benchmarks/kill-clean-trials.sh [trials] [notebooks] [window]   (default 10 trials, 400 notebooks, 2 s)
#
# The notebooks are those of bench-project.sh (../shared/bench/gen_corpus.py, 30 cells), made dirty as
# Jupyter leaves them after a run without outputs: execution counts, `scrolled`/`collapsed` cell metadata,
# widget state in the notebook metadata (no outputs are made up). The plugin is installed once, untimed,
# into target/kill-trials/m2 (never ~/.m2; shared with kill-export-trials.sh), with ~/.m2/repository as a
# read-only tail for its dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-10}; n=${2:-400}; window=${3:-2}
root=$PWD
work=$root/target/kill-clean-trials
repo=$root/target/kill-trials/m2
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
mvn="$root/mvnw -B -q -Dmaven.repo.local=$repo -Dmaven.repo.local.tail=$HOME/.m2/repository"

echo "== installing the plugin (untimed)"
$mvn install -DskipTests -Dinvoker.skip=true -pl nbexport-core,nbexport-maven-plugin -am >/dev/null

rm -rf "$work/dirty" "$work/clean"
. benchmarks/bench-project.sh
bench_project "$work/project" "$n" "$version"
/usr/bin/python3 - "$work/project/notebooks" <<'PY'
import json, os, sys
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    p = os.path.join(d, f); nb = json.load(open(p))
    count = 0
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            count += 1
            c["execution_count"] = count
            c["metadata"].update({"scrolled": True, "collapsed": False})
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2, "version_minor": 0}}
    open(p, "w").write(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
PY
cp -r "$work/project/notebooks" "$work/dirty"

cd "$work/project"
echo "== a clean run to compare with"
start=$(date +%s%N)
$mvn nbexport:clean
echo "   took $(( ($(date +%s%N) - start) / 1000000 )) ms, Maven's start included"
cp -r notebooks "$work/clean"
if diff -rq notebooks "$work/dirty" >/dev/null; then echo "the notebooks were not dirty: nothing to kill" >&2; exit 1; fi
echo "== $trials trials, $n notebooks (kill within ${window}s of the first write), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

temps() { find . -name '.*.nbexport.tmp' 2>/dev/null | wc -l; } # anywhere in the project
marker=$work/marker

printf '%-5s %-8s %-5s %-5s %-7s %-5s %-6s %s\n' trial kill_at new old broken left after conv
total_left=0 total_broken=0 total_after=0 converged=0 mid_write=0
for i in $(seq 1 "$trials"); do
  rm -rf notebooks target && cp -r "$work/dirty" notebooks
  sleep 0.05; touch "$marker"
  setsid $mvn nbexport:clean >/dev/null 2>&1 &
  leader=$!
  # the first write: a temporary file, or a notebook renamed over, newer than the marker
  until [ -n "$(find notebooks -newer "$marker" -print -quit 2>/dev/null)" ] || ! kill -0 "$leader" 2>/dev/null; do sleep 0.02; done
  delay=$(/usr/bin/python3 -c "import random; print(f'{random.uniform(0, $window):.2f}')")
  sleep "$delay"
  kill -9 -- "-$leader" 2>/dev/null || true   # the whole group: the mvnw shell and its java
  wait "$leader" 2>/dev/null || true
  new=0 old=0 broken=0
  for f in notebooks/*.ipynb; do
    name=${f#notebooks/}
    if cmp -s "$f" "$work/clean/$name"; then new=$((new + 1))
    elif cmp -s "$f" "$work/dirty/$name"; then old=$((old + 1))
    else broken=$((broken + 1)); fi
  done
  left=$(temps)
  if [ "$left" -gt 0 ] || { [ "$new" -gt 0 ] && [ "$old" -gt 0 ]; }; then mid_write=$((mid_write + 1)); fi
  if $mvn nbexport:clean >/dev/null 2>&1 && diff -rq notebooks "$work/clean" >/dev/null; then conv=yes; converged=$((converged + 1)); else conv=NO; fi
  after=$(temps)
  printf '%-5s %-8s %-5s %-5s %-7s %-5s %-6s %s\n' "$i" "${delay}s" "$new" "$old" "$broken" "$left" "$after" "$conv"
  total_left=$((total_left + left)); total_broken=$((total_broken + broken)); total_after=$((total_after + after))
done
echo "== $trials trials ($mid_write killed mid-write): $total_broken broken notebooks, $total_left temporary files left by the kills," \
  "$total_after temporary files after the next clean, $converged/$trials converged; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
