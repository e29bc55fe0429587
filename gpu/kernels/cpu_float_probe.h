// Which CPU reference loops the compiler turned into fused multiply-adds. GCC contracts
// `acc += a*b` and `x*id + 8.5f` into fma when the target has FMA (-march=x86-64-v3, the default
// here) and not otherwise, and the results differ in the last bit. The bit-exact GPU kernels
// (turboquant_mse norms, q4_0 codes) must do what this build's CPU code does, so we ask the CPU
// code itself: each probe runs the core function on inputs where the fused and unfused forms
// differ and compares. Computed once per process.
#pragma once

namespace vq::gpu {

struct CpuFloatContraction {
  bool l2Norm = false;       // quant::l2Norm (8-lane Σ x²)
  bool squaredNorm = false;  // ScalarQuantizer::squaredNorm (4-lane Σ c²)
  bool q4_0 = false;         // quantizeBlockQ4_0: x*id + 8.5f
};

const CpuFloatContraction& cpuFloatContraction();

}  // namespace vq::gpu
