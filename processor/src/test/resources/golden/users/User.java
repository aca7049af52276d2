package example.users;

import dev.quarry.annotations.Column;
import java.time.Instant;

public record User(long id, String email, @Column("display_name") String name, UserStatus status, Instant createdAt) {}
