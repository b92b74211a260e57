package io.github.schemadrift.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresTypeRulesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            int                           | integer
            int4                          | integer
            serial                        | integer
            serial4                       | integer
            serial8                       | bigint
            smallserial                   | smallint
            serial2                       | smallint
            timetz                        | time(6) with time zone
            time                          | time(6) without time zone
            int8                          | bigint
            bigserial                     | bigint
            int2                          | smallint
            bool                          | boolean
            float8                        | double precision
            float(53)                     | double precision
            float4                        | real
            float(24)                     | real
            varchar(255)                  | character varying(255)
            VARCHAR (255)                 | character varying(255)
            varchar                       | character varying
            char(1)                       | character(1)
            char                          | character(1)
            bpchar                        | character
            timestamptz                   | timestamp(6) with time zone
            timestamp(6) with time zone   | timestamp(6) with time zone
            timestamp                     | timestamp(6) without time zone
            timestamp(3)                  | timestamp(3) without time zone
            time(6)                       | time(6) without time zone
            _text                         | text[]
            text[]                        | text[]
            varchar(255) array            | character varying(255)[]
            _int4                         | integer[]
            decimal(10,2)                 | numeric(10,2)
            numeric(10, 2)                | numeric(10,2)
            interval second(6)            | interval second(6)
            "my_enum"                     | my_enum
            """)
    void aliasesParseToOneCanonicalType(String declaration, String canonical) {
        assertThat(PostgresType.parse(declaration)).hasToString(canonical);
    }

    @ParameterizedTest(name = "model {0}, database {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            integer                       | int4                          | SAME
            integer                       | serial                        | SAME
            bigint                        | bigserial                     | SAME
            boolean                       | bool                          | SAME
            float(53)                     | double precision              | SAME
            float(24)                     | real                          | SAME
            timestamp(6) with time zone   | timestamptz                   | SAME
            timestamp(6)                  | timestamp without time zone   | SAME
            varchar(255)                  | character varying(255)        | SAME
            char(1)                       | bpchar(1)                     | SAME
            text[]                        | _text                         | SAME
            text                          | character varying             | SAME
            varchar(100)                  | varchar(50)                   | SIZE_NARROWER
            varchar(100)                  | varchar(200)                  | SIZE_WIDER
            numeric(19,2)                 | numeric(10,2)                 | SIZE_NARROWER
            numeric(10,2)                 | numeric(19,2)                 | SIZE_WIDER
            numeric(10,2)                 | numeric(10,1)                 | SIZE_NARROWER
            numeric(10,2)                 | numeric                       | SIZE_WIDER
            numeric                       | numeric(10,2)                 | SIZE_NARROWER
            timestamp(6)                  | timestamp(3)                  | SIZE_NARROWER
            varchar(255)                  | text                          | TYPE_WIDER
            char(1)                       | text                          | TYPE_WIDER
            varchar(10)                   | char(20)                      | TYPE_WIDER
            char(10)                      | varchar(10)                   | TYPE_WIDER
            varchar(10)                   | char(5)                       | TYPE_INCOMPATIBLE
            varchar(255)                  | varchar                       | SIZE_WIDER
            text                          | varchar(255)                  | TYPE_INCOMPATIBLE
            integer                       | bigint                        | TYPE_WIDER
            bigint                        | integer                       | TYPE_INCOMPATIBLE
            smallint                      | integer                       | TYPE_WIDER
            real                          | double precision              | TYPE_WIDER
            double precision              | real                          | TYPE_INCOMPATIBLE
            timestamp(6) with time zone   | timestamp                     | TYPE_INCOMPATIBLE
            timestamp(6)                  | timestamptz                   | TYPE_INCOMPATIBLE
            jsonb                         | json                          | TYPE_INCOMPATIBLE
            uuid                          | text                          | TYPE_INCOMPATIBLE
            oid                           | text                          | TYPE_INCOMPATIBLE
            oid                           | bytea                         | TYPE_INCOMPATIBLE
            float(53)                     | numeric(19,2)                 | TYPE_INCOMPATIBLE
            numeric(19,2)                 | double precision              | TYPE_INCOMPATIBLE
            text[]                        | text                          | TYPE_INCOMPATIBLE
            integer                       | boolean                       | TYPE_INCOMPATIBLE
            """)
    void comparesModelWithDatabase(String expected, String actual, TypeComparison comparison) {
        assertThat(PostgresTypeRules.compare(expected, actual)).isEqualTo(comparison);
    }
}
