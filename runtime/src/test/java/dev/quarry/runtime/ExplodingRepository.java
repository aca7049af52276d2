package dev.quarry.runtime;

/** A repository type whose implementation cannot be constructed. */
public interface ExplodingRepository {
}
