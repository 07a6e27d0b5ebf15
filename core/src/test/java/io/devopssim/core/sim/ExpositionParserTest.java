package io.devopssim.core.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test parser must reject what Prometheus would reject (and what we chose to forbid), or it proves nothing. */
class ExpositionParserTest {
    private static final String VALID = """
            # HELP x_total Things.
            # TYPE x_total counter
            x_total{a="1"} 3
            x_total{a="2"} 1.5e3 1700000000000
            x_total{a="3",b="q\\"uote\\\\ and \\n"} 4
            # a plain comment
            # HELP h Latency.
            # TYPE h histogram
            h_bucket{le="0.1"} 1
            h_bucket{le="1.0"} 2
            h_bucket{le="+Inf"} 2
            h_sum 0.7
            h_count 2
            # HELP g Level.
            # TYPE g gauge
            g NaN
            g{k="v"} -Inf
            """;

    @Test
    void acceptsAWellFormedExposition() {
        Map<String, ExpositionParser.Family> families = ExpositionParser.parse(VALID);

        assertThat(families).containsOnlyKeys("x_total", "h", "g");
        assertThat(families.get("x_total").value("x_total", Map.of("a", "1"))).isEqualTo(3);
        assertThat(families.get("x_total").value("x_total", Map.of("a", "3", "b", "q\"uote\\ and \n"))).isEqualTo(4);
        assertThat(families.get("x_total").value("x_total", Map.of("a", "2"))).isEqualTo(1500);
        assertThat(families.get("h").series()).hasSize(5);
        assertThat(families.get("g").value("g", Map.of())).isNaN();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad metric name      | x_total{a=\"1\"} 3                 | 9x_total{a=\"1\"} 3                | bad metric name",
            "bad label name       | x_total{a=\"1\"} 3                 | x_total{1a=\"1\"} 3                | bad label name",
            "reserved label name  | x_total{a=\"1\"} 3                 | x_total{__a=\"1\"} 3               | bad label name",
            "unquoted label value | x_total{a=\"1\"} 3                 | x_total{a=1} 3                   | not quoted",
            "unterminated value   | x_total{a=\"1\"} 3                 | x_total{a=\"1} 3                  | unterminated",
            "bad escape           | x_total{a=\"1\"} 3                 | x_total{a=\"\\t\"} 3               | bad escape",
            "missing comma        | x_total{a=\"2\"} 1.5e3 1700000000000 | x_total{a=\"2\"b=\"3\"} 1           | expected ','",
            "bad float            | x_total{a=\"1\"} 3                 | x_total{a=\"1\"} 3,0               | bad value",
            "spelled infinity     | g NaN                             | g Infinity                       | bad value",
            "bad timestamp        | x_total{a=\"2\"} 1.5e3 1700000000000 | x_total{a=\"2\"} 1 1.5           | bad timestamp",
            "negative counter     | x_total{a=\"1\"} 3                 | x_total{a=\"1\"} -3                | counter",
            "duplicate series     | x_total{a=\"2\"} 1.5e3 1700000000000 | x_total{a=\"1\"} 1                | duplicate series",
            "bad TYPE             | # TYPE g gauge                    | # TYPE g meter                   | TYPE of g",
            "sample without TYPE  | g NaN                             | y 1                              | no TYPE",
            "buckets decreasing   | h_bucket{le=\"1.0\"} 2             | h_bucket{le=\"1.0\"} 0             | decreases",
            "le not increasing    | h_bucket{le=\"1.0\"} 2             | h_bucket{le=\"0.05\"} 2            | not increasing",
            "count not +Inf       | h_count 2                         | h_count 3                        | is not the +Inf bucket",
            "no +Inf bucket       | h_bucket{le=\"+Inf\"} 2            | h_bucket{le=\"5.0\"} 2             | needs a +Inf bucket",
            "le outside _bucket   | h_sum 0.7                         | h_sum{le=\"1\"} 0.7               | le label",
    })
    void rejects(String what, String validLine, String brokenLine, String expected) {
        assertThat(VALID).contains(validLine);
        String broken = VALID.replace(validLine, brokenLine);

        assertThatThrownBy(() -> ExpositionParser.parse(broken)).hasMessageContaining(expected);
    }

    @Test
    void rejectsAFamilySplitIntoTwoGroups() {
        String split = VALID + "x_total{a=\"3\"} 1\n";

        assertThatThrownBy(() -> ExpositionParser.parse(split)).hasMessageContaining("not one group");
    }

    @Test
    void rejectsTypeAfterSamples() {
        String late = VALID.replace("# TYPE g gauge\ng NaN\n", "g NaN\n# TYPE g gauge\n");

        assertThatThrownBy(() -> ExpositionParser.parse(late)).hasMessageContaining("no TYPE before it");
    }

    @Test
    void rejectsAFamilyWithoutHelp() {
        String noHelp = VALID.replace("# HELP g Level.\n", "");

        assertThatThrownBy(() -> ExpositionParser.parse(noHelp)).hasMessageContaining("no HELP");
    }

    @Test
    void rejectsASecondHelp() {
        String twice = VALID.replace("# HELP g Level.\n", "# HELP g Level.\n# HELP g Again.\n");

        assertThatThrownBy(() -> ExpositionParser.parse(twice)).hasMessageContaining("second HELP");
    }

    @Test
    void rejectsAMissingFinalLineFeed() {
        assertThatThrownBy(() -> ExpositionParser.parse(VALID.strip())).hasMessageContaining("line feed");
    }
}
