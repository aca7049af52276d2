package dev.quarry.processor.write;

import static dev.quarry.processor.write.RuntimeNames.BINDERS;
import static dev.quarry.processor.write.RuntimeNames.CONNECTION;
import static dev.quarry.processor.write.RuntimeNames.CURSOR_STREAM;
import static dev.quarry.processor.write.RuntimeNames.NO_RESULT;
import static dev.quarry.processor.write.RuntimeNames.PREPARED_STATEMENT;
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
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.model.BindStep;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.ParameterModel;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.ReturnModel;
import dev.quarry.processor.model.RowType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes one {@code @Query} method as straight-line JDBC: borrow, prepare, bind, execute, read,
 * release. Everything it decides comes from the {@link QueryMethodModel}.
 */
final class QueryMethodWriter implements MethodWriter {
    private final QueryMethodModel method;
    private final String label;
    private final String sql;
    /** Writes the method when its records have relations; {@code null} otherwise. */
    private final RelationGraphWriter graph;

    QueryMethodWriter(QueryMethodModel method) {
        this.method = method;
        this.label = method.constant();
        // a method whose text varies per call reads it from a local the body sets first
        this.sql = method.variants() == null ? method.constant() + "_SQL" : "_sql";
        this.graph = RelationGraphWriter.applies(method) ? new RelationGraphWriter(method, label, sql) : null;
    }

