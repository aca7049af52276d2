package dev.quarry.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/** Names of the types a generated repository nests for the records its methods read and write. */
final class Names {
    private Names() {}

    /**
     * {@code Shop_User} for {@code com.acme.Shop.User}, {@code User} for a top-level {@code User}:
     * the simple names from the outermost class down, so that {@code Shop.User} and
     * {@code Admin.User} used by one repository get types of their own.
     */
    static String nested(TypeName type) {
        ClassName name = type instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : (ClassName) type;
        return String.join("_", name.simpleNames());
    }
}
