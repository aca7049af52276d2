package dev.quarry.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.ScalarType;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Decides what a Java type is to Quarry: a scalar, a record of scalars, or neither. */
final class TypeMapper {
    private static final Map<String, ScalarKind> DECLARED = Map.ofEntries(
            Map.entry("java.lang.Integer", ScalarKind.INT),
            Map.entry("java.lang.Long", ScalarKind.LONG),
            Map.entry("java.lang.Short", ScalarKind.SHORT),
            Map.entry("java.lang.Double", ScalarKind.DOUBLE),
            Map.entry("java.lang.Float", ScalarKind.FLOAT),
            Map.entry("java.lang.Boolean", ScalarKind.BOOLEAN),
            Map.entry("java.lang.String", ScalarKind.STRING),
            Map.entry("java.math.BigDecimal", ScalarKind.DECIMAL),
            Map.entry("java.time.Instant", ScalarKind.INSTANT),
            Map.entry("java.time.OffsetDateTime", ScalarKind.OFFSET_DATE_TIME),
            Map.entry("java.time.LocalDate", ScalarKind.LOCAL_DATE),
            Map.entry("java.time.LocalDateTime", ScalarKind.LOCAL_DATE_TIME),
            Map.entry("java.util.UUID", ScalarKind.UUID),
            Map.entry("java.time.Duration", ScalarKind.DURATION));

    private final Types types;

    TypeMapper(Types types) {
        this.types = types;
    }

    Optional<ScalarType> scalar(TypeMirror type) {
        TypeName name = TypeName.get(type);
        switch (type.getKind()) {
            case INT:
                return Optional.of(new ScalarType(ScalarKind.INT, true, name));
            case LONG:
                return Optional.of(new ScalarType(ScalarKind.LONG, true, name));
            case SHORT:
                return Optional.of(new ScalarType(ScalarKind.SHORT, true, name));
            case DOUBLE:
                return Optional.of(new ScalarType(ScalarKind.DOUBLE, true, name));
            case FLOAT:
                return Optional.of(new ScalarType(ScalarKind.FLOAT, true, name));
            case BOOLEAN:
                return Optional.of(new ScalarType(ScalarKind.BOOLEAN, true, name));
            case ARRAY:
                return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
                        ? Optional.of(new ScalarType(ScalarKind.BYTES, false, name))
                        : Optional.empty();
            case DECLARED:
                TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
                if (element.getKind() == ElementKind.ENUM) {
                    return Optional.of(new ScalarType(ScalarKind.ENUM, false, name));
                }
                ScalarKind kind = DECLARED.get(element.getQualifiedName().toString());
                return kind == null ? Optional.empty() : Optional.of(new ScalarType(kind, false, name));
            default:
                return Optional.empty();
        }
    }

    /** Element kinds a {@code List} column may hold: those pgjdbc returns as arrays of the Java type itself. */
    private static final java.util.Set<ScalarKind> ARRAY_ELEMENTS = java.util.EnumSet.of(ScalarKind.INT, ScalarKind.LONG,
            ScalarKind.SHORT, ScalarKind.DOUBLE, ScalarKind.FLOAT, ScalarKind.BOOLEAN, ScalarKind.STRING,
            ScalarKind.DECIMAL, ScalarKind.UUID, ScalarKind.ENUM);

    /** What a record component may be: a scalar, or a {@code List} of scalars held in an array column. */
    Optional<ScalarType> column(TypeMirror type) {
        Optional<ScalarType> scalar = scalar(type);
        if (scalar.isPresent()) {
            return scalar;
        }
        return typeArgument(type, "java.util.List")
                .flatMap(this::scalar)
                .filter(element -> ARRAY_ELEMENTS.contains(element.kind()))
                .map(element -> new ScalarType(ScalarKind.ARRAY, false, TypeName.get(type), element));
    }

    /**
     * For an array whose elements a {@code List} component can hold ({@code String[]}), that List's
     * declaration ({@code List<String>}): PostgreSQL arrays read into Lists, not Java arrays.
     */
    Optional<String> listInsteadOf(TypeMirror type) {
        if (type.getKind() != TypeKind.ARRAY) {
            return Optional.empty();
        }
        TypeMirror element = ((ArrayType) type).getComponentType();
        TypeMirror boxed = element.getKind().isPrimitive()
                ? types.boxedClass((javax.lang.model.type.PrimitiveType) element).asType() : element;
        return scalar(boxed).filter(scalar -> ARRAY_ELEMENTS.contains(scalar.kind()))
                .map(scalar -> "List<" + types.asElement(boxed).getSimpleName() + ">");
    }

    /** The record behind {@code type}, or empty when it is not a record. */
    Optional<TypeElement> asRecord(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        TypeElement element = (TypeElement) types.asElement(type);
        return element.getKind() == ElementKind.RECORD ? Optional.of(element) : Optional.empty();
    }

    /** The single type argument of {@code type} when its erasure is one of {@code containers}, else empty. */
    Optional<TypeMirror> typeArgument(TypeMirror type, String... containers) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        DeclaredType declared = (DeclaredType) type;
        String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        for (String container : containers) {
            if (container.equals(name) && declared.getTypeArguments().size() == 1) {
                TypeMirror argument = declared.getTypeArguments().get(0);
                if (argument.getKind() == TypeKind.WILDCARD) {
                    return Optional.empty();
                }
                return Optional.of(argument);
            }
        }
        return Optional.empty();
    }

    /** {@code tenantRank} → {@code tenant_rank}, {@code userID} → {@code user_id}, {@code HTTPCode} → {@code http_code}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean endsAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || endsAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
