def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines().collect { it.replaceFirst(/^\[(INFO|ERROR|WARNING)\] /, '') }

// 1 and 2: v1 -> v2, cell by cell
// (of the two cells that swapped places, the edited one is the one shown as moved)
assert lines.findAll { it == 'notebooks/greet.ipynb: 1 cell added, 1 moved and changed' }.size() == 2
assert lines.findAll { it ==~ /--- notebooks\/greet.ipynb \(HEAD~2 \([0-9a-f]{7}\)\)/ }.size() == 2
assert lines.findAll { it ==~ /\+\+\+ notebooks\/greet.ipynb \(HEAD~1 \([0-9a-f]{7}\)\)/ }.size() == 2
def first = lines.indexOf('## cell 2 -> 3 #greet [code]: moved, changed source')
assert first >= 0
assert lines.subList(first, first + 12) == [
        '## cell 2 -> 3 #greet [code]: moved, changed source',
        '@@ -1,4 +1,4 @@',
        ' //| export',
        ' static String greet(String name) {',
        '-    return "Hello, " + name;',
        '+    return "Hello, " + name + "!";',
        ' }',
        '## cell 4 #shout [code]: added',
        '+//| export',
        '+static String shout(String name) {',
        '+    return greet(name).toUpperCase();',
        '+}',
]
assert !log.contains('"cell_type"') && !log.contains('"source"')
// run 1 passes with the summary as its last line; run 2 fails with it as its message
def summary = /1 of 1 notebook differs between HEAD~2 \([0-9a-f]{7}\) and HEAD~1 \([0-9a-f]{7}\)\./
assert lines.count { it ==~ summary } == 1
assert log =~ /Failed to execute goal .*:diff .*: / + summary + /\R  The differences are shown above; nbexport.diff.failOnDifference makes them fail the build./

// 3: sources only: the re-run changed nothing that counts
assert lines.any { it ==~ /No differences in 1 notebook between HEAD~1 \([0-9a-f]{7}\) and HEAD \([0-9a-f]{7}\)\./ }
// 4: with outputs: the changed output, one line each side
assert lines.contains('## cell 2 #use [code]: changed outputs')
assert lines.contains('-[out] text/plain: Hello, World')
assert lines.contains('+[out] text/plain: Hello, World!')

// 5: the working tree is the last commit
assert lines.any { it ==~ /No differences in 1 notebook between HEAD \([0-9a-f]{7}\) and working tree\./ }
def status = ['git', 'status', '--porcelain', 'notebooks'].execute(null, basedir).text
assert status == '' : "the goal changed files: ${status}"

// 6: a clear error, no stack trace
assert log.contains('`no-such-branch` (the version to compare from) is neither a notebook file nor a git revision of ')
assert log.contains('Give a notebook file, or a commit, branch or tag such as HEAD, HEAD~1 or main')
return true
