// Declarations that let clang's CUDA front end parse dense-step.cu without the CUDA headers (a syntax check only:
// NVRTC compiles the real thing on the GPU machine). Used by docs/benchmarks.md, "What was checked without a GPU".
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))
#define __host__ __attribute__((host))
#include <__clang_cuda_builtin_vars.h>
#define __forceinline__ __attribute__((always_inline))
extern "C" __device__ float expf(float); extern "C" __device__ float tanhf(float); extern "C" __device__ float sqrtf(float);
extern "C" __device__ double exp(double); extern "C" __device__ double log1p(double); extern "C" __device__ double fmax(double, double); extern "C" __device__ double fmin(double, double);
__device__ double atomicAdd(double*, double); extern "C" __device__ void __syncthreads();
