package io.github.schemadrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemadrift.fixtures.rich.RichModel;
import io.github.schemadrift.hibernate.HibernateMetadata;
import io.github.schemadrift.hibernate.ModelSources;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.report.TextReport;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.HibernateDdl;
import io.github.schemadrift.testing.TestDatabase;
import org.hibernate.boot.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The first oracle: the DDL Hibernate itself generates for a model shows zero drift of any severity.
 * And the same schema written by hand, the way people write it, shows nothing worse than INFO.
 */
class OracleTest {

    @Test
    void hibernatesOwnDdlForTheRichModelHasZeroDrift() {
        Metadata metadata = HibernateMetadata.build(ModelSources.ofClasses(RichModel.classes()));
        FreshDatabase database = TestDatabase.create();
        database.execute(HibernateDdl.createScript(metadata));

        DriftReport report = SchemaDrift.configure()
                .metadata(metadata)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();

        assertThat(report.drifts()).as(TextReport.render(report)).isEmpty();
    }

    @Test
    void theRichModelScannedFromItsPackageHasZeroDriftToo() {
        Metadata metadata = HibernateMetadata.build(ModelSources.ofClasses(RichModel.classes()));
        FreshDatabase database = TestDatabase.create();
        database.execute(HibernateDdl.createScript(metadata));

        DriftReport report = SchemaDrift.configure()
                .packages(RichModel.PACKAGE)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();

        assertThat(report.drifts()).as(TextReport.render(report)).isEmpty();
    }

    @Test
    void aHandWrittenSchemaHasNoErrorOrWarning() {
        FreshDatabase database = TestDatabase.create();
        database.execute(SeedIncidentsTest.resource("schemas/rich-handwritten.sql"));

        DriftReport report = SchemaDrift.configure()
                .entities(RichModel.classes())
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();

        assertThat(report.hasDriftAtOrAbove(Severity.WARNING)).as(TextReport.render(report)).isFalse();
    }
}
