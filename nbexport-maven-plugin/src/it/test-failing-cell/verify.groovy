def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('notebooks/00_fail.ipynb: 3 cells,')
assert log.contains('notebooks/00_fail.ipynb, cell 2 (id f02), line 2: java.lang.IllegalStateException: b is 2')
assert log.contains('at cell 2, line 2')
assert log.contains('1 notebook, 3 cells: 0 passed, 1 failed')
assert log.contains('BUILD FAILURE')
assert !log.contains('never')

def report = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/nbexport-reports/TEST-notebooks.00_fail.ipynb.xml'))
assert report.@failures.text() == '1'
assert report.testcase[1].failure.@type.text() == 'RuntimeException'
assert report.testcase[2].skipped.@message.text() == 'not run: an earlier cell failed'
return true
