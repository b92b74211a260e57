package io.github.schemadrift.hibernate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Hibernate's internals may change between versions: only this package may use Hibernate at all. */
class HibernateBoundaryTest {

    @Test
    void onlyTheHibernatePackageUsesHibernate() {
        noClasses().that().resideOutsideOfPackage("io.github.schemadrift.hibernate..")
                .should().dependOnClassesThat().resideInAPackage("org.hibernate..")
                .because("the expected-schema reader is the one place that knows Hibernate's boot model")
                .allowEmptyShould(true)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.schemadrift"));
    }
}
