package dev.quarry.it.stream;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;

/**
 * Reads {@code items} into a {@code List} in a JVM of its own, started by
 * {@link SmallHeapStreamingTest} with {@code -Xmx64m}: running out of memory there cannot take
 * the test runner's threads with it. Exits {@link #FITS} when the rows fit, {@link #DID_NOT_FIT}
 * on an OutOfMemoryError (or pgjdbc's SQLSTATE 53200, its report of one).
 *
 * <p>Arguments: the JDBC URL, user and password.
 */
public final class ReadIntoList {
    static final int FITS = 0;
    static final int DID_NOT_FIT = 3;

    private ReadIntoList() {}

    public static void main(String[] args) {
        try (Database db = Database.builder().url(args[0]).user(args[1]).password(args[2]).maximumPoolSize(1)
                .build()) {
            int rows;
            try {
                rows = db.repository(StreamRepository.class).listUpTo(SmallHeapStreamingTest.ROWS).size();
            } catch (OutOfMemoryError e) {
                System.out.println("did not fit: " + e);
                Runtime.getRuntime().halt(DID_NOT_FIT);
                return;
            } catch (DataException e) {
                if ("53200".equals(e.sqlState())) {
                    System.out.println("did not fit: " + e.getMessage());
                    Runtime.getRuntime().halt(DID_NOT_FIT);
                }
                throw e;
            }
            System.out.println(rows + " rows fit");
        }
        System.exit(FITS);
    }
}
