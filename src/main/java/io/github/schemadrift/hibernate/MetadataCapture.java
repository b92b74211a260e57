package io.github.schemadrift.hibernate;

import io.github.schemadrift.SchemaDriftInputException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Remembers the boot model of each SessionFactory a running application builds, so the check can compare
 * with the application's exact mapping, naming strategies and settings. Hibernate finds this integrator
 * through {@code META-INF/services/org.hibernate.integrator.spi.Integrator} and calls it for every
 * SessionFactory (and JPA EntityManagerFactory) it builds.
 *
 * <p>It only keeps a reference: it changes nothing in the Metadata or the factory and logs nothing. The
 * reference is dropped when the factory closes.
 */
public final class MetadataCapture implements Integrator {

    // close() removes the entry (disintegrate). Weak keys are only a fallback for a factory dropped without
    // close(), and help only as far as its Metadata does not itself reach the factory.
    private static final Map<SessionFactory, Metadata> CAPTURED = Collections.synchronizedMap(new WeakHashMap<>());

    /** Called by Hibernate's service loading; applications do not create it. */
    public MetadataCapture() {
    }

    /**
     * A model captured from a running application.
     *
     * @param metadata the boot model the factory was built from
     * @param description what it is, for reports, e.g. {@code Hibernate model of the running factory 'app' (12 entities)}
     */
    public record Captured(Metadata metadata, String description) {
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        CAPTURED.put(sessionFactory, metadata);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        CAPTURED.remove(sessionFactory);
    }

    /**
     * The boot model of a running EntityManagerFactory or SessionFactory (a SessionFactory is one).
     *
     * @param entityManagerFactory the factory, e.g. the one Spring Boot built
     * @return its captured model
     * @throws SchemaDriftInputException when the factory is closed, is not Hibernate's, or was built without
     *     this integrator seeing it
     */
    public static Captured of(EntityManagerFactory entityManagerFactory) {
        SessionFactory sessionFactory;
        try {
            sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
        } catch (PersistenceException | IllegalStateException e) {
            throw new SchemaDriftInputException("The EntityManagerFactory " + entityManagerFactory.getClass().getName()
                    + " is not Hibernate's or is closed (" + e.getMessage() + "). schemadrift reads Hibernate's own"
                    + " model; pass an open Hibernate EntityManagerFactory, or name the entities with"
                    + " SchemaDrift.configure() instead.", e);
        }
        if (!sessionFactory.isOpen()) {
            throw new SchemaDriftInputException("The SessionFactory '" + name(sessionFactory) + "' is closed. Pass"
                    + " it while the application runs.");
        }
        Metadata metadata = CAPTURED.get(sessionFactory);
        if (metadata == null) {
            throw new SchemaDriftInputException("The SessionFactory '" + name(sessionFactory) + "' was built"
                    + " without schemadrift's Hibernate integrator seeing it, so its model was not recorded. The"
                    + " integrator is registered in schemadrift's META-INF/services/org.hibernate.integrator.spi.Integrator:"
                    + " put schemadrift on the class path the factory is built from (the same class loader as"
                    + " Hibernate, or the thread's context class loader at boot), and build the factory after it is"
                    + " there; or name the entities with SchemaDrift.configure() instead.");
        }
        int entities = metadata.getEntityBindings().size();
        return new Captured(metadata, "Hibernate model of the running factory '" + name(sessionFactory) + "' ("
                + entities + (entities == 1 ? " entity)" : " entities)"));
    }

    private static String name(SessionFactory sessionFactory) {
        String name = sessionFactory.getName();
        return name != null ? name : "unnamed";
    }
}
