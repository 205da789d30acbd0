package io.gitopsruntime.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of this SDK; applied to packages, never used by callers.
 *
 * <p>Generated {@code Immutable*} classes are package-private and hidden behind each type's
 * {@code builder()}; accessors and builder setters carry no {@code get}/{@code set} prefix; secrets are
 * masked as {@code ****} in {@code toString()}. Not API: it may change in any release.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    redactedMask = "****",
    optionalAcceptNullable = false,
    defaultAsDefault = false,
    privateNoargConstructor = false,
    throwForInvalidImmutableState = io.gitopsruntime.InvalidValuesException.class)
public @interface ValueStyle {}
