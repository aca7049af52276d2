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
import dev.quarry.processor.model.KeyedWriteModel;
import dev.quarry.processor.model.Paging;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.ScalarType;
import dev.quarry.processor.model.UpsertMethodModel;
import dev.quarry.processor.model.Variants;
import dev.quarry.processor.sql.BulkSql;
import dev.quarry.processor.sql.FilterPlacement;
import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.Placeholder;
import dev.quarry.processor.sql.SqlParser;
import dev.quarry.processor.verify.Describer.Bind;
import dev.quarry.processor.verify.Describer.Column;
import dev.quarry.processor.verify.Describer.Described;
import dev.quarry.processor.verify.Describer.NotInSnapshot;
import dev.quarry.processor.verify.Describer.Outcome;
import dev.quarry.processor.verify.Describer.Parameter;
import dev.quarry.processor.verify.Describer.Rejected;
import dev.quarry.processor.write.RelationStatements;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * Verifies every statement of one method against the database: the SQL the user wrote, the
 * statements generated for its relations, and bulk writes. Each statement is described with its
 * parameters bound as the generated code binds them; when PostgreSQL refuses that, a second
 * description with untyped parameters tells a mistake in the SQL (refused again) from a parameter
 * whose Java type does not fit (accepted, with the type PostgreSQL wants there).
 */
final class StatementVerifier {
    /** Column types whose binary input is UTF-8 text, as the runtime's BulkTable accepts them for COPY. */
    private static final Set<String> COPY_TEXT = Set.of("text", "varchar", "bpchar", "citext", "json");
    /** Column types text converts to only when cast, as the runtime casts UNNEST's text arrays to them. */
    private static final Set<String> JSON = Set.of("json", "jsonb");

    private final Describer describer;
    private final Findings findings;
    private final ResultColumns results;
    private final EnumConstants enums;
    /** The snapshot answering instead of a database, for diagnostics; {@code null} with a database. */
    private final Path snapshot;

    StatementVerifier(Describer describer, Findings findings, Path snapshot, Elements elements) {
        this.describer = describer;
        this.findings = findings;
        this.enums = new EnumConstants(describer, findings, elements);
        this.results = new ResultColumns(findings, enums);
        this.snapshot = snapshot;
    }

