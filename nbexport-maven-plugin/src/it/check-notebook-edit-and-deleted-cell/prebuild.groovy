// edit the method's cell and delete the record's cell, as JupyterLab would save it
def nb = new File(basedir, 'notebooks/00_core.ipynb')
def json = new groovy.json.JsonSlurper().parse(nb)
json.cells = json.cells.findAll { it.id != 'pair' }
json.cells.find { it.id == 'twice' }.source = "//| export\n%maven org.example:none:1.0\nint twice(int x) {\n    return x + x;\n}"
nb.setText(groovy.json.JsonOutput.prettyPrint(groovy.json.JsonOutput.toJson(json)) + '\n', 'UTF-8')
return true
