// the IT project becomes a git repository with one commit
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
git('add', 'notebooks', 'pom.xml')
git('commit', '-q', '-m', 'start')
return true
