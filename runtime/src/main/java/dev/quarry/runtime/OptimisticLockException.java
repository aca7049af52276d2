package dev.quarry.runtime;

import java.util.List;

/**
 * An {@code @Update} or {@code @Delete} found rows whose {@code @Version} moved on since the caller
 * read them: someone else changed them. Nothing of the call was written. Read the rows again and
 * retry, or tell the user.
 *
 * <pre>{@code
 * try {
 *     books.update(book);
 * } catch (OptimisticLockException e) {
 *     log.info("{} changed meanwhile: {}", e.staleIds(), e.getMessage());
 * }
 * }</pre>
 */
public class OptimisticLockException extends DataException {
    private static final long serialVersionUID = 1L;

    /** Longest list of ids the message repeats. */
    private static final int SHOWN = 20;

    private final transient List<Object> staleIds;

    public OptimisticLockException(String method, List<?> staleIds) {
        super(method + ": " + staleIds.size() + (staleIds.size() == 1 ? " row was" : " rows were")
                + " changed by someone else since it was read (its version moved on): id "
                + (staleIds.size() <= SHOWN ? staleIds : staleIds.subList(0, SHOWN) + " and " + (staleIds.size() - SHOWN)
                + " more") + "; nothing of this call was written", null, null, method, null);
        this.staleIds = List.copyOf(staleIds);
    }

    /** The ids of the rows whose version differed, in key order. */
    public List<Object> staleIds() {
        return staleIds;
    }
}
