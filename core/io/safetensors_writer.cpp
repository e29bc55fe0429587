// The safetensors half of DumpWriter: the header (offsets computed up front), then the payloads.
#include "core/io/byte_io.h"
#include "core/io/container_sink.h"
#include "core/io/safetensors_format.h"

namespace vq::io {

namespace {

class SafetensorsSink final : public ContainerSink {
 public:
  SafetensorsSink(const std::vector<TensorSpec>& tensors, const std::vector<uint64_t>& payloadBytes,
                  const nlohmann::json& metadata)
      : m_header(buildSafetensorsHeader(tensors, metadata)) {
    m_total = m_header.size();
    for (uint64_t b : payloadBytes) m_total += b;
  }
  uint64_t totalBytes() const override { return m_total; }
  void begin(AtomicFile& f) override { f.write(asBytes(m_header)); }
  void beginTensor(AtomicFile&, size_t) override {}
  void tensorData(AtomicFile& f, std::span<const std::byte> bytes) override { f.write(bytes); }
  void endTensor(AtomicFile&, size_t) override {}
  void finish(AtomicFile&) override {}

 private:
  std::string m_header;
  uint64_t m_total = 0;
};

}  // namespace

std::unique_ptr<ContainerSink> makeSafetensorsSink(const std::vector<TensorSpec>& tensors,
                                                   const std::vector<uint64_t>& payloadBytes,
                                                   const nlohmann::json& metadata) {
  return std::make_unique<SafetensorsSink>(tensors, payloadBytes, metadata);
}

}  // namespace vq::io
