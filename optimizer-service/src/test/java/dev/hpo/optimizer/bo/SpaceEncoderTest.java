package dev.hpo.optimizer.bo;

import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.SearchSpace;
import dev.hpo.optimizer.strategy.TestSpaces;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpaceEncoderTest {

    private final SpaceEncoder encoder = new SpaceEncoder(TestSpaces.reference());

    @Test
    void dimensionsCountOneHotChoicesAndOneDimensionPerOtherParameter() {
        // neurons1, dropout, optimizer (4), beta_1_lion, learning_rate, batch_size (3), shuffle
        assertThat(encoder.dimensions()).isEqualTo(1 + 1 + 4 + 1 + 1 + 3 + 1);
    }

    @Test
    void everyParameterTypeSurvivesARoundTrip() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("neurons1", 40L);
        config.put("dropout", 0.3);
        config.put("optimizer", "lion");
        config.put("beta_1_lion", 0.93);
        config.put("learning_rate", 3.0e-4);
        config.put("batch_size", 64);
        config.put("shuffle", true);

        Map<String, Object> back = encoder.decode(encoder.encode(config));

        assertThat(back.keySet()).containsExactlyElementsOf(config.keySet());
        assertThat(back.get("neurons1")).isEqualTo(40L);
        assertThat(back.get("dropout")).isEqualTo(0.3);
        assertThat(back.get("optimizer")).isEqualTo("lion");
        assertThat((double) back.get("beta_1_lion")).isCloseTo(0.93, within(1e-12));
        assertThat((double) back.get("learning_rate")).isCloseTo(3.0e-4, within(1e-16));
        assertThat(back.get("batch_size")).isEqualTo(64);
        assertThat(back.get("shuffle")).isEqualTo(true);
    }

    @Test
    void encodesGridValuesToBinCentresLogFloatsInLogSpaceAndChoicesOneHot() {
        double[] u = encoder.encode(Map.of("neurons1", 20L, "dropout", 0.5, "optimizer", "sgd",
                "learning_rate", 1e-3, "batch_size", 16, "shuffle", false));

        assertThat(u).containsExactly(new double[]{0.1, 11.0 / 12, 0, 0, 0, 1, 0.5, 0.5, 1, 0, 0, 0.25},
                within(1e-12));
    }

    @Test
    void inactiveParametersEncodeToTheNeutralPointAndAreLeftOutWhenDecoding() {
        Map<String, Object> adam = Map.of("neurons1", 20L, "dropout", 0.0, "optimizer", "adam",
                "learning_rate", 1e-3, "batch_size", 16, "shuffle", false);
        Map<String, Object> withStrayBeta = new LinkedHashMap<>(adam);
        withStrayBeta.put("beta_1_lion", 0.99);

        double[] u = encoder.encode(withStrayBeta);
        u[6] = 0.97;

        assertThat(encoder.encode(adam)[6]).isEqualTo(0.5);
        assertThat(encoder.encode(withStrayBeta)[6]).isEqualTo(0.5);
        assertThat(encoder.decode(u)).doesNotContainKey("beta_1_lion");
    }

    @Test
    void decodingSnapsToTheGridBinAndTakesTheArgmaxOfTheOneHotBlock() {
        SearchSpace space = new SearchSpace(List.of(
                new IntParameter("n", 0, 9, 3),
                new FloatParameter("f", 0.0, 1.0, OptionalDouble.of(0.25), false, Optional.empty()),
                new ChoiceParameter("c", List.of("a", "b", "c")),
                new BooleanParameter("z")));
        SpaceEncoder e = new SpaceEncoder(space);

        Map<String, Object> config = e.decode(new double[]{0.49, 0.61, 0.2, 0.9, 0.3, 0.51});

        // n has 4 levels {0, 3, 6, 9}: 0.49 falls in bin 1; f has 5 levels: 0.61 falls in bin 3.
        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.of("n", 3L, "f", 0.75, "c", "b", "z", true));
        assertThat(e.decode(new double[]{1.0, 1.0, 0, 0, 0, 1.0})).containsEntry("n", 9L).containsEntry("f", 1.0)
                .containsEntry("c", "a");
    }
}
