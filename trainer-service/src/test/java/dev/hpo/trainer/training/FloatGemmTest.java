package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FloatGemmTest {

    /** a random rows x columns float matrix in the given order. */
    private static INDArray matrix(long rows, long columns, char order) {
        return Nd4j.rand(DataType.FLOAT, rows, columns).dup(order);
    }

    private static void assertProduct(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
        INDArray before = c.dup();
        INDArray expected = (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b).addi(before.mul(0.5));

        FloatGemm.gemm(a, transposeA, b, transposeB, c, 0.5);

        assertThat(Nd4j.toFlattened('c', c).toDoubleVector()).as("%s%s x %s%s into %s", a.ordering(),
                transposeA ? "^T" : "", b.ordering(), transposeB ? "^T" : "", c.ordering())
                .containsExactly(Nd4j.toFlattened('c', expected).toDoubleVector(), within(1e-5));
    }

    @Test
    void everyCombinationOfOrdersAndTransposesEqualsNd4jsProduct() {
        Nd4j.getRandom().setSeed(1);
        for (char orderA : new char[] {'c', 'f'}) {
            for (char orderB : new char[] {'c', 'f'}) {
                for (char orderC : new char[] {'c', 'f'}) {
                    for (boolean transposeA : new boolean[] {false, true}) {
                        for (boolean transposeB : new boolean[] {false, true}) {
                            INDArray a = transposeA ? matrix(7, 5, orderA) : matrix(5, 7, orderA);
                            INDArray b = transposeB ? matrix(3, 7, orderB) : matrix(7, 3, orderB);
                            assertProduct(a, transposeA, b, transposeB, matrix(5, 3, orderC));
                        }
                    }
                }
            }
        }
    }

    @Test
    void vectorsAndStridedViewsGiveTheSameProducts() {
        Nd4j.getRandom().setSeed(2);
        // a column of ones times a row: the bias term of a dense layer
        assertProduct(Nd4j.ones(DataType.FLOAT, 4, 1), false, matrix(1, 6, 'c'), false, matrix(4, 6, 'c'));
        // a column sum as ones^T x m into a 1 x n row
        assertProduct(Nd4j.ones(DataType.FLOAT, 4, 1), true, matrix(4, 6, 'c'), false, matrix(1, 6, 'c'));
        // a strided column selection is not dense: it goes through Nd4j.gemm
        INDArray strided = matrix(5, 14, 'c').get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 14));
        assertProduct(strided, false, matrix(7, 3, 'f'), false, matrix(5, 3, 'c'));
    }
}
