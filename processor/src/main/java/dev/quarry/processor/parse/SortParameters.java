package dev.quarry.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.quarry.annotations.Column;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.ParameterModel.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** A {@code Sort<K>} parameter: K's constants and the SQL each one sorts by. */
final class SortParameters {
    static final String SORT = "dev.quarry.runtime.Sort";

    private SortParameters() {}

    static boolean isSort(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(SORT);
    }

    /** The keys of K by ordinal: the constant's {@code @Column} value, or its name in lower case. */
    static Optional<Binding> binding(TypeMirror type, Element parameter, ExecutableElement method, String label,
                                     TypeMapper types, Reporter reporter) {
        Optional<TypeMirror> keys = types.typeArgument(type, SORT);
        if (keys.isEmpty() || keys.get().getKind() != TypeKind.DECLARED
                || ((DeclaredType) keys.get()).asElement().getKind() != ElementKind.ENUM) {
            reporter.report(Message.SORT_NOT_ENUM, method, parameter.getSimpleName(), label, type);
            return Optional.empty();
        }
        List<String> sql = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Element constant : ((DeclaredType) keys.get()).asElement().getEnclosedElements()) {
            if (constant.getKind() == ElementKind.ENUM_CONSTANT) {
                Column column = constant.getAnnotation(Column.class);
                names.add(constant.getSimpleName().toString());
                sql.add(column != null ? column.value() : constant.getSimpleName().toString().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.of(new Binding.SortKeys(TypeName.get(keys.get()), List.copyOf(names), List.copyOf(sql)));
    }
}
