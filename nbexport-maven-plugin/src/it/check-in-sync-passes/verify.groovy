def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Notebooks and exported sources are in sync.')
return true
