def log = new File(basedir, 'build.log').text
assert log.contains('tcgen: skipped (tcgen.skip)')
assert !new File(basedir, 'target/generated-sources/tcgen').exists()
assert !new File(basedir, 'target/tcgen').exists()
return true
