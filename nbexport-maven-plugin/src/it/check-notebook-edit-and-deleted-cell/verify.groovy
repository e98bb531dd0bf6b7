def log = new File(basedir, 'build.log').getText('UTF-8')
// the notebook edit: file, notebook cell, diff, fix
assert log.contains('src/main/java/com/acme/Core.java is out of date')
assert log.contains('notebooks/00_core.ipynb #twice')
assert log.contains('+        return x + x;')
assert log.contains('mvn nbexport:export')
// the deleted cell: its file is stale
assert log.contains('src/main/java/com/acme/Pair.java is stale')
assert log.contains('2 files are out of sync with the notebooks')
// check writes nothing
assert new File(basedir, 'src/main/java/com/acme/Core.java').getText('UTF-8').contains('return 2 * x;')
assert new File(basedir, 'src/main/java/com/acme/Pair.java').isFile()
return true
