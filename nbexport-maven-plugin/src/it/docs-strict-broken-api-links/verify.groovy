def log = new File(basedir, 'build.log').getText('UTF-8')
def backtick = 'notebooks/00_tiny.ipynb, cell 1 (id c0000001): `Tiny.twcie`'
def link = 'notebooks/00_tiny.ipynb, cell 3 (id c0000003), line 3:25: {@link #thrice}'
// first run: warnings, and the site with its API entry
assert log.readLines().any { it.contains('[WARNING]') && it.contains(backtick) } : 'the typo is a warning'
assert log.readLines().any { it.contains('[WARNING]') && it.contains(link) } : 'the broken {@link} is a warning'
def page = new File(basedir, 'target/nbexport-docs/00_tiny.html').getText('UTF-8')
assert page.contains('id="api-Tiny.twice"')
assert page.contains('see <code>thrice</code>')                  // the broken link is shown as plain code
// second run, strict: the build fails naming both, and writes nothing
assert log.contains('[ERROR]') && log.contains(backtick) && log.contains(link)
assert log.contains('build without -Dnbexport.docs.strict')
assert !log.contains('Exception in thread')
assert !new File(basedir, 'target/strict-docs').exists()
return true
