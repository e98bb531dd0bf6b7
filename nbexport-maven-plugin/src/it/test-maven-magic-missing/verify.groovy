// junit-jupiter-api is a (test) dependency: its %maven passes. commons-lang3 is not: the cell fails, saying
// what to add to the pom, and nothing is downloaded.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('notebooks/00_magic.ipynb, cell 3 (id m03), line 1: org.apache.commons:commons-lang3:3.14.0 is not a dependency of the project')
assert log.contains('Add it to the pom: <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>3.14.0</version></dependency>')
assert !new File(basedir, '../../local-repo/org/apache/commons/commons-lang3/3.14.0').exists()
assert log.contains('1 notebook, 3 cells: 0 passed, 1 failed')
return true
