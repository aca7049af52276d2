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
    REPOSITORY_NO_CONSTRUCTOR("abstract @Repository class %s needs a non-private constructor taking no argument, or one taking a dev.quarry.runtime.Database (the generated implementation passes its own, through which the class reaches other repositories)"),
    METHOD_WITHOUT_QUERY("abstract method %s has no @Query; every abstract method of a @Repository needs one (or @Tree, @Find, @Insert, @Upsert, @Update, @Delete)"),
    METHOD_GENERIC("@Query method %s must not declare type parameters"),
    SQL_EMPTY("@Query on %s has no SQL"),
    SQL_MULTIPLE_STATEMENTS("@Query on %s holds more than one statement (a ';' at offset %d); write one statement per method"),
    SQL_POSITIONAL_PARAMETER("@Query on %s uses '?' at offset %d; bind parameters by name (:name); for the jsonb operator write '??'"),
    SQL_UNKNOWN_STATEMENT("@Query on %s starts with \"%s\" (offset %d), which starts no SQL statement; a statement "
            + "starts with %s"),
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
    UNSUPPORTED_COMPONENT_TYPE("component '%s' of record %s has type %s, which cannot be read from a column%s; "
            + "use a scalar (int, long, String, BigDecimal, java.time types, UUID, boolean, byte[], an enum, or their boxed forms), "
            + "or a List of scalars for a PostgreSQL array column"),
    NO_ROWS_RETURNED("%s returns %s, but its %s statement returns no rows; add RETURNING or return int, long or void"),
    ROWS_DISCARDED("%s returns %s, but its %s statement only reads rows, which would be thrown away; return what it "
            + "selects (a record or a scalar, or an Optional, List, Set or Stream of one)"),
    MISSING_RESULT_COLUMN("component '%s' of %s reads column \"%s\", which the %s list does not produce; its columns are %s%s "
            + "(alias the expression with AS %s, or name the column with @Column)"),
    STREAM_WITHOUT_ROWS("%s returns %s, but its %s statement returns no rows to stream; add RETURNING or return int, long or void"),
    FETCH_SIZE_INVALID("@FetchSize on %s is %d; it must be at least 1"),
    FETCH_SIZE_WITHOUT_STREAM("@FetchSize on %s has no effect: it sets the cursor fetch size of Stream returns, and %s returns %s"),
    RELATION_NOT_TABLE("@Relation component '%s' of %s holds %s, which is not a @Table record; relations load rows of a table"),
    RELATION_UNSUPPORTED_TYPE("@Relation component '%s' of %s has type %s; use List<C>, Set<C>, Optional<C> or C for a @Table record C"),
    RELATION_UNKNOWN_PARENT_COLUMN("@Relation component '%s' of %s: parentColumn \"%s\" is not a column of %s; its columns are %s"),
    RELATION_UNKNOWN_CHILD_COLUMN("@Relation component '%s' of %s: childColumn \"%s\" is not a column of %s; its columns are %s"),
    RELATION_KEY_TYPES("@Relation component '%s' of %s joins %s (%s) to %s (%s); the key types must be the same"),
    RELATION_CYCLE("@Relation component '%s' of %s leads back to %s; relations must form a tree"),
    RELATION_QUERY_KEYS("@Relation component '%s' of %s: its query must bind the parent keys as :keys, once, and nothing else; found %s"),
    RELATION_JOINED_NEEDS_ID("%s fetches '%s' JOINED, but %s has no @Id to tell its rows apart; add @Id to its key component(s)"),
    RELATION_JOINED_QUERY("%s fetches '%s' JOINED, but that relation has its own query; JOINED reads the child table directly"),
    RELATION_JOINED_UNDER_SELECT_IN("%s fetches '%s' JOINED under '%s', which is loaded SELECT_IN; a JOINED relation's parent must be the query's result or JOINED too"),
    STREAM_JOINED("%s streams its rows but fetches '%s' JOINED: joined rows repeat each parent once per child, so a cursor's fetches would split parents; use SELECT_IN, which loads children per chunk of parents"),
    ASYNC_STREAM("%s returns a CompletableFuture of a Stream; a stream holds a connection until closed, so return the Stream itself"),
    STREAM_TRANSACTIONAL("@Transactional on %s has no effect on a stream: it returns %s, which is read after the method has returned; a stream runs in its own read transaction, and one called inside db.transaction(...) reads in that transaction"),
    TRANSACTIONAL_RETRIES("@Transactional on %s asks for %d retries; use 0 or more"),
    TRANSACTIONAL_NOT_OVERRIDABLE("@Transactional method %s cannot be overridden by the generated class (it is private, static or final)"),
    QUERY_TIMEOUT_NEGATIVE("@Query on %s has timeout %d; use seconds above 0, or 0 for none"),
    TREE_MAX_DEPTH("@Tree on %s has maxDepth %d; it must be at least 1"),
    TREE_UNKNOWN_COLUMN("@Tree on %s: its %s column \"%s\" is not read by %s, whose columns are %s"),
    TOP_PER_GROUP_LIMIT("@TopPerGroup on %s has limit \"%s\"; use a positive number or a parameter such as :n"),
    FETCH_UNKNOWN_PATH("@Fetch on %s names '%s', which is not a relation of %s; its relations are %s"),
    FETCH_WITHOUT_RELATIONS("@Fetch on %s has nothing to apply to: %s has no @Relation components"),
    BULK_CONFLICTING_ANNOTATIONS("%s has both @%s and @%s; a method is one kind of statement: @Query, @Tree, @Find, @Insert, @Upsert, @Update, @Delete, or @Batch with @Query"),
    BULK_GENERIC("%s must not declare type parameters"),
    BULK_UNSUPPORTED_INPUT("%s takes %s; @%s takes one parameter: a List, Collection, Set, Iterable or Stream of %s%s"),
    BULK_NOT_TABLE_RECORD("%s writes %s, which is not a @Table record; @%s writes records annotated @Table(\"table_name\")"),
    BULK_NO_COLUMNS("%s writes %s, which has no column components"),
    BULK_UNSUPPORTED_RETURN("%s returns %s; @%s returns void, or the rows %s as int or long%s"),
    BULK_CHUNK_SIZE_INVALID("@%s on %s has chunkSize %d; it must be at least 1"),
    BULK_UNKNOWN_COLUMN("@%s on %s: %s names \"%s\", which is neither a column nor a component of %s; its columns are %s"),
    BULK_UNKNOWN_RETURNING("@%s on %s: returning names \"%s\", which is neither a column nor a component of %s; their columns are %s"),
    BULK_RETURNING_STRATEGY("@Insert on %s returns rows with strategy %s, which cannot; returning works with UNNEST and AUTO (which then uses UNNEST)"),
    BULK_RETURNING_NEEDS_LIST("%s has returning %s but returns %s; return a List of the returned column, or of a record of the returned columns"),
    BULK_RETURNING_ONE_OPTIONAL("%s inserts one record, which returns exactly one row, but returns %s; return %s"),
    BULK_RETURNING_SHAPE("%s returns %s, but returning %s %s"),
    UPSERT_NO_CONFLICT("@Upsert on %s names no conflict column; name the columns of the unique index that decides a conflict"),
    UPSERT_DO_NOTHING_WITH_UPDATE("@Upsert on %s has doNothing = true and also %s; DO NOTHING updates no column"),
    UPSERT_COLUMN_TWICE("@Upsert on %s names column \"%s\" in both %s and %s; a column is either updated from the new row, set to now(), or part of the key"),
    BATCH_WITHOUT_QUERY("@Batch on %s needs a @Query: the statement to run once per element"),
    BATCH_RETURNS_ROWS("@Batch on %s runs a %s statement that returns rows; a batch only counts affected rows, so drop RETURNING or use @Insert(returning = ...)"),
    BATCH_UNKNOWN_COMPONENT("%s in @Query on %s: element record %s has no component '%s'; its components are %s"),
    // Verification against a database (-Aquarry.verify.*): what PostgreSQL says about each statement.
    VERIFY_SQL_REJECTED("%s: PostgreSQL rejects the SQL%s: %s"),
    VERIFY_GENERATED_SQL_REJECTED("%s: PostgreSQL rejects the %s%s: %s; the statement: %s"),
    VERIFY_PARAMETER_TYPE("%s: %s binds %s, but PostgreSQL expects %s there; cast it in the SQL or change the parameter's type"),
    VERIFY_PARAMETER_TYPES_REJECTED("%s: PostgreSQL rejects the statement with the parameters bound as Quarry binds them (%s)%s: %s"),
    VERIFY_COLUMN_WITHOUT_COMPONENT("%s: result columns %s map to no component of %s, whose components read %s; "
            + "drop them from the statement or add components for them"),
    VERIFY_COMPONENT_WITHOUT_COLUMN("%s: component '%s' of %s reads column \"%s\", which the statement does not return; "
            + "its columns are %s"),
    VERIFY_COLUMN_TYPE("%s: column \"%s\" is %s, which cannot be read into %s (%s); %s"),
    VERIFY_COLUMN_TYPE_LOSSY(Diagnostic.Kind.WARNING, "%s: column \"%s\" is %s; read into %s (%s) it may lose %s"),
    VERIFY_NULLABLE_PRIMITIVE(Diagnostic.Kind.WARNING, "%s: column \"%s\" can be NULL, but %s is a primitive %s; "
            + "a NULL fails at runtime, so use %s or exclude NULL in the SQL"),
    VERIFY_SCALAR_COLUMN_COUNT("%s returns %s, which reads one column, but the statement returns %d: %s"),
    VERIFY_COPY_COLUMN_TYPES("@Insert on %s writes with COPY, whose binary format needs each column's exact type: %s; "
            + "use strategy UNNEST (or AUTO, which falls back to it), or change the component types"),
    FILTER_UNKNOWN_PARAMETER("%s in @Filter(\"%s\") on %s names no parameter; parameters are %s"),
    FILTER_PRIMITIVE_PARAMETER("parameter '%s' of %s is a %s that only @Filter uses, so it is never absent and its filter "
            + "always applies; make it %s or Optional<%s>, or use it in the @Query"),
    FILTER_NOT_SELECT("%s on %s needs a SELECT, and its statement is %s"),
    FILTER_SET_OPERATION("@Filter on %s: the statement is a top-level %s, which has no WHERE of its own; "
            + "filter a subquery instead: SELECT * FROM (...) u"),
    FILTER_INVALID("@Filter(\"%s\") on %s is not one condition: %s"),
    SORT_TWICE("%s takes two Sort parameters, '%s' and '%s'; a method takes at most one (one Sort orders by several keys)"),
    SORT_NOT_ENUM("parameter '%s' of %s is a %s; a Sort's keys must be an enum whose constants name the sortable "
            + "columns, e.g. Sort<UserSort>"),
    SORT_BOUND("%s in @Query on %s binds Sort parameter '%s'; a Sort is not a value, it puts its keys into the ORDER BY"),
    ORDER_BY_PARAMETER("%s is a whole ORDER BY term in @Query on %s, which sorts every row by the same bound value, "
            + "not by a column; take a Sort<K> parameter (K an enum of the sortable columns) instead"),
    PAGE_WITHOUT_REQUEST("%s returns %s but takes no PageRequest; add a PageRequest parameter that says which page"),
    PAGE_REQUEST_TWICE("%s takes two PageRequest parameters, '%s' and '%s'; a method takes at most one"),
    PAGE_REQUEST_RETURN("%s takes PageRequest '%s' but returns %s; a paged method returns List<R> (the page's rows), "
            + "Page<R> (with the total) or CursoredPage<R> (keyset)"),
    PAGE_NOT_SELECT("%s takes PageRequest '%s', which pages the rows of a SELECT, and its statement is %s"),
    PAGE_OWN_LIMIT("@Query on %s has its own %s and takes PageRequest '%s', which sets LIMIT and OFFSET itself; "
            + "remove the statement's %s"),
    PAGE_BOUND("%s in @Query on %s binds PageRequest '%s'; a PageRequest is not a value, it sets the page's LIMIT and OFFSET"),
    PAGE_UNORDERED(Diagnostic.Kind.WARNING, "%s pages a statement without ORDER BY (and no Sort): PostgreSQL may return "
            + "rows in another order on each call, so pages can repeat or skip rows; add an ORDER BY that ends with a unique key"),
    CURSOR_WITHOUT_ORDER_BY("%s returns CursoredPage, whose keys are the statement's ORDER BY terms, and its statement "
            + "has no ORDER BY; order by columns of the select list that end with a unique key (ORDER BY created_at, id)"),
    CURSOR_ORDER_TERM("ORDER BY term '%s' of %s is not a column of the select list read by %s (its columns are %s); "
            + "a CursoredPage's keys are select-list columns, each with at most ASC or DESC"),
    CURSOR_KEY_TYPE("ORDER BY term '%s' of %s reads component '%s', a %s, which a cursor cannot carry; order by "
            + "numbers, text, time, uuid or enum columns"),
    CURSOR_WITH_SORT("%s returns CursoredPage and takes Sort '%s'; a keyset page orders by the statement's own ORDER BY, "
            + "which its cursors carry: remove the Sort, or return Page<R>"),
    CURSOR_ROW_NOT_RECORD("%s returns CursoredPage<%s>; a keyset page's rows must be records, whose components carry "
            + "the ORDER BY keys"),
    FIND_NOT_TABLE("@Find method %s reads %s, which is not a @Table record; @Find writes its SELECT from the record's "
            + "@Table and columns"),
    FIND_UNKNOWN_COLUMN("parameter '%s' of @Find method %s names column '%s', which %s has not (its columns are %s); "
            + "name the parameter after a column (createdAt for created_at), or use @Bind(\"column\")"),
    KEYED_RETURN("%s returns %s; an @%s method returns void, boolean, or the rows %s as int or long"),
    KEYED_ID("@%s on %s needs %s to have exactly one @Id component, and it has %s"),
    KEYED_ID_TYPE("@%s on %s: @Id component '%s' of %s is a %s; @Update and @Delete match rows by a long, int, short, "
            + "String or UUID id"),
    KEYED_VERSION_TYPE("@Version component '%s' of %s is a %s; a version is an int or a long (used by %s)"),
    UPDATE_UNKNOWN_COLUMN("@Update(columns) on %s names \"%s\", which is no column or component of %s (its columns are %s)"),
    UPDATE_KEY_COLUMN("@Update(columns) on %s names \"%s\", the record's %s, which an update matches rows by and "
            + "never sets from the record"),
    UPDATE_NOTHING_TO_SET("@Update on %s: %s has no column to set besides its @Id and @Version"),
    DELETE_NO_TABLE("@Delete on %s takes %s, id values, and the repository has %s to delete from; name it: "
            + "@Delete(Book.class)"),
    DELETE_ID_TYPE("@Delete on %s takes %s, but the @Id of %s is a %s"),
    VERIFY_FILTER_REJECTED("%s: PostgreSQL rejects the statement with @Filter(\"%s\") applied: %s; the statement: %s"),
    VERIFY_PAGE_REJECTED("%s: PostgreSQL rejects its %s: %s; the statement: %s"),
    VERIFY_CURSOR_KEY_NULLABLE(Diagnostic.Kind.WARNING, "%s: ORDER BY key '%s' reads a column that can be NULL; a keyset "
            + "page whose last row has a NULL key fails (a cursor cannot order after NULL), and rows whose key is NULL "
            + "sort after every value in ascending order, where no cursor reaches them: declare it NOT NULL or filter "
            + "NULLs out"),
    VERIFY_PAGE_ORDER_NOT_UNIQUE(Diagnostic.Kind.WARNING, "%s: its ORDER BY (%s) is not unique in %s, whose unique keys "
            + "are %s: rows that tie on it may repeat or be skipped between pages; end the ORDER BY with the primary key"),
    VERIFY_SORT_KEY_REJECTED("%s: PostgreSQL rejects the ORDER BY of sort key %s (%s): %s; the statement: %s"),
    VERIFY_UPSERT_NO_UNIQUE_KEY("@Upsert on %s: ON CONFLICT (%s) needs a unique index or constraint on exactly those "
            + "columns of %s; its unique keys are %s"),
    VERIFY_ENUM_CONSTANT_WITHOUT_LABEL("%s: enum %s has constants %s, which PostgreSQL enum %s has no label for "
            + "(its labels are %s); binding one fails at runtime, so add the labels or rename the constants"),
    VERIFY_ENUM_LABEL_WITHOUT_CONSTANT(Diagnostic.Kind.WARNING, "%s: PostgreSQL enum %s has labels %s, which enum %s "
            + "has no constant for (its constants are %s); reading a row with one fails at runtime"),
    VERIFY_NOT_IN_SNAPSHOT(Diagnostic.Kind.WARNING, "%s is not verified: the snapshot in %s has no answer for its "
            + "statement, which changed since the snapshot was taken; a build with -Aquarry.verify.url or "
            + "-Aquarry.verify.schema and -Aquarry.verify.cache refreshes it"),
    VERIFY_INTERNAL_ERROR("%s could not be verified: %s; this is a fault in the Quarry processor, not in the method, "
            + "so please report it with this message (the other methods were verified)"),
    VERIFY_UNAVAILABLE("cannot verify SQL against the database of -A%s=%s: %s"),
    VERIFY_OPTION_INVALID("-A%s=%s cannot be used: %s"),
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
