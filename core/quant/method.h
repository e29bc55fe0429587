// The interface every quantization method implements, and the configuration it is built from.
// A method is built for one row length n (the rotation, codebook and block layout depend on it);
// it encodes `rows` rows of n floats (row-major) into packed bytes and decodes them back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace vq::quant {

// What one row is, i.e. how the caller must lay out data before calling encode().
enum class RowScope : uint8_t {
  Vector,      // one head's vector per row (n = head_dim), each row independent: turboquant*, qjl, polar, fp16...
  HeadMatrix,  // all rows = the [tokens x head_dim] matrix of one head, quantized together (kivi:
               // keys grouped per channel across tokens). Encode needs every token of the head at once.
  LayerRow,    // one token's KV heads of a layer concatenated per row (n = Hkv*head_dim), cut into
               // fixed blocks, as in llama.cpp's cache: q8_0..iq4_nl, turbo2/3/4. Chosen per layer.
};

struct MethodConfig {
  std::string method = "turboquant_mse";  // registry name
  int bits = 4;                // bits per coordinate, for methods with a bit-width (ignored by fixed formats)
  int groupSize = 0;           // kivi / mlx_affine group size (0: the method's default)
  bool normCorrection = false; // turboquant_mse: store ||x||/||x_hat_unit|| instead of ||x||
  int sketchDim = 0;           // qjl / turboquant_prod sketch rows m (0: m = n)
  int residualWindow = 0;      // kivi: last R rows kept in fp16
  bool isKey = true;           // kivi: keys per-channel, values per-token
  uint64_t seed = 42;          // rotation / sketch seed; callers use seed + layer index per layer
};

class Method {
 public:
  virtual ~Method() = default;
  const MethodConfig& config() const { return m_config; }
  int rowLength() const { return m_n; }
  virtual RowScope scope() const = 0;

  // Exact number of bytes that store `rows` rows (norms, scales, padding all counted).
  virtual uint64_t storageBytes(int64_t rows) const = 0;
  // x: rows*n floats; out: exactly storageBytes(rows) bytes.
  virtual void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const = 0;
  // in: storageBytes(rows) bytes; out: rows*n floats.
  virtual void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const = 0;
  // Quantize then decode. The default goes through packed bytes; a fused override must give the
  // same floats.
  virtual void roundTrip(std::span<const float> x, int64_t rows, std::span<float> out) const;

  // Bits per stored value for `rows` rows: storageBytes * 8 / (rows * n).
  double bitsPerValue(int64_t rows) const;

 protected:
  Method(MethodConfig config, int n) : m_config(std::move(config)), m_n(n) {}
  MethodConfig m_config;
  int m_n;
};

}  // namespace vq::quant
