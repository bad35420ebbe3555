// The plugin refused before generating, naming both missing pieces with the exact snippet to add.
def log = new File(basedir, 'build.log').text
assert log.contains('tcgen: this project cannot compile the generated client')
assert log.contains('the generated client needs com.fasterxml.jackson.core:jackson-core on the compile class path')
assert log.contains('<artifactId>jackson-core</artifactId>')
assert log.contains('the generated client needs Java 17 or later, but the project compiles for Java 11')
assert log.contains('<maven.compiler.release>17</maven.compiler.release>')
assert !new File(basedir, 'target/generated-sources/tcgen').exists() : 'nothing may be generated'
return true
