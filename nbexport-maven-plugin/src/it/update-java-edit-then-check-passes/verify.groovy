def log = new File(basedir, 'build.log').getText('UTF-8')
// run 1: check names the edited file and the update goal
assert log.contains('src/main/java/com/acme/Core.java was edited by hand since it was exported (notebooks/00_core.ipynb #twice)')
assert log.contains('mvn nbexport:update')
// run 2: update names the cells
assert log.contains('Updated notebooks/00_core.ipynb, cell 3 (id twice)')
assert log.contains('Updated notebooks/00_core.ipynb, cell 4 (id pair)')
// run 3: in sync
assert log.contains('Notebooks and exported sources are in sync.')

def slurper = new groovy.json.JsonSlurper()
def before = slurper.parse(new File(basedir, 'before.ipynb'))
def after = slurper.parse(new File(basedir, 'notebooks/00_core.ipynb'))
def source = { cell -> cell.source instanceof List ? cell.source.join('') : cell.source }
assert source(after.cells[2]) == '//| export\n%maven org.example:none:1.0\nint twice(int x) {\n    int doubled = x + x;\n    return doubled;\n}'
assert source(after.cells[3]).contains('return b + a;')
// only the two cells' sources changed
after.cells[2].source = before.cells[2].source
after.cells[3].source = before.cells[3].source
assert after == before

// Debian's nbformat accepts the notebook
def p = ['/usr/bin/python3', '-c', 'import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))',
         new File(basedir, 'notebooks/00_core.ipynb').path].execute()
p.waitFor()
assert p.exitValue() == 0 : p.errorStream.text
return true
