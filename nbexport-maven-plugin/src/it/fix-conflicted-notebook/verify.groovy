import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def text = new File(basedir, 'notebooks/rates.ipynb').getText('UTF-8')

// run 1: repaired into a valid notebook, but the same cell changed on both sides: a conflict, the build fails
assert log.contains('notebooks/rates.ipynb: repaired, 1 conflict left as marker cells')
assert log.contains('1 of 1 notebooks still have conflicts, shown as marker cells: notebooks/rates.ipynb')
assert log.contains('-Dnbexport.fix.prefer=ours')
// run 2: theirs wins; no markers remain
assert log.contains('Repaired 1 of 1 notebooks; no conflicts left.')
assert !text.contains('<<<<<<<') && !text.contains('>>>>>>>')
def notebook = new JsonSlurper().parseText(text)
def sources = notebook.cells.collect { it.source instanceof List ? it.source.join('') : it.source }
assert sources == ['# Rates', 'double rate = 0.3;', 'double total(double x) {\n    return Math.round(x * (1 + rate));\n}']
assert notebook.cells*.id == ['title', 'rate', 'total']
return true
