package io.github.schemadrift.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnSchemaTest {

    private final OwnSchema app = new OwnSchema("app", "app");
    private final OwnSchema mixed = new OwnSchema("My Schema", "\"My Schema\"");

    @Test
    void dropsItsOwnQualifier() {
        assertThat(app.unqualify("nextval('app.seq'::regclass)")).isEqualTo("nextval('seq'::regclass)");
        assertThat(app.unqualify("app.mood[]")).isEqualTo("mood[]");
        assertThat(app.unqualify("'x'::app.mood")).isEqualTo("'x'::mood");
        assertThat(app.unqualify("app.f(app.g(1))")).isEqualTo("f(g(1))");
        assertThat(mixed.unqualify("nextval('\"My Schema\".\"Seq\"'::regclass)")).isEqualTo("nextval('\"Seq\"'::regclass)");
        assertThat(mixed.unqualify("\"My Schema\".mood")).isEqualTo("mood");
    }

    @Test
    void leavesEverythingElse() {
        assertThat(app.unqualify(null)).isNull();
        assertThat(app.unqualify("other.mood")).isEqualTo("other.mood");
        assertThat(app.unqualify("'app.x'::text")).isEqualTo("'app.x'::text");
        assertThat(app.unqualify("E'it''s app.x'::text || myapp.f()")).isEqualTo("E'it''s app.x'::text || myapp.f()");
        assertThat(app.unqualify("\"app.x\".y")).isEqualTo("\"app.x\".y");
        assertThat(app.unqualify("db.app.t")).isEqualTo("db.app.t");
        assertThat(app.unqualify("nextval('other.seq'::regclass)")).isEqualTo("nextval('other.seq'::regclass)");
    }
}
