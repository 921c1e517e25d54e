#!/usr/bin/env bash
# Does a CUDA binary built the way DL4J's libnd4jcuda.so (1.0.0-M2.1, CUDA 11.6) is built -- machine code (SASS)
# for sm_37..sm_86 and no PTX -- run on this GPU? DL4J cannot be carried to the device machine (a 905 MB native
# library, no Java there), so this builds one kernel the same two ways with the device's own nvcc and runs both:
#   sass86: -gencode arch=compute_86,code=sm_86        (SASS only, as DL4J ships)
#   ptx86:  -gencode arch=compute_86,code=compute_86   (PTX, which the driver can compile for a newer GPU)
# On an sm_90 GPU (H100/H200) the first should fail with "no kernel image is available" and the second run.
# Usage: bash docs/tools/hopper_sass_check.sh [OUTDIR]
set -u
out=${1:-/tmp/hopper-check}
mkdir -p "$out"
exec > >(tee "$out/report.txt") 2>&1
nvidia-smi --query-gpu=name,compute_cap,driver_version --format=csv
NVCC=$(command -v nvcc || ls /usr/local/cuda*/bin/nvcc 2>/dev/null | head -1)
if [ -z "$NVCC" ]; then
  echo "no nvcc on this machine: cannot build the check"
  exit 2
fi
"$NVCC" --version | tail -2
cat > "$out/k.cu" <<'CU'
#include <cstdio>
__global__ void add(float *x) { x[threadIdx.x] += 1.0f; }
int main() {
  float *d; cudaMalloc(&d, 32 * sizeof(float)); cudaMemset(d, 0, 32 * sizeof(float));
  add<<<1, 32>>>(d);
  cudaError_t e = cudaDeviceSynchronize();
  if (e == cudaSuccess) e = cudaGetLastError();
  float h[32]; cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  printf("%s (x[0] = %.1f)\n", e == cudaSuccess ? "ran" : cudaGetErrorString(e), h[0]);
  return e == cudaSuccess ? 0 : 1;
}
CU
for variant in "sass86 -gencode arch=compute_86,code=sm_86" "ptx86 -gencode arch=compute_86,code=compute_86"; do
  set -- $variant
  name=$1; shift
  if "$NVCC" "$@" -o "$out/$name" "$out/k.cu"; then
    printf '%s: ' "$name"; "$out/$name"; echo "exit $?"
  else
    echo "$name: nvcc failed"
  fi
done
