#!/usr/bin/env bash
# Whole `mvn -q nbexport:...` commands over N generated notebooks (those of ../shared/bench/side-by-side.sh),
# the plugin built from BASE (a commit) against the plugin built from this worktree, alternating run by
# run so that both see the same load (the machine is shared; absolute times drift, the pairs do not):
#   full     export into empty roots, no index
#   no-op    export again, nothing changed
#   edit     export after one notebook's cell is edited
#   check    nbexport:check on a fresh clone: the sources in place, no target/ (so no index)
#
#   benchmarks/export-before-after.sh BASE [rounds] [notebooks]     (default 2 rounds, 1000 notebooks)
#
# Each plugin is installed once, untimed, into target/before-after/m2-{base,new} (never ~/.m2) with
# ~/.m2/repository as a read-only tail. Prints one line per command and plugin, with the 1-minute load.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?BASE commit}; rounds=${2:-2}; n=${3:-1000}
root=$PWD; work=$root/target/before-after
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
mvnw() { "$root/mvnw" -B -q -Dmaven.repo.local="$1" -Dmaven.repo.local.tail="$HOME/.m2/repository" "${@:2}"; }
install="install -DskipTests -Dinvoker.skip=true -pl nbexport-core,nbexport-maven-plugin -am"

echo "== installing both plugins (untimed)"
rm -rf "$work/base-src" && mkdir -p "$work/base-src"
git archive "$base" | tar -x -C "$work/base-src"
(cd "$work/base-src" && mvnw "$work/m2-base" $install >/dev/null)
mvnw "$work/m2-new" $install >/dev/null

. benchmarks/bench-project.sh
for which in base new; do bench_project "$work/project-$which" "$n" "$version"; done

t() { local s; s=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { echo "failed: $* (see $work/last.log)" >&2; exit 1; }
      printf '%.2f' "$(echo "$(date +%s.%N) - $s" | bc)"; }
load() { cut -d' ' -f1 /proc/loadavg; }
echo "== $rounds rounds, $n notebooks, $(nproc) cores; base $(git rev-parse --short "$base"), new $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes')"
printf '%-6s %-5s %-8s %-8s %s\n' round which command seconds load
for r in $(seq 1 "$rounds"); do
  for cmd in full no-op edit check; do
    for which in base new; do
      cd "$work/project-$which"
      case $cmd in
        full) rm -rf src target; s=$(t mvnw "$work/m2-$which" nbexport:export) ;;
        no-op) s=$(t mvnw "$work/m2-$which" nbexport:export) ;;
        edit) edit_one notebooks; s=$(t mvnw "$work/m2-$which" nbexport:export) ;;
        check) rm -rf target; s=$(t mvnw "$work/m2-$which" nbexport:check) ;;
      esac
      printf '%-6s %-5s %-8s %-8s %s\n' "$r" "$which" "$cmd" "$s" "$(load)"
    done
  done
done
