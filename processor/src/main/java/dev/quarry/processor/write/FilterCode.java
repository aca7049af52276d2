package dev.quarry.processor.write;

import static dev.quarry.processor.write.RuntimeNames.BINDERS;
import static dev.quarry.processor.write.RuntimeNames.SQL_LOG;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.BindStep;
import dev.quarry.processor.model.Paging;
import dev.quarry.processor.model.ParameterModel;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.ScalarType;
import dev.quarry.processor.model.Variants;
import dev.quarry.processor.sql.FilterPlacement.Pieces;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The generated code of a method with {@code @Filter}s, a {@code Sort} or {@code Optional}
 * parameters: a mask of the filters that apply, the constant text for it, and binds that follow it.
 */
final class FilterCode {
    static final ClassName FILTERS = ClassName.get(RuntimeNames.INTERNAL, "Filters");
    static final ClassName TEXTS = FILTERS.nestedClass("Texts");
    static final ClassName PAGES = ClassName.get(RuntimeNames.INTERNAL, "Pages");
    static final ClassName CURSORS = ClassName.get(RuntimeNames.INTERNAL, "Cursors");
    static final ClassName CURSORED_PAGE = ClassName.get(RuntimeNames.RUNTIME, "CursoredPage");

    private FilterCode() {}

    private static String sortKeys(QueryMethodModel method) {
        return method.constant() + "_SORT_KEYS";
    }

