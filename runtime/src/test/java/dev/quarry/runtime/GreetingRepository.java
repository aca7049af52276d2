package dev.quarry.runtime;

/** A repository type whose implementation is written by hand, the way the processor would write it. */
public interface GreetingRepository {
    String greet(String name);
}
