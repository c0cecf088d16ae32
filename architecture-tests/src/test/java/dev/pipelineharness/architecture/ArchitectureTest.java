package dev.pipelineharness.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The product's main classes (every module this one sees) obey the module map. */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pipelineharness");
    }

    static Stream<ArchRule> rules() {
        return new ArchitectureRules("dev.pipelineharness").all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productFollows(ArchRule rule) {
        rule.check(product);
    }
}
