def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('Removed stale src/main/java/com/acme/old/Old.java')
assert log.contains('1 notebooks read: 3 files written, 0 unchanged, 1 removed')
assert log.contains('BUILD SUCCESS')

assert !new File(basedir, 'src/main/java/com/acme/old/Old.java').exists()
def helper = new File(basedir, 'src/main/java/com/acme/old/OldHelper.java')
assert helper.bytes == new File(basedir, 'helper.copy').bytes
assert new File(basedir, 'src/main/java/com/acme/greet/Greet.java').isFile()
return true
