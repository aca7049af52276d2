package dev.quarry.processor.verify;

import com.palantir.javapoet.TypeName;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.TopPerGroup;
import dev.quarry.annotations.Upsert;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.model.BatchMethodModel;
import dev.quarry.processor.model.BindStep;
import dev.quarry.processor.model.BulkResult;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.InsertMethodModel;
import dev.quarry.processor.model.MethodModel;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.ScalarType;
import dev.quarry.processor.model.UpsertMethodModel;
import dev.quarry.processor.sql.BulkSql;
import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.Placeholder;
import dev.quarry.processor.sql.SqlParser;
import dev.quarry.processor.verify.StatementDescriber.Bind;
import dev.quarry.processor.verify.StatementDescriber.Column;
import dev.quarry.processor.verify.StatementDescriber.Described;
import dev.quarry.processor.verify.StatementDescriber.Outcome;
import dev.quarry.processor.verify.StatementDescriber.Parameter;
import dev.quarry.processor.verify.StatementDescriber.Rejected;
import dev.quarry.processor.verify.TypeCompatibility.Verdict;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Verifies every statement of one method against the database: the SQL the user wrote, the
 * statements generated for its relations, and bulk writes. Each statement is described with its
 * parameters bound as the generated code binds them; when PostgreSQL refuses that, a second
 * description with untyped parameters tells a mistake in the SQL (refused again) from a parameter
 * whose Java type does not fit (accepted, with the type PostgreSQL wants there).
 */
final class StatementVerifier {
    private final StatementDescriber describer;
    private final Findings findings;

    StatementVerifier(StatementDescriber describer, Findings findings) {
        this.describer = describer;
        this.findings = findings;
    }

    /**
     * The SQL as the user wrote it, and what is needed to point into it.
     *
     * @param annotation the annotation holding the SQL, or {@code null} when Quarry wrote the statement
     * @param annotationSql the annotation's text, which positions are reported in, or {@code null}
     * @param parsed that text as parsed (possibly inside a wrapper)
     * @param rewritten per placeholder, whether it was written {@code = ANY(?)}
     * @param names per placeholder, how it reads ({@code :email})
     * @param javaTypes per placeholder, the Java type bound
     */
    private record UserSql(Class<? extends Annotation> annotation, String annotationSql, ParsedSql parsed,
                           List<Boolean> rewritten, List<String> names, List<String> javaTypes) {}

    void verify(MethodModel method) throws VerificationUnavailable {
        if (method instanceof QueryMethodModel query) {
            query(query);
        } else if (method instanceof BatchMethodModel batch) {
            batch(batch);
        } else if (method instanceof InsertMethodModel insert) {
            insert(insert);
        } else if (method instanceof UpsertMethodModel upsert) {
            upsert(upsert);
        }
    }

    private void query(QueryMethodModel method) throws VerificationUnavailable {
        ExecutableElement element = method.element();
        List<Bind> binds = new ArrayList<>();
        List<Boolean> rewritten = new ArrayList<>();
        List<String> javaTypes = new ArrayList<>();
        for (BindStep step : method.binds()) {
            binds.add(bind(step.type(), step.array()));
            rewritten.add(step.array() && step.component() == null);
            javaTypes.add(step.array() ? javaType(step.parameter().type()) : javaType(step.type().type()));
        }
        // Without @Query (a @Tree), Quarry wrote the statement around the user's fragments: positions
        // in it mean nothing to the user, and neither do the columns it selects for itself.
        Query query = element.getAnnotation(Query.class);
        UserSql user = new UserSql(query == null ? null : Query.class, query == null ? null : query.value(),
                method.parsed(), rewritten, names(method.parsed()), javaTypes);
        Described described = describeUserSql(method.label(), element, method.sql(), binds, user);
        if (described == null || !method.result().readsRows()) {
            return;
        }
        TopPerGroup top = element.getAnnotation(TopPerGroup.class);
        Set<String> added = query == null ? null : top == null ? Set.of() : Set.of(top.rank());
        checkRow(method.label(), element, method.result().row(), method.result().type(), described.columns(), added);
        if (method.result().row() instanceof RowType.Record record && record.model().hasRelations()) {
            relations(method, record.model());
        }
    }

