package io.github.schemadrift.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.SchemaDriftInputException;
import io.github.schemadrift.fixtures.rich.Label;
import io.github.schemadrift.fixtures.rich.RichModel;
import io.github.schemadrift.fixtures.rich.User;
import io.github.schemadrift.fixtures.schemas.TableInA;
import io.github.schemadrift.fixtures.schemas.TableInB;
import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.mapping.PersistentClass;
import org.junit.jupiter.api.Test;

class HibernateMetadataTest {

    @Test
    void packageScanningFindsEveryEntity() {
        Metadata metadata = HibernateMetadata.build(ModelSources.ofPackages(RichModel.PACKAGE));
        assertThat(metadata.getEntityBindings()).extracting(PersistentClass::getClassName)
                .containsExactlyInAnyOrderElementsOf(RichModel.CLASSES.stream()
                        .filter(c -> c.isAnnotationPresent(jakarta.persistence.Entity.class))
                        .map(Class::getName)
                        .toList());
        assertThat(ExpectedSchemaReader.read(metadata))
                .isEqualTo(ExpectedSchemaReader.read(HibernateMetadata.build(ModelSources.ofClasses(RichModel.classes()))));
    }

    @Test
    void aPackageWithoutEntitiesIsAnInputError() {
        assertThatThrownBy(() -> HibernateMetadata.build(ModelSources.ofPackages("io.github.schemadrift.no.such")))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("No entity found")
                .hasMessageContaining("io.github.schemadrift.no.such")
                .hasMessageContaining("class loader");
    }

    @Test
    void persistenceUnitListsClassesAndSettings() {
        SchemaSnapshot snapshot = ExpectedSchemaReader.read(
                HibernateMetadata.build(ModelSources.ofPersistenceUnit("rich-subset")));
        assertThat(snapshot.tables()).extracting(Table::name).containsExactly(
                TableName.of("unit_schema", "label"), TableName.of("unit_schema", "user"));
        assertThat(snapshot.tables().get(0).source()).isEqualTo(Label.class.getName());
        assertThat(snapshot.tables().get(1).source()).isEqualTo(User.class.getName());
    }

    @Test
    void callerSettingsWinOverTheUnitsProperties() {
        SchemaSnapshot snapshot = ExpectedSchemaReader.read(HibernateMetadata.build(
                ModelSources.ofPersistenceUnit("rich-subset").withSetting("hibernate.default_schema", "mine")));
        assertThat(snapshot.schemas()).containsExactly("mine");
    }

    @Test
    void anUnknownPersistenceUnitIsAnInputError() {
        assertThatThrownBy(() -> HibernateMetadata.build(ModelSources.ofPersistenceUnit("nope")))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("'nope'")
                .hasMessageContaining("rich-subset");
    }

    @Test
    void defaultSchemaQualifiesUnqualifiedTables() {
        SchemaSnapshot snapshot = read(ModelSources.ofClasses(Label.class, TableInA.class)
                .withSetting("hibernate.default_schema", "app"));
        assertThat(snapshot.tables()).extracting(Table::name)
                .containsExactly(TableName.of("a", "t"), TableName.of("app", "label"));
    }

    @Test
    void sameTableNameInTwoSchemasIsTwoTables() {
        SchemaSnapshot snapshot = read(ModelSources.ofClasses(TableInA.class, TableInB.class));
        assertThat(snapshot.tables()).extracting(Table::name)
                .containsExactly(TableName.of("a", "t"), TableName.of("b", "t"));
        assertThat(snapshot.table(TableName.of("a", "t")).orElseThrow().columns()).extracting(Column::name)
                .containsExactly("id", "froma");
        assertThat(snapshot.table(TableName.of("b", "t")).orElseThrow().columns()).extracting(Column::name)
                .containsExactly("id", "fromb");
    }

    @Test
    void physicalNamingStrategyRenamesTablesAndColumns() {
        SchemaSnapshot snapshot = read(ModelSources.ofClasses(RichModel.classes())
                .withSetting("hibernate.physical_naming_strategy", new PrefixingNamingStrategy()));
        Table allTypes = snapshot.table(TableName.of(null, "app_alltypes")).orElseThrow();
        assertThat(allTypes.column("primitiveint")).isPresent();
        assertThat(snapshot.table(TableName.of(null, "app_customer_label")).orElseThrow().foreignKeys())
                .allSatisfy(fk -> assertThat(fk.referencedTable().name()).startsWith("app_"));
    }

    @Test
    void camelCaseToUnderscoresByClassName() {
        SchemaSnapshot snapshot = read(ModelSources.ofClasses(RichModel.classes())
                .withSetting("hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName()));
        assertThat(snapshot.table(TableName.of(null, "all_types")).orElseThrow().column("primitive_int")).isPresent();
        assertThat(snapshot.table(TableName.of(null, "card_payment"))).isPresent();
    }

    @Test
    void globallyQuotedIdentifiersKeepTheirCase() {
        SchemaSnapshot snapshot = read(ModelSources.ofClasses(Label.class)
                .withSetting("hibernate.globally_quoted_identifiers", "true"));
        assertThat(snapshot.tables()).extracting(Table::name).containsExactly(TableName.of(null, "Label"));
    }

    @Test
    void preferredUuidJdbcTypeChangesTheType() {
        SchemaSnapshot snapshot = read(ModelSources.ofClasses(User.class)
                .withSetting("hibernate.type.preferred_uuid_jdbc_type", "CHAR"));
        assertThat(snapshot.table(TableName.of(null, "user")).orElseThrow().column("id").orElseThrow().type())
                .isEqualTo("char(36)");
    }

    @Test
    void anInvalidMappingIsAnInputError() {
        assertThatThrownBy(() -> HibernateMetadata.build(ModelSources.ofClasses(Broken.class)))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("Hibernate could not build the mapping");
    }

    @Test
    void aDialectOtherThanPostgresqlIsAnInputError() {
        assertThatThrownBy(() -> HibernateMetadata.build(ModelSources.ofClasses(Label.class)
                        .withSetting("hibernate.dialect", "org.hibernate.dialect.H2Dialect")))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("H2Dialect")
                .hasMessageContaining("PostgreSQL");
    }

    private static SchemaSnapshot read(ModelSources sources) {
        return ExpectedSchemaReader.read(HibernateMetadata.build(sources));
    }

    /** Prefixes every table name with {@code app_}. */
    static final class PrefixingNamingStrategy implements PhysicalNamingStrategy {
        @Override public Identifier toPhysicalCatalogName(Identifier name, JdbcEnvironment env) { return name; }
        @Override public Identifier toPhysicalSchemaName(Identifier name, JdbcEnvironment env) { return name; }
        @Override public Identifier toPhysicalSequenceName(Identifier name, JdbcEnvironment env) { return name; }
        @Override public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment env) { return name; }
        @Override public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment env) {
            return Identifier.toIdentifier("app_" + name.getText(), name.isQuoted());
        }
    }

    /** An entity without an id: Hibernate rejects it. */
    @jakarta.persistence.Entity
    static class Broken {
        private String name;
    }
}
