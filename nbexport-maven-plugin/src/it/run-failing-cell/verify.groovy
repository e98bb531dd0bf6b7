import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('notebooks/report.ipynb -> target/nbexport-runs/report.html: 3 cells,')
assert log.contains('FAILED')
assert log.contains('notebooks/report.ipynb, cell 2 (id r02), line 2: java.lang.IllegalStateException: too many: 42')
assert log.contains('at cell 2, line 2')
assert log.contains('The executed notebook shows the error: target/nbexport-runs/report.ipynb')
assert log.contains('BUILD FAILURE')
assert !log.contains('never')

def nb = new JsonSlurper().parse(new File(basedir, 'target/nbexport-runs/report.ipynb'))
assert nb.cells[0].metadata.tags == ['papermill-error-cell-tag']
assert nb.cells[3].metadata.tags == ['papermill-error-cell-tag']
assert nb.cells[4].outputs[0].output_type == 'error'
assert nb.cells[4].metadata.papermill.status == 'failed'
assert nb.cells[5].metadata.papermill.status == 'pending'
assert nb.metadata.papermill.exception == true
assert new File(basedir, 'target/nbexport-runs/report.html').getText('UTF-8').contains('This run failed')
return true
