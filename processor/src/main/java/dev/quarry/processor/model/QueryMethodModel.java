package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;
import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.annotations.FetchStrategy;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * A {@code @Query} method, everything the writer needs to implement it.
 *
 * @param element the method, for diagnostics and {@code @Override} only
 * @param name the method name
 * @param label {@code Repository.method}, as it appears in exceptions and the SQL log
 * @param constant the stem of the generated constants ({@code FIND_BY_ID})
 * @param visibility the method's access modifier, or {@code null} for package access
 * @param parameters the parameters in declaration order
 * @param varargs whether the last parameter is variable-arity
 * @param thrown the declared exception types
 * @param parsed the SQL as parsed
 * @param sql the JDBC SQL with {@code ?} placeholders
 * @param binds what each {@code ?} binds, in order
 * @param result how the result is produced
 * @param declaredReturn the method's return type as declared ({@code CompletableFuture<X>} for async methods, whose {@code result} reads X)
 * @param async whether it runs on the database's executor and returns a {@code CompletableFuture}
 * @param transaction its {@code @Transactional} settings, or {@code null}
 * @param timeout the statement timeout in seconds, 0 for none
 * @param fetches the strategy for every relation path of the result record ({@code orders.items}), empty without relations
 * @param variants its filters and sort, or {@code null} when its text is the same for every call
 */
public record QueryMethodModel(ExecutableElement element, String name, String label, String constant,
                               Modifier visibility, List<ParameterModel> parameters, boolean varargs,
                               List<TypeName> thrown,
                               ParsedSql parsed, String sql, List<BindStep> binds, ReturnModel result,
                               Map<String, FetchStrategy> fetches, TypeName declaredReturn, boolean async,
                               TransactionModel transaction, int timeout, Variants variants)
        implements MethodModel {}
