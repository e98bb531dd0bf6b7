// the IT project becomes a git repository with three commits of notebooks/greet.ipynb: versions/v1, v2, v3
def git(String... args) {
    def p = (['git'] + args.toList()).execute(null, basedir)
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "git ${args.join(' ')} failed: ${err}"
    return out.toString()
}
git('init', '-q', '-b', 'main')
git('config', 'user.name', 'IT')
git('config', 'user.email', 'it@example.com')
git('config', 'commit.gpgsign', 'false')
def notebook = new File(basedir, 'notebooks/greet.ipynb')
['v1', 'v2', 'v3'].each { version ->
    notebook.bytes = new File(basedir, "versions/${version}.ipynb").bytes
    git('add', 'notebooks', 'pom.xml')
    git('commit', '-q', '-m', version)
}
return true
