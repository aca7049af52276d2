package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.quarry.processor.diag.Message;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the negative tests to the catalog: every {@link Message} a user can provoke has a test
 * named after it, so a new diagnostic without a compile-testing case fails here instead of
 * going unchecked.
 */
class MessageCoverageTest {
    /** The classes holding the negative cases; a new one is added here. */
    private static final List<Class<?>> ERROR_TESTS = List.of(
            ProcessorErrorsTest.class, RelationErrorsTest.class, BulkErrorsTest.class, MethodSettingsErrorsTest.class,
            FilterErrorsTest.class, PageErrorsTest.class, KeyedWriteErrorsTest.class,
            dev.quarry.processor.verify.VerifySchemaTest.class, dev.quarry.processor.verify.VerifyUrlTest.class,
            dev.quarry.processor.verify.VerifyCacheTest.class, dev.quarry.processor.verify.VerifyFiltersTest.class,
            dev.quarry.processor.verify.VerifyPagesTest.class);

    /** Diagnostics no user source can provoke. */
    private static final Set<Message> UNREACHABLE = EnumSet.of(Message.INTERNAL_ERROR);

    @Test
    void everyMessageHasATestNamedAfterIt() {
        Set<String> tests = ERROR_TESTS.stream()
                .flatMap(type -> Stream.of(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Test.class))
                .map(Method::getName)
                .collect(Collectors.toSet());
        List<Message> untested = Arrays.stream(Message.values())
                .filter(message -> !UNREACHABLE.contains(message) && !tests.contains(testName(message)))
                .toList();
        assertThat(untested).isEmpty();
    }

    @Test
    void testNameIsTheConstantInCamelCase() {
        assertThat(testName(Message.UNKNOWN_PARAMETER)).isEqualTo("unknownParameter");
        assertThat(testName(Message.SQL_EMPTY)).isEqualTo("sqlEmpty");
    }

    private static String testName(Message message) {
        StringBuilder name = new StringBuilder();
        for (String word : message.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
