package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The generated code itself, compared with reviewed files under {@code src/test/resources/golden/}.
 * A change to the writers shows up here as a diff to read: when it is intended, replace the
 * golden file with the generated source the failure prints, after reading it as a reviewer would.
 */
class GoldenFilesTest {

    private static JavaFileObject[] resources(String directory, String... names) {
        return Arrays.stream(names)
                .map(name -> JavaFileObjects.forResource("golden/" + directory + "/" + name + ".java"))
                .toArray(JavaFileObject[]::new);
    }

    private static void assertGenerates(String directory, String implementation, String... inputs) {
        Compilation compilation = Compilations.compile(new QuarryProcessor(), resources(directory, inputs));

        assertThat(compilation).succeededWithoutWarnings();
        String simpleName = implementation.substring(implementation.lastIndexOf('.') + 1);
        assertThat(compilation).generatedSourceFile(implementation)
                .hasSourceEquivalentTo(resources(directory, simpleName)[0]);
    }

    @Test
    void interfaceWithEveryKindOfQueryMethod() {
        assertGenerates("users", "example.users.UserRepository_Impl",
                "UserRepository", "User", "NewUser", "UserStatus");
    }

    @Test
    void nestedRepositoryIsNamedAfterItsOuterType() {
        assertGenerates("nested", "example.catalog.Catalog_Tags_Impl", "Catalog");
    }

    @Test
    void eachRepositoryIsListedInAResourceOfItsOwn() {
        Compilation compilation = Compilations.compile(new QuarryProcessor(), resources("nested", "Catalog"));

        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT,
                        "META-INF/quarry/repositories/example.catalog.Catalog$Tags")
                .contentsAsUtf8String().isEqualTo("example.catalog.Catalog$Tags\n");
    }

    @Test
    void filteredAndSortedSearch() {
        assertGenerates("search", "example.search.UserSearch_Impl", "UserSearch");
    }

    @Test
    void offsetAndKeysetPages() {
        assertGenerates("pages", "example.pages.ItemPages_Impl", "ItemPages");
    }

    @Test
    void writesAndLookupsWithoutSql() {
        assertGenerates("writes", "example.writes.Books_Impl", "Books");
    }

    @Test
    void abstractClassKeepsItsMethodsAccess() {
        assertGenerates("accounts", "example.accounts.AccountStore_Impl", "AccountStore");
    }
}
