package dev.quarry.processor.verify;

import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RelationModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The statements the generated code runs to load relations, taken from the writer that puts them
 * in the generated class, so verification checks exactly that text. The writer keeps them
 * package-private, hence the reflective access; it fails loudly (as an internal error) if the
 * writer changes shape.
 */
final class RelationSql {
    private static final String WRITER = "dev.quarry.processor.write.RelationGraphWriter";

    private RelationSql() {}

    /** {@code SELECT … FROM child WHERE key = ANY(?)}, or the relation's own query as JDBC text. */
    static String childSql(RelationModel relation) {
        try {
            Method method = writer().getDeclaredMethod("childSql", RelationModel.class);
            method.setAccessible(true);
            return (String) method.invoke(null, relation);
        } catch (ReflectiveOperationException e) {
            throw failure(e);
        }
    }

    /** The single statement of a method with {@code JOINED} relations. */
    static String joinedSql(QueryMethodModel query) {
        try {
            Constructor<?> constructor = writer().getDeclaredConstructor(QueryMethodModel.class, String.class,
                    String.class);
            constructor.setAccessible(true);
            Object writer = constructor.newInstance(query, query.constant(), query.constant() + "_SQL");
            Method method = writer.getClass().getDeclaredMethod("joinedSql");
            method.setAccessible(true);
            return (String) method.invoke(writer);
        } catch (ReflectiveOperationException e) {
            throw failure(e);
        }
    }

    private static Class<?> writer() throws ClassNotFoundException {
        return Class.forName(WRITER, false, RelationSql.class.getClassLoader());
    }

    private static IllegalStateException failure(ReflectiveOperationException e) {
        Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
        return new IllegalStateException("cannot read the relation statements of " + WRITER + ": " + cause, cause);
    }
}
