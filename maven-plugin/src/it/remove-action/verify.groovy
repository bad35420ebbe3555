// No stale source or class survives: the removed action's and the renamed structure's files are gone.
def sources = new File(basedir, 'target/generated-sources/tcgen/com/example/cloud/demo/v20240101')
def classes = new File(basedir, 'target/classes/com/example/cloud/demo/v20240101')
['DeleteWidgetRequest', 'DeleteWidgetResponse', 'Widget'].each { name ->
    assert !new File(sources, name + '.java').exists() : "stale source ${name}.java"
    assert !new File(classes, name + '.class').exists() : "stale class ${name}.class"
}
['DescribeWidgetRequest', 'Gadget', 'DemoClient'].each { name ->
    assert new File(classes, name + '.class').isFile() : "missing class ${name}.class"
}
assert !new File(sources, 'DemoClient.java').text.contains('deleteWidget')
def log = new File(basedir, 'build.log').text
assert log =~ /tcgen: \d+ files from 1 spec\(s\) in .*: \d+ written, \d+ unchanged, 3 deleted/
return true
