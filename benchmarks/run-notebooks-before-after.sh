#!/usr/bin/env bash
# `mvn nbexport:test -Dnbexport.test.rerun` on the 12 notebooks of run-notebooks-vs-nbconvert.sh, the plugin
# built from BASE (a commit) against the plugin built from this worktree, alternating run by run so that both
# see the same load (the machine is shared; absolute times drift, the pairs do not). Prints, per run, the wall
# time, the CPU time of the whole command (user + sys of Maven and its worker JVMs, from /usr/bin/time) and
# the 1-minute load when it started.
#
#   benchmarks/run-notebooks-before-after.sh BASE [rounds]       (default 3 rounds)
#
# Each plugin is installed once, untimed, into target/before-after-test/m2-{base,new} (never ~/.m2) with
# ~/.m2/repository as a read-only tail; both run the same notebooks (this worktree's) in one project.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?BASE commit}; rounds=${2:-3}
root=$PWD; work=$root/target/before-after-test
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
mvnw() { "$root/mvnw" -B -q -Dmaven.repo.local="$1" -Dmaven.repo.local.tail="$HOME/.m2/repository" "${@:2}"; }
install="install -DskipTests -Dinvoker.skip=true -pl nbexport-core,nbexport-maven-plugin -am"

echo "== installing both plugins (untimed)"
rm -rf "$work/base-src" && mkdir -p "$work/base-src"
git archive "$base" | tar -x -C "$work/base-src"
(cd "$work/base-src" && mvnw "$work/m2-base" $install >/dev/null)
mvnw "$work/m2-new" $install >/dev/null

project=$work/project
rm -rf "$project" && mkdir -p "$project/target/notebooks"
cp benchmarks/notebook-tests/pom.xml "$project/"
for copy in a b c; do
  for nb in example-project/notebooks/00_slugify.ipynb example-project/notebooks/01_wordwrap.ipynb \
            docs/index.ipynb docs/01_export_and_check.ipynb; do
    cp "$nb" "$project/target/notebooks/${copy}_$(basename "$nb")"
  done
done

echo "== $rounds rounds, 12 notebooks, $(nproc) cores; base $(git rev-parse --short "$base"), new $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes')"
printf '%-6s %-5s %-8s %-8s %s\n' round which wall cpu load
for r in $(seq 1 "$rounds"); do
  for which in base new; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -o "$work/time" -f '%e %U %S' "$root/mvnw" -B -q -o -f "$project/pom.xml" \
        -Dmaven.repo.local="$work/m2-$which" -Dmaven.repo.local.tail="$HOME/.m2/repository" \
        -Dnbexport.version="$version" nbexport:test -Dnbexport.test.rerun >"$work/last.log" 2>&1 \
      || { echo "failed: nbexport:test with the $which plugin (see $work/last.log)" >&2; exit 1; }
    read -r wall user sys <"$work/time"
    printf '%-6s %-5s %-8s %-8s %s\n' "$r" "$which" "$wall" "$(echo "$user + $sys" | bc)" "$load"
  done
done
