package com.example.users;

import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;

import io.github.schemadrift.junit.SchemaDriftTest;
import io.github.schemadrift.model.DriftReport;
import org.junit.jupiter.api.Test;

/** Every migration in db/migration, the fix included: the database matches the entities. */
@SchemaDriftTest(packages = "com.example.users")
class SchemaMatchesEntitiesTest {

    @Test
    void noDrift(DriftReport report) {
        assertThat(report).hasNoDrift();
    }
}
