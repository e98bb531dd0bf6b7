#!/usr/bin/env bash
# Docs speed side by side, whole commands, one run: `mvn nbexport:docs` over N generated JJava notebooks
# vs Debian's `jupyter nbconvert --to html` over the same notebooks in one process (no execution either way).
# Both start from nothing each run (site and index deleted). Also times nbexport's no-op second run.
# The notebooks' default_exp is qualified (bench.m000.Mod000, as side-by-side.sh does) so that they export
# and the site has its API sections and a page per generated file; as generated (default_exp mod000) the
# export fails for want of a package and the site has no API (a warning per notebook).
#
# Usage: benchmarks/docs-vs-nbconvert.sh [N] [RUNS]       (defaults 200 notebooks, 5 runs)
# Needs: hyperfine, jupyter-nbconvert (Debian packages). The plugin is installed into a Maven repository
# under target/ (never ~/.m2), then used offline. SHARED is the folder holding bench/gen_corpus.py
# (default: ../shared next to the repository).
set -euo pipefail
N=${1:-200}; RUNS=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd); PY=/usr/bin/python3
repo=$root/target/bench-m2
gen=${SHARED:-$root/../shared}/bench/gen_corpus.py
w=$(mktemp -d /tmp/docs-bench.XXXXXX); trap 'rm -rf "$w"' EXIT

(cd "$root" && ./mvnw -q -B install -DskipTests -Dinvoker.skip -pl nbexport-core,nbexport-maven-plugin -am -Dmaven.repo.local="$repo")
V=$(cd "$root" && ./mvnw -q -B help:evaluate -Dexpression=project.version -DforceStdout -Dmaven.repo.local="$repo")

mkdir -p "$w/java/notebooks"
cat > "$w/java/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId><artifactId>bench</artifactId><version>1.0-SNAPSHOT</version><packaging>pom</packaging>
  <name>bench</name>
  <build><plugins><plugin><groupId>dev.nbexport</groupId><artifactId>nbexport-maven-plugin</artifactId><version>$V</version></plugin></plugins></build>
</project>
POM
$PY "$gen" --out "$w/gen" --nbs "$N" --cells 30 --lang java >/dev/null
sed -i 's/default_exp mod\([0-9]*\)/default_exp bench.m\1.Mod\1/' "$w"/gen/nbs/*.ipynb
cp "$w"/gen/nbs/*.ipynb "$w/java/notebooks/"

mvn_docs="$root/mvnw -q -B -o -f $w/java/pom.xml -Dmaven.repo.local=$repo nbexport:docs"
nbconvert="jupyter nbconvert --to html --log-level=WARN --output-dir $w/nbconvert $w/java/notebooks/*.ipynb"
$mvn_docs   # warm the repository and the file cache once
echo "$N notebooks, $(nproc) cores, load: $(uptime | sed 's/.*load average: //')"
hyperfine --runs "$RUNS" --warmup 1 --export-markdown "$w/table.md" \
  --prepare "rm -rf $w/java/target" -n "mvn nbexport:docs (full)" "$mvn_docs" \
  --prepare "rm -rf $w/nbconvert" -n "jupyter nbconvert --to html" "$nbconvert" \
  --prepare "true" -n "mvn nbexport:docs (nothing changed)" "$mvn_docs"
cat "$w/table.md"
echo "site: $(du -sh "$w/java/target/nbexport-docs" | cut -f1), $(find "$w/java/target/nbexport-docs" -name '*.html' | wc -l) pages;" \
  "nbconvert: $(du -sh "$w/nbconvert" | cut -f1), $(find "$w/nbconvert" -name '*.html' | wc -l) pages"
