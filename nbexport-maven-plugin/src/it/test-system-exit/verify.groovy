def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains("notebooks/00_exits.ipynb, cell 2 (id e02): the notebook's JVM exited with status 2 while this cell ran")
assert log =~ /notebooks\/01_stays\.ipynb: 1 cells, [0-9.]+ s, passed/
assert log.contains('2 notebooks, 4 cells: 1 passed, 1 failed')
assert !log.contains('never')
return true
