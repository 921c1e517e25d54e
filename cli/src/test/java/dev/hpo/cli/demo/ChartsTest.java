package dev.hpo.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.cli.demo.Charts.Point;
import dev.hpo.cli.demo.Charts.Series;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @Test
    void theParetoFrontKeepsTheTrialsNoOtherBeatsOnBothAxes() {
        List<Point> trials = List.of(new Point(0.5, 0.9), new Point(0.8, 0.8), new Point(0.7, 0.7),
                new Point(0.9, 0.6), new Point(0.4, 0.85), new Point(0.9, 0.5));

        assertThat(Charts.paretoFront(trials)).containsExactly(new Point(0.5, 0.9), new Point(0.8, 0.8),
                new Point(0.9, 0.6));
    }

    @Test
    void writesEachPlotAsAPngImage(@TempDir Path dir) throws Exception {
        List<Series> curves = List.of(new Series("bayesian", List.of(new Point(1, 0.7), new Point(2, 0.85))),
                new Series("grid", List.of(new Point(1, 0.6), new Point(2, 0.6), new Point(3, 0.9))));

        Charts.convergence(dir.resolve("c.png"), "Best so far", "trials finished", "val_recall", curves);
        Charts.recallPrecision(dir.resolve("rp.png"), curves);
        Charts.distribution(dir.resolve("d.png"), "val_recall", curves);

        for (String f : List.of("c.png", "rp.png", "d.png")) {
            byte[] png = Files.readAllBytes(dir.resolve(f));
            assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).as(f).isEqualTo("PNG");
            assertThat(png.length).as(f).isGreaterThan(5_000);
        }
        Files.copy(dir.resolve("c.png"), Path.of("target", "charts-test-convergence.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
