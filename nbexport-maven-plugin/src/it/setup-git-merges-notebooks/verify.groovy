import groovy.json.JsonSlurper

def run(List<String> command) {
    def p = command.execute(null, basedir)
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    return [p.exitValue(), out.toString() + err.toString()]
}
def git(String... args) {
    def (code, out) = run(['git'] + args.toList())
    assert code == 0 : "git ${args.join(' ')} failed: ${out}"
    return out
}

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('git config merge.nbexport.driver = java -cp ')
assert log.contains('.gitattributes: added `*.ipynb merge=nbexport`')
assert log.contains('.gitattributes already routes *.ipynb to the nbexport merge driver') // second run
assert log.contains('.gitattributes: added `*.ipynb diff=nbexport`')
assert log.contains('.gitattributes already routes *.ipynb to the nbexport diff driver') // second run
assert new File(basedir, '.gitattributes').text == '*.ipynb merge=nbexport\n*.ipynb diff=nbexport\n'
def hook = new File(basedir, '.git/hooks/pre-commit')
assert hook.canExecute()
assert hook.text.contains('nbexport:clean -Dnbexport.clean.check')
assert git('config', 'merge.nbexport.driver').contains('dev.nbexport.merge.MergeDriverMain merge-driver %O %A %B %L %P')
// the diff driver, with a class data archive made for the plugin's jars (none was reported missing)
def textconv = git('config', 'diff.nbexport.textconv')
assert textconv.contains('dev.nbexport.diff.DiffDriverMain textconv')
assert textconv.contains('-XX:SharedArchiveFile=') && new File(basedir, '.git/nbexport/diff-driver.jsa').isFile()
assert !log.contains('without a class data archive')

// two branches edit different cells of the same notebook, each re-running it (new execution counts)
def file = new File(basedir, 'notebooks/shared.ipynb')
def original = file.getText('UTF-8')
assert original.count('"execution_count": null') == 2
// a re-run gives every code cell a new execution count: lines that git's text merge sees as conflicting
def rerun = { String text, int first -> int n = first; text.replaceAll('"execution_count": null') { "\"execution_count\": ${n++}" } }
git('add', '.gitattributes')
git('commit', '-q', '--no-verify', '-m', 'git setup')
git('checkout', '-q', '-b', 'feature')
file.setText(rerun(original.replace('int b = 2;', 'int b = 20;'), 5), 'UTF-8')
git('commit', '-q', '--no-verify', '-am', 'feature edits b')
git('checkout', '-q', 'main')
file.setText(rerun(original.replace('int a = 1;', 'int a = 10;'), 1), 'UTF-8')
git('commit', '-q', '--no-verify', '-am', 'main edits a')

// git's own text merge (no driver) conflicts on the execution counts
def base = git('merge-base', 'main', 'feature').trim()
['base': base, 'ours': 'main', 'theirs': 'feature'].each { name, rev ->
    new File(basedir, "${name}.version").setText(git('show', "${rev}:notebooks/shared.ipynb"), 'UTF-8')
}
def (plainCode, plainOut) = run(['git', 'merge-file', '-p', 'ours.version', 'base.version', 'theirs.version'])
assert plainCode > 0 : "expected a text conflict without the driver: ${plainOut}"

// git log -p shows the edits through the diff driver: the changed source lines, no JSON
def patch = git('log', '-p', '-1', 'feature', '--', 'notebooks/shared.ipynb')
assert patch.contains('-int b = 2;\n+int b = 20;\n')
assert patch.contains('// %% [code] #cell-b')
assert !patch.contains('"execution_count"') && !patch.contains('"source"')

def (code, out) = run(['git', 'merge', '--no-edit', 'feature'])
assert code == 0 : "merge with the nbexport driver failed: ${out}"
def merged = new JsonSlurper().parseText(file.getText('UTF-8'))
assert merged.cells*.source.collect { it instanceof List ? it.join('') : it } == ['# Shared notebook', 'int a = 10;', 'int b = 20;']
assert !file.getText('UTF-8').contains('<<<<<<<')
return true
