package dev.quarry.spring;

import dev.quarry.runtime.Database;
import java.util.Objects;
import org.springframework.beans.factory.FactoryBean;

/**
 * The bean of one generated repository: the context's {@link Database} creates it, once.
 *
 * <p>A factory bean whose constructor takes the repository type, rather than an instance supplier,
 * so that Spring's AOT engine can write its definition as code; Spring writes that code beside the
 * repository type, which may be package-private. The {@code Database} is injected by type, so an
 * application's own {@code Database} bean is the one used.
 *
 * @param <T> the {@code @Repository} type
 */
public final class QuarryRepositoryFactoryBean<T> implements FactoryBean<T> {
    private final Class<T> type;
    private final Database database;

    public QuarryRepositoryFactoryBean(Class<T> type, Database database) {
        this.type = Objects.requireNonNull(type, "type");
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public T getObject() {
        return database.repository(type);
    }

    @Override
    public Class<T> getObjectType() {
        return type;
    }

    /** {@code Outer$Inner} → {@code Outer_Inner_Impl}, the class {@code Database.repository} creates. */
    static String implementationName(Class<?> type) {
        String packageName = type.getPackageName();
        String binary = type.getName().substring(packageName.isEmpty() ? 0 : packageName.length() + 1);
        return (packageName.isEmpty() ? "" : packageName + ".") + binary.replace('$', '_') + "_Impl";
    }
}
