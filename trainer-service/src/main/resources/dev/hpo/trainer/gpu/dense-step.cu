// Kernels of the trainer's GPU training step (dev.hpo.trainer.gpu.CudaDenseStep), compiled at run time by NVRTC
// for the device's own architecture, so that any GPU from Volta (sm_70) to Hopper (sm_90) and later runs them.
// Matrices are column-major (cuBLAS's layout): element (row r, column c) of a rows x cols matrix is at r + rows * c.
// Every formula is the one of the CPU path (DL4J 1.0.0-M2.1 and the project's own classes), named beside it.

typedef unsigned long long u64;

// Activation kinds, the order of dev.hpo.trainer.gpu.GpuActivation.
#define ACT_IDENTITY 0
#define ACT_RELU 1
#define ACT_TANH 2
#define ACT_SIGMOID 3
#define ACT_LEAKY_RELU 4
#define ACT_ELU 5
#define ACT_SELU 6
#define ACT_SWISH 7

// SELU's constants, as libnd4j's (Klambauer et al. 2017).
#define SELU_ALPHA 1.6732632423543772848170429916717f
#define SELU_LAMBDA 1.0507009873554804934193349852946f

__device__ __forceinline__ float sigmoidf(float z) {
    return 1.0f / (1.0f + expf(-z));
}

// a = f(z); alpha is leaky ReLU's slope or ELU's alpha.
__device__ __forceinline__ float activate(int kind, float z, float alpha) {
    switch (kind) {
        case ACT_RELU: return z > 0.0f ? z : 0.0f;
        case ACT_TANH: return tanhf(z);
        case ACT_SIGMOID: return sigmoidf(z);
        case ACT_LEAKY_RELU: return z > 0.0f ? z : alpha * z;
        case ACT_ELU: return z > 0.0f ? z : alpha * (expf(z) - 1.0f);
        case ACT_SELU: return z > 0.0f ? SELU_LAMBDA * z : SELU_LAMBDA * SELU_ALPHA * (expf(z) - 1.0f);
        case ACT_SWISH: return z * sigmoidf(z);
        default: return z;
    }
}

// f'(z), DL4J's backprop of each activation (ReLU's derivative at 0 is 0, as DL4J's).
__device__ __forceinline__ float derivative(int kind, float z, float alpha) {
    switch (kind) {
        case ACT_RELU: return z > 0.0f ? 1.0f : 0.0f;
        case ACT_TANH: { float t = tanhf(z); return 1.0f - t * t; }
        case ACT_SIGMOID: { float s = sigmoidf(z); return s * (1.0f - s); }
        case ACT_LEAKY_RELU: return z > 0.0f ? 1.0f : alpha;
        case ACT_ELU: return z > 0.0f ? 1.0f : alpha * expf(z);
        case ACT_SELU: return z > 0.0f ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * expf(z);
        case ACT_SWISH: { float s = sigmoidf(z); return s + z * s * (1.0f - s); }
        default: return 1.0f;
    }
}

extern "C" __global__ void gather_rows(const float* data, const float* labels, const int* order, int first,
                                       int rows, int cols, float* x, float* y) {
    // x (rows x cols) and y (rows) from the training rows order[first .. first + rows), data row-major.
    long long n = (long long) rows * cols;
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        int r = (int) (i % rows);
        int c = (int) (i / rows);
        int row = order[first + r];
        x[i] = data[(long long) row * cols + c];
        if (c == 0) {
            y[r] = labels[row];
        }
    }
}

extern "C" __global__ void bias_activate(float* z, float* a, const float* bias, int rows, int cols, int kind,
                                         float alpha) {
    // z += 1 b (b broadcast over the rows), then a = f(z) where a is not null (an output layer keeps z).
    long long n = (long long) rows * cols;
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        float v = z[i] + bias[i / rows];
        z[i] = v;
        if (a != 0) {
            a[i] = activate(kind, v, alpha);
        }
    }
}

extern "C" __global__ void activation_backward(const float* z, float* delta, long long n, int kind, float alpha) {
    // dL/dz = f'(z) * dL/da, in place.
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        delta[i] *= derivative(kind, z[i], alpha);
    }
}

// A uniform draw in [0, 1) for element i of draw number `draw`: SplitMix64's finaliser (Steele et al., OOPSLA 2014)
// over a counter, so that every element of every batch gets an independent value without generator state.
__device__ __forceinline__ float uniform(u64 seed, u64 draw, u64 i) {
    u64 x = seed + 0x9E3779B97F4A7C15ULL * (draw * 0x100000000ULL + i + 1);
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    x = x ^ (x >> 31);
    return (float) (x >> 40) * (1.0f / 16777216.0f);
}

extern "C" __global__ void dropout_forward(const float* in, float* out, float* mask, long long n, float retain,
                                           u64 seed, u64 draw) {
    // DL4J's inverted dropout (Dropout.applyDropout with DropOutInverted): keep with probability `retain`, scaled by
    // 1 / retain; the mask is kept for the backward pass.
    float kept = 1.0f / retain;
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        float m = uniform(seed, draw, (u64) i) < retain ? kept : 0.0f;
        mask[i] = m;
        out[i] = in[i] * m;
    }
}

extern "C" __global__ void mask_multiply(float* values, const float* mask, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        values[i] *= mask[i];
    }
}

