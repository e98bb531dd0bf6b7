#!/usr/bin/env bash
# Benchmark of the notebook diff driver (git's textconv), as `nbexport:setup-git` installs it:
# one call on a 30-code-cell notebook with 10 plots (see DiffDriverNotebook), the same call without
# the class data archive and with plain `java -cp`, and a whole `git diff` of one edited cell (git
# runs the driver for the working tree's side, and for the commit's side unless its text is cached).
# Numbers and how to read them: docs/benchmarks.md.
#
#   ./mvnw -q -B package -pl benchmarks -am -DskipTests   # once: nbexport-core jar and benchmarks.jar
#   benchmarks/diff-driver.sh [hyperfine options, default: -w 3 -r 30]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 2; }

repo_local=${M2_REPO:-$HOME/.m2/repository}
jackson_version=$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' pom.xml)
jackson=$repo_local/com/fasterxml/jackson/core/jackson-core/$jackson_version/jackson-core-$jackson_version.jar
core=$(ls nbexport-core/target/nbexport-core-*.jar | grep -v -- '-sources\|-javadoc' | head -1)
[ -f "$jackson" ] && [ -f "$core" ] && [ -f benchmarks/target/benchmarks.jar ] \
  || { echo "build first: ./mvnw -q -B package -pl benchmarks -am -DskipTests"; exit 2; }
core=$(cd "$(dirname "$core")" && pwd)/$(basename "$core")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp benchmarks/target/benchmarks.jar dev.nbexport.bench.DiffDriverNotebook "$work/repo" 42 "$core" "$jackson"
cd "$work/repo"
textconv=$(git config diff.nbexport.textconv)
case "$textconv" in *SharedArchiveFile*) ;; *) echo "setup-git made no class data archive: $textconv"; exit 1;; esac
git show HEAD:plots.ipynb > committed.ipynb
plain="java -cp $core:$jackson dev.nbexport.diff.DiffDriverMain textconv committed.ipynb"
no_archive=$(echo "$textconv" | sed 's/ [^ ]*SharedArchiveFile=[^ ]*//; s/ -Xlog:disable//')

echo "notebook: $(wc -c < committed.ipynb) bytes; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "textconv: $textconv"
[ $# -gt 0 ] || set -- -w 3 -r 30
hyperfine "$@" -N \
  -n 'java -version' 'java -version' \
  -n 'textconv (as installed)' "$textconv committed.ipynb" \
  -n 'textconv without the archive' "$no_archive committed.ipynb" \
  -n 'textconv, plain java -cp' "$plain" \
  -n 'git diff, text of the commit cached' 'git --no-pager diff' \
  -n 'git diff, no cache (driver on both sides)' 'git -c diff.nbexport.cachetextconv=false --no-pager diff' \
  -n 'git diff --no-textconv' 'git --no-pager diff --no-textconv'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
