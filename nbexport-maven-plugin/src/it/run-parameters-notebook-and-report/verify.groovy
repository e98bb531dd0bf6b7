import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('notebooks/report.ipynb -> target/nbexport-runs/report.html: 4 cells,')
assert log.contains('1 run: 1 completed, 0 failed; index: target/nbexport-runs/index.html')
// describe
assert log.contains('notebooks/report.ipynb, cell 2 (id r02): 2 parameters')
assert log.contains('n: int = 2')
assert log.contains('how many greetings')
// the describe run ran nothing: one run in the whole log
assert log.count('1 run: 1 completed') == 1

def input = new JsonSlurper().parse(new File(basedir, 'notebooks/report.ipynb'))
assert input.cells.size() == 4
assert !input.metadata.containsKey('papermill')

def nb = new JsonSlurper().parse(new File(basedir, 'target/nbexport-runs/report.ipynb'))
assert nb.cells.size() == 5
assert nb.cells[2].metadata.tags == ['injected-parameters']
assert nb.cells[2].source.join('') == '// Parameters\nint n = 3;\nString who = "Lovelace, Ada";'
assert nb.cells[3].outputs[0].text.join('') == 'Hello, Lovelace, Ada!\n' * 3
assert nb.cells[4].outputs[0].data['text/plain'].join('') == '13'
assert nb.metadata.papermill.parameters == [n: 3, who: 'Lovelace, Ada']
assert nb.metadata.papermill.default_parameters == [n: 2, who: 'World']
assert nb.metadata.papermill.input_path == 'notebooks/report.ipynb'
assert nb.metadata.papermill.output_path == 'target/nbexport-runs/report.ipynb'
assert nb.metadata.papermill.exception == null
assert nb.metadata.papermill.duration > 0
assert nb.cells[3].metadata.papermill.status == 'completed'
assert nb.cells[3].metadata.papermill.duration >= 0

def html = new File(basedir, 'target/nbexport-runs/report.html').getText('UTF-8')
assert html.contains('Hello, Lovelace, Ada!')
assert html.contains('Greeting report')
assert !html.contains('<script src=')
assert !html.contains('<link rel="stylesheet"')
assert new File(basedir, 'target/nbexport-runs/index.html').getText('UTF-8').contains('href="report.html"')
return true
