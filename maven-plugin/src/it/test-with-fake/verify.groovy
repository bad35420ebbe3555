// The user's tests ran against the generated fake, with no server, and passed.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/generated-sources/tcgen/com/example/cloud/demo/v20240101/FakeDemoClient.java').isFile()
return true
