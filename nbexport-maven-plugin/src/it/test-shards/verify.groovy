// The two halves together run each of the six notebooks exactly once.
def log = new File(basedir, 'build.log').getText('UTF-8')
def ran = log.readLines().findAll { it ==~ /\[INFO\] notebooks\/\d+_part\.ipynb: 1 cells, .* passed/ }
        .collect { (it =~ /notebooks\/(\d+_part\.ipynb)/)[0][1] }

assert ran.sort() == (0..5).collect { String.format('%02d_part.ipynb', it) }
def summaries = log.readLines().findAll { it.contains(' passed, 0 failed') }
assert summaries.size() == 2
assert !summaries.any { it.contains('6 notebooks') } // each run saw only its half
return true
