def log = new File(basedir, 'build.log').getText('UTF-8')
def summaries = log.readLines().findAll { it.contains('[INFO] 1 notebooks ') }.collect { it.replaceAll(/ \(\d+ ms\)$/, '') }

assert summaries == [
        '[INFO] 1 notebooks read: 3 files written, 0 unchanged, 0 removed',           // run 1
        '[INFO] 1 notebooks read: 0 files written, 3 unchanged, 0 removed',           // run 2
        '[INFO] 1 notebooks unchanged since the last export: nothing to do',          // run 3
        '[INFO] 1 notebooks read: 0 files written, 3 unchanged, 0 removed',           // run 3, after clean
]

// no file was written after run 1 aged them
def aged = 978307200000L
['src/main/java/com/acme/greet/Greet.java', 'src/main/java/com/acme/greet/Guest.java',
 'src/test/java/com/acme/greet/GreetNotebookTest.java'].each { path ->
    def file = new File(basedir, path)
    assert file.isFile()
    assert file.lastModified() == aged : "${path} was rewritten"
}
// no temporary files left behind by atomic writes
assert new File(basedir, 'src/main/java/com/acme/greet').list().sort() == ['Greet.java', 'Guest.java']
// the index is back after clean
assert new File(basedir, 'target/nbexport/export.index').isFile()
return true
