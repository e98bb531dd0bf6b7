#!/usr/bin/env bash
# Times `mvn nbexport:run` of example-project's report notebook against papermill-style execution of
# the same notebook with the same parameters: the values injected as papermill injects them (an
# `injected-parameters` cell after the parameters cell, benchmarks/report-runs/inject_parameters.py),
# then `jupyter nbconvert --execute` with the real JJava kernel (../shared/jupyter). Whole commands,
# in the same run, with hyperfine: one run (width=30, top=5), and a batch of three parameter sets.
#
#   benchmarks/run-report-vs-papermill-style.sh [runs]      (default 3 runs of each)
#
# Both sides work on a copy of example-project's notebooks and compiled classes in
# benchmarks/report-runs/target (the notebook's `%classpath ../target/classes` and `data/` paths are
# relative to it). nbexport writes the executed notebook and its HTML report (one worker JVM per run,
# one per core at once); nbconvert writes the executed notebook only (one kernel per notebook, one after
# another). The plugin is installed once, untimed, into nbexport-maven-plugin/target/local-repo (as the
# ITs do), and example-project is compiled once, untimed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
root=$PWD
bench=$root/benchmarks/report-runs
kernels=$(cd "$root/../shared/jupyter" && pwd)

echo "== installing the plugin and compiling example-project (untimed)"
./mvnw -B -q verify -pl nbexport-maven-plugin -am -Dmaven.test.skip=true -Dinvoker.test=help-goal
./mvnw -B -q compile -pl example-project -am
repo=$root/nbexport-maven-plugin/target/local-repo
settings=$root/nbexport-maven-plugin/target/it/interpolated-settings.xml

work=$bench/target
rm -rf "$work" && mkdir -p "$work/project/target" "$work/nbconvert"
cp -r example-project/notebooks "$work/project/notebooks"
cp -r example-project/target/classes "$work/project/target/classes"
cp example-project/pom.xml "$work/project/pom.xml"
# the copy's parent is the reactor's pom, and nothing but nbexport:run is wanted from it
sed -i "s:<relativePath>[^<]*</relativePath>::; s:</parent>:<relativePath>$root/pom.xml</relativePath></parent>:" "$work/project/pom.xml"
printf '%s\n' "width=30, top=5" "width=50, top=8" "width=72, top=10" > "$work/runs.txt"
echo "== $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

report=notebooks/02_text_report.ipynb
mvn_run="$root/mvnw -B -q -f $work/project/pom.xml -s $settings -Dmaven.repo.local=$repo nbexport:run -Dnbexport.notebook=$report"
inject="/usr/bin/python3 $bench/inject_parameters.py"
nbconvert="JUPYTER_PATH=$kernels jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=java --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.startup_timeout=600 --output-dir $work/nbconvert"
cd_nb="cd $work/project/notebooks"
one="$cd_nb && $inject 02_text_report.ipynb injected-1.ipynb width=30 top=5 && $nbconvert injected-1.ipynb"
three="$cd_nb && $inject 02_text_report.ipynb injected-1.ipynb width=30 top=5 && $inject 02_text_report.ipynb injected-2.ipynb width=50 top=8 && $inject 02_text_report.ipynb injected-3.ipynb width=72 top=10 && $nbconvert injected-1.ipynb injected-2.ipynb injected-3.ipynb"

# resolves the copy's class path once, untimed (the settings serve ~/.m2 as a file:// repository)
$mvn_run -Dnbexport.describe >/dev/null

hyperfine --runs "$runs" --warmup 0 --export-markdown "$work/result.md" \
  -n "nbexport:run (1 run)" "$mvn_run -Dnbexport.parameters='width=30, top=5'" \
  -n "inject + nbconvert --execute (1 run)" "$one" \
  -n "nbexport:run (3 runs)" "$mvn_run -Dnbexport.parametersFile=$work/runs.txt" \
  -n "inject + nbconvert --execute (3 runs)" "$three"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# the two sides computed the same report
/usr/bin/python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def streams(path):
    nb = json.load(open(path))
    return [o.get("text") or o.get("data", {}).get("text/plain") for c in nb["cells"] if c["cell_type"] == "code"
            for o in c.get("outputs", [])]
ours = streams(f"{work}/project/target/nbexport-runs/02_text_report-1.ipynb")
theirs = streams(f"{work}/nbconvert/injected-1.ipynb")
assert ours == theirs, (ours, theirs)
print("== the same outputs on both sides:", len(ours))
PY
cat "$work/result.md"
