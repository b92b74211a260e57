package io.github.schemadrift.testing;

import io.github.schemadrift.hibernate.HibernateMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.internal.FormatStyle;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.GenerationTarget;

/** Hibernate's own CREATE script for a model: what {@code hibernate.hbm2ddl.auto=create} would run. */
public final class HibernateDdl {

    private HibernateDdl() {
    }

    /**
     * The statements Hibernate's schema creator generates: schemas, sequences, tables, foreign keys.
     * Bean Validation constraints are applied first, as the expected-schema reader applies them.
     *
     * @param metadata the model
     * @return the statements
     */
    public static List<String> createStatements(Metadata metadata) {
        HibernateMetadata.applyBeanValidationConstraints(metadata);
        var registry = metadata.getDatabase().getServiceRegistry();
        Map<String, Object> settings = registry.requireService(ConfigurationService.class).getSettings();
        List<String> statements = new ArrayList<>();
        GenerationTarget collector = new GenerationTarget() {
            @Override public void prepare() { }
            @Override public void accept(String command) { statements.add(command); }
            @Override public void release() { }
        };
        ExecutionOptions options = new ExecutionOptions() {
            @Override public Map<String, Object> getConfigurationValues() { return settings; }
            @Override public boolean shouldManageNamespaces() { return true; }
            @Override public ExceptionHandler getExceptionHandler() { return ExceptionHandlerHaltImpl.INSTANCE; }
        };
        new SchemaCreatorImpl(registry).createFromMetadata(
                metadata, options, metadata.getDatabase().getDialect(), FormatStyle.NONE.getFormatter(), collector);
        return statements;
    }

    /**
     * The create script as one SQL string, statements separated by {@code ;} and new lines.
     *
     * @param metadata the model
     * @return the script
     */
    public static String createScript(Metadata metadata) {
        return String.join(";\n", createStatements(metadata)) + ";\n";
    }
}
