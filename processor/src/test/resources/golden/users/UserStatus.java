package example.users;

public enum UserStatus {
    ACTIVE,
    BLOCKED
}
