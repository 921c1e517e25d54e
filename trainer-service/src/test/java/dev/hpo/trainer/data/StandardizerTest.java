package dev.hpo.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    @Test
    void fitsPopulationMeanAndStdOfTheGivenRowsOnly() {
        Dataset train = new Dataset(new double[][] {{1, 5}, {3, 5}, {5, 5}}, new int[] {0, 1, 0}, List.of("a", "b"));

        Standardizer scaler = Standardizer.fit(train);

        assertThat(scaler.mean()).containsExactly(3, 5);
        // population std of 1, 3, 5: sqrt(8 / 3); the constant column gets 1
        assertThat(scaler.std()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
        assertThat(scaler.std()[1]).isEqualTo(1);
    }

    @Test
    void preparedValidationRowsAreScaledWithTheTrainingStatistics() {
        Dataset data = SyntheticFraudSpec.of(500, 6, 0.2, 9).load();

        PreparedData prepared = PreparedData.prepare(data, new SplitSpec(0.2, 0.2, true, 9));

        Standardizer trainOnly = Standardizer.fit(Splitter.split(data, new SplitSpec(0.2, 0.2, true, 9)).train());
        assertThat(prepared.scaler().mean()).containsExactly(trainOnly.mean());
        assertThat(prepared.scaler().std()).containsExactly(trainOnly.std());
        double trainMean = 0;
        for (double[] row : prepared.train().features()) {
            trainMean += row[0] / prepared.train().rows();
        }
        assertThat(trainMean).isCloseTo(0, within(1e-9));
        double[] rawValidationRow = Splitter.split(data, new SplitSpec(0.2, 0.2, true, 9)).validation().features()[0];
        assertThat(prepared.validation().features()[0][2])
                .isCloseTo((rawValidationRow[2] - trainOnly.mean()[2]) / trainOnly.std()[2], within(1e-12));
    }

    @Test
    void aRefitTrainsOnTrainingAndValidationRowsScaledByTheirOwnStatistics() {
        Dataset data = SyntheticFraudSpec.of(500, 6, 0.2, 9).load();
        Split split = Splitter.split(data, new SplitSpec(0.2, 0.2, true, 9));

        PreparedData refit = PreparedData.prepareForRefit(data, new SplitSpec(0.2, 0.2, true, 9));

        Dataset development = split.train().concat(split.validation());
        assertThat(refit.train().rows()).isEqualTo(400);
        assertThat(refit.validation().rows()).isZero();
        assertThat(refit.test().rows()).isEqualTo(100);
        assertThat(refit.scaler().mean()).containsExactly(Standardizer.fit(development).mean());
    }
}
