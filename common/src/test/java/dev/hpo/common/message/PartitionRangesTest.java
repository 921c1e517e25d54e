package dev.hpo.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionRangesTest {

    @Test
    void runsOfConsecutiveNumbersBecomeRangesInAnyInputOrder() {
        assertThat(PartitionRanges.format(List.of(9, 0, 1, 2, 3, 7, 10, 11))).isEqualTo("0-3,7,9-11");
        assertThat(PartitionRanges.format(List.of(5))).isEqualTo("5");
        assertThat(PartitionRanges.format(List.of())).isEmpty();
    }

    @Test
    void parsingGivesBackTheNumbers() {
        assertThat(PartitionRanges.parse("0-3,7,9-11")).containsExactly(0, 1, 2, 3, 7, 9, 10, 11);
        assertThat(PartitionRanges.parse("")).isEmpty();
        assertThat(PartitionRanges.parse(PartitionRanges.format(Set.of(4, 6, 5, 11)))).containsExactly(4, 5, 6, 11);
    }

    @Test
    void textThatIsNoRangeIsRefusedNamingThePart() {
        assertThatThrownBy(() -> PartitionRanges.parse("0-3,x")).hasMessageContaining("x");
        assertThatThrownBy(() -> PartitionRanges.parse("5-2")).hasMessageContaining("5-2");
    }
}
