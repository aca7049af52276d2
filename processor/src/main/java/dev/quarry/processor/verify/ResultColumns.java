package dev.quarry.processor.verify;

import com.palantir.javapoet.TypeName;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.model.ScalarType;
import dev.quarry.processor.verify.Describer.Column;
import dev.quarry.processor.verify.TypeCompatibility.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Holds the columns a statement returns to what reads them: every component has its column,
 * every column its component, each type reads into the Java type, and no NULL meets a primitive.
 */
final class ResultColumns {
    private final Findings findings;
    private final EnumConstants enums;

    ResultColumns(Findings findings, EnumConstants enums) {
        this.findings = findings;
        this.enums = enums;
    }

    /**
     * The columns of a statement read into {@code row}: a record's components, or the one column of
     * a scalar; {@code added} as for {@link #checkRecord}.
     */
    void checkRow(String label, ExecutableElement element, RowType row, TypeName returnType, List<Column> columns,
                  Set<String> added) throws VerificationUnavailable {
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
        checkColumn(label, element, read.get(0), read.get(0).label(), scalar, "the return type", true);
    }

    /**
     * Each component needs a column (found as the runtime finds it: by label, exactly, then
     * ignoring case), and each column a component, except {@code added} ones the statement adds
     * for itself; {@code added} null skips that second check (a joined statement has the parent's
     * columns too, a generated one columns the record may leave out).
     */
    void checkRecord(String label, ExecutableElement element, RecordModel record, List<Column> columns,
                     String prefix, Set<String> added) throws VerificationUnavailable {
        boolean[] used = new boolean[columns.size()];
        for (ComponentModel component : record.components()) {
            int index = find(columns, prefix + component.column());
            if (index < 0) {
                findings.report(Message.VERIFY_COMPONENT_WITHOUT_COLUMN, element, label, component.name(),
                        record.simpleName(), prefix + component.column(), labels(columns));
                continue;
            }
            used[index] = true;
            // A joined statement's own labels (_j1_total) mean nothing to the user; the column's name does.
            // Its LEFT JOIN leaves a parent without children NULL there, which the generated code skips.
            checkColumn(label, element, columns.get(index), component.column(), component.type(),
                    "component '" + component.name() + "' of " + record.simpleName(), prefix.isEmpty());
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
                             String target, boolean outerJoinsCount) throws VerificationUnavailable {
        String java = javaType(type.type());
        Verdict verdict = TypeCompatibility.read(type, column.type(), column.isEnum());
        if (verdict instanceof Verdict.Incompatible incompatible) {
            findings.report(Message.VERIFY_COLUMN_TYPE, element, label, name, column.type(), target, java,
                    incompatible.advice());
        } else if (column.isEnum() && enumType(type) != null) {
            enums.check(label, element, enumType(type), column.type(), true);
        } else if (verdict instanceof Verdict.Lossy lossy) {
            findings.report(Message.VERIFY_COLUMN_TYPE_LOSSY, element, label, name, column.type(), target, java,
                    lossy.loss());
        }
        if (type.primitive() && (column.canBeNull() || (outerJoinsCount && column.outerJoined()))) {
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

    /** The Java enum of {@code type}, or of its elements for a List of one; {@code null} for anything else. */
    static TypeName enumType(ScalarType type) {
        if (type.kind() == dev.quarry.processor.model.ScalarKind.ENUM) {
            return type.type();
        }
        ScalarType element = type.element();
        return element != null && element.kind() == dev.quarry.processor.model.ScalarKind.ENUM ? element.type() : null;
    }

    /** {@code java.util.List<java.lang.Long>} as a person writes it: {@code List<Long>}. */
    static String javaType(TypeName type) {
        return type.toString().replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "");
    }

}
