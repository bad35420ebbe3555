// Both services were generated into the shared output directory, each with its runtime, and both compiled.
def classes = new File(basedir, 'target/classes/com/example')
assert new File(classes, 'cloud/demo/v20240101/DemoClient.class').isFile()
assert new File(classes, 'gadgets/gizmo/v20240101/GizmoClient.class').isFile()
assert new File(classes, 'cloud/core/Tc3Signer.class').isFile()
assert new File(classes, 'gadgets/core/Tc3Signer.class').isFile()
assert new File(basedir, 'target/tcgen/demo.fingerprint').isFile()
assert new File(basedir, 'target/tcgen/gizmo.fingerprint').isFile()
def log = new File(basedir, 'build.log').text
assert log.count('tcgen: bindings are up to date (1 spec(s)') == 2 : 'the second build must skip both executions'
return true
