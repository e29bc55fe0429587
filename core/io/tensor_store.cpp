#include "core/io/tensor_store.h"

#include <cstring>

#include "core/common/error.h"
#include "core/io/zip_inflate.h"

namespace vq::io {

TensorStore::TensorStore(std::vector<TensorLocation> locations) : m_locations(std::move(locations)) {}

TensorStore::View TensorStore::payload(size_t index) const {
  const TensorLocation& loc = m_locations.at(index);
  if (!loc.deflated) {
    return {loc.file, loc.file->bytes().subspan(size_t(loc.offset), size_t(loc.size)), loc.file.get()};
  }
  Buffer buf = inflated(index);
  const std::span<const std::byte> all(*buf);
  return {buf, all.subspan(size_t(loc.payloadOffset), size_t(loc.payloadBytes))};
}

TensorStore::Buffer TensorStore::inflated(size_t index) const {
  std::promise<Buffer> promise;
  std::shared_future<Buffer> pending;
  {
    std::lock_guard lock(m_mutex);
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
      if (it->first == index) {
        m_cache.splice(m_cache.begin(), m_cache, it);  // most recently used first
        pending = m_cache.front().second;
        break;
      }
    }
    if (!pending.valid()) {
      m_cache.emplace_front(index, promise.get_future().share());
      while (m_cache.size() > kInflatedCacheEntries) m_cache.pop_back();
    }
  }
  if (pending.valid()) return pending.get();  // inflated (or being inflated) by another call
  try {
    const TensorLocation& loc = m_locations[index];
    auto buf = std::make_shared<std::vector<std::byte>>(size_t(loc.memberBytes));
    // zlib keeps state that a SIGBUS jump would leak, so the compressed bytes are first copied
    // out of the mapping under the truncation guard, then inflated from memory.
    std::vector<std::byte> compressed(size_t(loc.size));
    const std::byte* from = loc.file->bytes().data() + loc.offset;
    loc.file->guardedRead([&] { std::memcpy(compressed.data(), from, compressed.size()); });
    const uint32_t crc = inflateExactly(compressed, *buf);
    if (crc != loc.crc32) throw Error(ErrorCode::Corrupt, "CRC32 mismatch after inflating");
    Buffer result = std::move(buf);
    promise.set_value(result);
    return result;
  } catch (...) {
    promise.set_exception(std::current_exception());
    std::lock_guard lock(m_mutex);
    m_cache.remove_if([&](const auto& e) { return e.first == index; });
    throw;
  }
}

}  // namespace vq::io
