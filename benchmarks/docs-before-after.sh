#!/usr/bin/env bash
# Whole `mvn -q nbexport:docs` commands over N generated notebooks, the plugin built from BASE (a commit)
# against the plugin built from this worktree, alternating run by run so that both see the same load (the
# machine is shared; absolute times drift, the pairs do not). Two corpora of gen_corpus.py --lang java:
#   api    default_exp qualified (bench.m000.Mod000), as docs-vs-nbconvert.sh makes it: the export succeeds,
#          the pages have API sections, and each generated file gets a page (1,402 pages for 200 notebooks)
#   plain  the notebooks as generated (default_exp mod000): the export fails (no package), so the site has
#          no API sections, with a warning per notebook (201 pages)
# and three commands on each:
#   full   site and index deleted first
#   no-op  again, nothing changed
#   edit   after one notebook's exported cell is edited
#
#   benchmarks/docs-before-after.sh BASE [rounds] [notebooks]     (default 2 rounds, 200 notebooks)
#   REUSE=1 benchmarks/docs-before-after.sh ...                     (the plugins the last run installed)
#
# Each plugin is installed once, untimed, into target/docs-before-after/m2-{base,new} (never ~/.m2) with
# ~/.m2/repository as a read-only tail. SHARED is the folder holding bench/gen_corpus.py (default: ../shared
# next to the repository). Prints per command and plugin: wall seconds, CPU seconds (user +
# system, all of Maven's threads) and the 1-minute load when it ended.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?BASE commit}; rounds=${2:-2}; n=${3:-200}
root=$PWD; work=$root/target/docs-before-after
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
mvnw() { "$root/mvnw" -B -q -o -Dmaven.repo.local="$1" -Dmaven.repo.local.tail="$HOME/.m2/repository" "${@:2}"; }
install="install -DskipTests -Dinvoker.skip=true -pl nbexport-core,nbexport-maven-plugin -am"

if [ "${REUSE:-}" != 1 ]; then # REUSE=1: the plugins installed by the last run
  echo "== installing both plugins (untimed)"
  rm -rf "$work/base-src" && mkdir -p "$work/base-src"
  git archive "$base" | tar -x -C "$work/base-src"
  (cd "$work/base-src" && mvnw "$work/m2-base" $install >/dev/null)
  mvnw "$work/m2-new" $install >/dev/null
fi

. benchmarks/bench-project.sh # edit_one
docs_project() { # DIR CORPUS: the pom of docs-vs-nbconvert.sh and N notebooks
  local dir=$1 corpus=$2
  rm -rf "$dir" && mkdir -p "$dir/notebooks"
  printf '%s\n' '<project xmlns="http://maven.apache.org/POM/4.0.0">' '  <modelVersion>4.0.0</modelVersion>' \
    '  <groupId>com.example</groupId><artifactId>bench</artifactId><version>1.0-SNAPSHOT</version><packaging>pom</packaging>' \
    '  <name>bench</name>' \
    "  <build><plugins><plugin><groupId>dev.nbexport</groupId><artifactId>nbexport-maven-plugin</artifactId><version>$version</version></plugin></plugins></build>" \
    '</project>' > "$dir/pom.xml"
  /usr/bin/python3 "${SHARED:-$root/../shared}/bench/gen_corpus.py" --out "$dir/gen" --nbs "$n" --cells 30 --lang java >/dev/null
  if [ "$corpus" = api ]; then
    sed -i 's/default_exp mod\([0-9]*\)/default_exp bench.m\1.Mod\1/' "$dir"/gen/nbs/*.ipynb
  fi
  cp "$dir"/gen/nbs/*.ipynb "$dir/notebooks/" && rm -rf "$dir/gen"
}
for corpus in api plain; do for which in base new; do docs_project "$work/$corpus-$which" "$corpus"; done; done

run_docs() { # REPOSITORY: one timed nbexport:docs in the current folder; prints "wall cpu"
  if ! /usr/bin/time -f '%e %U %S' -o "$work/time" "$root/mvnw" -B -q -o -Dmaven.repo.local="$1" \
      -Dmaven.repo.local.tail="$HOME/.m2/repository" nbexport:docs >"$work/last.log" 2>&1; then
    echo "failed: nbexport:docs with $1 in $PWD (see $work/last.log)" >&2; return 1
  fi
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$work/time"
}
load() { cut -d' ' -f1 /proc/loadavg; }
echo "== $rounds rounds, $n notebooks, $(nproc) cores; base $(git rev-parse --short "$base"), new $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes')"
printf '%-6s %-6s %-5s %-7s %-8s %-8s %s\n' round corpus which command wall cpu load
for r in $(seq 1 "$rounds"); do
  for corpus in api plain; do
    for cmd in full no-op edit; do
      for which in base new; do
        cd "$work/$corpus-$which"
        case $cmd in
          full) rm -rf target ;;
          edit) edit_one notebooks ;;
        esac
        took=$(run_docs "$work/m2-$which") || exit 1
        printf '%-6s %-6s %-5s %-7s %s %s\n' "$r" "$corpus" "$which" "$cmd" "$took" "$(load)"
      done
    done
  done
done
