// Both builds are errors about the input; the server's password appears nowhere.
def log = new File(basedir, 'build.log').text
assert log.contains('on project server-credentials: Cannot reach PostgreSQL at localhost:1 (jdbc:postgresql://localhost:1/app)')
assert log.contains("on project server-credentials: No <server> with id 'no-such-server' in settings.xml (serverId).")
assert !log.contains('MAVEN/MojoFailureException')
assert !log.contains('Server-Secret-99')
return true
