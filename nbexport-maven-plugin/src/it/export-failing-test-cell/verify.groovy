// Two test cells fail (one named, one not): the build fails in Surefire, and each failure leads to its
// notebook and cell: by the display name in the test report, and by the cell marker above the failing line.
def log = new File(basedir, 'build.log').getText('UTF-8')
def generated = new File(basedir, 'src/test/java/com/acme/greet/GreetNotebookTest.java').readLines('UTF-8')

assert log.contains('1 notebooks read: 3 files written, 0 unchanged, 0 removed')
assert log.contains('Tests run: 4, Failures: 2, Errors: 0, Skipped: 0')
assert log.contains('There are test failures.')
assert log.contains('BUILD FAILURE')

/** The cell marker of the block holding line {@code number} (1-based) of the generated test. */
def markerAbove = { int number ->
    def above = generated.subList(0, number).reverse().find { it.trim().startsWith('// %% ') }
    assert above != null : "no cell marker above line ${number}"
    above.trim()
}

// the console names the method and line of the generated test ...
def named = log =~ /GreetNotebookTest\.greetsPolitely:(\d+) expected: <Good day, Ada\.> but was: <Hello, Ada!>/
assert named.find()
def unnamed = log =~ /GreetNotebookTest\.cell10:(\d+) expected: <HELLO, AL> but was: <HELLO, AL!>/
assert unnamed.find()
// ... and that line lies in the block of the failing cell
assert markerAbove(named.group(1) as int) == '// %% notebooks/00_greet.ipynb #9a0c5e09'
assert markerAbove(unnamed.group(1) as int) == '// %% notebooks/00_greet.ipynb #9a0c5e0b'

// the report names each test by notebook and cell (display names; see the Surefire configuration in the POM)
def report = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.acme.greet.GreetNotebookTest.xml'))
def cases = report.testcase.collectEntries { [(it.@name.text()): it.failure.size() > 0] }
assert cases == [
        'notebooks/00_greet.ipynb, cell 7 (id 9a0c5e07)'                         : false,
        'guestIsGreetedByName - notebooks/00_greet.ipynb, cell 8 (id 9a0c5e08)'  : false,
        'greetsPolitely - notebooks/00_greet.ipynb, cell 9 (id 9a0c5e09)'        : true,
        'notebooks/00_greet.ipynb, cell 10 (id 9a0c5e0b)'                        : true,
]
return true
