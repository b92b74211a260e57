// An unreachable database is broken input: MojoExecutionException with the facade's paragraph, no password.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoExecutionException')
assert log.contains('on project bad-url: Cannot reach PostgreSQL at localhost:1 (jdbc:postgresql://localhost:1/app)')
assert log.contains('or leave the URL out to use the embedded PostgreSQL.')
assert !log.contains('Sup3r-Secret-Pw')
assert !log.contains('Caused by:')
// Nothing was compared, so no report claims anything.
assert !new File(basedir, 'target/schemadrift/report.json').exists()
return true
