#include "core/quant/llamacpp_block_method.h"

#include <string>

#include "core/common/error.h"
#include "core/quant/format_io.h"

namespace vq::quant {

void requireWholeGgmlBlocks(std::string_view method, int n) {
  if (n <= 0 || n % kGgmlBlockValues != 0)
    throw Error(ErrorCode::InvalidArgument,
                std::string(method) +
                    " needs the row length (KV heads x head_dim of a layer) to be a positive "
                    "multiple of 32, got " +
                    std::to_string(n));
}

LlamaCppBlockMethod::LlamaCppBlockMethod(MethodConfig config, int n, size_t blockBytes)
    : Method(std::move(config), n), m_blockBytes(blockBytes) {
  requireWholeGgmlBlocks(m_config.method, n);
}

uint64_t LlamaCppBlockMethod::storageBytes(int64_t rows) const {
  return rows <= 0 ? 0 : uint64_t(rows) * rowBytes();
}

void LlamaCppBlockMethod::encode(std::span<const float> x, int64_t rows,
                                 std::span<std::byte> out) const {
  requireBuffers(m_config.method, rows, x.size(), uint64_t(rows) * uint64_t(m_n), out.size(),
                 storageBytes(rows));
  const size_t rowOut = rowBytes();
  for (int64_t r = 0; r < rows; ++r)
    quantizeRow(x.data() + size_t(r) * size_t(m_n), out.data() + size_t(r) * rowOut);
}

void LlamaCppBlockMethod::decode(std::span<const std::byte> in, int64_t rows,
                                 std::span<float> out) const {
  requireBuffers(m_config.method, rows, out.size(), uint64_t(rows) * uint64_t(m_n), in.size(),
                 storageBytes(rows));
  const size_t rowIn = rowBytes();
  for (int64_t r = 0; r < rows; ++r)
    dequantizeRow(in.data() + size_t(r) * rowIn, out.data() + size_t(r) * size_t(m_n));
}

}  // namespace vq::quant
