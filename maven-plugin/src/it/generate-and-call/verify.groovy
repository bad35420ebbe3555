// The client was generated where the plugin says, compiled with -Werror, and its test passed.
def generated = new File(basedir, 'target/generated-sources/tcgen/com/example/cloud/demo/v20240101/DemoClient.java')
assert generated.isFile() : "missing ${generated}"
assert new File(basedir, 'target/generated-sources/tcgen/com/example/cloud/core/Tc3Signer.java').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /tcgen: \d+ files from 1 spec\(s\)/ : 'the generation summary is missing'
return true
