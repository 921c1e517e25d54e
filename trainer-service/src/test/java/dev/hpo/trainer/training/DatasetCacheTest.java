package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.trainer.data.CsvSpec;
import dev.hpo.trainer.data.PreparedData;
import dev.hpo.trainer.data.SplitSpec;
import dev.hpo.trainer.data.SyntheticFraudSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCacheTest {

    private static final SplitSpec SPLIT = new SplitSpec(0.2, 0.2, true, 1);

    @Test
    void equalSpecsShareOnePreparedTable() {
        DatasetCache cache = new DatasetCache();

        PreparedData first = cache.get(SyntheticFraudSpec.of(200, 6, 0.2, 1), SPLIT);
        PreparedData second = cache.get(SyntheticFraudSpec.of(200, 6, 0.2, 1), new SplitSpec(0.2, 0.2, true, 1));
        PreparedData otherSplit = cache.get(SyntheticFraudSpec.of(200, 6, 0.2, 1), new SplitSpec(0.3, 0.2, true, 1));

        assertThat(second).isSameAs(first);
        assertThat(otherSplit).isNotSameAs(first);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvicted() {
        DatasetCache cache = new DatasetCache(2);
        PreparedData a = cache.get(SyntheticFraudSpec.of(200, 6, 0.2, 1), SPLIT);
        cache.get(SyntheticFraudSpec.of(200, 6, 0.2, 2), SPLIT);
        cache.get(SyntheticFraudSpec.of(200, 6, 0.2, 1), SPLIT);
        cache.get(SyntheticFraudSpec.of(200, 6, 0.2, 3), SPLIT);

        assertThat(cache.get(SyntheticFraudSpec.of(200, 6, 0.2, 1), SPLIT)).isSameAs(a);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRewrittenCsvFileIsReadAgain(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.csv");
        StringBuilder csv = new StringBuilder("a,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(i % 4 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(file, csv);
        DatasetCache cache = new DatasetCache();
        PreparedData first = cache.get(new CsvSpec(file, "label"), SPLIT);

        Files.writeString(file, csv.append("40,1\n"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));

        PreparedData second = cache.get(new CsvSpec(file, "label"), SPLIT);
        assertThat(second).isNotSameAs(first);
        assertThat(second.train().rows() + second.validation().rows() + second.test().rows()).isEqualTo(41);
    }
}