    /** A question the snapshot has no answer for: the rest of the method goes unverified. */
    static final class NotAnswered extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnswered() {
            super(null, null, false, false);
        }
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
     * @param enumTypes per placeholder, the Java enum bound (alone or as an array's elements), else {@code null}
     */
    private record UserSql(Class<? extends Annotation> annotation, String annotationSql, ParsedSql parsed,
                           List<Boolean> rewritten, List<String> names, List<String> javaTypes,
                           List<TypeName> enumTypes) {}

    /** Verifies {@code method}'s statements; false when the snapshot had no answer for them. */
    boolean verify(MethodModel method) throws VerificationUnavailable {
        try {
            if (method instanceof QueryMethodModel query) {
                query(query);
            } else if (method instanceof BatchMethodModel batch) {
                batch(batch);
            } else if (method instanceof InsertMethodModel insert) {
                insert(insert);
            } else if (method instanceof UpsertMethodModel upsert) {
                upsert(upsert);
            } else if (method instanceof KeyedWriteModel keyed) {
                keyed(keyed);
            }
        } catch (NotAnswered e) {
            findings.report(Message.VERIFY_NOT_IN_SNAPSHOT, method.element(), method.label(), snapshot);
            return false;
        }
        return true;
    }

    /**
     * The SQL of a method the processor refused for its first word (SELEC): PostgreSQL's syntax
     * error says where it stops reading, as it would for any other mistake it finds.
     */
    void syntax(ExecutableElement element, String label, String sql) throws VerificationUnavailable {
        ParsedSql parsed = SqlParser.parse(sql);
        String jdbcSql = parsed.jdbcSql(p -> false);
        try {
            if (describe(jdbcSql, null) instanceof Rejected rejected) {
                UserSql user = new UserSql(Query.class, sql, parsed,
                        Collections.nCopies(parsed.placeholders().size(), false), names(parsed), List.of(), List.of());
                findings.reportOn(Message.VERIFY_SQL_REJECTED, element, Query.class, "value", label,
                        where(user, jdbcSql, rejected.position()), rejected.message());
            }
        } catch (NotAnswered e) {
            // the processor's own error stands for it
        }
    }

    private Outcome describe(String sql, List<Bind> binds) throws VerificationUnavailable, NotAnswered {
        return answered(describer.describe(sql, binds));
    }

    private static Outcome answered(Outcome outcome) throws NotAnswered {
        if (outcome instanceof NotInSnapshot) {
            throw new NotAnswered();
        }
        return outcome;
    }

    private void query(QueryMethodModel method) throws VerificationUnavailable, NotAnswered {
        ExecutableElement element = method.element();
        List<Bind> binds = new ArrayList<>();
        List<Boolean> rewritten = new ArrayList<>();
        List<String> javaTypes = new ArrayList<>();
        List<TypeName> enumTypes = new ArrayList<>();
        for (BindStep step : method.binds()) {
            enumTypes.add(ResultColumns.enumType(step.type()));
            binds.add(bind(step.type(), step.array()));
            rewritten.add(step.array() && step.component() == null);
            javaTypes.add(step.array() ? ResultColumns.javaType(step.parameter().type()) : ResultColumns.javaType(step.type().type()));
        }
        // Without @Query (a @Tree), Quarry wrote the statement around the user's fragments: positions
        // in it mean nothing to the user, and neither do the columns it selects for itself.
        Query query = element.getAnnotation(Query.class);
        Variants variants = method.variants();
        ParsedSql parsed = variants == null ? method.parsed() : variants.unfiltered();
        UserSql user = new UserSql(query == null ? null : Query.class, query == null ? null : query.value(),
                parsed, VariantVerifier.binds(variants, rewritten), names(parsed),
                VariantVerifier.binds(variants, javaTypes), VariantVerifier.binds(variants, enumTypes));
        Described described = describeUserSql(method.label(), element,
                variants == null ? method.sql() : variants.statement(0), VariantVerifier.binds(variants, binds), user);
        if (described == null) {
            return;
        }
        if (variants != null) {
            new VariantVerifier(findings, this::describe).verify(method, binds);
        }
        if (variants != null && variants.paging() != null) {
            pageOrder(method, variants.unfiltered().original());
            for (Paging.Key key : variants.paging().keys()) {
                if (described.columns().stream().anyMatch(c -> c.label().equals(key.column()) && c.canBeNull())) {
                    findings.reportOn(Message.VERIFY_CURSOR_KEY_NULLABLE, element, null, null, method.label(), key.column());
                }
            }
        }
        if (!method.result().readsRows()) {
            return;
        }
        TopPerGroup top = element.getAnnotation(TopPerGroup.class);
        Set<String> added = query == null ? null : top == null ? Set.of() : Set.of(top.rank());
        results.checkRow(method.label(), element, method.result().row(), method.result().type(), described.columns(),
                added);
        if (method.result().row() instanceof RowType.Record record && record.model().hasRelations()) {
            relations(method, record.model());
        }
    }

    /** An {@code @Update} or {@code @Delete}: its statement, and the lock and lookup of ids it runs beside it. */
    private void keyed(KeyedWriteModel method) throws VerificationUnavailable, NotAnswered {
        Class<? extends Annotation> annotation = method.kind() == KeyedWriteModel.Kind.UPDATE
                ? dev.quarry.annotations.Update.class : dev.quarry.annotations.Delete.class;
        String what = "@" + annotation.getSimpleName() + " statement";
        String table = method.record().table();
        String sql = BulkSql.keyed(method);
        if (describeGenerated(method.label(), method.element(), annotation, what,
                enumCasts(method.label(), method.element(), table, method.sent(), sql), unnestBinds(method.sent())) == null) {
            return;
        }
        List<Bind> ids = List.of(Bind.array(method.id().type().kind()));
        describeGenerated(method.label(), method.element(), annotation, what + "'s row lock",
                BulkSql.keyLock(method), ids);
    }

    /**
     * A paged statement that reads one table must order its rows by a unique key of it, or pages
     * may repeat and skip the rows that tie.
     */
    private void pageOrder(QueryMethodModel method, String sql) throws VerificationUnavailable, NotAnswered {
        Optional<FilterPlacement.OrderBy> order = FilterPlacement.orderBy(sql);
        Optional<String> table = FilterPlacement.singleTable(sql);
        if (order.isEmpty() || table.isEmpty()
                || order.get().terms().stream().anyMatch(t -> t.column() == null)) {
            return;
        }
        Set<String> columns = new java.util.HashSet<>();
        order.get().terms().forEach(t -> columns.add(t.column()));
        if (answered(describer.uniqueKeys(table.get())) instanceof Describer.UniqueKeys unique
                && unique.keys().stream().noneMatch(columns::containsAll)) {
            findings.reportOn(Message.VERIFY_PAGE_ORDER_NOT_UNIQUE, method.element(), null, null, method.label(),
                    String.join(", ", order.get().terms().stream().map(FilterPlacement.OrderTerm::text).toList()),
                    table.get(), unique.keys());
        }
    }

    private void batch(BatchMethodModel method) throws VerificationUnavailable, NotAnswered {
        ExecutableElement element = method.element();
        String sql = element.getAnnotation(Query.class).value();
        ParsedSql parsed = SqlParser.parse(sql);
        List<Bind> binds = method.binds().stream().map(c -> bind(c.type(), false)).toList();
        List<String> javaTypes = method.binds().stream().map(c -> ResultColumns.javaType(c.type().type())).toList();
        UserSql user = new UserSql(Query.class, sql, parsed, Collections.nCopies(binds.size(), false),
                names(parsed), javaTypes, method.binds().stream().map(c -> ResultColumns.enumType(c.type())).toList());
        describeUserSql(method.label(), element, method.sql(), binds, user);
    }

    private void insert(InsertMethodModel method) throws VerificationUnavailable, NotAnswered {
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
            case BATCH -> described = describeGenerated(method.label(), method.element(), Insert.class,
                    "@Insert statement", BulkSql.valuesPrefix(method.table(), columns)
                            + BulkSql.valuesRow(columns.size()),
                    valuesBinds(method.table(), columns));
            // AUTO falls back to UNNEST whenever COPY cannot write a column, so UNNEST is what must work
            default -> described = describeGenerated(method.label(), method.element(), Insert.class,
                    "@Insert statement", enumCasts(method.label(), method.element(), method.table(), columns,
                            BulkSql.unnestInsert(method.table(), columns, returning)),
                    unnestBinds(columns));
        }
        if (described != null) {
            checkReturning(method.label(), method.element(), method.result(), described);
        }
    }

