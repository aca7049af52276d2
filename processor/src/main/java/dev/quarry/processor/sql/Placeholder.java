package dev.quarry.processor.sql;

/**
 * A named parameter in SQL text: {@code :name} or {@code :name.component}.
 *
 * @param name the parameter name
 * @param component the record component after the dot, or {@code null}
 * @param start offset of the colon in the original SQL
 * @param end offset just past the name
 * @param listForm whether the placeholder stands alone in {@code IN (…)} or {@code NOT IN (…)},
 *     which becomes {@code = ANY(?)} / {@code <> ALL(?)} when the parameter binds as an array
 * @param listStart offset where that {@code [NOT] IN} begins (same as {@code start} otherwise)
 * @param listEnd offset just past the closing parenthesis (same as {@code end} otherwise)
 */
public record Placeholder(String name, String component, int start, int end,
                          ListForm listForm, int listStart, int listEnd) {

    public enum ListForm { NONE, IN, NOT_IN }

    /** How the placeholder reads in SQL: {@code :user.email}. */
    public String display() {
        return ":" + name + (component == null ? "" : "." + component);
    }
}
