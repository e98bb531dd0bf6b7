def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('src/main/java/com/acme/Core.java: conflict in notebooks/00_core.ipynb #twice')
// both sides
assert log.contains('-        return x << 1;')
assert log.contains('+        return x * 2;')
assert log.contains('Nothing was written.')
assert new File(basedir, 'src/main/java/com/acme/Core.java').bytes == new File(basedir, 'Core.java.before').bytes
assert new File(basedir, 'notebooks/00_core.ipynb').bytes == new File(basedir, 'notebook.before').bytes
return true