    @Override
    public List<FieldSpec> constants() {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.builder(String.class, label, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", method.label()).build());
        if (method.variants() == null || method.variants().filters().isEmpty()) {
            // a paged method's text is its statement with the page's LIMIT
            String text = method.variants() == null ? method.sql() : method.variants().text(0);
            fields.add(FieldSpec.builder(String.class, method.constant() + "_SQL", Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("$S", text).build());
        }
        fields.addAll(FilterCode.constants(method));
        if (graph != null) {
            fields.addAll(graph.constants());
        }
        return fields;
    }

    @Override
    public List<TypeSpec> types() {
        return graph != null ? graph.holders() : List.of();
    }

    /** Async and transactional methods run their JDBC body in a private method the override wraps. */
    private boolean wrapped() {
        return method.async() || method.transaction() != null;
    }

    @Override
    public MethodSpec method() {
        if (!wrapped()) {
            return body(override(method.result().type()));
        }
        MethodSpec.Builder builder = override(method.declaredReturn());
        List<CodeBlock> arguments = method.parameters().stream().map(p -> CodeBlock.of("$N", p.name())).toList();
        CodeBlock call = CodeBlock.of("_$L($L)", method.name(), CodeBlock.join(arguments, ", "));
        boolean returnsValue = method.result().shape() != ReturnModel.Shape.VOID;
        return builder.addCode(TransactionCode.body(label, method.transaction(), method.async(), call, returnsValue)).build();
    }

    @Override
    public List<MethodSpec> helpers() {
        List<MethodSpec> helpers = new ArrayList<>();
        if (wrapped()) {
            helpers.add(body(helper("_" + method.name(), method.result().type())));
        }
        if (paged()) {
            // the page's rows are read as a List would be, by a writer of the method as one returning them
            helpers.add(new QueryMethodWriter(rowsMethod()).body(helper(rowsHelper(), listOf(rowTypeName(method.result())))));
            if (method.result().shape() == ReturnModel.Shape.PAGE) {
                helpers.add(count(helper(countHelper(), TypeName.LONG)));
            }
        }
        return helpers;
    }

    private MethodSpec.Builder helper(String name, TypeName returns) {
        MethodSpec.Builder builder = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .returns(returns)
                .varargs(method.varargs());
        for (ParameterModel parameter : method.parameters()) {
            builder.addParameter(ParameterSpec.builder(parameter.type(), parameter.name()).build());
        }
        return builder;
    }

    /** Whether the method returns a {@code Page} or {@code CursoredPage}, made of its rows (and count) read by helpers. */
    private boolean paged() {
        return method.result().shape() == ReturnModel.Shape.PAGE || method.result().shape() == ReturnModel.Shape.CURSORED_PAGE;
    }

    private String rowsHelper() {
        return "_" + method.name() + "Rows";
    }

    private String countHelper() {
        return "_" + method.name() + "Count";
    }

    /** The method as one that returns its page's rows as a {@code List}, run where it is called. */
    private QueryMethodModel rowsMethod() {
        ReturnModel result = method.result();
        ReturnModel rows = new ReturnModel(ReturnModel.Shape.LIST, result.row(), listOf(rowTypeName(result)), 0);
        return new QueryMethodModel(method.element(), method.name(), method.label(), method.constant(), null,
                method.parameters(), method.varargs(), method.thrown(), method.parsed(), method.sql(), method.binds(), rows,
                method.fetches(), rows.type(), false, null, method.timeout(), method.variants());
    }

    private static TypeName listOf(TypeName row) {
        return ParameterizedTypeName.get(ClassName.get(List.class), row);
    }

    /** A {@code Page} or {@code CursoredPage} of the rows the rows helper reads (and the count, when it must run). */
    private MethodSpec pageBody(MethodSpec.Builder builder) {
        List<CodeBlock> arguments = method.parameters().stream().map(p -> CodeBlock.of("$N", p.name())).toList();
        CodeBlock args = CodeBlock.join(arguments, ", ");
        TypeName row = rowTypeName(method.result());
        builder.addStatement("$T _rows = $N($L)", listOf(row), rowsHelper(), args);
        if (method.result().shape() == ReturnModel.Shape.CURSORED_PAGE) {
            return builder.addCode(FilterCode.cursoredPage(method, row, "_rows")).build();
        }
        String page = method.variants().paging().parameter();
        return builder.addStatement("long _total = $T.knownTotal($N, _rows.size())", FilterCode.PAGES, page)
                .addStatement("return $T.page(_rows, $N, _total >= 0 ? _total : $N($L))", FilterCode.PAGES, page,
                        countHelper(), args)
                .build();
    }

    /** {@code SELECT count(*)} of the statement with the filters that apply, on a connection of its own borrowing. */
    private MethodSpec count(MethodSpec.Builder builder) {
        builder.addCode(FilterCode.countStatement(method));
        builder.addStatement("$T _conn = _core.acquire($N)", CONNECTION, label);
        builder.beginControlFlow("try ($T _stmt = _conn.prepareStatement(_sql))", PREPARED_STATEMENT);
        builder.addCode(FilterCode.binds(method, label, false));
        builder.addStatement("long _start = System.nanoTime()");
        builder.beginControlFlow("try ($T _rs = _stmt.executeQuery())", RESULT_SET)
                .addStatement("_rs.next()")
                .addStatement("long _count = _rs.getLong(1)")
                .addStatement("$T.executed($N, _sql, $L, 1, _start)", SQL_LOG, label,
                        method.binds().isEmpty() ? "0" : "_i - 1")
                .addStatement("return _count")
                .endControlFlow();
        builder.nextControlFlow("catch ($T _e)", SQL_EXCEPTION);
        builder.addStatement("throw $T.translate(_e, $N, _sql)", SQL_ERRORS, label);
        builder.nextControlFlow("finally");
        builder.addStatement("_core.release(_conn)");
        builder.endControlFlow();
        return builder.build();
    }

    /** The overriding method's signature, with the null checks that run before any SQL on the caller's thread. */
    private MethodSpec.Builder override(TypeName returns) {
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
                .addAnnotation(Override.class)
                .returns(returns)
                .varargs(method.varargs());
        if (method.visibility() != null) {
            builder.addModifiers(method.visibility());
        }
        for (ParameterModel parameter : method.parameters()) {
            builder.addParameter(ParameterSpec.builder(parameter.type(), parameter.name()).build());
        }
        for (ParameterModel parameter : method.parameters()) {
            if (parameter.rejectsNull() && !FilterCode.absentAllowed(method, parameter)) {
                builder.addStatement("$T.requireArgument($N, $N, $S)", BINDERS, parameter.name(), label, parameter.name());
            }
        }
        return builder;
    }

    /** The JDBC work: borrow, prepare, bind, execute, read, release. */
    private MethodSpec body(MethodSpec.Builder builder) {
        if (paged()) {
            return pageBody(builder);
        }
        if (method.variants() != null) {
            builder.addCode(FilterCode.statement(method, method.constant() + "_SQL"));
        }
        if (method.result().shape().streams()) {
            return builder.addCode(graph != null ? graph.stream(binds()) : stream()).build();
        }
        if (graph != null) {
            return builder.addCode(graph.body(binds())).build();
        }
        builder.addStatement("$T _conn = _core.acquire($N)", CONNECTION, label);
        builder.beginControlFlow("try ($T _stmt = _conn.prepareStatement($N))", PREPARED_STATEMENT, sql);
        builder.addCode(binds());
        builder.addStatement("long _start = System.nanoTime()");
        builder.addCode(execute());
        builder.nextControlFlow("catch ($T _e)", SQL_EXCEPTION);
        builder.addStatement("throw $T.translate(_e, $N, $N)", SQL_ERRORS, label, sql);
        builder.nextControlFlow("finally");
        builder.addStatement("_core.release(_conn)");
        builder.endControlFlow();
        return builder.build();
    }

    /**
     * A cursor stream: the runtime owns the statement's lifetime, so the method hands it the
     * binding and a mapper factory that resolves column positions once per result.
     */
    private CodeBlock stream() {
        ReturnModel result = method.result();
        String open = result.shape() == ReturnModel.Shape.STREAM ? "open" : "partitions";
        CodeBlock.Builder code = CodeBlock.builder()
                .add("return $T.$L(_core, $N, $N, $L, $L, ", CURSOR_STREAM, open, label, sql, method.binds().size(),
                        result.fetchSize());
        if (method.binds().isEmpty() && method.timeout() == 0) {
            code.add("_stmt -> {}, ");
        } else {
            code.add("_stmt -> {\n").indent().add(binds()).unindent().add("}, ");
        }
        if (result.row() instanceof RowType.Record record) {
            code.add("_result -> {\n").indent()
                    .addStatement("int[] _c = $T.resolve(_result, $N, $L)", RESULT_COLUMNS, label, ColumnCode.columnLabels(record.model().components()))
                    .addStatement("return _rs -> $L", row(result))
                    .unindent().add("});\n");
        } else {
            code.add("_result -> _rs -> $L);\n", row(result));
        }
        return code.build();
    }

    private CodeBlock binds() {
        if (method.variants() != null || method.parameters().stream().anyMatch(ParameterModel::optional)) {
            return FilterCode.binds(method, label, true);
        }
        CodeBlock.Builder code = CodeBlock.builder();
        if (method.timeout() > 0) {
            code.addStatement("_stmt.setQueryTimeout($L)", method.timeout());
        }
        List<CodeBlock> values = new ArrayList<>();
        int index = 1;
        for (BindStep bind : method.binds()) {
            CodeBlock value = bind.component() == null
                    ? CodeBlock.of("$N", bind.parameter().name())
                    : CodeBlock.of("$N.$N()", bind.parameter().name(), bind.component().name());
            String name = bind.component() == null ? bind.parameter().name()
                    : bind.parameter().name() + "." + bind.component().name();
            code.addStatement(bind.array()
                    ? ColumnCode.bindArray(bind.type(), index, value, label, name)
                    : ColumnCode.bind(bind.type(), index, value, name));
            values.add(value);
            index++;
        }
        if (!values.isEmpty()) {
            code.beginControlFlow("if ($T.tracing())", SQL_LOG)
                    .addStatement("$T.values($N, new Object[] {$L})", SQL_LOG, label, CodeBlock.join(values, ", "))
                    .endControlFlow();
        }
        return code.build();
    }

    private CodeBlock execute() {
        ReturnModel result = method.result();
        // with filters, the count of values bound is the number the binds reached
        Object binds = method.variants() != null && method.variants().paging() != null ? "_i - 1"
                : method.variants() != null && !method.variants().filters().isEmpty() && !method.binds().isEmpty()
                ? "_i - 1" : method.binds().size();
        CodeBlock.Builder code = CodeBlock.builder();
        switch (result.shape()) {
            case VOID -> code.addStatement("_stmt.execute()")
                    .addStatement("$T.executed($N, $N, $L, _stmt.getUpdateCount(), _start)", SQL_LOG, label, sql, binds);
            case UPDATE_COUNT_INT -> code.addStatement("int _rows = _stmt.executeUpdate()")
                    .addStatement("$T.executed($N, $N, $L, _rows, _start)", SQL_LOG, label, sql, binds)
                    .addStatement("return _rows");
            case UPDATE_COUNT_LONG -> code.addStatement("long _rows = _stmt.executeLargeUpdate()")
                    .addStatement("$T.executed($N, $N, $L, _rows, _start)", SQL_LOG, label, sql, binds)
                    .addStatement("return _rows");
            default -> {
                code.beginControlFlow("try ($T _rs = _stmt.executeQuery())", RESULT_SET);
                code.add(readRows(result, binds));
                code.endControlFlow();
            }
        }
        return code.build();
    }

    private CodeBlock readRows(ReturnModel result, Object binds) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (result.row() instanceof RowType.Record record) {
            code.addStatement("int[] _c = $T.resolve(_rs, $N, $L)", RESULT_COLUMNS, label, ColumnCode.columnLabels(record.model().components()));
        }
        TypeName rowType = rowTypeName(result);
        switch (result.shape()) {
            case LIST, SET -> {
                Class<?> impl = result.shape() == ReturnModel.Shape.LIST ? ArrayList.class : LinkedHashSet.class;
                TypeName container = ParameterizedTypeName.get(
                        ClassName.get(result.shape() == ReturnModel.Shape.LIST ? List.class : java.util.Set.class), rowType);
                // a page's rows: as many as its size (and the one after it, for a keyset page)
                CodeBlock capacity = method.variants() != null && method.variants().paging() != null
                        ? CodeBlock.of("$T.capacity($N)", FilterCode.PAGES, method.variants().paging().parameter())
                        : CodeBlock.of("");
                code.addStatement("$T _result = new $T<>($L)", container, impl, capacity)
                        .beginControlFlow("while (_rs.next())")
                        .addStatement("_result.add($L)", row(result))
                        .endControlFlow()
                        .addStatement("$T.executed($N, $N, $L, _result.size(), _start)", SQL_LOG, label, sql, binds)
                        .addStatement("return _result");
            }
            case ONE, OPTIONAL -> {
                boolean optional = result.shape() == ReturnModel.Shape.OPTIONAL;
                code.beginControlFlow("if (!_rs.next())");
                if (optional) {
                    code.addStatement("$T.executed($N, $N, $L, 0, _start)", SQL_LOG, label, sql, binds)
                            .addStatement("return $T.empty()", Optional.class);
                } else {
                    code.addStatement("throw new $T($N, $N)", NO_RESULT, sql, label);
                }
                code.endControlFlow()
                        .addStatement("$T _row = $L", rowType, row(result))
                        .beginControlFlow("if (_rs.next())")
                        .addStatement("throw new $T($N, $N)", TOO_MANY_RESULTS, sql, label)
                        .endControlFlow()
                        .addStatement("$T.executed($N, $N, $L, 1, _start)", SQL_LOG, label, sql, binds);
                if (optional) {
                    code.addStatement("return $T.$L(_row)", Optional.class,
                            result.row() instanceof RowType.Scalar ? "ofNullable" : "of");
                } else {
                    code.addStatement("return _row");
                }
            }
            default -> throw new IllegalStateException("not a row shape: " + result.shape());
        }
        return code.build();
    }

    /** Records are read by resolved column positions; a scalar result is the first column. */
    private CodeBlock row(ReturnModel result) {
        if (result.row() instanceof RowType.Scalar scalar) {
            return ColumnCode.read(scalar.type(), CodeBlock.of("1"), label);
        }
        RecordModel record = ((RowType.Record) result.row()).model();
        return ColumnCode.newRow(record.type(), record.components(), label);
    }

    /** The Java type of one row: the declared type for a single scalar, boxed inside containers. */
    private static TypeName rowTypeName(ReturnModel result) {
        if (result.row() instanceof RowType.Scalar scalar) {
            TypeName type = scalar.type().type();
            return result.shape() == ReturnModel.Shape.ONE ? type : type.box();
        }
        return ((RowType.Record) result.row()).model().type();
    }
}
