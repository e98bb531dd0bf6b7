def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()

// run 1: a progress line per notebook, then the summary
assert lines.any { it ==~ /\[INFO\] notebooks\/00_greet\.ipynb: 3 cells, [0-9.]+ s, passed/ }
assert lines.any { it ==~ /\[INFO\] notebooks\/more\/01_numbers\.ipynb: 3 cells, [0-9.]+ s, passed/ }
assert log.contains('[INFO] 2 notebooks, 6 cells: 2 passed, 0 failed')
// run 2: nothing ran
assert log.contains('[INFO] notebooks/00_greet.ipynb: unchanged since its last passing run, not run again')
assert log.contains('[INFO] 2 notebooks, 6 cells: 2 passed (2 unchanged, not run again), 0 failed')

def report = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/nbexport-reports/TEST-notebooks.more.01_numbers.ipynb.xml'))
assert report.@tests.text() == '3'
assert report.@failures.text() == '0'
assert report.testcase.collect { it.@name.text() } == ['cell 1 (id b01)', 'cell 2 (id b02)', 'cell 3 (id b03)']
assert report.testcase[2].skipped.@message.text() == 'eval: false'
return true
