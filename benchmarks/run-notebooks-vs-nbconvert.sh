#!/usr/bin/env bash
# Times `mvn nbexport:test` against `jupyter nbconvert --execute` with the real JJava kernel
# (../shared/jupyter) on the same 12 notebooks, whole commands, in the same run, with hyperfine.
#
#   benchmarks/run-notebooks-vs-nbconvert.sh [runs]      (default 3 runs of each)
#
# The notebooks: example-project's two and docs' index and 01_export_and_check, three copies each
# (copies are real notebooks too: each is read, run and checked on its own). nbexport runs them with
# its defaults (one worker JVM per core) and -Dnbexport.test.rerun, so no run is skipped as unchanged;
# nbconvert runs them one after another, as `jupyter nbconvert --execute a.ipynb b.ipynb ...` does, with
# --allow-errors, so that a kernel failure cannot end the timed command early (00_slugify used to fail
# in about one run of two with a NoClassDefFoundError: JJava 1.0-a6 loads a cell's classes in no fixed
# order, and an enum constant with a body of its own was loaded before its enum; the notebook no longer
# has one).
# The plugin is installed once, untimed, into nbexport-maven-plugin/target/local-repo (as the ITs do).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
root=$PWD
bench=$root/benchmarks/notebook-tests
kernels=$(cd "$root/../shared/jupyter" && pwd)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)

echo "== installing the plugin (untimed)"
./mvnw -B -q verify -pl nbexport-maven-plugin -am -Dmaven.test.skip=true -Dinvoker.test=help-goal
repo=$root/nbexport-maven-plugin/target/local-repo
settings=$root/nbexport-maven-plugin/target/it/interpolated-settings.xml

rm -rf "$bench/target" && mkdir -p "$bench/target/notebooks" "$bench/target/nbconvert"
for copy in a b c; do
  for nb in example-project/notebooks/00_slugify.ipynb example-project/notebooks/01_wordwrap.ipynb \
            docs/index.ipynb docs/01_export_and_check.ipynb; do
    cp "$nb" "$bench/target/notebooks/${copy}_$(basename "$nb")"
  done
done
count=$(ls "$bench/target/notebooks" | wc -l)
echo "== $count notebooks, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

nbexport="$root/mvnw -B -q -f $bench/pom.xml -s $settings -Dmaven.repo.local=$repo -Dnbexport.version=$version nbexport:test -Dnbexport.test.rerun"
nbconvert="cd $bench/target/notebooks && JUPYTER_PATH=$kernels jupyter nbconvert --to notebook --execute --allow-errors --ExecutePreprocessor.kernel_name=java --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.startup_timeout=600 --output-dir $bench/target/nbconvert *.ipynb"

hyperfine --runs "$runs" --warmup 0 --export-markdown "$bench/target/result.md" \
  -n "nbexport:test ($count notebooks)" "$nbexport" \
  -n "nbconvert --execute ($count notebooks)" "$nbconvert"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$bench/target/result.md"