    /** The texts by mask (or their pieces, past a few filters), those of the count and keyset statements, and the sort keys' SQL. */
    static List<FieldSpec> constants(QueryMethodModel method) {
        Variants variants = method.variants();
        List<FieldSpec> fields = new ArrayList<>();
        if (variants == null) {
            return fields;
        }
        ArrayTypeName strings = ArrayTypeName.of(String.class);
        if (!variants.filters().isEmpty()) {
            fields.add(family(method, "", variants.texts(), variants.pieces()));
        }
        Paging paging = variants.paging();
        if (paging != null && paging.count() != null) {
            fields.add(family(method, "_COUNT", paging.count().texts(), paging.count().pieces()));
        }
        if (paging != null && paging.after() != null) {
            fields.add(family(method, "_AFTER", paging.after().texts(), paging.after().pieces()));
            fields.add(FieldSpec.builder(long.class, cursor(method), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("0x$LL", Long.toHexString(paging.fingerprint())).build());
        }
        if (variants.sort() != null) {
            List<CodeBlock> keys = variants.sortKeys().stream().map(k -> CodeBlock.of("$S", k)).toList();
            fields.add(FieldSpec.builder(strings, sortKeys(method), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("{$L}", CodeBlock.join(keys, ", ")).build());
        }
        return fields;
    }

    /** The texts of one family by mask: one constant without filters, all of them written out, or their pieces. */
    private static FieldSpec family(QueryMethodModel method, String family, List<String> texts, Pieces pieces) {
        Variants variants = method.variants();
        if (variants.filters().isEmpty()) {
            return FieldSpec.builder(String.class, method.constant() + family + "_SQL", Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("$S", texts.get(0)).build();
        }
        String name = method.constant() + family + "_SQLS";
        if (!texts.isEmpty()) {
            List<CodeBlock> all = texts.stream().map(t -> CodeBlock.of("$S", t)).toList();
            return FieldSpec.builder(ArrayTypeName.of(String.class), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("{\n$>$L$<\n}", CodeBlock.join(all, ",\n")).build();
        }
        List<CodeBlock> filters = variants.filterTexts().stream().map(t -> CodeBlock.of("$S", t)).toList();
        return FieldSpec.builder(TEXTS, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T($S, $S, $S, $L,\n$>$L$<)", TEXTS, pieces.prefix(), pieces.condition(), pieces.suffix(),
                        pieces.hasWhere(), CodeBlock.join(filters, ",\n"))
                .build();
    }

    /** The text of {@code family} for the call's {@code _mask}. */
    private static CodeBlock text(QueryMethodModel method, String family) {
        Variants variants = method.variants();
        if (variants.filters().isEmpty()) {
            return CodeBlock.of("$N", method.constant() + family + "_SQL");
        }
        String name = method.constant() + family + "_SQLS";
        boolean written = family.isEmpty() ? !variants.texts().isEmpty()
                : family.equals("_COUNT") ? !variants.paging().count().texts().isEmpty()
                : !variants.paging().after().texts().isEmpty();
        return written ? CodeBlock.of("$N[_mask]", name) : CodeBlock.of("$N.text(_mask)", name);
    }

    private static String cursor(QueryMethodModel method) {
        return method.constant() + "_CURSOR";
    }

    /** {@code String _sql = …} of the count statement, for the filters that apply. */
    static CodeBlock countStatement(QueryMethodModel method) {
        return CodeBlock.builder().add(mask(method)).addStatement("String _sql = $L", text(method, "_COUNT")).build();
    }

    /**
     * {@code int _mask = …; String _sql = …;} at the start of the method's body; before them, a paged
     * method checks its request, and a keyset page reads its cursor's keys (a refused cursor runs no SQL).
     */
    static CodeBlock statement(QueryMethodModel method, String sqlConstant) {
        Variants variants = method.variants();
        CodeBlock.Builder code = CodeBlock.builder();
        Paging paging = variants.paging();
        if (paging != null && paging.kind() == Paging.Kind.CURSORED) {
            code.add(readCursor(method, paging));
        } else if (paging != null) {
            code.addStatement("$T.byNumber($N, $N)", PAGES, paging.parameter(), method.constant());
        }
        code.add(mask(method));
        CodeBlock text = variants.filters().isEmpty() ? CodeBlock.of("$N", sqlConstant) : text(method, "");
        if (paging != null && paging.kind() == Paging.Kind.CURSORED) {
            text = CodeBlock.of("_after == null ? $L : $L", text, text(method, "_AFTER"));
        }
        if (variants.sort() != null) {
            text = CodeBlock.of("$T.sorted($L, $L, $L, $N, $N)", FILTERS, text, variants.sortTail(), variants.ownOrder(),
                    variants.sort(), sortKeys(method));
        }
        return code.addStatement("String _sql = $L", text).build();
    }

    /** The cursor's keys in locals {@code _k0}, {@code _k1}, …, read before any SQL runs. */
    private static CodeBlock readCursor(QueryMethodModel method, Paging paging) {
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T _after = $T.after($N, $N, $N)", CURSORS.nestedClass("Reader"), PAGES, paging.parameter(),
                        cursor(method), method.constant());
        for (int i = 0; i < paging.keys().size(); i++) {
            ScalarType type = paging.keys().get(i).component().type();
            code.addStatement("$T _k$L = $L", type.type(), i, !type.primitive() ? "null"
                    : type.kind() == ScalarKind.BOOLEAN ? "false" : "0");
        }
        code.beginControlFlow("if (_after != null)");
        for (int i = 0; i < paging.keys().size(); i++) {
            ScalarType type = paging.keys().get(i).component().type();
            if (type.kind() == ScalarKind.ENUM) {
                code.addStatement("_k$L = _after.getEnum($T.class)", i, type.type());
            } else {
                code.addStatement("_k$L = _after.get$L()", i, cursorType(type.kind()));
            }
        }
        return code.addStatement("_after.end()").endControlFlow().build();
    }

    /** The name of the cursor's reader and writer methods for a key of {@code kind}. */
    static String cursorType(ScalarKind kind) {
        String suffix = kind.accessorSuffix();
        if (suffix == null) {
            throw new IllegalArgumentException("not a cursor key: " + kind);
        }
        return suffix;
    }

    /**
     * {@code return CursoredPage.of(…)} of a keyset page: the rows up to its size and, when the
     * statement found one more, the cursor of the last of them.
     */
    static CodeBlock cursoredPage(QueryMethodModel method, TypeName row, String rows) {
        Paging paging = method.variants().paging();
        String page = paging.parameter();
        CodeBlock.Builder keys = CodeBlock.builder()
                .add("$T.write($N, $N)", CURSORS, cursor(method), method.constant()).indent().indent();
        for (Paging.Key key : paging.keys()) {
            keys.add("\n.put$L(_last.$N(), $S)", cursorType(key.component().type().kind()), key.component().name(),
                    key.column());
        }
        keys.add("\n.encode()").unindent().unindent();
        return CodeBlock.builder()
                .beginControlFlow("if ($N.size() <= $N.size())", rows, page)
                .addStatement("return $T.of($N, $N.size(), null)", CURSORED_PAGE, rows, page)
                .endControlFlow()
                .addStatement("$T _content = $N.subList(0, $N.size())", ParameterizedTypeName.get(ClassName.get(List.class), row),
                        rows, page)
                .addStatement("$T _last = _content.get($N.size() - 1)", row, page)
                .addStatement("return $T.of(_content, $N.size(), $L)", CURSORED_PAGE, page, keys.build())
                .build();
    }

    /** {@code int _mask = …} of the filters whose parameters are present. */
    private static CodeBlock mask(QueryMethodModel method) {
        Variants variants = method.variants();
        CodeBlock.Builder code = CodeBlock.builder();
        if (!variants.filters().isEmpty()) {
            List<CodeBlock> bits = new ArrayList<>();
            for (int i = 0; i < variants.filters().size(); i++) {
                List<CodeBlock> present = new ArrayList<>();
                for (ParameterModel parameter : variants.filters().get(i).parameters()) {
                    if (parameter.optional()) {
                        present.add(CodeBlock.of("$T.present($N)", FILTERS, parameter.name()));
                    } else if (!parameter.type().isPrimitive()) {
                        present.add(CodeBlock.of("$N != null", parameter.name()));
                    }
                }
                bits.add(present.isEmpty() ? CodeBlock.of("$L", 1 << i)
                        : CodeBlock.of("($L ? $L : 0)", CodeBlock.join(present, " && "), 1 << i));
            }
            code.addStatement("int _mask = $L", CodeBlock.join(bits, "\n$>$>| $<$<"));
        }
        return code.build();
    }

    /** Whether a null argument for {@code parameter} means "absent" rather than a mistake. */
    static boolean absentAllowed(QueryMethodModel method, ParameterModel parameter) {
        return method.variants() != null && method.variants().filterOnly().contains(parameter.name());
    }

    /**
     * The binds in order, those of a filter under its bit of the mask, numbered as they go; then,
     * when {@code paged}, the page's: the cursor's keys after a cursor, and the limit and offset.
     */
    static CodeBlock binds(QueryMethodModel method, String label, boolean paged) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (method.timeout() > 0) {
            code.addStatement("_stmt.setQueryTimeout($L)", method.timeout());
        }
        List<BindStep> binds = method.binds();
        Paging paging = paged && method.variants() != null ? method.variants().paging() : null;
        if (binds.isEmpty() && paging == null) {
            return code.build();
        }
        code.addStatement("int _i = 1");
        int open = -1;
        List<CodeBlock> traced = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int k = 0; k < binds.size(); k++) {
            BindStep bind = binds.get(k);
            int filter = method.variants() == null ? -1 : method.variants().bindFilter().get(k);
            if (filter != open) {
                if (open >= 0) {
                    code.endControlFlow();
                }
                if (filter >= 0) {
                    code.beginControlFlow("if ((_mask & $L) != 0)", 1 << filter);
                }
                open = filter;
            }
            code.addStatement(bind(bind, filter >= 0, label));
            traced.add(traceValue(method, bind));
            owners.add(filter);
        }
        if (open >= 0) {
            code.endControlFlow();
        }
        if (paging != null) {
            code.add(pageBinds(paging));
            if (paging.kind() != Paging.Kind.CURSORED) {
                traced.add(CodeBlock.of("$N.size()", paging.parameter()));
                traced.add(CodeBlock.of("$N.offset()", paging.parameter()));
                owners.add(-1);
                owners.add(-1);
            }
        }
        boolean cursored = paging != null && paging.kind() == Paging.Kind.CURSORED;
        if (traced.isEmpty() && !cursored) {
            return code.build();
        }
        CodeBlock values;
        if (traced.isEmpty()) {
            values = CodeBlock.of("new Object[0]");
        } else if (owners.stream().allMatch(o -> o < 0)) {
            values = CodeBlock.of("new Object[] {$L}", CodeBlock.join(traced, ", "));
        } else {
            values = CodeBlock.of("$T.applied(_mask, new int[] {$L}, $L)", FILTERS,
                    owners.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow(),
                    CodeBlock.join(traced, ", "));
        }
        if (cursored) {
            // after the statement's own values: the cursor's keys as the keyset condition binds them, and the limit
            List<CodeBlock> keys = paging.afterBinds().stream().map(k -> CodeBlock.of("_k$L", k)).toList();
            values = CodeBlock.of("$T.traced($L,\n_after == null ? null : new Object[] {$L}, $N.size() + 1L)", PAGES,
                    values, CodeBlock.join(keys, ", "), paging.parameter());
        }
        return code.beginControlFlow("if ($T.tracing())", SQL_LOG)
                .addStatement("$T.values($N, $L)", SQL_LOG, label, values)
                .endControlFlow().build();
    }

    /** The page's binds: after a cursor its keys (in the order of the keyset condition), and the limit and offset. */
    private static CodeBlock pageBinds(Paging paging) {
        CodeBlock.Builder code = CodeBlock.builder();
        String page = paging.parameter();
        if (paging.kind() != Paging.Kind.CURSORED) {
            return code.addStatement("_stmt.setLong(_i++, $N.size())", page)
                    .addStatement("_stmt.setLong(_i++, $N.offset())", page)
                    .build();
        }
        code.beginControlFlow("if (_after != null)");
        for (int key : paging.afterBinds()) {
            Paging.Key k = paging.keys().get(key);
            code.addStatement(ColumnCode.bind(k.component().type(), "_i++", CodeBlock.of("_k$L", key), k.column()));
        }
        // one row more than the page tells whether another page follows
        return code.endControlFlow().addStatement("_stmt.setLong(_i++, $N.size() + 1L)", page).build();
    }

    /**
     * One bind: in a filter's block its parameter is present; elsewhere an empty Optional binds
     * NULL. A refused value or element names {@code label}'s method and the parameter.
     */
    private static CodeBlock bind(BindStep bind, boolean present, String label) {
        ParameterModel parameter = bind.parameter();
        CodeBlock value;
        String name = bind.component() == null ? parameter.name() : parameter.name() + "." + bind.component().name();
        if (bind.component() != null) {
            value = CodeBlock.of("$N.$N()", parameter.name(), bind.component().name());
        } else if (parameter.optional()) {
            value = present ? CodeBlock.of("$N.get()", parameter.name())
                    : CodeBlock.of("$T.orNull($N)", FILTERS, parameter.name());
        } else {
            value = CodeBlock.of("$N", parameter.name());
        }
        if (!bind.array()) {
            return ColumnCode.bind(bind.type(), "_i++", value, name);
        }
        if (parameter.optional() && !present) {
            return bind.type().kind() == ScalarKind.ENUM
                    ? CodeBlock.of("$T.setEnumArrayOrNull(_stmt, _i++, $L, $N, $S)", BINDERS, value, label, name)
                    : CodeBlock.of("$T.setArrayOrNull(_stmt, _i++, $S, $L, $N, $S)", BINDERS,
                            bind.type().kind().arrayElementType(), value, label, name);
        }
        return ColumnCode.bindArray(bind.type(), "_i++", value, label, name);
    }

    /** A bound value for the trace log, safe to evaluate whether or not its filter applies. */
    private static CodeBlock traceValue(QueryMethodModel method, BindStep bind) {
        ParameterModel parameter = bind.parameter();
        if (bind.component() != null) {
            return absentAllowed(method, parameter)
                    ? CodeBlock.of("($N == null ? null : $N.$N())", parameter.name(), parameter.name(), bind.component().name())
                    : CodeBlock.of("$N.$N()", parameter.name(), bind.component().name());
        }
        return parameter.optional() ? CodeBlock.of("$T.orNull($N)", FILTERS, parameter.name())
                : CodeBlock.of("$N", parameter.name());
    }
}