extern "C" __global__ void weighted_bce(float* logits, const float* labels, int n, float negativeWeight,
                                        float positiveWeight, float clip, double* lossSum) {
    // WeightedBinaryCrossEntropy.scoreAndGradient: w = y (w1 - w0) + w0, loss w (softplus(zc) - y zc) with z clipped
    // to +-clip, gradient w (sigmoid(z) - y) written over the logits. The batch's loss sum is added to *lossSum.
    extern __shared__ double partial[];
    double sum = 0.0;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
        float y = labels[i];
        float z = logits[i];
        double w = (double) y * (positiveWeight - negativeWeight) + negativeWeight;
        double zc = fmax((double) -clip, fmin((double) clip, (double) z));
        double softplus = zc > 0 ? zc + log1p(exp(-zc)) : log1p(exp(zc));
        sum += w * (softplus - y * zc);
        logits[i] = (float) (w * (1.0 / (1.0 + exp(-(double) z)) - y));
    }
    partial[threadIdx.x] = sum;
    __syncthreads();
    for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (threadIdx.x < stride) {
            partial[threadIdx.x] += partial[threadIdx.x + stride];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        atomicAdd(lossSum, partial[0]);
    }
}

extern "C" __global__ void sigmoid_out(const float* z, float* p, int n) {
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
        p[i] = sigmoidf(z[i]);
    }
}

// The updaters. g = the summed gradient times `scale` (1 / batch size: DL4J's updater divides by the mini-batch
// size first); each writes the update u, adds decoupled weight decay (DL4J's WeightDecay with applyLR: u += lr
// lambda w, after the updater) and applies params -= u (NegativeGradientStepFunction).

extern "C" __global__ void update_sgd(float* w, const float* grad, long long n, float scale, float lr, float decay) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        float u = lr * grad[i] * scale;
        w[i] -= u + lr * decay * w[i];
    }
}

extern "C" __global__ void update_nesterovs(float* w, const float* grad, float* v, long long n, float scale, float lr,
                                            float decay, float momentum) {
    // libnd4j's updaterNesterovs: v' = mu v - lr g; u = mu v + (-mu - 1) v'.
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        float g = grad[i] * scale;
        float prev = v[i];
        float next = momentum * prev - lr * g;
        v[i] = next;
        float u = momentum * prev + (-momentum - 1.0f) * next;
        w[i] -= u + lr * decay * w[i];
    }
}

extern "C" __global__ void update_rmsprop(float* w, const float* grad, float* s, long long n, float scale, float lr,
                                          float decay, float rho, float epsilon) {
    // libnd4j's updaterRmsProp: s' = rho s + (1 - rho) g^2; u = lr g / (sqrt(s') + eps).
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        float g = grad[i] * scale;
        float st = s[i] * rho + g * g * (1.0f - rho);
        s[i] = st;
        float u = g * lr / (sqrtf(st) + epsilon);
        w[i] -= u + lr * decay * w[i];
    }
}

extern "C" __global__ void update_adam(float* w, const float* grad, float* m, float* v, long long n, float scale,
                                       float lr, float decay, float beta1, float beta2, float epsilon, float alphaT) {
    // libnd4j's updaterAdam: m' = b1 m + (1 - b1) g; v' = b2 v + (1 - b2) g^2; u = alphaT m' / (sqrt(v') + eps), with
    // alphaT = lr sqrt(1 - b2^t) / (1 - b1^t), t = iteration + 1, computed once per step by the host.
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        float g = grad[i] * scale;
        float mt = beta1 * m[i] + g * (1.0f - beta1);
        float vt = beta2 * v[i] + g * g * (1.0f - beta2);
        m[i] = mt;
        v[i] = vt;
        float u = mt * alphaT / (sqrtf(vt) + epsilon);
        w[i] -= u + lr * decay * w[i];
    }
}

extern "C" __global__ void update_nadam(float* w, const float* grad, float* m, float* v, long long n, float scale,
                                        float lr, float decay, float beta1, float beta2, float epsilon,
                                        float oneMinusBeta1T) {
    // libnd4j's updaterNadam: m' = b1 m + (1 - b1) g; v' = b2 v + (1 - b2) g^2;
    // u = lr (b1 m' + (1 - b1) g) / (1 - b1^t) / (sqrt(v') + eps), t = iteration + 1.
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        float g = grad[i] * scale;
        float oneMinusBeta1Grad = g * (1.0f - beta1);
        float mt = beta1 * m[i] + oneMinusBeta1Grad;
        float vt = beta2 * v[i] + g * g * (1.0f - beta2);
        m[i] = mt;
        v[i] = vt;
        float u = (lr * ((mt * beta1 + oneMinusBeta1Grad) / oneMinusBeta1T)) / (sqrtf(vt) + epsilon);
        w[i] -= u + lr * decay * w[i];
    }
}

extern "C" __global__ void update_lion(float* w, const float* grad, float* m, long long n, float scale, float lr,
                                       float decay, float beta1, float beta2) {
    // dev.hpo.trainer.model.LionUpdater (Chen et al. 2023): c = b1 m + (1 - b1) g; m' = b2 m + (1 - b2) g;
    // u = lr sign(c).
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        float g = grad[i] * scale;
        float c = m[i] * beta1 + g * (1.0f - beta1);
        m[i] = m[i] * beta2 + g * (1.0f - beta2);
        float sign = c > 0.0f ? 1.0f : (c < 0.0f ? -1.0f : 0.0f);
        float u = lr * sign;
        w[i] -= u + lr * decay * w[i];
    }
}
