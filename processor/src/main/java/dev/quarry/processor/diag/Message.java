package dev.quarry.processor.diag;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, with its kind and text. Tests assert these texts, so a
 * change here is a change users see.
 */
public enum Message {
    REPOSITORY_NOT_ABSTRACT("@Repository must annotate an interface or an abstract class"),
    REPOSITORY_PRIVATE("@Repository type %s must not be private: its generated implementation lives beside it"),
    REPOSITORY_INNER_CLASS("@Repository type %s must be static to be implemented outside it"),
    REPOSITORY_GENERIC("@Repository type %s must not declare type parameters"),
    REPOSITORY_NO_CONSTRUCTOR("abstract @Repository class %s needs an accessible no-argument constructor"),
    METHOD_WITHOUT_QUERY("abstract method %s has no @Query; every abstract method of a @Repository needs one"),
    METHOD_GENERIC("@Query method %s must not declare type parameters"),
    SQL_EMPTY("@Query on %s has no SQL"),
    SQL_MULTIPLE_STATEMENTS("@Query on %s holds more than one statement (a ';' at offset %d); write one statement per method"),
    SQL_POSITIONAL_PARAMETER("@Query on %s uses '?' at offset %d; bind parameters by name (:name); for the jsonb operator write '??'"),
    UNKNOWN_PARAMETER("%s in @Query on %s names no parameter; parameters are %s"),
    UNKNOWN_COMPONENT("%s in @Query on %s: record %s has no component '%s'; its components are %s"),
    COMPONENT_OF_NON_RECORD("%s in @Query on %s: parameter '%s' is a %s, not a record, so it has no components"),
    RECORD_BOUND_WHOLE("%s in @Query on %s binds record parameter '%s' whole; bind its components, e.g. :%s.%s"),
    UNUSED_PARAMETER("parameter '%s' of %s is not used in its @Query; use it as :%s or remove it"),
    DUPLICATE_BIND_NAME("two parameters of %s bind as :%s"),
    UNSUPPORTED_PARAMETER_TYPE("parameter '%s' of %s has type %s, which cannot be bound; use a scalar (int, long, String, BigDecimal, "
            + "java.time types, UUID, boolean, byte[], an enum, or their boxed forms), a record of scalars, "
            + "or a List/Set/Collection/array of scalars (bound as one PostgreSQL array)"),
    UNSUPPORTED_RETURN_TYPE("%s returns %s, which @Query cannot produce; return a record, a scalar, Optional/List/Set of "
            + "either, or int/long/void for a statement without rows"),
    UNSUPPORTED_COMPONENT_TYPE("component '%s' of record %s has type %s, which cannot be read from a column; "
            + "use a scalar (int, long, String, BigDecimal, java.time types, UUID, boolean, byte[], an enum, or their boxed forms)"),
    NO_ROWS_RETURNED("%s returns %s, but its %s statement returns no rows; add RETURNING or return int, long or void"),
    UPDATE_COUNT_FOR_QUERY("%s returns %s for a %s statement; a record, Optional or List return reads its rows"),
    MISSING_RESULT_COLUMN("component '%s' of %s reads column \"%s\", which the %s list does not produce; its columns are %s "
            + "(alias the expression with AS %s, or name the column with @Column)"),
    STREAM_WITHOUT_ROWS("%s returns %s, but its %s statement returns no rows to stream; add RETURNING or return int, long or void"),
    FETCH_SIZE_INVALID("@FetchSize on %s is %d; it must be at least 1"),
    FETCH_SIZE_WITHOUT_STREAM("@FetchSize on %s has no effect: it sets the cursor fetch size of Stream returns, and %s returns %s"),
    INTERNAL_ERROR("internal error in the Quarry processor while processing %s: %s; please report it with this message"),
    UNRESOLVED_TYPE("%s refers to a type that does not exist (or was never generated): %s");

    private final Diagnostic.Kind kind;
    private final String format;

    Message(String format) {
        this(Diagnostic.Kind.ERROR, format);
    }

    Message(Diagnostic.Kind kind, String format) {
        this.kind = kind;
        this.format = format;
    }

    public Diagnostic.Kind kind() {
        return kind;
    }

    public String format(Object... args) {
        return String.format(format, args);
    }
}
