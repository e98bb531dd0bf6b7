import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def kernels = new File(basedir, 'jupyter/kernels/kernel-it').canonicalPath

// 1 to 5: install, nothing to do, update one file, remove, nothing to remove
assert log =~ /\[INFO\] Installed kernel kernel-it in \Q${kernels}\E \(\d+ files\)/
assert log.contains("[INFO] Kernel kernel-it in ${kernels} is up to date")
assert log.contains("[INFO] Updated kernel kernel-it in ${kernels}: kernel.json")
assert log.contains("[INFO] Removed kernel kernel-it from ${kernels}")
assert log.contains("[INFO] No kernel kernel-it in ${kernels}: nothing to remove")
assert !new File(kernels).exists()

// 6: refused, the other kernel untouched
assert log.contains('holds a kernel that nbexport did not install')
assert log.contains('-Dnbexport.kernel.name=')
assert new File(basedir, 'foreign/kernels/kernel-it/kernel.json').getText('UTF-8').contains('"Not ours"')
assert new File(basedir, 'foreign/kernels/kernel-it').list() as List == ['kernel.json']

// 7: the kernelspec under the prefix: JJava's language, nbexport's jars in the folder, the project's class path
def dir = new File(basedir, 'prefix/share/jupyter/kernels/kernel-it')
def spec = new JsonSlurper().parse(new File(dir, 'kernel.json'))
assert spec.display_name == 'Java (kernel-it)'
assert spec.language == 'java'
assert spec.interrupt_mode == 'message'
assert spec.argv[0].endsWith('java')
assert spec.argv.contains('dev.nbexport.kernel.KernelMain')
assert spec.argv.takeRight(2) == ['{connection_file}', '{resource_dir}/nbexport-kernel.json']
def cp = spec.argv[spec.argv.indexOf('-cp') + 1]
assert cp.split(File.pathSeparator).every { it.startsWith('{resource_dir}/lib/') }
assert cp.contains('{resource_dir}/lib/nbexport-core-')
assert !cp.contains('nbexport-maven-plugin')
assert new File(dir, 'lib').list().any { it.startsWith('nbexport-core-') }
def recorded = new JsonSlurper().parse(new File(dir, 'nbexport-kernel.json'))
assert recorded.name == 'kernel-it'
assert recorded.session.classPath.contains(new File(basedir, 'target/classes').canonicalPath)

// Jupyter itself finds it there (Debian's jupyter_client, when this machine has it)
def python = new File('/usr/bin/python3')
if (python.canExecute() && ['/usr/bin/python3', '-c', 'import jupyter_client'].execute().waitFor() == 0) {
    def pb = new ProcessBuilder('/usr/bin/python3', '-c',
            'from jupyter_client.kernelspec import KernelSpecManager; print(KernelSpecManager().get_kernel_spec("kernel-it").display_name)')
    pb.environment().put('JUPYTER_PATH', new File(basedir, 'prefix/share/jupyter').path)
    pb.redirectErrorStream(true)
    def p = pb.start()
    def out = p.inputStream.getText('UTF-8')
    assert p.waitFor() == 0 : out
    assert out.trim() == 'Java (kernel-it)'
}
return true
