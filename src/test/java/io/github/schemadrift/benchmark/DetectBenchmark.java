package io.github.schemadrift.benchmark;

import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.database.CatalogReader;
import io.github.schemadrift.hibernate.HibernateMetadata;
import io.github.schemadrift.hibernate.ModelSources;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Measures detection against Hibernate's own validation, on N tables × 15 columns with matching
 * generated entities. Run it with {@code mvn -Pbenchmark test-compile exec:exec} (see docs/performance.md);
 * arguments: a comma-separated list of table counts (default 100,500,2000) and the runs per measurement.
 * It prints the median milliseconds of each step; Hibernate boot is left out of every number, since every
 * tool pays it.
 */
public final class DetectBenchmark {

    private static final String RAW_QUERY = """
            SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            """;

    private DetectBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args table counts (comma-separated) and runs per measurement
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100,500,2000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        System.out.printf("schemadrift benchmark: %d runs per step, median ms, JDK %s, max heap %d MB%n",
                runs, Runtime.version(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println("| tables | columns | raw pg_catalog query | CatalogReader.read | SchemaDrift.detect | Hibernate validate | drifts |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int tables : sizes) {
            measure(tables, runs);
        }
        System.out.printf("all steps ran within the %d MB heap cap; peak old-generation use %d MB%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), peakOldGenerationMegabytes());
    }

    private static void measure(int tables, int runs) throws Exception {
        FreshDatabase database = TestDatabase.create();
        database.execute(GeneratedModel.ddl(tables));
        List<Class<?>> entities = GeneratedModel.entities(tables);
        Metadata metadata = HibernateMetadata.build(new ModelSources(
                entities, List.of(), entities.get(0).getClassLoader(), null, Map.of()));
        SchemaDrift check = SchemaDrift.configure()
                .metadata(metadata)
                .url(database.url(), database.user(), database.password())
                .load();

        DriftReport report = check.detect();
        try (Connection connection = database.connect()) {
            double raw = median(runs, () -> {
                int rows = 0;
                try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(RAW_QUERY)) {
                    while (results.next()) {
                        rows++;
                    }
                }
                return rows;
            });
            double read = median(runs, () -> CatalogReader.read(connection, Set.of("public")).tables().size());
            double detect = median(runs, () -> check.detect().drifts().size());
            double validate;
            try (StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                    .applySetting("hibernate.connection.url", database.url())
                    .applySetting("hibernate.connection.username", database.user())
                    .applySetting("hibernate.connection.password", database.password())
                    .applySetting("hibernate.hbm2ddl.jdbc_metadata_extraction_strategy", "grouped")
                    .build()) {
                Map<String, Object> settings = registry.requireService(ConfigurationService.class).getSettings();
                ExecutionOptions options = SchemaManagementToolCoordinator.buildExecutionOptions(settings, ExceptionHandlerHaltImpl.INSTANCE);
                var validator = registry.requireService(SchemaManagementTool.class).getSchemaValidator(settings);
                validate = median(runs, () -> {
                    validator.doValidation(metadata, options, ContributableMatcher.ALL);
                    return 0;
                });
            }
            System.out.printf("| %d | %d | %.0f | %.0f | %.0f | %.0f | %d |%n",
                    tables, tables * 15, raw, read, detect, validate, report.drifts().size());
        }
    }

    /** Two warm-up runs, then the median of {@code runs}. */
    private static double median(int runs, Callable<Object> step) throws Exception {
        step.call();
        step.call();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            step.call();
            times.add((System.nanoTime() - start) / 1_000_000.0);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    /** What survived collections at its peak: the live data, unlike young-generation churn. */
    private static long peakOldGenerationMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
