// A package without entities is broken input, named in one paragraph: never "no drift".
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoExecutionException')
assert log.contains('on project no-entities: No entity found in packages [com.example.nothing.here] on class loader'
        + ' the test class path of project no-entities')
assert !log.contains('no drift')
assert !log.contains('Caused by:')
assert !new File(basedir, 'target/schemadrift/report.json').exists()
return true
