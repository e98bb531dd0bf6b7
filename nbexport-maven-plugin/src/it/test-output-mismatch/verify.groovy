// cell 1 was edited after it last ran in the kernel: its stored output is stale, and checking is on for it.
// Cell 2 has stored outputs too, but checking is only on where a cell asks for it (output: check).
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('notebooks/00_out.ipynb, cell 1 (id o01): the output differs from the stored one')
assert log.contains('--- stored')
assert log.contains('+++ fresh')
assert log.contains('-Hello, World')
assert log.contains('+Hello, Maven')
assert log.contains('mvn nbexport:test -Dnbexport.test.save')
assert !log.contains('cell 2 (id o02): the output differs')
assert log.contains('1 notebook, 2 cells: 0 passed, 1 failed')
return true
