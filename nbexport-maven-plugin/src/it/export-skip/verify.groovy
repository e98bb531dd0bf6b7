def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('Skipping nbexport:export: nbexport.skip is true')
assert log.contains('Skipping nbexport:export: nbexport.export.skip is true')
assert !log.contains('notebooks read')
assert !new File(basedir, 'src').exists()
assert !new File(basedir, 'target').exists()
return true
