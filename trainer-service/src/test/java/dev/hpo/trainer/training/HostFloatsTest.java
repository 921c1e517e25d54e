package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostFloatsTest {

    @Test
    void readsRowMajorValuesOfDenseArraysViewsAndColumnMajorArrays() {
        INDArray matrix = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        float[] values = new float[6];

        HostFloats.read(matrix, values);
        assertThat(values).containsExactly(1, 2, 3, 4, 5, 6);

        HostFloats.read(matrix.dup('f'), values);
        assertThat(values).containsExactly(1, 2, 3, 4, 5, 6);

        float[] column = new float[2];
        HostFloats.read(matrix.get(NDArrayIndex.all(), NDArrayIndex.point(1)), column);
        assertThat(column).containsExactly(2, 5);
    }

    @Test
    void writesInPlaceIntoADenseArrayOrAViewOfAFlatVector() {
        INDArray matrix = Nd4j.create(DataType.FLOAT, 2, 2);
        HostFloats.write(new float[] {7, 8, 9, 10}, matrix);
        assertThat(matrix.toFloatMatrix()).isDeepEqualTo(new float[][] {{7, 8}, {9, 10}});

        INDArray flat = Nd4j.zeros(DataType.FLOAT, 6);
        HostFloats.write(new float[] {1, 2}, flat.get(NDArrayIndex.interval(3, 5)));
        assertThat(flat.toFloatVector()).containsExactly(0, 0, 0, 1, 2, 0);
    }

    @Test
    void refusesToWriteWhereTheValuesWouldNotLandInRowMajorOrder() {
        assertThatThrownBy(() -> HostFloats.write(new float[4], Nd4j.create(DataType.FLOAT, new long[] {2, 2}, 'f')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a dense row-major");
        assertThatThrownBy(() -> HostFloats.write(new float[3], Nd4j.create(DataType.FLOAT, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array of 4 values for 3");
    }
}
