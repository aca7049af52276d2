package dev.quarry.processor.write;

import static dev.quarry.processor.write.RuntimeNames.CHILD_RUNS;
import static dev.quarry.processor.write.RuntimeNames.CONNECTION;
import static dev.quarry.processor.write.RuntimeNames.NO_RESULT;
import static dev.quarry.processor.write.RuntimeNames.PREPARED_STATEMENT;
import static dev.quarry.processor.write.RuntimeNames.RELATION_LOADER;
import static dev.quarry.processor.write.RuntimeNames.RESULT_COLUMNS;
import static dev.quarry.processor.write.RuntimeNames.RESULT_SET;
import static dev.quarry.processor.write.RuntimeNames.SEEN_KEYS;
import static dev.quarry.processor.write.RuntimeNames.SQL_ERRORS;
import static dev.quarry.processor.write.RuntimeNames.SQL_EXCEPTION;
import static dev.quarry.processor.write.RuntimeNames.SQL_LOG;
import static dev.quarry.processor.write.RuntimeNames.TOO_MANY_RESULTS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.ReturnModel;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.sql.OneTableSelect;
import dev.quarry.processor.sql.SqlParser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@code @Query} method whose result records have {@code @Relation} components, loaded
 * {@code SELECT_IN}: the parent rows are read into a holder record (the result records are
 * immutable and need their children at construction), then one {@code = ANY(?)} query per
 * relation tier runs on the same connection, and the graph is assembled bottom-up.
 */
final class RelationGraphWriter {
    private static final Set<ScalarKind> INTEGRAL = EnumSet.of(ScalarKind.LONG, ScalarKind.INT, ScalarKind.SHORT);

    private final QueryMethodModel method;
    private final String label;
    private final String sql;
    /** Stands for the statement in the joined text of a method whose statement varies per call. */
    private static final String INNER = "/*quarry:statement*/";
    private final RecordModel root;
    private final Map<String, RelationModel> relations = new LinkedHashMap<>();
    /** The user's SQL as one read of the parent's table, when it is one and the parent has an {@code @Id}. */
    private final Optional<OneTableSelect> plainParents;

    RelationGraphWriter(QueryMethodModel method, String label, String sql) {
        this.method = method;
        this.label = label;
        this.sql = sql;
        this.root = ((RowType.Record) method.result().row()).model();
        collect("", root);
        // a statement that varies per call is wrapped whole, numbered by its own order
        this.plainParents = root.table() == null || root.idColumns().isEmpty() || joinedPaths().isEmpty()
                        || method.variants() != null
                ? Optional.empty()
                : OneTableSelect.of(method.sql(), root.table(), root.idColumns(), "_p");
    }

    static boolean applies(QueryMethodModel method) {
        return method.result().row() instanceof RowType.Record record && record.model().hasRelations();
    }

    private void collect(String prefix, RecordModel record) {
        for (RelationModel relation : record.relations()) {
            String path = prefix + relation.component();
            relations.put(path, relation);
            collect(path + ".", relation.child());
        }
    }

