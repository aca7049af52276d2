package dev.quarry.runtime;

import dev.quarry.runtime.internal.Core;
import dev.quarry.runtime.internal.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Shaped like generated code, so that the lookup is tested against what it will really find. */
public final class GreetingRepository_Impl implements GreetingRepository {
    private static final String SQL = "SELECT 'hello, ' || ?";

    private final Database db;
    private final Core core;

    public GreetingRepository_Impl(Database db) {
        this.db = db;
        this.core = Core.of(db);
    }

    Database database() {
        return db;
    }

    @Override
    public String greet(String name) {
        Connection connection = core.acquire("GreetingRepository.greet");
        try (PreparedStatement stmt = connection.prepareStatement(SQL)) {
            stmt.setString(1, name);
            try (ResultSet rs = stmt.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "GreetingRepository.greet", SQL);
        } finally {
            core.release(connection);
        }
    }
}
