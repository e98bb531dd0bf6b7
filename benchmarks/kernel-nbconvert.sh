#!/usr/bin/env bash
# example-project's notebooks under `jupyter nbconvert --execute` with the project kernel (`nbexport:kernel`)
# and with the real JJava 1.0-a6 kernel (../shared/jupyter): first checks that the project kernel
# reproduces every notebook's stored outputs (text/plain, streams, text/html, errors; images are not
# compared), then times both kernels on the same notebooks, whole nbconvert commands, with hyperfine.
#
#   benchmarks/kernel-nbconvert.sh [runs]      (default 3 runs of each)
#
# The notebooks run where they are (02_text_report's `%classpath ../target/classes` is relative to its folder,
# and JJava needs it), their executed copies go to benchmarks/kernel-nbconvert/target.
# Builds example-project and installs its kernel (untimed) with a local repository and a kernel prefix
# under benchmarks/kernel-nbconvert/target, so nothing outside this checkout is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
root=$PWD
work=$root/benchmarks/kernel-nbconvert/target
kernels=$(cd "$root/../shared/jupyter" && pwd)
repo=$work/repo
prefix=$work/prefix

notebooks=$root/example-project/notebooks
rm -rf "$work/out-nbexport" "$work/out-jjava" && mkdir -p "$work"
echo "== building example-project and installing its kernel (untimed)"
./mvnw -B -q install -pl example-project -am -Dmaven.repo.local="$repo" -DskipTests -Dinvoker.skip
(cd example-project && ../mvnw -B -q -Dmaven.repo.local="$repo" nbexport:kernel -Dnbexport.kernel.prefix="$prefix")
cells=$(/usr/bin/python3 -c 'import json,sys; print(sum(sum(c["cell_type"]=="code" for c in json.load(open(f))["cells"]) for f in sys.argv[1:]))' "$notebooks"/*.ipynb)
count=$(ls "$notebooks"/*.ipynb | wc -l)

nbconvert() { # jupyter path, kernel name, output folder[, more nbconvert options]
  echo "cd $notebooks && JUPYTER_PATH=$1 jupyter nbconvert --log-level=ERROR ${4:-} --to notebook --execute --ExecutePreprocessor.kernel_name=$2 --ExecutePreprocessor.timeout=300 --output-dir $3 *.ipynb"
}
ours=$(nbconvert "$prefix/share/jupyter" example-project "$work/out-nbexport")
# JJava with --allow-errors: it fails now and then by itself (NoClassDefFoundError for a REPL class of
# 00_slugify, as in run-notebooks-vs-nbconvert.sh), which would otherwise end the timed command early.
theirs=$(nbconvert "$kernels" java "$work/out-jjava" --allow-errors)

echo "== the project kernel reproduces the stored outputs"
bash -c "$ours" 2>/dev/null
/usr/bin/python3 - "$notebooks" "$work/out-nbexport" <<'PY'
import json, os, sys
def outputs(path):
    result = []
    for cell in json.load(open(path))["cells"]:
        if cell["cell_type"] != "code":
            continue
        kept = []
        for o in cell.get("outputs", []):
            text = lambda v: "".join(v) if isinstance(v, list) else v
            kept.append((o["output_type"], text(o.get("text", "")), o.get("ename"), o.get("evalue"),
                         {k: text(v) for k, v in o.get("data", {}).items() if not k.startswith("image/")}))
        result.append(kept)
    return result
stored, fresh = sys.argv[1], sys.argv[2]
bad = 0
for name in sorted(n for n in os.listdir(stored) if n.endswith(".ipynb")):
    a, b = outputs(os.path.join(stored, name)), outputs(os.path.join(fresh, name))
    differing = [i + 1 for i, (x, y) in enumerate(zip(a, b)) if x != y] + ([] if len(a) == len(b) else ["count"])
    print(f"{name}: {len(a)} code cells, " + ("outputs equal" if not differing else f"code cells differ: {differing}"))
    bad += bool(differing)
sys.exit(1 if bad else 0)
PY

echo "== $count notebooks, $cells code cells, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --runs "$runs" --warmup 0 --export-markdown "$work/result.md" \
  -n "nbconvert --execute, nbexport kernel" "$ours" \
  -n "nbconvert --execute, JJava 1.0-a6" "$theirs"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$work/result.md"