    /** One SQL constant per {@code SELECT_IN} relation path, and the joined statement if any path is {@code JOINED}. */
    List<FieldSpec> constants() {
        List<FieldSpec> fields = new ArrayList<>();
        relations.forEach((path, relation) -> {
            if (!joined(path)) {
                fields.add(FieldSpec.builder(String.class, sqlConstant(path), Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL).initializer("$S", childSql(relation)).build());
            }
        });
        if (!joinedPaths().isEmpty() && method.variants() != null) {
            // the call's own text goes between the two halves
            String[] halves = joinedSql(INNER).split(java.util.regex.Pattern.quote(INNER), 2);
            fields.add(FieldSpec.builder(String.class, joinedConstant() + "_HEAD", Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("$S", halves[0]).build());
            fields.add(FieldSpec.builder(String.class, joinedConstant() + "_TAIL", Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("$S", halves[1]).build());
        } else if (!joinedPaths().isEmpty()) {
            fields.add(FieldSpec.builder(String.class, joinedConstant(), Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("$S", joinedSql()).build());
        }
        return fields;
    }

    private boolean joined(String path) {
        return method.fetches().get(path) == FetchStrategy.JOINED;
    }

    private List<String> joinedPaths() {
        return relations.keySet().stream().filter(this::joined).toList();
    }

    private String joinedConstant() {
        return method.constant() + "_JOINED_SQL";
    }

    /** {@code _j1}, {@code _j2}, … in path order: the alias of a joined relation's table. */
    private String alias(String path) {
        return "_j" + (joinedPaths().indexOf(path) + 1);
    }

    /**
     * The user's SQL as a subquery LEFT JOINed to every {@code JOINED} relation's table, so that
     * LIMIT/OFFSET in it count parents. Rows come by parent, then by each relation's order and
     * key, so a child's own children follow it.
     *
     * <p>When the SQL reads the parent's own table alone, its rows are told apart by their
     * {@code @Id} and its {@code ORDER BY} is said of the subquery's columns, followed by the
     * {@code @Id}. Otherwise the subquery numbers its rows as {@code _pos}, in its own order, and
     * a new number is a new parent: rows the SQL repeats stay parents of their own.
     */
    String joinedSql() {
        return joinedSql(method.sql());
    }

    private String joinedSql(String statement) {
        StringBuilder select = new StringBuilder("SELECT _p.*");
        StringBuilder joins = new StringBuilder();
        Set<String> order = new LinkedHashSet<>();
        String parents;
        if (plainParents.isPresent()) {
            order.addAll(plainParents.get().order());
            root.idColumns().forEach(id -> order.add("_p." + id));
            parents = "(" + plainParents.get().inner() + ") _p";
        } else {
            order.add("_p._pos");
            parents = "(SELECT _q.*, row_number() OVER () AS _pos FROM (" + statement + ") _q) _p";
        }
        for (String path : joinedPaths()) {
            RelationModel relation = relations.get(path);
            String alias = alias(path);
            int dot = path.lastIndexOf('.');
            String parentAlias = dot < 0 ? "_p" : alias(path.substring(0, dot));
            for (ComponentModel component : relation.child().components()) {
                select.append(", ").append(alias).append('.').append(component.column())
                        .append(" AS ").append(alias).append('_').append(component.column());
            }
            joins.append(" LEFT JOIN ").append(relation.child().table()).append(' ').append(alias)
                    .append(" ON ").append(alias).append('.').append(relation.childKey().column())
                    .append(" = ").append(parentAlias).append('.').append(relation.parentKey().column());
            if (!relation.orderBy().isEmpty()) {
                order.addAll(List.of(qualify(relation.orderBy(), relation.child().table(), alias).split(", ")));
            }
            relation.child().idColumns().forEach(id -> order.add(alias + "." + id));
        }
        return select + " FROM " + parents + joins + " ORDER BY " + String.join(", ", order);
    }

    /**
     * Prefixes each {@code ORDER BY} item that starts with a bare column name with the table alias,
     * and puts the alias in place of the table where an item names it.
     */
    static String qualify(String orderBy, String table, String alias) {
        List<String> items = new ArrayList<>();
        for (String item : orderBy.split(",")) {
            String trimmed = item.trim();
            if (trimmed.startsWith(table + ".")) {
                // qualified with the child's table, which the joined statement calls by its alias
                items.add(alias + trimmed.substring(table.length()));
                continue;
            }
            int word = (int) trimmed.chars().takeWhile(c -> Character.isLetterOrDigit(c) || c == '_').count();
            String rest = trimmed.substring(word).trim();
            boolean bareColumn = word > 0 && !Character.isDigit(trimmed.charAt(0))
                    && !rest.startsWith("(") && !rest.startsWith(".");
            items.add(bareColumn ? alias + "." + trimmed : trimmed);
        }
        return String.join(", ", items);
    }

    /** Holder records for every record in the graph that has relations. */
    List<TypeSpec> holders() {
        Map<String, TypeSpec> holders = new LinkedHashMap<>();
        addHolder(root, holders);
        relations.values().forEach(r -> addHolder(r.child(), holders));
        return List.copyOf(holders.values());
    }

    private static void addHolder(RecordModel record, Map<String, TypeSpec> holders) {
        if (!record.hasRelations()) {
            return;
        }
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (ComponentModel component : record.components()) {
            constructor.addParameter(component.type().type(), component.name());
        }
        holders.putIfAbsent(holderName(record).simpleName(), TypeSpec.recordBuilder(holderName(record))
                .addModifiers(Modifier.PRIVATE)
                .recordConstructor(constructor.build())
                .addJavadoc("The columns of one {@link $T} row, before its relations are loaded.\n", record.type())
                .build());
    }

    static ClassName holderName(RecordModel record) {
        return ClassName.get("", Names.nested(record.type()) + "Row");
    }

    /** The method body: parents, then each tier, then the assembled result in the declared shape. */
    CodeBlock body(CodeBlock binds) {
        ReturnModel result = method.result();
        TypeName parentRow = holderName(root);
        TypeName parents = ParameterizedTypeName.get(ClassName.get(List.class), parentRow);
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T _conn = _core.acquire($N)", CONNECTION, label)
                .beginControlFlow("try")
                .addStatement("$T _parents = new $T<>()", parents, ArrayList.class);
        String statement = joinedPaths().isEmpty() ? sql : method.variants() != null ? "_joined" : joinedConstant();
        if (statement.equals("_joined")) {
            code.addStatement("String _joined = $N + $N + $N", joinedConstant() + "_HEAD", sql, joinedConstant() + "_TAIL");
        }
        for (String path : joinedPaths()) {
            code.addStatement("$T $N = new $T<>()", listOf(rowType(relations.get(path).child())), "_" + variable(path),
                    ArrayList.class);
            code.addStatement("$T $N = new $T()", SEEN_KEYS, "_" + variable(path) + "Seen", SEEN_KEYS);
        }
        code.beginControlFlow("try ($T _stmt = _conn.prepareStatement($N))", PREPARED_STATEMENT, statement)
                .add(binds)
                .addStatement("long _start = System.nanoTime()")
                .beginControlFlow("try ($T _rs = _stmt.executeQuery())", RESULT_SET)
                .addStatement("int[] _c = $T.resolve(_rs, $N, $L)", RESULT_COLUMNS, label,
                        ColumnCode.columnLabels(root.components()));
        if (joinedPaths().isEmpty()) {
            code.beginControlFlow("while (_rs.next())")
                    .addStatement("_parents.add($L)", ColumnCode.newRow(parentRow, root.components(), label))
                    .endControlFlow()
                    .endControlFlow()
                    .addStatement("$T.executed($N, $N, $L, _parents.size(), _start)", SQL_LOG, label, sql,
                            method.binds().size());
        } else {
            readJoinedRows(code, parentRow);
        }
        code.nextControlFlow("catch ($T _e)", SQL_EXCEPTION)
                .addStatement("throw $T.translate(_e, $N, $N)", SQL_ERRORS, label, statement)
                .endControlFlow();
        switch (result.shape()) {
            case ONE -> code.beginControlFlow("if (_parents.isEmpty())")
                    .addStatement("throw new $T($N, $N)", NO_RESULT, sql, label)
                    .endControlFlow();
            case OPTIONAL -> code.beginControlFlow("if (_parents.isEmpty())")
                    .addStatement("return $T.empty()", Optional.class)
                    .endControlFlow();
            default -> { }
        }
        if (result.shape() == ReturnModel.Shape.ONE || result.shape() == ReturnModel.Shape.OPTIONAL) {
            code.beginControlFlow("if (_parents.size() > 1)")
                    .addStatement("throw new $T($N, $N)", TOO_MANY_RESULTS, sql, label)
                    .endControlFlow();
        }
        code.add(assemble());
        switch (result.shape()) {
            case ONE -> code.addStatement("return _result.get(0)");
            case OPTIONAL -> code.addStatement("return $T.of(_result.get(0))", Optional.class);
            case SET -> code.addStatement("return new $T<>(_result)", LinkedHashSet.class);
            default -> code.addStatement("return _result");
        }
        return code.nextControlFlow("finally")
                .addStatement("_core.release(_conn)")
                .endControlFlow()
                .build();
    }

    /** Loads the relations of the holders in {@code _parents} (on {@code _conn}) and builds {@code _result}. */
    private CodeBlock assemble() {
        CodeBlock.Builder code = CodeBlock.builder();
        Map<String, String> maps = tiers(code, root, "_parents", "");
        return code.addStatement("$T _result = new $T<>(_parents.size())", listOf(root.type()), ArrayList.class)
                .beginControlFlow("for ($T _r : _parents)", holderName(root))
                .addStatement("_result.add($L)", build(root, maps))
                .endControlFlow()
                .build();
    }

    /**
     * A stream of records with relations: the cursor's parent rows in chunks of the fetch size, each
     * chunk's relations loaded {@code SELECT_IN} on the cursor's connection.
     */
    CodeBlock stream(CodeBlock binds) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("return $T.$L(_core, $N, $N, $L, $L, ", RuntimeNames.CURSOR_STREAM,
                        method.result().shape() == ReturnModel.Shape.STREAM ? "graph" : "graphPartitions", label, sql,
                        method.binds().size(), method.result().fetchSize());
        if (binds.isEmpty()) {
            code.add("_stmt -> {}, ");
        } else {
            code.add("_stmt -> {\n").indent().add(binds).unindent().add("}, ");
        }
        return code.add("_result -> {\n").indent()
                .addStatement("int[] _c = $T.resolve(_result, $N, $L)", RESULT_COLUMNS, label,
                        ColumnCode.columnLabels(root.components()))
                .addStatement("return _rs -> $L", ColumnCode.newRow(holderName(root), root.components(), label))
                .unindent().add("}, (_conn, _parents) -> {\n").indent()
                .add(assemble())
                .addStatement("return _result")
                .unindent().add("});\n")
                .build();
    }

    /**
     * Reads the joined rows: a new parent whenever its {@code @Id} (or the row number of the user's
     * query) changes, and each joined child the first time its key appears (NULL keys are the LEFT
     * JOIN's "no child").
     */
    private void readJoinedRows(CodeBlock.Builder code, TypeName parentRow) {
        boolean byId = plainParents.isPresent();
        if (byId) {
            code.addStatement("$T _parentsSeen = new $T()", SEEN_KEYS, SEEN_KEYS);
        } else {
            code.addStatement("int _pos = $T.resolve(_rs, $N, $S)[0]", RESULT_COLUMNS, label, "_pos")
                    .addStatement("long _lastPos = 0");
        }
        for (String path : joinedPaths()) {
            RecordModel child = relations.get(path).child();
            List<CodeBlock> labels = new ArrayList<>();
            child.components().forEach(c -> labels.add(CodeBlock.of("$S", alias(path) + "_" + c.column())));
            code.addStatement("int[] $N = $T.resolve(_rs, $N, $L)", positions(path), RESULT_COLUMNS, label,
                    CodeBlock.join(labels, ", "));
        }
        code.addStatement("int _rows = 0")
                .beginControlFlow("while (_rs.next())")
                .addStatement("_rows++");
        if (byId) {
            addFirstSeen(code, "_parentsSeen", root, "_c", parentRow, "_parents");
        } else {
            code.addStatement("long _p = _rs.getLong(_pos)")
                    .beginControlFlow("if (_p != _lastPos)")
                    .addStatement("_lastPos = _p")
                    .addStatement("_parents.add($L)", ColumnCode.newRow(parentRow, root.components(), label))
                    .endControlFlow();
        }
        for (String path : joinedPaths()) {
            RecordModel child = relations.get(path).child();
            addFirstSeen(code, "_" + variable(path) + "Seen", child, positions(path), rowType(child),
                    "_" + variable(path));
        }
        code.endControlFlow()
                .addStatement("$T.executed($N, $N, $L, _rows, _start)", SQL_LOG, label,
                        method.variants() != null ? "_joined" : joinedConstant(),
                        method.binds().size())
                .endControlFlow();
    }

    /**
     * Adds the current row's {@code record} (read as {@code row} from the positions in array
     * {@code positions}) to {@code list} the first time {@code seen} meets its key. A key of one
     * integer column is read once and kept as a long, without boxing.
     */
    private void addFirstSeen(CodeBlock.Builder code, String seen, RecordModel record, String positions, TypeName row,
                              String list) {
        List<ComponentModel> keys = record.idColumns().stream()
                .map(id -> record.componentForColumn(id).orElseThrow())
                .toList();
        if (keys.size() == 1 && INTEGRAL.contains(keys.get(0).type().kind())) {
            int key = record.components().indexOf(keys.get(0));
            String narrowing = switch (keys.get(0).type().kind()) {
                case INT -> "(int) ";
                case SHORT -> "(short) ";
                default -> "";
            };
            code.beginControlFlow("if ($N.firstSeenLong(_rs, $N[$L]))", seen, positions, key)
                    .addStatement("$N.add($L)", list, ColumnCode.newRow(row, record.components(), label, positions,
                            key, CodeBlock.of("$L$N.lastLong()", narrowing, seen)));
        } else {
            List<CodeBlock> columns = keys.stream()
                    .map(k -> CodeBlock.of("$N[$L]", positions, record.components().indexOf(k)))
                    .toList();
            code.beginControlFlow("if ($N.firstSeen(_rs, $L))", seen, CodeBlock.join(columns, ", "))
                    .addStatement("$N.add($L)", list, ColumnCode.newRow(row, record.components(), label, positions));
        }
        code.endControlFlow();
    }

    private String positions(String path) {
        return "_c" + alias(path).substring(2);
    }

    private static TypeName rowType(RecordModel record) {
        return record.hasRelations() ? holderName(record) : record.type();
    }

    private static TypeName listOf(TypeName element) {
        return ParameterizedTypeName.get(ClassName.get(List.class), element);
    }

    /**
     * Loads the relations of {@code record} for the rows in {@code rowsVar}, deepest first where
     * they nest; returns, per relation component, the variable holding its children by parent key.
     */
    private Map<String, String> tiers(CodeBlock.Builder code, RecordModel record, String rowsVar, String prefix) {
        Map<String, String> maps = new LinkedHashMap<>();
        for (RelationModel relation : record.relations()) {
            String path = prefix + relation.component();
            RecordModel child = relation.child();
            TypeName childRow = rowType(child);
            String rows = "_" + variable(path);
            if (!joined(path)) {
                code.add("$T $N = $T.load(_conn, $N, $N, $S, $T.keys($N, _r -> _r.$N()), _result -> {\n",
                                listOf(childRow), rows, RELATION_LOADER, label, sqlConstant(path),
                                relation.childKey().type().kind().arrayElementType(), RELATION_LOADER, rowsVar,
                                relation.parentKey().name())
                        .indent()
                        .addStatement("int[] _c = $T.resolve(_result, $N, $L)", RESULT_COLUMNS, label,
                                ColumnCode.columnLabels(child.components()))
                        .addStatement("return _rs -> $L", ColumnCode.newRow(childRow, child.components(), label))
                        .unindent()
                        .add("});\n");
            }
            Map<String, String> childMaps = tiers(code, child, rows, path + ".");
            String byParent = rows + "ByParent";
            TypeName key = relation.childKey().type().type().box();
            CodeBlock built = child.hasRelations() ? build(child, childMaps) : CodeBlock.of("_r");
            if (inRuns(path, record, relation)) {
                code.addStatement("$T $N = $T.of($N, _r -> _r.$N(), _r -> $L)",
                        ParameterizedTypeName.get(CHILD_RUNS, key, child.type()), byParent, CHILD_RUNS, rows,
                        relation.childKey().name(), built);
            } else {
                code.addStatement("$T $N = $T.group($N, _r -> _r.$N(), _r -> $L)",
                        ParameterizedTypeName.get(ClassName.get(Map.class), key, listOf(child.type())),
                        byParent, RELATION_LOADER, rows, relation.childKey().name(), built);
            }
            maps.put(relation.component(), byParent);
        }
        return maps;
    }

    /**
     * Whether the joined children at {@code path} come in runs, one per parent of {@code record}
     * and in the parents' order: the statement is sorted by parent and tells parents apart by
     * their {@code @Id}, and the relation's parent column is that {@code @Id}, so no two parents
     * share a run.
     */
    private boolean inRuns(String path, RecordModel record, RelationModel relation) {
        return joined(path) && plainParents.isPresent()
                && record.idColumns().equals(List.of(relation.parentKey().column()));
    }

    /** {@code new Record(_r.a(), RelationLoader.list(_ordersByParent, _r.id()), …)} in canonical order. */
    private CodeBlock build(RecordModel record, Map<String, String> maps) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (String name : record.constructorOrder()) {
            Optional<RelationModel> relation = record.relations().stream()
                    .filter(r -> r.component().equals(name)).findFirst();
            if (relation.isEmpty()) {
                arguments.add(CodeBlock.of("_r.$N()", name));
                continue;
            }
            RelationModel r = relation.get();
            String map = maps.get(name);
            arguments.add(switch (r.cardinality()) {
                case LIST -> CodeBlock.of("$T.list($N, _r.$N())", RELATION_LOADER, map, r.parentKey().name());
                case SET -> CodeBlock.of("$T.set($N, _r.$N())", RELATION_LOADER, map, r.parentKey().name());
                case OPTIONAL -> CodeBlock.of("$T.optional($N, _r.$N(), $N, $S)", RELATION_LOADER, map,
                        r.parentKey().name(), label, name);
                case ONE -> CodeBlock.of("$T.one($N, _r.$N(), $N, $S)", RELATION_LOADER, map, r.parentKey().name(),
                        label, name);
            });
        }
        return CodeBlock.of("new $T(\n$L)", record.type(), CodeBlock.join(arguments, ",\n"));
    }

    /** {@code SELECT cols FROM child WHERE child_col = ANY(?) ORDER BY …}, or the relation's own query. */
    static String childSql(RelationModel relation) {
        if (!relation.query().isEmpty()) {
            return SqlParser.parse(relation.query()).jdbcSql(p -> true);
        }
        RecordModel child = relation.child();
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(String.join(", ", child.components().stream().map(ComponentModel::column).toList()))
                .append(" FROM ").append(child.table())
                .append(" WHERE ").append(relation.childKey().column()).append(" = ANY(?)");
        // the child's key after orderBy breaks its ties, so both strategies agree on the order
        Set<String> order = new LinkedHashSet<>();
        if (!relation.orderBy().isEmpty()) {
            order.addAll(List.of(relation.orderBy().split("\\s*,\\s*")));
        }
        order.addAll(child.idColumns());
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", order));
        }
        return sql.toString();
    }

    private String sqlConstant(String path) {
        String snake = path.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return method.constant() + "_" + snake.toUpperCase(Locale.ROOT) + "_SQL";
    }

    /** {@code orders.items} → {@code ordersItems}. */
    private static String variable(String path) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : path.toCharArray()) {
            if (c == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
