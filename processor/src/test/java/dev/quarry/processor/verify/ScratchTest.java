package dev.quarry.processor.verify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            Path data = ClusterTemplate.copy();
            long t1 = System.nanoTime();
            Path log = Files.createTempFile("x", "y");
            EmbeddedPostgres pg = SchemaDatabase.start(log, data);
            long t2 = System.nanoTime();
            pg.close();
            long t3 = System.nanoTime();
            SchemaDatabase.delete(data);
            long t4 = System.nanoTime();
            System.out.printf("copy %d start %d stop %d delete %d%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        }
    }
}
