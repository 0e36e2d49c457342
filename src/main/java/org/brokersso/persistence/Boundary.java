package org.brokersso.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A boundary whose whole request is one unit of work on the database: the transaction begins here
 * and the control classes it calls join it. A {@link Refusal} commits (it is an answer); any other
 * exception rolls back. Application-scoped by default.
 *
 * <p>The rule (docs/architecture.md): a transaction begins at the outermost class that owns a unit
 * of work and never spans a call out of the process. So a boundary that only touches the database
 * is a {@code @Boundary}; boundaries never declare {@code @Transactional} themselves; work that
 * calls cTrader or a provider runs in a control class marked {@code NOT_SUPPORTED}, whose local
 * steps are {@code REQUIRES_NEW} methods of the class that owns the rows. {@code ArchitectureTest}
 * checks the first and last parts.
 */
@Stereotype
@ApplicationScoped
@Transactional(dontRollbackOn = Refusal.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Boundary {}
