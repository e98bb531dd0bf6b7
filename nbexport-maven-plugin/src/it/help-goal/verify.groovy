// nbexport:help must list every goal of the plugin, as declared in the plugin descriptor.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('BUILD SUCCESS')
assert log.contains('nbexport:help')

def descriptor = new File(basedir, '../../classes/META-INF/maven/plugin.xml')
def goals = new groovy.xml.XmlSlurper().parse(descriptor).mojos.mojo.goal*.text()
assert goals.contains('help')
goals.each { goal ->
    assert log.contains("nbexport:${goal}") : "nbexport:help does not list goal '${goal}'"
}
assert log.contains("This plugin has ${goals.size()} goal")
