// runtime=dependency: the client was generated without a core package, imports the runtime jar, compiled with
// -Werror, and its test called it against a local server.
def tcgen = new File(basedir, 'target/generated-sources/tcgen/com/example/cloud')
def client = new File(tcgen, 'demo/v20240101/DemoClient.java')
assert client.isFile() : "missing ${client}"
assert client.text.contains('import dev.tcgen.runtime.ApiTransport;')
assert !new File(tcgen, 'core').exists() : 'no runtime may be written in dependency mode'
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
