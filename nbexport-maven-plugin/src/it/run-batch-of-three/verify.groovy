import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('3 runs: 3 completed, 0 failed; index: target/nbexport-runs/index.html')
def one = new JsonSlurper().parse(new File(basedir, 'target/nbexport-runs/report-1.ipynb'))
assert one.cells[3].outputs[0].text.join('') == 'Hello, Ada!\n'
def two = new JsonSlurper().parse(new File(basedir, 'target/nbexport-runs/report-2.ipynb'))
assert two.cells[3].outputs[0].text.join('') == 'Hello, Grace Hopper!\n' * 2
def three = new JsonSlurper().parse(new File(basedir, 'target/greetings/three.ipynb'))
assert three.cells[3].outputs[0].text.join('') == 'Hello, World!\n' * 3
assert three.metadata.papermill.parameters == [n: 3]
assert new File(basedir, 'target/greetings/three.html').isFile()
def index = new File(basedir, 'target/nbexport-runs/index.html').getText('UTF-8')
assert index.contains('href="report-1.html"')
assert index.contains('href="report-2.html"')
assert index.contains('href="../greetings/three.html"')
assert index.contains('n=2, who=Grace Hopper')
return true