    private void batch(BatchMethodModel method) throws VerificationUnavailable {
        ExecutableElement element = method.element();
        String sql = element.getAnnotation(Query.class).value();
        ParsedSql parsed = SqlParser.parse(sql);
        List<Bind> binds = method.binds().stream().map(c -> bind(c.type(), false)).toList();
        List<String> javaTypes = method.binds().stream().map(c -> javaType(c.type().type())).toList();
        UserSql user = new UserSql(Query.class, sql, parsed, Collections.nCopies(binds.size(), false),
                names(parsed), javaTypes);
        describeUserSql(method.label(), element, method.sql(), binds, user);
    }

    private void insert(InsertMethodModel method) throws VerificationUnavailable {
        RecordModel record = method.input().element();
        List<ComponentModel> columns = record.components();
        List<String> returning = method.result().returning();
        InsertStrategy strategy = returning.isEmpty() ? method.strategy() : InsertStrategy.UNNEST;
        Described described;
        switch (strategy) {
            case COPY -> {
                copyColumns(method, record);
                return;
            }
            case BATCH -> described = describeGenerated(method.label(), method.element(), Insert.class, "@Insert statement",
                    BulkSql.valuesPrefix(method.table(), columns) + BulkSql.valuesRow(columns.size()),
                    columns.stream().map(c -> bind(c.type(), false)).toList());
            // AUTO falls back to UNNEST whenever COPY cannot write a column, so UNNEST is what must work
            default -> described = describeGenerated(method.label(), method.element(), Insert.class,
                    "@Insert statement", BulkSql.unnestInsert(method.table(), columns, returning), unnestBinds(columns));
        }
        if (described != null) {
            checkReturning(method.label(), method.element(), method.result(), described);
        }
    }

    private void upsert(UpsertMethodModel method) throws VerificationUnavailable {
        RecordModel record = method.input().element();
        String sql = BulkSql.upsert(method.table(), record.components(), method.conflict(), method.update(),
                method.touch(), method.doNothing(), method.result().returning());
        Described described = describeGenerated(method.label(), method.element(), Upsert.class, "@Upsert statement", sql,
                unnestBinds(record.components()));
        if (described == null) {
            return;
        }
        checkReturning(method.label(), method.element(), method.result(), described);
        Outcome keys = describer.uniqueKeys(BulkSql.table(method.table()));
        if (keys instanceof StatementDescriber.UniqueKeys unique) {
            Set<String> conflict = Set.copyOf(method.conflict().stream().map(ComponentModel::column).toList());
            if (unique.keys().stream().noneMatch(key -> Set.copyOf(key).equals(conflict))) {
                findings.reportOn(Message.VERIFY_UPSERT_NO_UNIQUE_KEY, method.element(), Upsert.class, "conflict",
                        method.label(), String.join(", ", method.conflict().stream().map(ComponentModel::column).toList()),
                        method.table(), unique.keys());
            }
        }
    }

    /**
     * Binary COPY carries no casts: each column must take exactly the type its component is
     * written as (the runtime checks the same before a load, and refuses it).
     */
    private void copyColumns(InsertMethodModel method, RecordModel record) throws VerificationUnavailable {
        Outcome outcome = describer.tableColumns(BulkSql.table(method.table()));
        if (outcome instanceof Rejected rejected) {
            findings.reportOn(Message.VERIFY_GENERATED_SQL_REJECTED, method.element(), Insert.class, null, method.label(),
                    "COPY", "", rejected.message(), BulkSql.copy(method.table(), record.components()));
            return;
        }
        Map<String, Column> columns = ((StatementDescriber.TableColumns) outcome).columns();
        List<String> problems = new ArrayList<>();
        for (ComponentModel component : record.components()) {
            Column column = columns.get(component.column());
            String written = component.type().kind().arrayElementType();
            if (written == null) {
                continue;
            }
            if (column == null) {
                problems.add("\"" + component.column() + "\" is not a column of " + method.table());
            } else if (!written.equals(column.type())
                    && !(written.equals("text") && (TypeCompatibility.TEXT.contains(column.type()) || column.isEnum()))) {
                problems.add("\"" + component.column() + "\" is " + column.type() + " but component '" + component.name()
                        + "' is written as " + written);
            }
        }
        if (!problems.isEmpty()) {
            findings.reportOn(Message.VERIFY_COPY_COLUMN_TYPES, method.element(), Insert.class, "strategy", method.label(),
                    String.join("; ", problems));
        }
    }

