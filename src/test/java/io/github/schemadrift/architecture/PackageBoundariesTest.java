package io.github.schemadrift.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package boundaries of the design: each third-party API is touched by exactly one package. */
@AnalyzeClasses(packages = "io.github.schemadrift", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageBoundariesTest {

    @ArchTest
    static final ArchRule onlyHibernatePackageTouchesHibernate = noClasses()
            .that().resideOutsideOfPackage("io.github.schemadrift.hibernate..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.hibernate..")
                    // the facade accepts a caller's boot model; it only passes it on
                    .and(JavaClass.Predicates.type(org.hibernate.boot.Metadata.class).negate()))
            .because("only the hibernate package reads Hibernate's mapping model");

    @ArchTest
    static final ArchRule onlyDatabasePackageTouchesSchemaCrawler = noClasses()
            .that().resideOutsideOfPackage("io.github.schemadrift.database..")
            .should().dependOnClassesThat().resideInAnyPackage("schemacrawler..", "us.fatehi..")
            .because("only the database package reads the catalog through SchemaCrawler");

    @ArchTest
    static final ArchRule onlyMavenPackageTouchesMaven = noClasses()
            .that().resideOutsideOfPackage("io.github.schemadrift.maven..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..")
            .because("the Maven API is provided scope: only the Maven goals may use it");

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = classes()
            .that().resideInAPackage("io.github.schemadrift.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.github.schemadrift.model..", "java..")
            .because("the model is plain immutable values both sides share");

    @ArchTest
    static final ArchRule comparisonIsPure = classes()
            .that().resideInAPackage("io.github.schemadrift.diff..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.github.schemadrift.diff..", "io.github.schemadrift.model..", "io.github.schemadrift.sql..", "java..")
            .because("comparison is a pure function of two snapshots: no database, no Hibernate, no rendering");

    @ArchTest
    static final ArchRule renderersOnlyRender = classes()
            .that().resideInAPackage("io.github.schemadrift.report..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.github.schemadrift.report..", "io.github.schemadrift.model..", "java..")
            .because("rendering is separate from reading and comparing");

    @ArchTest
    static final ArchRule assertjAndJunitStayInTheirPackages = noClasses()
            .that().resideOutsideOfPackages("io.github.schemadrift.assertj..", "io.github.schemadrift.junit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.assertj..", "org.junit..")
            .because("AssertJ and JUnit are optional dependencies: the library must work without them");

    @ArchTest
    static final ArchRule onlyCliPackageTouchesPicocli = noClasses()
            .that().resideOutsideOfPackage("io.github.schemadrift.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..")
            .because("the command line's parsing belongs to the command line");

    @ArchTest
    static final ArchRule cliUsesOnlyTheFacadeAndItsValues = classes()
            .that().resideInAPackage("io.github.schemadrift.cli..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.github.schemadrift.cli..", "io.github.schemadrift", "io.github.schemadrift.report..",
                    "io.github.schemadrift.model..", "picocli..", "java..")
            .because("the command line is a user of the public API, like any other program");

    @ArchTest
    static final ArchRule onlyCliPrintsToTheConsole = noClasses()
            .that().resideOutsideOfPackage("io.github.schemadrift.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("a library prints nothing: the command line owns stdout and stderr");

    @ArchTest
    static final ArchRule noCyclesBetweenRoles = slices()
            .matching("io.github.schemadrift.(*)..")
            .should().beFreeOfCycles();
}
