package dev.destek.rules.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The article a piece of rule code implements (house style §8). Source-only: no runtime cost. */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface Cites {
    /** e.g. {@code "Art. 34(1)"}. */
    String article();

    /** Effective date of the provision, ISO-8601. */
    String since() default "";
}
