def log = new File(basedir, 'build.log').getText('UTF-8')
def summaries = log.readLines().findAll { it.contains('[INFO] Docs: rendered') }
assert summaries.size() == 2
assert summaries[0].contains('Docs: rendered 2 page(s), 0 unchanged')
assert summaries[1].contains('Docs: rendered 0 page(s), 2 unchanged')

def site = new File(basedir, 'target/nbexport-docs')
def index = new File(site, 'index.html').getText('UTF-8')
assert index.contains('<title>Tiny library · Tiny library</title>')
assert index.contains('href="guides/01_guide.html#using-it"')          // .ipynb links point at pages
def guide = new File(site, 'guides/01_guide.html').getText('UTF-8')
assert guide.contains('href="../_assets/site.css"')                      // relative to the page: works from file://
assert guide.contains('<span class="math math-inline">e^{i\\pi} &#43; 1 &#61; 0</span>')   // TeX as text; the sanitiser encodes + and =
assert guide.contains('<table>')
assert !guide.contains('secret')                                         // hide
assert !guide.contains('public static int twice')                        // export: API instead of source
assert guide.contains('<span class="tok-id">twice</span>(<span class="tok-num">21</span>)')
assert guide.contains('id="using-it"')
['_assets/site.css', '_assets/site.js', '_assets/lunr.min.js', '_assets/katex/katex.min.js', 'search-index.js'].each {
    assert new File(site, it).isFile() : it
}
assert new File(site, 'search-index.js').getText('UTF-8').contains('"Using it"')
return true
