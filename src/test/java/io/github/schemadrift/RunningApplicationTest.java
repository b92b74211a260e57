package io.github.schemadrift;

import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.fixtures.running.CustomerOrder;
import io.github.schemadrift.hibernate.MetadataCapture;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import java.util.Collection;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.integrator.spi.Integrator;
import org.junit.jupiter.api.Test;

/** A real EntityManagerFactory, built as an application builds it, checked with its own model and settings. */
class RunningApplicationTest {

    @Test
    void theApplicationsOwnNamingStrategyIsUsedAndItsOwnDdlHasNoDrift() {
        FreshDatabase database = TestDatabase.create();
        try (EntityManagerFactory emf = applicationFactory(database)) {
            emf.getSchemaManager().create(true);

            SchemaDrift check = SchemaDrift.of(emf, database.dataSource());

            assertThat(check).hasNoDrift();
            assertThat(check.detect().model()).isEqualTo("Hibernate model of the running factory 'orders' (1 entity)");
            // the same entity without the application's naming strategy expects other names: proof it was used
            assertThat(SchemaDrift.configure().entities(CustomerOrder.class).dataSource(database.dataSource()).load())
                    .hasDrift(DriftKind.MISSING_TABLE, "customerorder", null);
        }
    }

    @Test
    void aDriftedDatabaseFailsNamingTheAttribute() {
        FreshDatabase database = TestDatabase.create();
        try (EntityManagerFactory emf = applicationFactory(database)) {
            emf.getSchemaManager().create(true);
            database.execute("ALTER TABLE customer_order DROP COLUMN placed_at;"
                    + " ALTER TABLE customer_order ALTER COLUMN order_number TYPE varchar(20)");

            assertThatThrownBy(() -> assertThat(SchemaDrift.of(emf, database.dataSource())).hasNoDrift())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("""
                            Expecting no drift between the model and the database, but found 2:

                            2 drifts: 2 errors, 0 warnings, 0 infos
                              model:    Hibernate model of the running factory 'orders' (1 entity)
                            """)
                    .hasMessageContaining("""
                            public.customer_order
                              ERROR   SIZE_MISMATCH        order_number
                                  found:    character varying(20) not null
                                  expected: varchar(40) not null
                                  from:     io.github.schemadrift.fixtures.running.CustomerOrder#orderNumber
                            """)
                    .hasMessageContaining("""
                              ERROR   MISSING_COLUMN       placed_at
                                  found:    nothing
                                  expected: timestamp(6) with time zone not null
                                  from:     io.github.schemadrift.fixtures.running.CustomerOrder#placedAt
                            """);
        }
    }

    @Test
    void aNativeSessionFactoryIsCapturedAndForgottenWhenClosed() {
        FreshDatabase database = TestDatabase.create();
        SessionFactory sessionFactory = nativeFactory(database, new BootstrapServiceRegistryBuilder());
        try (sessionFactory) {
            sessionFactory.getSchemaManager().exportMappedObjects(true);

            assertThat(SchemaDrift.of(sessionFactory, database.dataSource())).hasNoDrift();
        }

        assertThatThrownBy(() -> SchemaDrift.of(sessionFactory, database.dataSource()))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void aFactoryBuiltWithoutOurIntegratorIsAnInputErrorNotAnEmptyModel() {
        FreshDatabase database = TestDatabase.create();
        // A class loader service that does not offer our integrator: as when schemadrift is not on the
        // class path the application's Hibernate boots from.
        ClassLoaderServiceImpl withoutSchemadrift = new ClassLoaderServiceImpl(RunningApplicationTest.class.getClassLoader()) {
            @Override
            @SuppressWarnings("unchecked")
            public <S> Collection<S> loadJavaServices(Class<S> serviceContract) {
                Collection<S> services = super.loadJavaServices(serviceContract);
                return serviceContract == Integrator.class
                        ? (Collection<S>) services.stream().filter(s -> !(s instanceof MetadataCapture)).toList()
                        : services;
            }
        };
        try (SessionFactory sessionFactory = nativeFactory(database,
                new BootstrapServiceRegistryBuilder().applyClassLoaderService(withoutSchemadrift))) {

            assertThatThrownBy(() -> SchemaDrift.of(sessionFactory, database.dataSource()))
                    .isInstanceOf(SchemaDriftInputException.class)
                    .hasMessageStartingWith("The SessionFactory 'unwired' was built without schemadrift's Hibernate"
                            + " integrator seeing it, so its model was not recorded.")
                    .hasMessageContaining("META-INF/services/org.hibernate.integrator.spi.Integrator");
        }
    }

    @Test
    void theIntegratorLeavesTheApplicationWorking() {
        FreshDatabase database = TestDatabase.create();
        try (EntityManagerFactory emf = applicationFactory(database)) {
            emf.getSchemaManager().create(true);

            assertThatCode(() -> emf.runInTransaction(em -> em.createNativeQuery(
                            "INSERT INTO customer_order (order_number, placed_at) VALUES ('A-1', now())").executeUpdate()))
                    .doesNotThrowAnyException();
            Long count = emf.callInTransaction(em -> em.createQuery("select count(o) from CustomerOrder o", Long.class)
                    .getSingleResult());
            assertThat(count).isEqualTo(1L);
            assertThat(database.query("SELECT order_number FROM customer_order")).hasSize(1);
        }
    }

    /** As an application configures JPA: its own DataSource, no schema management, a physical naming strategy. */
    private static EntityManagerFactory applicationFactory(FreshDatabase database) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("orders")
                .managedClass(CustomerOrder.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
                .property(AvailableSettings.HBM2DDL_AUTO, "none")
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
        return Persistence.createEntityManagerFactory(configuration);
    }

    private static SessionFactory nativeFactory(FreshDatabase database, BootstrapServiceRegistryBuilder bootstrap) {
        var registry = new StandardServiceRegistryBuilder(bootstrap.build())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName())
                .applySetting(AvailableSettings.SESSION_FACTORY_NAME, "unwired")
                .applySetting(AvailableSettings.SESSION_FACTORY_NAME_IS_JNDI, "false")
                .build();
        return new MetadataSources(registry).addAnnotatedClasses(List.of(CustomerOrder.class).toArray(Class<?>[]::new))
                .buildMetadata()
                .buildSessionFactory();
    }
}
