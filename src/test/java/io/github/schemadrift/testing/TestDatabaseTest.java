package io.github.schemadrift.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs against whichever server is configured, the embedded one when none is. */
class TestDatabaseTest {

    @Test
    void eachCallerGetsItsOwnEmptyDatabaseOnOneServer() {
        FreshDatabase first = TestDatabase.create();
        FreshDatabase second = TestDatabase.create();

        first.execute("create table only_in_first (id int primary key)");

        assertThat(first.url()).isNotEqualTo(second.url());
        assertThat(first.query("select count(*) as n from information_schema.tables where table_name = 'only_in_first'"))
                .containsExactly(java.util.Map.of("n", 1L));
        assertThat(second.query("select count(*) as n from information_schema.tables where table_name = 'only_in_first'"))
                .containsExactly(java.util.Map.of("n", 0L));
        assertThat(TestDatabase.Server.get()).isSameAs(TestDatabase.Server.get());
    }
}
