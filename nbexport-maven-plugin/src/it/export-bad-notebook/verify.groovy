def log = new File(basedir, 'build.log').getText('UTF-8')

// every problem of every notebook in one build, each with where it is and what to do
assert log.contains('2 problems in notebooks:')
// 01_broken.ipynb lost the comma at the end of line 24: the parser stops at line 25, column 4
assert log.contains('- notebooks/01_broken.ipynb: line 25:4: not valid JSON')
assert log.contains('restore it from version control or re-save it in Jupyter')
assert log.contains('- notebooks/02_bad_name.ipynb, cell 2 (id 5b7d0002), line 1:17: `1bad.Name` is not a qualified Java class name')
assert log.contains('Write e.g. `//| default_exp')
assert log.contains('BUILD FAILURE')

// nothing written, not even the good notebook's classes
assert !new File(basedir, 'src').exists()
assert !new File(basedir, 'target/nbexport/export.index').exists()
return true
