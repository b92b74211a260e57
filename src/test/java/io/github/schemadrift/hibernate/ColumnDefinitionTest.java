package io.github.schemadrift.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemadrift.model.ValueGeneration;
import org.junit.jupiter.api.Test;

class ColumnDefinitionTest {

    @Test
    void hibernatesOwnTypeIsKeptAsItIs() {
        assertThat(ColumnDefinition.of("timestamp(6) with time zone", false))
                .isEqualTo(new ColumnDefinition("timestamp(6) with time zone", false, null, ValueGeneration.NONE));
    }

    @Test
    void typeOnly() {
        assertThat(ColumnDefinition.of("double precision", true))
                .isEqualTo(new ColumnDefinition("double precision", false, null, ValueGeneration.NONE));
        assertThat(ColumnDefinition.of("numeric(10, 2)", true).type()).isEqualTo("numeric(10, 2)");
    }

    @Test
    void notNullAndDefault() {
        assertThat(ColumnDefinition.of("text not null default 'x'", true))
                .isEqualTo(new ColumnDefinition("text", true, "'x'", ValueGeneration.NONE));
        assertThat(ColumnDefinition.of("varchar(20) DEFAULT 'not null' NOT NULL", true))
                .isEqualTo(new ColumnDefinition("varchar(20)", true, "'not null'", ValueGeneration.NONE));
        assertThat(ColumnDefinition.of("timestamp default now() null", true))
                .isEqualTo(new ColumnDefinition("timestamp", false, "now()", ValueGeneration.NONE));
        assertThat(ColumnDefinition.of("integer default (1 + 2) check (x > 0)", true))
                .isEqualTo(new ColumnDefinition("integer", false, "(1 + 2)", ValueGeneration.NONE));
        assertThat(ColumnDefinition.of("text default null not null", true))
                .isEqualTo(new ColumnDefinition("text", true, null, ValueGeneration.NONE));
    }

    @Test
    void generation() {
        assertThat(ColumnDefinition.of("bigint generated always as identity", true))
                .isEqualTo(new ColumnDefinition("bigint", false, null, ValueGeneration.IDENTITY));
        assertThat(ColumnDefinition.of("bigserial", true).generation()).isEqualTo(ValueGeneration.IDENTITY);
        assertThat(ColumnDefinition.of("integer generated always as (a * 2) stored", true))
                .isEqualTo(new ColumnDefinition("integer", false, null, ValueGeneration.COMPUTED));
        assertThat(ColumnDefinition.of("uuid primary key", true).notNull()).isTrue();
    }
}
