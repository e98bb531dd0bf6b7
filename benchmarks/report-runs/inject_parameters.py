"""papermill's parameter injection, for a Java notebook, as the benchmark's baseline does it.

papermill has no Java translator, so this does what papermill's engine does around one: find the cell
tagged `parameters` (or starting with `//| parameters`), drop an `injected-parameters` cell a previous run
left, and insert a new one right after, declaring each given name with the type the parameters cell
declares it with (strings quoted and escaped, other values as written).

    /usr/bin/python3 inject_parameters.py IN.ipynb OUT.ipynb name=value ...
"""
import re
import sys

import nbformat

source, target, *pairs = sys.argv[1:]
nb = nbformat.read(source, as_version=4)
cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
index = next(i for i, c in enumerate(cells) if c.cell_type == "code" and (
    "parameters" in c.metadata.get("tags", []) or c.source.startswith("//| parameters")))
declared = dict((name, type_) for type_, name in
                re.findall(r"^\s*([\w.<>, ]+?)\s+(\w+)\s*=", cells[index].source, re.MULTILINE))
lines = ["// Parameters"]
for pair in pairs:
    name, value = pair.split("=", 1)
    type_ = declared[name]
    if type_ == "String":
        value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines.append(f"{type_} {name} = {value};")
injected = nbformat.v4.new_code_cell("\n".join(lines))
injected.metadata["tags"] = ["injected-parameters"]
cells.insert(index + 1, injected)
nb.cells = cells
nbformat.write(nb, target)
