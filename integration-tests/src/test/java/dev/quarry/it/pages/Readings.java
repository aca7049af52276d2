package dev.quarry.it.pages;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.PageRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Keyset pages led by a key of each type a cursor carries, over values PostgreSQL orders its own way. */
@Repository
public interface Readings {
    String COLUMNS = "SELECT id, n, small, score, ratio, flag, label, amount, at, at_offset, day, local_at, uid, took, "
            + "level FROM readings";

    enum Level { LOW, MID, HIGH }

    record Reading(long id, int n, short small, double score, float ratio, boolean flag, String label,
                   BigDecimal amount, Instant at, OffsetDateTime atOffset, LocalDate day, LocalDateTime localAt,
                   UUID uid, Duration took, Level level) {}

    @Query(COLUMNS + " ORDER BY n, id")
    CursoredPage<Reading> byN(PageRequest page);

    @Query(COLUMNS + " ORDER BY small DESC, id")
    CursoredPage<Reading> bySmall(PageRequest page);

    @Query(COLUMNS + " ORDER BY score, id")
    CursoredPage<Reading> byScore(PageRequest page);

    @Query(COLUMNS + " ORDER BY score DESC, id DESC")
    CursoredPage<Reading> byScoreDesc(PageRequest page);

    @Query(COLUMNS + " ORDER BY ratio, id")
    CursoredPage<Reading> byRatio(PageRequest page);

    @Query(COLUMNS + " ORDER BY flag, id DESC")
    CursoredPage<Reading> byFlag(PageRequest page);

    @Query(COLUMNS + " ORDER BY label, id")
    CursoredPage<Reading> byLabel(PageRequest page);

    @Query(COLUMNS + " ORDER BY amount DESC, id")
    CursoredPage<Reading> byAmount(PageRequest page);

    @Query(COLUMNS + " ORDER BY at, id")
    CursoredPage<Reading> byAt(PageRequest page);

    @Query(COLUMNS + " ORDER BY at_offset DESC, id")
    CursoredPage<Reading> byAtOffset(PageRequest page);

    @Query(COLUMNS + " ORDER BY day, id")
    CursoredPage<Reading> byDay(PageRequest page);

    @Query(COLUMNS + " ORDER BY local_at, id")
    CursoredPage<Reading> byLocalAt(PageRequest page);

    @Query(COLUMNS + " ORDER BY uid, id")
    CursoredPage<Reading> byUid(PageRequest page);

    @Query(COLUMNS + " ORDER BY took, id")
    CursoredPage<Reading> byTook(PageRequest page);

    @Query(COLUMNS + " ORDER BY level DESC, id")
    CursoredPage<Reading> byLevel(PageRequest page);

    /** Five keys, two directions, of five types. */
    @Query(COLUMNS + " ORDER BY flag DESC, level, score, uid DESC, id")
    CursoredPage<Reading> byMany(PageRequest page);
}
