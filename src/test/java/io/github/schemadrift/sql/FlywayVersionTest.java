package io.github.schemadrift.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlywayVersionTest {

    @ParameterizedTest
    @CsvSource({
            "V1__create_users.sql, 1",
            "V1.1__add_index.sql, 1.1",
            "V2_1__split.sql, 2_1",
            "V20251028_120000__timestamped.sql, 20251028_120000",
            "V007__padded.sql, 007",
    })
    void readsTheVersionOfAVersionedMigration(String fileName, String version) {
        assertThat(FlywayVersion.ofFileName(fileName)).contains(new FlywayVersion(version));
    }

    @ParameterizedTest
    @CsvSource({"R__views.sql", "U2__undo.sql", "V1_create.sql", "V1__x.txt", "v1__lower.sql", "Vx__y.sql", "README.md"})
    void otherFilesHaveNoVersion(String fileName) {
        assertThat(FlywayVersion.ofFileName(fileName)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
            "1, 2",
            "9, 10",
            "1.1, 1.2",
            "2_1, 2_2",
            "2_9, 2_10",
            "007, 008",
            "009, 010",
            "99, 100",
            "20251028_120000, 20251028_120001",
    })
    void nextAddsOneToTheLastNumberAndKeepsTheShape(String version, String next) {
        FlywayVersion current = new FlywayVersion(version);

        assertThat(current.next()).isEqualTo(new FlywayVersion(next));
        assertThat(current.next()).isGreaterThan(current);
    }

    @Test
    void ordersNumberByNumberTheWayFlywayDoes() {
        List<String> sorted = List.of("2", "1.10", "1", "1.2", "1_1_1", "10", "1.0.1").stream()
                .map(FlywayVersion::new).sorted(Comparator.naturalOrder()).map(FlywayVersion::text).toList();

        assertThat(sorted).containsExactly("1", "1.0.1", "1_1_1", "1.2", "1.10", "2", "10");
        assertThat(new FlywayVersion("1")).isEqualByComparingTo(new FlywayVersion("1.0"));
    }

    @Test
    void namesTheFile() {
        assertThat(new FlywayVersion("2").fileName("fix_schema_drift")).isEqualTo("V2__fix_schema_drift.sql");
    }
}
