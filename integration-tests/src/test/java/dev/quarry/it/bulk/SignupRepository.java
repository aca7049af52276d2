package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.Repository;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** Generated keys (and other generated columns) returned as scalars, for many records and for one. */
@Repository
public interface SignupRepository {
    @Insert(returning = "id")
    List<Long> add(List<Signup> signups);

    @Insert(returning = "id", chunkSize = 7)
    List<Long> addAll(Stream<Signup> signups);

    @Insert(returning = "id")
    long addOne(Signup signup);

    @Insert(returning = "id")
    Long addOneBoxed(Signup signup);

    @Insert(returning = "joined_on")
    LocalDate addOneJoinedOn(Signup signup);

    @Insert(returning = {"id", "email"})
    Signup.Created addOneCreated(Signup signup);

    /** The referrer has no default: NULL, which a long cannot hold. */
    @Insert(returning = "referrer")
    long addOneReferrer(Signup signup);

    @Insert(returning = "referrer")
    Long addOneReferrerOrNull(Signup signup);
}
