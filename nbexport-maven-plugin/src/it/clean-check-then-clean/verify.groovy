def log = new File(basedir, 'build.log').getText('UTF-8')
def notebook = new File(basedir, 'notebooks/scratch.ipynb').getText('UTF-8')
def dirty = new File(basedir, 'dirty.copy').getText('UTF-8')

// run 1: the check fails, names the notebook and the fix
assert log.contains('1 of 1 notebooks are not clean:')
assert log.contains('notebooks/scratch.ipynb')
assert log.contains('Run `mvn nbexport:clean` to clean them.')
// run 2 cleaned it; run 3 found it clean
assert log.contains('Cleaned notebooks/scratch.ipynb')
assert log.contains('All 1 notebooks are clean.')

assert dirty.contains('"execution_count": 12')
assert notebook.contains('"execution_count": null')
assert !notebook.contains('ExecuteTime')
assert !notebook.contains('toc')
assert notebook.contains('"hide"')          // tags are kept
assert notebook.contains('"text/plain": [') // outputs are kept
assert notebook.contains('"name": "java"')
return true
