package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * A concrete method of an abstract repository class that runs in a transaction: the
 * implementation overrides it to call the original inside {@code Core.transaction}.
 *
 * @param element the method, for diagnostics and {@code @Override} only
 * @param name the method name
 * @param label {@code Repository.method}
 * @param constant the stem of the generated constants
 * @param visibility the access modifier, or {@code null} for package access
 * @param parameterTypes the parameter types, in order
 * @param parameterNames the parameter names, in order
 * @param varargs whether the last parameter is variable-arity
 * @param returnType the declared return type
 * @param thrown the declared exception types
 * @param rethrown the declared checked exception types, which the transaction carries out unchecked
 *     and the override throws again as they were
 * @param superInterface the repository interface whose default method this is, or {@code null} for a
 *     method of an abstract class
 * @param transaction the transaction settings
 */
public record TransactionalMethodModel(ExecutableElement element, String name, String label, String constant,
                                       Modifier visibility, List<TypeName> parameterTypes, List<String> parameterNames,
                                       boolean varargs, TypeName returnType, List<TypeName> thrown,
                                       List<TypeName> rethrown, TypeName superInterface,
                                       TransactionModel transaction) implements MethodModel {}