    private void upsert(UpsertMethodModel method) throws VerificationUnavailable, NotAnswered {
        RecordModel record = method.input().element();
        String sql = BulkSql.upsert(method.table(), record.components(), method.conflict(), method.update(),
                method.touch(), method.doNothing(), method.result().returning());
        // a touched column is set to now() by the statement: it has no array to send
        List<ComponentModel> sent = record.components().stream().filter(c -> !method.touch().contains(c)).toList();
        Described described = describeGenerated(method.label(), method.element(), Upsert.class,
                "@Upsert statement", enumCasts(method.label(), method.element(), method.table(), sent, sql),
                unnestBinds(sent));
        if (described == null) {
            return;
        }
        checkReturning(method.label(), method.element(), method.result(), described);
        Outcome keys = answered(describer.uniqueKeys(BulkSql.table(method.table())));
        if (keys instanceof Describer.UniqueKeys unique) {
            List<String> conflict = method.conflict().stream().map(ComponentModel::column).toList();
            // ON CONFLICT infers the index from the set of columns, in any order
            if (unique.keys().stream().noneMatch(key -> Set.copyOf(key).equals(Set.copyOf(conflict)))) {
                findings.reportOn(Message.VERIFY_UPSERT_NO_UNIQUE_KEY, method.element(), Upsert.class, "conflict",
                        method.label(), String.join(", ", conflict), method.table(), unique.keys());
            }
        }
    }