    /**
     * How the generated code binds a value of {@code type}: a collection parameter ({@code array})
     * or a {@code List} component as one array of its elements, anything else as itself.
     */
    private static Bind bind(ScalarType type, boolean array) {
        if (array) {
            return Bind.array(type.kind());
        }
        return type.kind() == ScalarKind.ARRAY ? Bind.array(type.element().kind()) : Bind.value(type.kind());
    }

    private static List<Bind> unnestBinds(List<ComponentModel> columns) {
        return columns.stream().map(c -> Bind.typedArray(c.type().kind())).toList();
    }

    private void checkReturning(String label, ExecutableElement element, BulkResult result, Described described) {
        if (result.shape() == BulkResult.Shape.LIST) {
            checkRow(label, element, result.row(), result.type(), described.columns(), Set.of());
        }
    }

    /** The statements that load {@code root}'s relations: one per SELECT_IN path, one for all JOINED paths. */
    private void relations(QueryMethodModel method, RecordModel root) throws VerificationUnavailable {
        Map<String, RelationModel> paths = new LinkedHashMap<>();
        collect("", root, paths);
        List<String> joined = new ArrayList<>();
        for (Map.Entry<String, RelationModel> entry : paths.entrySet()) {
            if (method.fetches().get(entry.getKey()) == FetchStrategy.JOINED) {
                joined.add(entry.getKey());
                continue;
            }
            RelationModel relation = entry.getValue();
            Described described = describeGenerated(method.label(), method.element(), null,
                    "statement that loads '" + entry.getKey() + "'", RelationSql.childSql(relation),
                    List.of(Bind.typedArray(relation.childKey().type().kind())));
            if (described != null) {
                checkRecord(method.label(), method.element(), relation.child(), described.columns(), "", Set.of());
            }
        }
        if (joined.isEmpty()) {
            return;
        }
        List<Bind> binds = method.binds().stream().map(b -> bind(b.type(), b.array())).toList();
        Described described = describeGenerated(method.label(), method.element(), null,
                "JOINED statement that loads " + String.join(", ", joined), RelationSql.joinedSql(method), binds);
        if (described == null) {
            return;
        }
        for (int i = 0; i < joined.size(); i++) {
            // the writer labels the columns of the n-th JOINED path _jn_column
            checkRecord(method.label(), method.element(), paths.get(joined.get(i)).child(), described.columns(),
                    "_j" + (i + 1) + "_", null);
        }
    }

    /** Relation paths in the order the writer numbers them: depth first, in component order. */
    private static void collect(String prefix, RecordModel record, Map<String, RelationModel> paths) {
        for (RelationModel relation : record.relations()) {
            String path = prefix + relation.component();
            paths.put(path, relation);
            collect(path + ".", relation.child(), paths);
        }
    }

