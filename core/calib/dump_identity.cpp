#include "core/calib/dump_identity.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

#include "core/common/dtype.h"

namespace vq::calib {

namespace {

class Fnv1a64 {
 public:
  void bytes(const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) {
      m_h ^= b[i];
      m_h *= 0x100000001b3ull;
    }
  }
  void integer(uint64_t v) {
    std::array<unsigned char, 8> le{};
    for (int i = 0; i < 8; ++i) le[size_t(i)] = static_cast<unsigned char>(v >> (8 * i));
    bytes(le.data(), le.size());
  }
  void text(std::string_view s) {
    bytes(s.data(), s.size());
    const unsigned char zero = 0;
    bytes(&zero, 1);
  }
  uint64_t value() const { return m_h; }

 private:
  uint64_t m_h = 0xcbf29ce484222325ull;
};

}  // namespace

DumpIdentity identifyDump(const Dump& dump) {
  const DumpInfo& info = dump.info();
  DumpIdentity id;
  id.path = info.path.string();
  id.model = info.modelName;
  Fnv1a64 h;
  h.text("vq-dump-id-v1");
  h.integer(uint64_t(info.numLayers));
  std::vector<std::byte> buf;
  constexpr uint64_t kEdge = 4096;
  for (int l = 0; l < info.numLayers; ++l) {
    const LayerInfo& li = info.layers[size_t(l)];
    id.layers.push_back({li.qHeads, li.kvHeads, li.tokens, li.headDim});
    for (Role role : {Role::K, Role::V}) {
      const int t = dump.tensorIndex(l, role);
      if (t < 0) continue;  // a dump always has k and v (checked when it was opened)
      const TensorInfo& ti = dump.tensors()[size_t(t)];
      h.integer(uint64_t(l));
      h.text(roleName(role));
      h.integer(uint64_t(ti.heads));
      h.integer(uint64_t(ti.tokens));
      h.integer(uint64_t(ti.headDim));
      h.text(dtypeName(ti.dtype));
      h.integer(ti.bytes);
      const uint64_t head = std::min(kEdge, ti.bytes);
      buf.resize(size_t(head));
      dump.readTensorBytes(size_t(t), 0, buf);
      h.bytes(buf.data(), buf.size());
      dump.readTensorBytes(size_t(t), ti.bytes - head, buf);
      h.bytes(buf.data(), buf.size());
    }
  }
  char hex[32];
  std::snprintf(hex, sizeof hex, "fnv1a64:%016llx", static_cast<unsigned long long>(h.value()));
  id.hash = hex;
  return id;
}

}  // namespace vq::calib