    /**
     * Binary COPY carries no casts: each column must take exactly the type its component is
     * written as (the runtime checks the same before a load, and refuses it).
     */
    private void copyColumns(InsertMethodModel method, RecordModel record)
            throws VerificationUnavailable, NotAnswered {
        Outcome outcome = answered(describer.tableColumns(BulkSql.table(method.table())));
        if (outcome instanceof Rejected rejected) {
            findings.reportOn(Message.VERIFY_GENERATED_SQL_REJECTED, method.element(), Insert.class, null,
                    method.label(), "COPY", "", rejected.message(), BulkSql.copy(method.table(), record.components()));
            return;
        }
        Map<String, Column> columns = ((Describer.TableColumns) outcome).columns();
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
                    && !(written.equals("text") && (COPY_TEXT.contains(column.type()) || column.isEnum()
                            || column.type().equals("jsonb")))) {
                problems.add("\"" + component.column() + "\" is " + column.type() + " but component '"
                        + component.name() + "' is written as " + written);
            }
        }
        if (!problems.isEmpty()) {
            findings.reportOn(Message.VERIFY_COPY_COLUMN_TYPES, method.element(), Insert.class, "strategy",
                    method.label(), String.join("; ", problems));
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

    /**
     * The UNNEST statement {@code sql} as the runtime runs it on this schema: a text array written
     * into an enum column is cast to the enum type's array, since text has no implicit cast to it.
     * {@code columns} are those sent as arrays, in order.
     */
    private String enumCasts(String label, ExecutableElement element, String table, List<ComponentModel> columns,
                             String sql) throws VerificationUnavailable, NotAnswered {
        if (columns.stream().noneMatch(c -> "text".equals(c.type().kind().arrayElementType())
                || c.type().kind() == ScalarKind.ARRAY)) {
            return sql;
        }
        // a table that is not there is left for the statement itself to report
        if (!(answered(describer.tableColumns(BulkSql.table(table))) instanceof Describer.TableColumns found)) {
            return sql;
        }
        Map<String, String> casts = new HashMap<>();
        for (ComponentModel component : columns) {
            Column column = found.columns().get(component.column());
            if ("text".equals(component.type().kind().arrayElementType()) && column != null
                    && (column.isEnum() || JSON.contains(column.type()))) {
                casts.put(component.column(), column.type());
                if (component.type().kind() == ScalarKind.ENUM) {
                    enums.check(label, element, component.type().type(), column.type(), false);
                }
            }
        }
        String cast = casts.isEmpty() ? sql
                : sql.replace(BulkSql.unnestArrays(columns, Map.of()), BulkSql.unnestArrays(columns, casts));
        // a list's literal into an array of enums or JSON is cast on in the select list
        for (ComponentModel component : columns) {
            Column column = found.columns().get(component.column());
            if (component.type().kind() == ScalarKind.ARRAY && "text".equals(component.type().element().kind()
                    .arrayElementType()) && column != null && column.type().startsWith("_")
                    && (column.isEnum() || JSON.contains(column.type().substring(1)))) {
                String selected = "u." + BulkSql.identifier(component.column()) + "::text[]";
                cast = cast.replace(selected, selected + "::" + column.type().substring(1) + "[]");
            }
        }
        return cast;
    }

    /**
     * How multi-row VALUES binds each column: as a {@code @Query} binds its component, except text
     * (or a list's literal) for an enum, json or jsonb column, which goes untyped like an enum's name.
     */
    private List<Bind> valuesBinds(String table, List<ComponentModel> columns)
            throws VerificationUnavailable, NotAnswered {
        Map<String, Column> found = answered(describer.tableColumns(BulkSql.table(table)))
                instanceof Describer.TableColumns t ? t.columns() : Map.of();
        List<Bind> binds = new ArrayList<>();
        for (ComponentModel c : columns) {
            Column column = found.get(c.column());
            boolean array = c.type().kind() == ScalarKind.ARRAY;
            String kind = array ? c.type().element().kind().arrayElementType() : c.type().kind().arrayElementType();
            boolean untyped = "text".equals(kind) && column != null && (array == column.type().startsWith("_"))
                    && (column.isEnum() || JSON.contains(column.type().replace("_", "")));
            binds.add(!untyped ? bind(c.type(), false)
                    : array ? Bind.array(ScalarKind.ENUM) : Bind.value(ScalarKind.ENUM));
        }
        return binds;
    }

    private static List<Bind> unnestBinds(List<ComponentModel> columns) {
        // a list column travels as one array literal per row, in a text array
        return columns.stream().map(c -> Bind.typedArray(c.type().kind() == ScalarKind.ARRAY ? ScalarKind.STRING
                : c.type().kind())).toList();
    }

    private void checkReturning(String label, ExecutableElement element, BulkResult result, Described described)
            throws VerificationUnavailable {
        if (result.shape().returnsRows()) {
            results.checkRow(label, element, result.row(), result.type(), described.columns(), Set.of());
        }
    }

    /** The statements that load {@code root}'s relations: one per SELECT_IN path, one for all JOINED paths. */
    private void relations(QueryMethodModel method, RecordModel root) throws VerificationUnavailable, NotAnswered {
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
                    "statement that loads '" + entry.getKey() + "'", RelationStatements.childSql(relation),
                    List.of(Bind.typedArray(relation.childKey().type().kind())));
            if (described != null) {
                results.checkRecord(method.label(), method.element(), relation.child(), described.columns(), "", Set.of());
            }
        }
        if (joined.isEmpty()) {
            return;
        }
        List<Bind> binds = method.binds().stream().map(b -> bind(b.type(), b.array())).toList();
        Described described = describeGenerated(method.label(), method.element(), null,
                "JOINED statement that loads " + String.join(", ", joined), RelationStatements.joinedSql(method), binds);
        if (described == null) {
            return;
        }
        for (int i = 0; i < joined.size(); i++) {
            // the writer labels the columns of the n-th JOINED path _jn_column
            results.checkRecord(method.label(), method.element(), paths.get(joined.get(i)).child(),
                    described.columns(), "_j" + (i + 1) + "_", null);
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
                                      UserSql user) throws VerificationUnavailable, NotAnswered {
        Outcome typed = describe(jdbcSql, binds);
        if (typed instanceof Described described) {
            checkUntypedBinds(label, element, user.annotation(), described.parameters(), binds, user.names(),
                    user.javaTypes());
            for (int i = 0; i < binds.size() && i < described.parameters().size(); i++) {
                Parameter parameter = described.parameters().get(i);
                if (parameter.isEnum() && user.enumTypes().get(i) != null && fits(binds.get(i), parameter)) {
                    enums.check(label, element, user.enumTypes().get(i), parameter.type(), false);
                }
            }
            return described;
        }
        Rejected typedRejection = (Rejected) typed;
        Outcome untyped = binds.isEmpty() ? typed : describe(jdbcSql, null);
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
                    String.join(", ", bound), where(user, jdbcSql, typedRejection.position()),
                    typedRejection.message());
        }
        return null;
    }

    /** Describes a statement Quarry generated; reports and returns {@code null} when PostgreSQL refuses it. */
    private Described describeGenerated(String label, ExecutableElement element, Class<? extends Annotation> annotation,
                                        String what, String sql, List<Bind> binds)
            throws VerificationUnavailable, NotAnswered {
        Outcome outcome = describe(sql, binds);
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

    private static List<String> names(ParsedSql parsed) {
        return parsed.placeholders().stream().map(Placeholder::display).toList();
    }

    /** {@code " at line 2, column 8 of the SQL (near "emial = :email")"}, or the fragment alone, or nothing. */
    private static String where(UserSql user, String jdbcSql, int position) {
        if (position <= 0) {
            return "";
        }
        OptionalInt offset = user.annotationSql() == null ? OptionalInt.empty() : SqlLocation.toAnnotation(
                user.annotationSql(), user.parsed(), user.rewritten(), jdbcSql, position - 1);
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
