#!/usr/bin/env bash
# Makes the Maven project of ../shared/bench/side-by-side.sh in DIR: N generated JJava notebooks
# (gen_corpus.py --lang java: 30 cells, 15 exported, 6 files each) and a pom using nbexport VERSION.
# Sourced by kill-export-trials.sh and export-before-after.sh:  bench_project DIR N VERSION
bench_project() {
  local dir=$1 n=$2 version=$3 here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  rm -rf "$dir" && mkdir -p "$dir/notebooks"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId><artifactId>bench</artifactId><version>1.0-SNAPSHOT</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build><plugins><plugin><groupId>dev.nbexport</groupId><artifactId>nbexport-maven-plugin</artifactId><version>$version</version></plugin></plugins></build>
</project>
POM
  /usr/bin/python3 "$here/../../shared/bench/gen_corpus.py" --out "$dir/gen" --nbs "$n" --cells 30 --lang java >/dev/null
  # as side-by-side.sh does: a Java target per notebook, the modifiers export adds itself left out
  /usr/bin/python3 - "$dir/gen/nbs" "$dir/notebooks" <<'PY'
import json, os, sys, re
src, dst = sys.argv[1:3]
for f in sorted(os.listdir(src)):
    nb = json.load(open(os.path.join(src, f)))
    for c in nb["cells"]:
        s = "".join(c["source"])
        s = re.sub(r"//\| default_exp mod(\d+)", lambda m: f"//| default_exp bench.m{m.group(1)}.Mod{m.group(1)}", s)
        s = s.replace("public static class", "class").replace("public static ", "")
        c["source"] = s.splitlines(True)
    open(os.path.join(dst, f), "w").write(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
PY
  rm -rf "$dir/gen"
}

# Appends "// one edit" to the first exported cell of the middle notebook of DIR, as side-by-side.sh does.
edit_one() {
  /usr/bin/python3 - "$1" <<'PY'
import json, os, sys
d = sys.argv[1]; p = os.path.join(d, sorted(os.listdir(d))[len(os.listdir(d)) // 2]); nb = json.load(open(p))
for c in nb["cells"]:
    s = "".join(c["source"])
    if s.startswith("//| export"):
        c["source"] = (s + "\n// one edit\n").splitlines(True); break
open(p, "w").write(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
PY
}
