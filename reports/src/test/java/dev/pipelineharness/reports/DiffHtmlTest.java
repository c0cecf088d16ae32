package dev.pipelineharness.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffHtmlTest {

    @Test
    void highlightsEachFieldThatDiffersAndEscapesTheRest() {
        assertThat(DiffHtml.highlight("id <7> differs in channel: expected web, observed app; amount: expected 1, observed 2 | key"))
                .isEqualTo("id &lt;7&gt; differs in <span class=\"field\">channel</span>: <del title=\"expected\">web</del> "
                        + "<ins title=\"observed\">app</ins>; <span class=\"field\">amount</span>: <del title=\"expected\">1</del> "
                        + "<ins title=\"observed\">2</ins> | key");
    }

    @Test
    void readsTheRowComparisonsLayoutToo() {
        assertThat(DiffHtml.highlight("user 7: total expected 12 observed 13"))
                .contains("<span class=\"field\">total</span> <del title=\"expected\">12</del> <ins title=\"observed\">13</ins>");
    }

    @Test
    void sectionsGetTheirOwnClass() {
        assertThat(DiffHtml.render("missing (2, first 20):\n  a\nextra (1):\n  b"))
                .contains("diff-section missing", "diff-line missing\">a<", "diff-section extra", "diff-line extra\">b<");
    }
}
