package dev.hpo.optimizer.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignedPartitionTest {

    private final AssignedPartition partition = new AssignedPartition();
    private final List<String> applied = new ArrayList<>();

    /** What a consumer does with a result: apply it if admitted, else leave it to be applied later. */
    private void arrive(String result) {
        if (partition.admit(() -> arrive(result))) {
            applied.add(result);
        }
    }

    @Test
    void inputThatArrivesWhileRecoveringIsKeptAndAppliedInOrderOnceRecovered() {
        arrive("r1");
        arrive("r2");
        assertThat(applied).as("nothing applied to studies not yet rebuilt").isEmpty();
        assertThat(partition.owned()).isFalse();

        int kept = partition.recovered();

        assertThat(kept).isEqualTo(2);
        assertThat(applied).as("kept input re-admitted once owned, not kept again").containsExactly("r1", "r2");
        assertThat(partition.owned()).isTrue();
    }

    @Test
    void onceOwnedInputIsAppliedAtOnceAndNothingIsKept() {
        partition.recovered();

        arrive("r3");

        assertThat(applied).containsExactly("r3");
        assertThat(partition.recovered()).as("nothing kept").isZero();
        assertThat(applied).containsExactly("r3");
    }

    @Test
    void keptInputThatFailsDoesNotStopTheRest() {
        partition.admit(() -> {
            throw new IllegalStateException("unknown study");
        });
        arrive("r4");

        partition.recovered();

        assertThat(applied).containsExactly("r4");
    }
}
