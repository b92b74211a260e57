package io.github.schemadrift.hibernate;

import io.github.schemadrift.SchemaDriftInputException;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.beanvalidation.BeanValidationIntegrator;
import org.hibernate.boot.beanvalidation.ValidationMode;
import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.cfg.ValidationSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.service.ServiceRegistry;

/**
 * Applies Bean Validation constraints to the DDL columns by calling Hibernate's own
 * {@code TypeSafeActivator.applyRelationalConstraints}, the code a SessionFactory build runs, with the same
 * settings. jakarta.validation is optional: its classes are touched only after checking it is present.
 */
final class BeanValidationConstraints {

    private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

    private BeanValidationConstraints() {
    }

    static void apply(Metadata metadata) {
        ServiceRegistry registry = metadata.getDatabase().getServiceRegistry();
        ConfigurationService configuration = registry.requireService(ConfigurationService.class);
        Map<String, Object> settings = configuration.getSettings();
        Object modeSetting = settings.get(ValidationSettings.JAKARTA_VALIDATION_MODE);
        if (modeSetting == null) {
            modeSetting = settings.get(ValidationSettings.JPA_VALIDATION_MODE);
        }
        Set<ValidationMode> modes = ValidationMode.parseValidationModes(modeSetting);
        boolean ddlRequested = modes.contains(ValidationMode.DDL);
        if (!ddlRequested && !modes.contains(ValidationMode.AUTO)) {
            return;
        }
        if (!configuration.getSetting(BeanValidationIntegrator.APPLY_CONSTRAINTS, StandardConverters.BOOLEAN, true)) {
            return;
        }
        if (!beanValidationPresent()) {
            if (ddlRequested) {
                throw new SchemaDriftInputException("jakarta.persistence.validation.mode is 'ddl' but"
                        + " jakarta.validation is not on the class path. Add Bean Validation (e.g. Hibernate"
                        + " Validator) to the class path, or set the mode to 'auto' or 'none'.");
            }
            return;
        }
        Provider.apply(metadata, registry, settings, ddlRequested);
    }

    private static boolean beanValidationPresent() {
        try {
            Class.forName("jakarta.validation.Validation", false, BeanValidationConstraints.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Everything that names jakarta.validation types, loaded only once the API is known to be present. */
    private static final class Provider {

        static void apply(Metadata metadata, ServiceRegistry registry, Map<String, Object> settings, boolean required) {
            ValidatorFactory supplied = suppliedFactory(settings);
            ValidatorFactory factory = supplied;
            if (factory == null) {
                try {
                    factory = Validation.buildDefaultValidatorFactory();
                } catch (NoProviderFoundException e) {
                    if (required) {
                        throw new SchemaDriftInputException("jakarta.persistence.validation.mode is 'ddl' but no"
                                + " Bean Validation provider is on the class path. Add one (e.g. Hibernate"
                                + " Validator), or set the mode to 'auto' or 'none'.", e);
                    }
                    return; // 'auto' without a provider: Hibernate skips Bean Validation too
                } catch (ValidationException e) {
                    throw new SchemaDriftInputException("The Bean Validation provider failed to start: "
                            + e.getMessage() + ". Hibernate would fail the same way; fix the validation setup or"
                            + " set jakarta.persistence.validation.mode to 'none'.", e);
                }
            }
            try {
                invokeHibernate(factory, metadata.getEntityBindings(), settings,
                        metadata.getDatabase().getDialect(),
                        new ClassLoaderAccessImpl(registry.requireService(ClassLoaderService.class)));
            } finally {
                if (supplied == null) {
                    factory.close();
                }
            }
        }

        private static ValidatorFactory suppliedFactory(Map<String, Object> settings) {
            for (String name : new String[] {
                    ValidationSettings.JAKARTA_VALIDATION_FACTORY, ValidationSettings.JPA_VALIDATION_FACTORY}) {
                Object value = settings.get(name);
                if (value instanceof ValidatorFactory factory) {
                    return factory;
                }
                if (value != null) {
                    throw new SchemaDriftInputException("Setting " + name + " holds a " + value.getClass().getName()
                            + ", not a jakarta.validation.ValidatorFactory. Pass a ValidatorFactory instance or"
                            + " leave the setting out.");
                }
            }
            return null;
        }

        private static void invokeHibernate(ValidatorFactory factory, Collection<?> entities,
                Map<String, Object> settings, Dialect dialect, ClassLoaderAccess classLoaderAccess) {
            Method method;
            try {
                // The method is public on a package-private class: callable, but only reflectively.
                method = Class.forName(ACTIVATOR, true, Metadata.class.getClassLoader())
                        .getMethod("applyRelationalConstraints", ValidatorFactory.class, Collection.class, Map.class,
                                Dialect.class, ClassLoaderAccess.class);
                method.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new SchemaDriftInputException("This Hibernate version has no " + ACTIVATOR
                        + ".applyRelationalConstraints(ValidatorFactory, Collection, Map, Dialect, ClassLoaderAccess),"
                        + " which schemadrift uses to apply Bean Validation constraints. Use Hibernate ORM 7.x, or"
                        + " set jakarta.persistence.validation.mode to 'none' or 'callback'.", e);
            }
            try {
                method.invoke(null, factory, entities, settings, dialect, classLoaderAccess);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + ACTIVATOR + " after making it accessible", e);
            } catch (InvocationTargetException e) {
                throw new SchemaDriftInputException("Hibernate failed to apply Bean Validation constraints: "
                        + e.getCause() + ". A SessionFactory would fail the same way.", e.getCause());
            }
        }
    }
}
