package dev.quarry.processor.write;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to. */
final class RuntimeNames {
    static final String RUNTIME = "dev.quarry.runtime";
    static final String INTERNAL = "dev.quarry.runtime.internal";

    static final ClassName DATABASE = ClassName.get(RUNTIME, "Database");
    static final ClassName NO_RESULT = ClassName.get(RUNTIME, "NoResultException");
    static final ClassName TOO_MANY_RESULTS = ClassName.get(RUNTIME, "TooManyResultsException");
    static final ClassName CORE = ClassName.get(INTERNAL, "Core");
    static final ClassName CURSOR_STREAM = ClassName.get(INTERNAL, "CursorStream");
    static final ClassName BINDERS = ClassName.get(INTERNAL, "Binders");
    static final ClassName READERS = ClassName.get(INTERNAL, "Readers");
    static final ClassName RELATION_LOADER = ClassName.get(INTERNAL, "RelationLoader");
    static final ClassName SEEN_KEYS = ClassName.get(INTERNAL, "SeenKeys");
    static final ClassName CHILD_RUNS = ClassName.get(INTERNAL, "ChildRuns");
    static final ClassName RESULT_COLUMNS = ClassName.get(INTERNAL, "ResultColumns");
    static final ClassName SQL_ERRORS = ClassName.get(INTERNAL, "SqlErrors");
    static final ClassName SQL_LOG = ClassName.get(INTERNAL, "SqlLog");

    static final ClassName CONNECTION = ClassName.get("java.sql", "Connection");
    static final ClassName PREPARED_STATEMENT = ClassName.get("java.sql", "PreparedStatement");
    static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
    static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final String PROCESSOR = "dev.quarry.processor.QuarryProcessor";

    private RuntimeNames() {}
}
