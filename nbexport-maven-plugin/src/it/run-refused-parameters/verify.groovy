def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('2 problems in the parameters (nothing was run)')
assert log.contains('notebooks/report.ipynb, cell 2 (id r02), line 3: parameter `n` is an int: the value `many` is not a whole number')
assert log.contains('has no parameter `whom` (given `Ada`)')
assert log.contains('Its parameters are: n (int), who (String).')
assert !log.contains('at dev.nbexport.report')
assert !new File(basedir, 'target/nbexport-runs').exists()
return true
