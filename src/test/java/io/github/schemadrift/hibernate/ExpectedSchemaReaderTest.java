package io.github.schemadrift.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemadrift.fixtures.rich.AllTypes;
import io.github.schemadrift.fixtures.rich.Car;
import io.github.schemadrift.fixtures.rich.Customer;
import io.github.schemadrift.fixtures.rich.Invoice;
import io.github.schemadrift.fixtures.rich.RichModel;
import io.github.schemadrift.fixtures.rich.Truck;
import io.github.schemadrift.fixtures.rich.Vehicle;
import io.github.schemadrift.fixtures.keys.Account;
import io.github.schemadrift.fixtures.keys.Membership;
import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.ForeignKey;
import io.github.schemadrift.model.ReferentialAction;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Source;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.UniqueKey;
import io.github.schemadrift.model.ValueGeneration;
import io.github.schemadrift.testing.HibernateDdl;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExpectedSchemaReaderTest {

    private static SchemaSnapshot rich;

    @BeforeAll
    static void readRichModel() {
        rich = ExpectedSchemaReader.read(HibernateMetadata.build(ModelSources.ofClasses(RichModel.classes())));
    }

    @Test
    void everyPhysicalTableIsRead_andTheAbstractTablePerClassRootIsNot() {
        assertThat(rich.tables()).extracting(Table::name).containsExactly(
                TableName.of(null, "alltypes"),
                TableName.of(null, "bankpayment"),
                TableName.of(null, "cardpayment"),
                TableName.of(null, "customer"),
                TableName.of(null, "customer_detail"),
                TableName.of(null, "customer_label"),
                TableName.of(null, "customer_phone"),
                TableName.of(null, "customer_tags"),
                TableName.of(null, "invoice"),
                TableName.of(null, "label"),
                TableName.of(null, "payment"),
                TableName.of(null, "receipt"),
                TableName.of(null, "user"),
                TableName.of(null, "vehicle"));
        assertThat(rich.table(TableName.of(null, "document"))).isEmpty();
    }

    @Test
    void typesAreHibernatesDdlSpelling() {
        Table allTypes = table("alltypes");
        assertThat(type(allTypes, "plainstring")).isEqualTo("varchar(255)");
        assertThat(type(allTypes, "shortstring")).isEqualTo("varchar(32)");
        assertThat(type(allTypes, "money")).isEqualTo("numeric(12,2)");
        assertThat(type(allTypes, "defaultdecimal")).isEqualTo("numeric(38,2)");
        assertThat(type(allTypes, "wrapperdouble")).isEqualTo("float(53)");
        assertThat(type(allTypes, "offsetdatetime")).isEqualTo("timestamp(6) with time zone");
        assertThat(type(allTypes, "uuid")).isEqualTo("uuid");
        assertThat(type(allTypes, "jsonmap")).isEqualTo("jsonb");
        assertThat(type(allTypes, "stringarray")).isEqualTo("varchar(255) array");
        assertThat(type(allTypes, "ordinalstatus")).isEqualTo("smallint");
        assertThat(type(allTypes, "stringstatus")).isEqualTo("varchar(255)");
    }

    @Test
    void nullabilityDefaultsAndGeneration() {
        Table allTypes = table("alltypes");
        assertThat(column(allTypes, "id").generation()).isEqualTo(ValueGeneration.IDENTITY);
        assertThat(column(allTypes, "id").nullable()).isFalse();
        assertThat(column(allTypes, "primitiveint").nullable()).isFalse();
        assertThat(column(allTypes, "wrapperint").nullable()).isTrue();
        assertThat(column(allTypes, "state").defaultValue()).isEqualTo("'pending'");
        assertThat(column(allTypes, "counter").defaultValue()).isEqualTo("0");
        assertThat(column(table("customer"), "id").generation()).isEqualTo(ValueGeneration.NONE);
    }

    @Test
    void columnDefinitionIsSplitIntoTypeNullabilityAndDefault() {
        Column defined = column(table("alltypes"), "definedtext");
        assertThat(defined.type()).isEqualTo("text");
        assertThat(defined.nullable()).isFalse();
        assertThat(defined.defaultValue()).isEqualTo("'x'");
    }

    @Test
    void primitiveAttributesHavePrimitiveJavaTypes() {
        Source source = column(table("alltypes"), "primitiveint").source();
        assertThat(source).isEqualTo(new Source(AllTypes.class.getName(), "primitiveInt", "int"));
        assertThat(source.primitive()).isTrue();
        assertThat(column(table("alltypes"), "wrapperint").source().primitive()).isFalse();
        assertThat(column(table("alltypes"), "bytes").source().javaType()).isEqualTo("byte[]");
    }

    @Test
    void singleTable_subclassColumnsAreNullable_andTheDiscriminatorIsNamed() {
        Table vehicle = table("vehicle");
        assertThat(vehicle.source()).isEqualTo(Vehicle.class.getName());
        Column doors = column(vehicle, "doors");
        assertThat(doors.nullable()).isTrue();
        assertThat(doors.source()).isEqualTo(new Source(Car.class.getName(), "doors", "int"));
        assertThat(column(vehicle, "payload").nullable()).as("@NotNull on a single-table subclass").isTrue();
        assertThat(column(vehicle, "payload").source().entity()).isEqualTo(Truck.class.getName());
        assertThat(column(vehicle, "kind").source())
                .isEqualTo(new Source(Vehicle.class.getName(), ExpectedSchemaReader.DISCRIMINATOR, null));
        assertThat(column(vehicle, "kind").nullable()).isFalse();
    }

    @Test
    void joined_subclassTableHasTheKeyReferencingTheParent() {
        Table card = table("cardpayment");
        assertThat(card.primaryKey()).containsExactly("id");
        assertThat(column(card, "id").source().attribute()).isEqualTo("id");
        assertThat(card.foreignKeys()).extracting(ForeignKey::columns, ForeignKey::referencedTable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("id"), TableName.of(null, "payment")));
    }

    @Test
    void tablePerClass_concreteTablesRepeatTheRootColumns_attributedToTheConcreteEntity() {
        Table invoice = table("invoice");
        assertThat(invoice.columns()).extracting(Column::name).containsExactly("id", "title", "customer_id", "total");
        assertThat(column(invoice, "title").source()).isEqualTo(new Source(Invoice.class.getName(), "title",
                "java.lang.String"));
        assertThat(column(invoice, "customer_id").source().attribute()).isEqualTo("customer");
        assertThat(column(invoice, "customer_id").source().javaType()).isEqualTo(Customer.class.getName());
    }

    @Test
    void mappedSuperclassAndEmbeddedColumnsBelongToTheEntity() {
        Table customer = table("customer");
        assertThat(customer.source()).isEqualTo(Customer.class.getName());
        assertThat(column(customer, "version").source()).isEqualTo(new Source(Customer.class.getName(), "version", "int"));
        assertThat(column(customer, "createdat").source().attribute()).isEqualTo("createdAt");
        assertThat(column(customer, "city").source().toString()).isEqualTo(Customer.class.getName() + "#address.city");
        assertThat(column(customer, "postal_code").source().attribute()).isEqualTo("address.zip");
    }

    @Test
    void secondaryTable() {
        Table detail = table("customer_detail");
        assertThat(detail.source()).isEqualTo(Customer.class.getName());
        assertThat(column(detail, "notes").source().attribute()).isEqualTo("notes");
        assertThat(column(detail, "notes").type()).isEqualTo("varchar(2000)");
        assertThat(column(detail, "id").source().attribute()).isEqualTo("id");
        assertThat(detail.foreignKeys()).extracting(ForeignKey::referencedTable)
                .containsExactly(TableName.of(null, "customer"));
    }

    @Test
    void collectionAndJoinTablesNameTheirRole() {
        String owner = Customer.class.getName();
        Table tags = table("customer_tags");
        assertThat(tags.source()).isEqualTo(owner + "#tags");
        assertThat(column(tags, "customer_id").source().toString()).isEqualTo(owner + "#tags");
        assertThat(column(tags, "tags").source().javaType()).isEqualTo("java.lang.String");

        Table phones = table("customer_phone");
        assertThat(phones.source()).isEqualTo(owner + "#phones");
        assertThat(phones.primaryKey()).containsExactly("customer_id", "position");
        assertThat(column(phones, "position").source().toString()).isEqualTo(owner + "#phones");
        assertThat(column(phones, "number").source().toString()).isEqualTo(owner + "#phones.number");

        Table labels = table("customer_label");
        assertThat(labels.source()).isEqualTo(owner + "#labels");
        assertThat(labels.primaryKey()).containsExactly("customer_id", "label_id");
        assertThat(labels.foreignKeys()).extracting(ForeignKey::referencedTable).containsExactlyInAnyOrder(
                TableName.of(null, "customer"), TableName.of(null, "label"));
        assertThat(column(labels, "label_id").source().toString()).isEqualTo(owner + "#labels");
    }

    @Test
    void quotedNamesKeepTheirCase_unquotedAreFolded() {
        Table user = table("user");
        assertThat(user.columns()).extracting(Column::name).containsExactly("id", "Login");
        assertThat(rich.table(TableName.of(null, "User"))).isEmpty();
    }

    @Test
    void beanValidationConstraintsAreApplied() {
        Column name = column(table("customer"), "name");
        assertThat(name.nullable()).as("@NotNull").isFalse();
        assertThat(name.type()).as("@Size(max = 80)").isEqualTo("varchar(80)");
        assertThat(column(table("alltypes"), "measured").type()).as("@Digits(8, 3)").isEqualTo("numeric(11,3)");
        assertThat(column(table("vehicle"), "registration").nullable()).as("@NotNull on a root").isFalse();
        // Hibernate only follows @Valid into embeddables, so @Size on Address.street is not applied.
        assertThat(column(table("customer"), "street").type()).isEqualTo("varchar(255)");
    }

    @Test
    void beanValidationModeNoneLeavesTheColumnsAlone() {
        SchemaSnapshot plain = ExpectedSchemaReader.read(HibernateMetadata.build(ModelSources.ofClasses(RichModel.classes())
                .withSetting("jakarta.persistence.validation.mode", "none")));
        Column name = plain.table(TableName.of(null, "customer")).orElseThrow().column("name").orElseThrow();
        assertThat(name.nullable()).isTrue();
        assertThat(name.type()).isEqualTo("varchar(255)");
    }

    @Test
    void foreignKeysCarryTheirOnDeleteAction() {
        Table membership = keys().table(TableName.of(null, "membership")).orElseThrow();
        assertThat(membership.foreignKeys()).extracting(fk -> fk.columns().get(0), ForeignKey::onDelete)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("member_id", ReferentialAction.CASCADE),
                        org.assertj.core.groups.Tuple.tuple("invitedby_id", ReferentialAction.SET_NULL),
                        org.assertj.core.groups.Tuple.tuple("sponsor_id", ReferentialAction.NO_ACTION));
        assertThat(table("cardpayment").foreignKeys()).extracting(ForeignKey::onDelete)
                .containsOnly(ReferentialAction.NO_ACTION);
    }

    @Test
    void uniqueKeysComeFromConstraintsNaturalIdsAndUniqueColumns_onePerSetOfColumns() {
        Table account = keys().table(TableName.of(null, "account")).orElseThrow();
        assertThat(account.uniqueKeys()).extracting(UniqueKey::columns).containsExactlyInAnyOrder(
                List.of("tenant", "login"), List.of("region", "phone"), List.of("handle"), List.of("code"),
                List.of("email"));
        // Names as Hibernate's schema migration writes them: explicit ones, else its generated UK… hash, folded.
        assertThat(account.uniqueKeys()).extracting(UniqueKey::name)
                .contains("uk_account_tenant_login", "uk_account_handle")
                .allMatch(name -> name.startsWith("uk") && name.equals(name.toLowerCase(java.util.Locale.ROOT)));
        assertThat(account.uniqueKeys()).extracting(UniqueKey::name)
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(keys().table(TableName.of(null, "membership")).orElseThrow().uniqueKeys())
                .extracting(UniqueKey::columns).containsExactly(List.of("sponsor_id"));
        assertThat(table("label").uniqueKeys()).extracting(UniqueKey::columns).containsExactly(List.of("text"));
        assertThat(table("customer").uniqueKeys()).isEmpty();
    }

    @Test
    void uniqueKeysReadTheSameAfterHibernatesExporterAddedItsOwn() {
        var metadata = HibernateMetadata.build(ModelSources.ofClasses(Account.class, Membership.class));
        SchemaSnapshot before = ExpectedSchemaReader.read(metadata);
        HibernateDdl.createStatements(metadata); // turns unique columns into unique keys of the boot model
        assertThat(ExpectedSchemaReader.read(metadata)).isEqualTo(before);
    }

    @Test
    void readingTwiceGivesTheSameSnapshot() {
        var metadata = HibernateMetadata.build(ModelSources.ofClasses(RichModel.classes()));
        assertThat(ExpectedSchemaReader.read(metadata)).isEqualTo(ExpectedSchemaReader.read(metadata)).isEqualTo(rich);
    }

    private static SchemaSnapshot keys() {
        return ExpectedSchemaReader.read(HibernateMetadata.build(ModelSources.ofClasses(Account.class, Membership.class)));
    }

    private static Table table(String name) {
        return rich.table(TableName.of(null, name)).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> new AssertionError("no column " + table.name() + "." + name));
    }

    private static String type(Table table, String name) {
        return column(table, name).type();
    }
}
