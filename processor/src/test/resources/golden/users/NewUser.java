package example.users;

public record NewUser(String email, String name, UserStatus status) {}