    /** Describes the user's SQL; reports and returns {@code null} when PostgreSQL refuses it. */
    private Described describeUserSql(String label, ExecutableElement element, String jdbcSql, List<Bind> binds,
                                      UserSql user) throws VerificationUnavailable {
        Outcome typed = describer.describe(jdbcSql, binds);
        if (typed instanceof Described described) {
            checkUntypedBinds(label, element, user.annotation(), described.parameters(), binds, user.names(),
                    user.javaTypes());
            return described;
        }
        Rejected typedRejection = (Rejected) typed;
        Outcome untyped = binds.isEmpty() ? typed : describer.describe(jdbcSql, null);
        if (untyped instanceof Rejected rejected) {
            findings.reportOn(Message.VERIFY_SQL_REJECTED, element, user.annotation(), "value", label,
                    where(user, jdbcSql, rejected.position()), rejected.message());
            return null;
        }
        List<Parameter> inferred = ((Described) untyped).parameters();
        if (!reportMisfits(label, element, user.annotation(), inferred, binds, user.names(), user.javaTypes())) {
            List<String> bound = new ArrayList<>();
            for (int i = 0; i < binds.size(); i++) {
                bound.add(user.names().get(i) + " as " + user.javaTypes().get(i));
            }
            findings.reportOn(Message.VERIFY_PARAMETER_TYPES_REJECTED, element, user.annotation(), "value", label,
                    String.join(", ", bound), where(user, jdbcSql, typedRejection.position()), typedRejection.message());
        }
        return null;
    }

    /** Describes a statement Quarry generated; reports and returns {@code null} when PostgreSQL refuses it. */
    private Described describeGenerated(String label, ExecutableElement element, Class<? extends Annotation> annotation,
                                        String what, String sql, List<Bind> binds) throws VerificationUnavailable {
        Outcome outcome = describer.describe(sql, binds);
        if (outcome instanceof Described described) {
            return described;
        }
        Rejected rejected = (Rejected) outcome;
        String sent = SqlLocation.nativeSql(sql);
        String near = rejected.position() > 0 && sent != null ? SqlLocation.near(sent, rejected.position() - 1) : "";
        findings.reportOn(Message.VERIFY_GENERATED_SQL_REJECTED, element, annotation, null, label, what,
                near.isEmpty() ? "" : " near \"" + near + "\"", rejected.message(), sql);
        return null;
    }

    /**
     * Enum names are bound untyped, so PostgreSQL accepts them anywhere; the type it infers says
     * whether a name can be read there at all.
     */
    private void checkUntypedBinds(String label, ExecutableElement element, Class<? extends Annotation> annotation,
                                   List<Parameter> parameters, List<Bind> binds, List<String> names,
                                   List<String> javaTypes) {
        for (int i = 0; i < binds.size() && i < parameters.size(); i++) {
            if (binds.get(i).kind() == ScalarKind.ENUM && !fits(binds.get(i), parameters.get(i))) {
                findings.reportOn(Message.VERIFY_PARAMETER_TYPE, element, annotation, "value", label, names.get(i),
                        javaTypes.get(i), parameters.get(i).type());
            }
        }
    }

    /** Reports each parameter whose Java type does not fit the type PostgreSQL inferred; false when none. */
    private boolean reportMisfits(String label, ExecutableElement element, Class<? extends Annotation> annotation,
                                  List<Parameter> inferred, List<Bind> binds, List<String> names,
                                  List<String> javaTypes) {
        boolean found = false;
        for (int i = 0; i < binds.size() && i < inferred.size(); i++) {
            if (!fits(binds.get(i), inferred.get(i))) {
                findings.reportOn(Message.VERIFY_PARAMETER_TYPE, element, annotation, "value", label, names.get(i),
                        javaTypes.get(i), inferred.get(i).type());
                found = true;
            }
        }
        return found;
    }

    private static boolean fits(Bind bind, Parameter parameter) {
        boolean array = parameter.type().startsWith("_");
        if (bind.array() != array) {
            return false;
        }
        String type = array ? parameter.type().substring(1) : parameter.type();
        return TypeCompatibility.binds(bind.kind(), type, parameter.isEnum());
    }

    private void checkRow(String label, ExecutableElement element, RowType row, TypeName returnType,
                          List<Column> columns, Set<String> added) {
        if (row instanceof RowType.Record record) {
            checkRecord(label, element, record.model(), columns, "", added);
            return;
        }
        ScalarType scalar = ((RowType.Scalar) row).type();
        List<Column> read = added == null ? columns.subList(0, Math.min(1, columns.size()))
                : columns.stream().filter(c -> !added.contains(c.label())).toList();
        if (read.size() != 1) {
            findings.report(Message.VERIFY_SCALAR_COLUMN_COUNT, element, label, javaType(returnType), read.size(),
                    labels(read));
            return;
        }
        checkColumn(label, element, read.get(0), read.get(0).label(), scalar, "the return type");
    }

