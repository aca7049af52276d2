package dev.quarry.processor.write;

import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RelationModel;

/**
 * The statements generated code runs to load relations, as the writer puts them in the generated
 * class: verification checks exactly that text.
 */
public final class RelationStatements {
    private RelationStatements() {}

    /** {@code SELECT … FROM child WHERE key = ANY(?)}, or the relation's own query as JDBC text. */
    public static String childSql(RelationModel relation) {
        return RelationGraphWriter.childSql(relation);
    }

    /** The single statement of a method with {@code JOINED} relations. */
    public static String joinedSql(QueryMethodModel query) {
        return new RelationGraphWriter(query, query.constant(), query.constant() + "_SQL").joinedSql();
    }
}
