def log = new File(basedir, 'build.log').getText('UTF-8')
def greet = new File(basedir, 'src/main/java/com/acme/greet/Greet.java')

assert log.contains('Export stopped to keep your work:')
assert log.contains('src/main/java/com/acme/greet/Greet.java: generated file edited by hand; export would overwrite the edit')
assert log.contains('Run `mvn nbexport:update` to move hand edits back into the notebooks, then export again.')
assert log.contains('To discard the files as they are, run with -Dnbexport.force.')
assert log.contains('BUILD FAILURE')

// the edit is intact, byte for byte
assert greet.bytes == new File(basedir, 'edited.copy').bytes
assert greet.getText('UTF-8').contains('name.strip()')
// and nothing else was written: not the new record, not the tests, not the index
assert new File(basedir, 'src/main/java/com/acme/greet').list() as List == ['Greet.java']
assert !new File(basedir, 'src/test').exists()
assert !new File(basedir, 'target/nbexport/export.index').exists()
return true