    /**
     * Each component needs a column (found as the runtime finds it: by label, exactly, then
     * ignoring case), and each column a component, except {@code added} ones the statement adds
     * for itself; {@code added} null skips that second check (a joined statement has the parent's
     * columns too, a generated one columns the record may leave out).
     */
    private void checkRecord(String label, ExecutableElement element, RecordModel record, List<Column> columns,
                             String prefix, Set<String> added) {
        boolean[] used = new boolean[columns.size()];
        for (ComponentModel component : record.components()) {
            int index = find(columns, prefix + component.column());
            if (index < 0) {
                findings.report(Message.VERIFY_COMPONENT_WITHOUT_COLUMN, element, label, component.name(),
                        record.simpleName(), prefix + component.column(), labels(columns));
                continue;
            }
            used[index] = true;
            // a joined statement's own labels (_j1_total) mean nothing to the user; the column's name does
            checkColumn(label, element, columns.get(index), component.column(), component.type(),
                    "component '" + component.name() + "' of " + record.simpleName());
        }
        if (added == null) {
            return;
        }
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!used[i] && !added.contains(columns.get(i).label())) {
                unread.add(columns.get(i).label());
            }
        }
        if (!unread.isEmpty()) {
            findings.report(Message.VERIFY_COLUMN_WITHOUT_COMPONENT, element, label, unread, record.simpleName(),
                    record.components().stream().map(ComponentModel::column).toList());
        }
    }

    private void checkColumn(String label, ExecutableElement element, Column column, String name, ScalarType type,
                             String target) {
        String java = javaType(type.type());
        Verdict verdict = TypeCompatibility.read(type, column.type(), column.isEnum());
        if (verdict instanceof Verdict.Incompatible incompatible) {
            findings.report(Message.VERIFY_COLUMN_TYPE, element, label, name, column.type(), target, java,
                    incompatible.advice());
        } else if (verdict instanceof Verdict.Lossy lossy) {
            findings.report(Message.VERIFY_COLUMN_TYPE_LOSSY, element, label, name, column.type(), target, java,
                    lossy.loss());
        }
        if (type.primitive() && column.canBeNull()) {
            findings.report(Message.VERIFY_NULLABLE_PRIMITIVE, element, label, name, target, java,
                    javaType(type.type().box()));
        }
    }

    /** The column the runtime reads for {@code label}: the first with that label, else the first ignoring case. */
    private static int find(List<Column> columns, String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(label)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equalsIgnoreCase(label)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> labels(List<Column> columns) {
        return columns.stream().map(Column::label).toList();
    }

    private static List<String> names(ParsedSql parsed) {
        return parsed.placeholders().stream().map(Placeholder::display).toList();
    }

    /** {@code java.util.List<java.lang.Long>} as a person writes it: {@code List<Long>}. */
    static String javaType(TypeName type) {
        return type.toString().replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "");
    }

    /** {@code " at line 2, column 8 of the SQL (near "emial = :email")"}, or the fragment alone, or nothing. */
    private static String where(UserSql user, String jdbcSql, int position) {
        if (position <= 0) {
            return "";
        }
        OptionalInt offset = user.annotationSql() == null ? OptionalInt.empty()
                : SqlLocation.toAnnotation(user.annotationSql(), user.parsed(), user.rewritten(), jdbcSql, position - 1);
        if (offset.isPresent()) {
            int at = offset.getAsInt();
            String near = SqlLocation.near(user.annotationSql(), at);
            return " at line " + SqlLocation.lineOf(user.annotationSql(), at) + ", column "
                    + SqlLocation.columnOf(user.annotationSql(), at) + " of the SQL"
                    + (near.isEmpty() ? "" : " (near \"" + near + "\")");
        }
        String sent = SqlLocation.nativeSql(jdbcSql);
        String near = sent == null ? "" : SqlLocation.near(sent, position - 1);
        return near.isEmpty() ? "" : " near \"" + near + "\"";
    }
}
