package dev.quarry.processor.write;

import static dev.quarry.processor.write.RuntimeNames.CONNECTION;
import static dev.quarry.processor.write.RuntimeNames.NO_RESULT;
import static dev.quarry.processor.write.RuntimeNames.PREPARED_STATEMENT;
import static dev.quarry.processor.write.RuntimeNames.RELATION_LOADER;
import static dev.quarry.processor.write.RuntimeNames.RESULT_COLUMNS;
import static dev.quarry.processor.write.RuntimeNames.RESULT_SET;
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
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.ReturnModel;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.sql.SqlParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@code @Query} method whose result records have {@code @Relation} components, loaded
 * {@code SELECT_IN}: the parent rows are read into a holder record (the result records are
 * immutable and need their children at construction), then one {@code = ANY(?)} query per
 * relation tier runs on the same connection, and the graph is assembled bottom-up.
 */
final class RelationGraphWriter {
    private final QueryMethodModel method;
    private final String label;
    private final String sql;
    private final RecordModel root;
    private final Map<String, RelationModel> relations = new LinkedHashMap<>();

    RelationGraphWriter(QueryMethodModel method, String label, String sql) {
        this.method = method;
        this.label = label;
        this.sql = sql;
        this.root = ((RowType.Record) method.result().row()).model();
        collect("", root);
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

    /** One SQL constant per relation path. */
    List<FieldSpec> constants() {
        List<FieldSpec> fields = new ArrayList<>();
        relations.forEach((path, relation) -> fields.add(
                FieldSpec.builder(String.class, sqlConstant(path), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", childSql(relation)).build()));
        return fields;
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
        return ClassName.get("", record.simpleName() + "Row");
    }

    /** The method body: parents, then each tier, then the assembled result in the declared shape. */
    CodeBlock body(CodeBlock binds) {
        ReturnModel result = method.result();
        TypeName parentRow = holderName(root);
        TypeName parents = ParameterizedTypeName.get(ClassName.get(List.class), parentRow);
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T _conn = _core.acquire($N)", CONNECTION, label)
                .beginControlFlow("try")
                .addStatement("$T _parents = new $T<>()", parents, ArrayList.class)
                .beginControlFlow("try ($T _stmt = _conn.prepareStatement($N))", PREPARED_STATEMENT, sql)
                .add(binds)
                .addStatement("long _start = System.nanoTime()")
                .beginControlFlow("try ($T _rs = _stmt.executeQuery())", RESULT_SET)
                .addStatement("int[] _c = $T.resolve(_rs, $N, $L)", RESULT_COLUMNS, label,
                        ColumnCode.columnLabels(root.components()))
                .beginControlFlow("while (_rs.next())")
                .addStatement("_parents.add($L)", ColumnCode.newRow(parentRow, root.components(), label))
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T.executed($N, $N, $L, _parents.size(), _start)", SQL_LOG, label, sql,
                        method.binds().size())
                .nextControlFlow("catch ($T _e)", SQL_EXCEPTION)
                .addStatement("throw $T.translate(_e, $N, $N)", SQL_ERRORS, label, sql)
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
        Map<String, String> maps = tiers(code, root, "_parents", "");
        TypeName rootType = root.type();
        code.addStatement("$T _result = new $T<>(_parents.size())",
                        ParameterizedTypeName.get(ClassName.get(List.class), rootType), ArrayList.class)
                .beginControlFlow("for ($T _r : _parents)", parentRow)
                .addStatement("_result.add($L)", build(root, maps))
                .endControlFlow();
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

    /**
     * Loads the relations of {@code record} for the rows in {@code rowsVar}, deepest first where
     * they nest; returns, per relation component, the variable holding its children by parent key.
     */
    private Map<String, String> tiers(CodeBlock.Builder code, RecordModel record, String rowsVar, String prefix) {
        Map<String, String> maps = new LinkedHashMap<>();
        for (RelationModel relation : record.relations()) {
            String path = prefix + relation.component();
            RecordModel child = relation.child();
            TypeName childRow = child.hasRelations() ? holderName(child) : child.type();
            String rows = "_" + variable(path);
            code.add("$T $N = $T.load(_conn, $N, $N, $S, $T.keys($N, _r -> _r.$N()), _result -> {\n",
                            ParameterizedTypeName.get(ClassName.get(List.class), childRow), rows, RELATION_LOADER,
                            label, sqlConstant(path), relation.childKey().type().kind().arrayElementType(),
                            RELATION_LOADER, rowsVar, relation.parentKey().name())
                    .indent()
                    .addStatement("int[] _c = $T.resolve(_result, $N, $L)", RESULT_COLUMNS, label,
                            ColumnCode.columnLabels(child.components()))
                    .addStatement("return _rs -> $L", ColumnCode.newRow(childRow, child.components(), label))
                    .unindent()
                    .add("});\n");
            Map<String, String> childMaps = tiers(code, child, rows, path + ".");
            String byParent = rows + "ByParent";
            code.addStatement("$T $N = $T.group($N, _r -> _r.$N(), _r -> $L)",
                    ParameterizedTypeName.get(ClassName.get(Map.class), relation.childKey().type().type().box(),
                            ParameterizedTypeName.get(ClassName.get(List.class), child.type())),
                    byParent, RELATION_LOADER, rows, relation.childKey().name(),
                    child.hasRelations() ? build(child, childMaps) : CodeBlock.of("_r"));
            maps.put(relation.component(), byParent);
        }
        return maps;
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
        String order = !relation.orderBy().isEmpty() ? relation.orderBy() : String.join(", ", child.idColumns());
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(order);
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
