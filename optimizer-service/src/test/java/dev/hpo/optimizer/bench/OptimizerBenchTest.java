package dev.hpo.optimizer.bench;

import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.SearchSpace;
import dev.hpo.optimizer.strategy.GridStrategy;
import dev.hpo.optimizer.strategy.StrategyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OptimizerBenchTest {

    @Test
    void writesOneRowPerEvaluationWithNonIncreasingRegret(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out.csv");

        OptimizerBench.main(new String[]{"--function", "branin", "--strategy", "random,grid", "--budget", "9",
                "--seeds", "2", "--out", csv.toString()});

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("function,strategy,seed,eval,best_regret");
        assertThat(lines).hasSize(1 + 2 * 2 * 9);
        assertThat(lines.get(1)).startsWith("branin,random,0,1,");
        double previous = Double.POSITIVE_INFINITY;
        for (String line : lines.subList(1, 10)) {
            double regret = Double.parseDouble(line.split(",")[4]);
            assertThat(regret).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(previous);
            previous = regret;
        }
        // The grid is deterministic, so both seeds give the same curve.
        assertThat(lines.subList(19, 28).stream().map(l -> l.substring(l.indexOf(",", 12)))).containsExactlyElementsOf(
                lines.subList(28, 37).stream().map(l -> l.substring(l.indexOf(",", 12))).toList());
    }

    @Test
    void gridOverContinuousParametersHasTheLargestLevelCountThatFitsTheBudget() {
        SearchSpace box = new SearchSpace(List.of(new FloatParameter("a", 0, 1), new FloatParameter("b", -1, 1)));

        assertThat(new GridStrategy(OptimizerBench.gridSpace(box, 30)).size()).hasValue(25);
        assertThat(new GridStrategy(OptimizerBench.gridSpace(BenchmarkFunction.MIXED5.space(), 1000)).size())
                .hasValue(3L * 3 * 12 * 4 * 2);
    }

    @Test
    void parallelRunsEvaluateTheWholeBudget() {
        double[] regret = OptimizerBench.run(BenchmarkFunction.BRANIN,
                StrategyConfig.of(StrategyConfig.Type.RANDOM, 1), 12, 4);

        assertThat(regret).hasSize(12);
        assertThat(regret[11]).isLessThanOrEqualTo(regret[0]).isGreaterThanOrEqualTo(0);
    }

    @Test
    void suggestBenchPrintsOneJsonLinePerSize() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured));
        try {
            SuggestBench.main(new String[]{"--n", "5,8", "--dims", "2", "--repeats", "1", "--json"});
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString().lines().toList()).hasSize(2)
                .allMatch(l -> l.matches("\\{\"n\": (5|8), \"dims\": 2, \"median_ms\": \\d+\\.\\d}"));
    }
}
