package dev.hpo.trainer.gpu;

import static dev.hpo.trainer.gpu.Cuda.checkBlas;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.cublasSgemm_v2;
import static org.bytedeco.cuda.global.cublas.cublasSgemv_v2;

import dev.hpo.trainer.model.WeightedBinaryCrossEntropy;
import dev.hpo.trainer.training.MiniBatches;
import dev.hpo.trainer.training.TrainingLoop;
import dev.hpo.trainer.training.TrainingStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training step of a dense network on a GPU: the arithmetic of {@link dev.hpo.trainer.training.FusedDenseStep}
 * (DL4J's own, see there) with the products in cuBLAS and the activations, dropout, loss and updater in the kernels of
 * {@code dense-step.cu}, on device memory. Parameters, gradients, the updater's state and the training rows stay on
 * the GPU for the whole trial; an epoch uploads only the row order of its shuffle (the CPU step's, from the same
 * generator, so both see the same batches) and reads back one number, its loss. The DL4J network stays what defines,
 * initialises, saves and evaluates the model: {@link #syncNetwork} hands it the trained parameters and updater state.
 *
 * <p>Layouts: DL4J's flattened parameters keep each layer's W (nIn x nOut) in column-major order, which is cuBLAS's,
 * so the device holds the same vector and one copy moves it either way. Activations are rows x width matrices in
 * column-major order. Forward z = x W + 1 b (sgemm, then a kernel adds b and applies f); backward
 * dW = x^T dz, db = dz^T 1 (sgemm, sgemv), dx = dz W^T (sgemm).
 *
 * <p>Dropout masks come from a counter-based hash on the device rather than ND4J's generator, so a network with
 * dropout trains with other masks than on the CPU (same distribution); without dropout both steps compute the same
 * thing up to the order of float sums.
 */
public final class CudaDenseStep implements TrainingStep {

    /** Rows per inference pass: bounds the activation memory of evaluating a large split. */
    private static final int PREDICT_ROWS = 8192;
    private static final int LOSS_SHARED_BYTES = Kernel.THREADS * Double.BYTES;

    private final CudaContext cuda;
    private final MultiLayerNetwork network;
    private final DenseLayout layout;
    private final Layer[] layers;
    private final DeviceArray params;
    private final DeviceArray gradients;
    /** The updater's state in DL4J's layout (e.g. Adam's m then v); null for plain SGD. */
    private final DeviceArray state;
    private final DeviceArray lossSum;
    private final UpdateKernel update;
    private final Kernel gather;
    private final Kernel loss;
    private final Kernel sigmoid;
    private final FloatPointer one = new FloatPointer(1f);
    private final FloatPointer zero = new FloatPointer(0f);
    private final Map<Integer, Pass> passes = new HashMap<>();
    private final List<DeviceArray> owned = new ArrayList<>();
    private final long dropoutSeed;
    private long dropoutDraws;
    /** The training rows on the device, for the MiniBatches they came from. */
    private MiniBatches boundBatches;
    private DeviceArray trainFeatures;
    private DeviceArray trainLabels;
    private DeviceArray order;
    /** Rows evaluated after each epoch, on the device, for the array they came from. */
    private INDArray boundEvaluation;
    private DeviceArray evaluationFeatures;
    private DeviceArray evaluationLabels;
    private DeviceArray identity;

    /**
     * @param network an initialised network that {@link DenseLayout#of} accepts
     * @throws IllegalArgumentException naming what the GPU step lacks for the network
     */
    public CudaDenseStep(CudaContext cuda, MultiLayerNetwork network) {
        this.cuda = cuda;
        this.network = network;
        this.layout = DenseLayout.of(network);
        this.layers = network.getLayers();
        cuda.makeCurrent();
        long n = layout.parameters();
        this.params = own(DeviceArray.floats(n));
        this.gradients = own(DeviceArray.floats(n));
        this.state = layout.updater().stateArrays() == 0 ? null
                : own(DeviceArray.floats(layout.updater().stateArrays() * n));
        this.lossSum = own(DeviceArray.doubles(1));
        reloadNetwork();
        this.update = new UpdateKernel(cuda, layout.updater(), layout.weightDecay(), params, gradients, state);
        this.gather = cuda.kernel("gather_rows", 8);
        this.loss = cuda.kernel("weighted_bce", 7).setFloat(3, (float) layout.lossWeights()[0])
                .setFloat(4, (float) layout.lossWeights()[1]).setFloat(5, (float) WeightedBinaryCrossEntropy.LOGIT_CLIP)
                .set(6, lossSum);
        this.sigmoid = cuda.kernel("sigmoid_out", 3);
        this.dropoutSeed = Nd4j.getRandom().nextLong();
    }

    @Override
    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public String device() {
        return cuda.device().describe();
    }

    @Override
    public OptionalDouble fitEpoch(MiniBatches batches, BooleanSupplier stopRequested) {
        cuda.makeCurrent();
        bind(batches);
        batches.shuffleOrder();
        order.upload(batches.order());
        lossSum.zero();
        for (int b = 0; b < batches.count(); b++) {
            int rows = batches.size(b);
            Pass pass = pass(rows);
            gather.set(0, trainFeatures).set(1, trainLabels).set(2, order).setInt(3, b * batches.batchSize())
                    .setInt(4, rows).setInt(5, layout.inputs()).set(6, pass.x).set(7, pass.y)
                    .launch((long) rows * layout.inputs());
            step(pass);
            if ((b + 1) % TrainingLoop.STOP_CHECK_INTERVAL == 0 && stopRequested.getAsBoolean()) {
                cuda.synchronize();
                return OptionalDouble.empty();
            }
        }
        double sum = lossSum.downloadDouble();
        network.incrementEpochCount();
        return OptionalDouble.of(sum / batches.rows());
    }

    @Override
    public double fit(INDArray features, INDArray labels) {
        cuda.makeCurrent();
        int rows = (int) features.size(0);
        Pass pass = pass(rows);
        DeviceArray staged = own(DeviceArray.floats((long) rows * layout.inputs()));
        DeviceArray stagedLabels = own(DeviceArray.floats(rows));
        try {
            staged.upload(host(features.dup('c')), (long) rows * layout.inputs());
            stagedLabels.upload(host(labels.dup('c')), rows);
            gather.set(0, staged).set(1, stagedLabels).set(2, identity(rows)).setInt(3, 0).setInt(4, rows)
                    .setInt(5, layout.inputs()).set(6, pass.x).set(7, pass.y).launch((long) rows * layout.inputs());
            lossSum.zero();
            step(pass);
            return lossSum.downloadDouble() / rows;
        } finally {
            free(staged);
            free(stagedLabels);
        }
    }

    /** One mini-batch already gathered into the pass: forward, loss, backward, update. */
    private void step(Pass pass) {
        forward(pass, true);
        loss.set(0, pass.output().z).set(1, pass.y).setInt(2, pass.rows).launch(pass.rows, LOSS_SHARED_BYTES);
        backward(pass);
        int iteration = network.getIterationCount();
        update.apply(1f / pass.rows, iteration);
        network.setIterationCount(iteration + 1);
        for (Layer layer : layers) {
            layer.setIterationCount(iteration + 1);
        }
    }

    private void forward(Pass pass, boolean training) {
        DeviceArray input = pass.x;
        for (PassStage s : pass.stages) {
            s.input = input;
            if (s.stage instanceof DenseLayout.Drop drop) {
                if (training) {
                    s.dropout.set(0, input).set(1, s.out).set(2, s.mask).set(3, (long) pass.rows * drop.width())
                            .setFloat(4, drop.retain()).set(5, dropoutSeed).set(6, dropoutDraws++)
                            .launch((long) pass.rows * drop.width());
                    input = s.out;
                }
                continue;
            }
            DenseLayout.Dense dense = (DenseLayout.Dense) s.stage;
            checkBlas(cublasSgemm_v2(cuda.blas(), CUBLAS_OP_N, CUBLAS_OP_N, pass.rows, dense.outputs(), dense.inputs(),
                    one, input.floatsAt(0), pass.rows, params.floatsAt(dense.weightOffset()), dense.inputs(), zero,
                    s.z.floatsAt(0), pass.rows), "cublasSgemm(forward)");
            s.biasActivate.launch((long) pass.rows * dense.outputs());
            input = dense.activation() == null ? s.z : s.a;
        }
    }

    private void backward(Pass pass) {
        DeviceArray delta = pass.output().z;
        for (int i = pass.stages.size() - 1; i >= 0; i--) {
            PassStage s = pass.stages.get(i);
            if (s.stage instanceof DenseLayout.Drop drop) {
                s.maskMultiply.set(0, delta).set(1, s.mask).set(2, (long) pass.rows * drop.width())
                        .launch((long) pass.rows * drop.width());
                continue;
            }
            DenseLayout.Dense dense = (DenseLayout.Dense) s.stage;
            if (dense.activation() != null) {
                s.activationBackward.set(1, delta).launch((long) pass.rows * dense.outputs());
            }
            checkBlas(cublasSgemm_v2(cuda.blas(), CUBLAS_OP_T, CUBLAS_OP_N, dense.inputs(), dense.outputs(), pass.rows,
                    one, s.input.floatsAt(0), pass.rows, delta.floatsAt(0), pass.rows, zero,
                    gradients.floatsAt(dense.weightOffset()), dense.inputs()), "cublasSgemm(weight gradient)");
            checkBlas(cublasSgemv_v2(cuda.blas(), CUBLAS_OP_T, pass.rows, dense.outputs(), one, delta.floatsAt(0),
                    pass.rows, pass.ones.floatsAt(0), 1, zero, gradients.floatsAt(dense.biasOffset()), 1),
                    "cublasSgemv(bias gradient)");
            if (s.inputGradient == null) {
                return;
            }
            checkBlas(cublasSgemm_v2(cuda.blas(), CUBLAS_OP_N, CUBLAS_OP_T, pass.rows, dense.inputs(), dense.outputs(),
                    one, delta.floatsAt(0), pass.rows, params.floatsAt(dense.weightOffset()), dense.inputs(), zero,
                    s.inputGradient.floatsAt(0), pass.rows), "cublasSgemm(input gradient)");
            delta = s.inputGradient;
        }
    }

    /** The network's probability of class 1 per row, computed on the device in passes of {@link #PREDICT_ROWS}. */
    @Override
    public double[] predict(INDArray features) {
        cuda.makeCurrent();
        int rows = (int) features.size(0);
        if (features != boundEvaluation) {
            free(evaluationFeatures);
            free(evaluationLabels);
            evaluationFeatures = own(DeviceArray.floats((long) rows * layout.inputs()));
            evaluationFeatures.upload(host(features.dup('c')), (long) rows * layout.inputs());
            evaluationLabels = own(DeviceArray.floats(rows));
            evaluationLabels.zero();
            boundEvaluation = features;
        }
        DeviceArray all = identity(rows);
        double[] out = new double[rows];
        for (int first = 0; first < rows; first += PREDICT_ROWS) {
            int n = Math.min(PREDICT_ROWS, rows - first);
            Pass pass = pass(n);
            gather.set(0, evaluationFeatures).set(1, evaluationLabels).set(2, all).setInt(3, first).setInt(4, n)
                    .setInt(5, layout.inputs()).set(6, pass.x).set(7, pass.y).launch((long) n * layout.inputs());
            forward(pass, false);
            sigmoid.set(0, pass.output().z).set(1, pass.y).setInt(2, n).launch(n);
            float[] chunk = pass.y.downloadFloats(n);
            for (int i = 0; i < n; i++) {
                out[first + i] = chunk[i];
            }
        }
        return out;
    }

    /** Copies the trained parameters and the updater's state into the DL4J network. */
    @Override
    public void syncNetwork() {
        cuda.makeCurrent();
        params.download(host(network.params()), layout.parameters());
        if (state != null) {
            state.download(host(network.getUpdater().getStateViewArray()), state.length());
        }
    }

    /** Takes the network's parameters and updater state (after the best-epoch restore, or at the start) up. */
    @Override
    public void reloadNetwork() {
        cuda.makeCurrent();
        params.upload(host(network.params()), layout.parameters());
        if (state != null) {
            state.upload(host(network.getUpdater().getStateViewArray()), state.length());
        }
    }

    @Override
    public void close() {
        for (DeviceArray array : owned) {
            array.close();
        }
        owned.clear();
        passes.clear();
        one.close();
        zero.close();
    }

    /** Uploads the training rows the first time this step sees these batches. */
    private void bind(MiniBatches batches) {
        if (batches == boundBatches) {
            return;
        }
        free(trainFeatures);
        free(trainLabels);
        free(order);
        trainFeatures = own(DeviceArray.floats((long) batches.rows() * layout.inputs()));
        trainFeatures.upload(batches.featureValues());
        trainLabels = own(DeviceArray.floats(batches.rows()));
        trainLabels.upload(batches.labelValues());
        order = own(DeviceArray.ints(batches.rows()));
        boundBatches = batches;
    }

    /** The row order 0, 1, ..., at least {@code rows} long. */
    private DeviceArray identity(int rows) {
        if (identity == null || identity.length() < rows) {
            free(identity);
            int[] values = new int[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = i;
            }
            identity = own(DeviceArray.ints(rows));
            identity.upload(values);
        }
        return identity;
    }

    private Pass pass(int rows) {
        return passes.computeIfAbsent(rows, this::allocate);
    }

    private Pass allocate(int rows) {
        Pass pass = new Pass(rows, own(DeviceArray.floats((long) rows * layout.inputs())), own(DeviceArray.floats(rows)),
                own(DeviceArray.floats(rows)));
        pass.ones.fill(Float.floatToIntBits(1f));
        boolean parametersBefore = false;
        for (DenseLayout.Stage stage : layout.stages()) {
            PassStage s = new PassStage(stage);
            long size = (long) rows * stage.width();
            if (stage instanceof DenseLayout.Drop) {
                s.out = own(DeviceArray.floats(size));
                s.mask = own(DeviceArray.floats(size));
                s.dropout = cuda.kernel("dropout_forward", 7);
                s.maskMultiply = cuda.kernel("mask_multiply", 3);
            } else {
                DenseLayout.Dense dense = (DenseLayout.Dense) stage;
                s.z = own(DeviceArray.floats(size));
                s.a = dense.activation() == null ? null : own(DeviceArray.floats(size));
                s.inputGradient = parametersBefore ? own(DeviceArray.floats((long) rows * dense.inputs())) : null;
                GpuActivation f = dense.activation() == null ? new GpuActivation(GpuActivation.IDENTITY, 0)
                        : dense.activation();
                s.biasActivate = cuda.kernel("bias_activate", 7).set(0, s.z).set(1, s.a)
                        .set(2, params.address() + dense.biasOffset() * Float.BYTES).setInt(3, rows)
                        .setInt(4, dense.outputs()).setInt(5, f.kind()).setFloat(6, f.alpha());
                s.activationBackward = cuda.kernel("activation_backward", 5).set(0, s.z).set(2, size)
                        .setInt(3, f.kind()).setFloat(4, f.alpha());
                parametersBefore = true;
            }
            pass.stages.add(s);
        }
        return pass;
    }

    private DeviceArray own(DeviceArray array) {
        owned.add(array);
        return array;
    }

    private void free(DeviceArray array) {
        if (array != null && owned.remove(array)) {
            array.close();
        }
    }

    /** The host address of a float ND4J array (nd4j-native keeps arrays in host memory). */
    private static Pointer host(INDArray array) {
        return array.data().addressPointer();
    }

    /** The device buffers and prepared kernel calls of one batch size. */
    private static final class Pass {

        final int rows;
        final DeviceArray x;
        final DeviceArray y;
        /** A column of ones, for the bias gradient db = dz^T 1. */
        final DeviceArray ones;
        final List<PassStage> stages = new ArrayList<>();

        Pass(int rows, DeviceArray x, DeviceArray y, DeviceArray ones) {
            this.rows = rows;
            this.x = x;
            this.y = y;
            this.ones = ones;
        }

        PassStage output() {
            return stages.get(stages.size() - 1);
        }
    }

    /** One stage's buffers for one batch size: dropout's output and mask, or a dense layer's z, a and dL/dx. */
    private static final class PassStage {

        final DenseLayout.Stage stage;
        DeviceArray input;
        DeviceArray out;
        DeviceArray mask;
        DeviceArray z;
        DeviceArray a;
        DeviceArray inputGradient;
        Kernel dropout;
        Kernel maskMultiply;
        Kernel biasActivate;
        Kernel activationBackward;

        PassStage(DenseLayout.Stage stage) {
            this.stage = stage;
        }
    }
}
