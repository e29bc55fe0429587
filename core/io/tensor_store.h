// Where each tensor's bytes are, and thread-safe access to them: stored tensors are spans of a
// memory mapping; deflated .npz members are inflated on demand and kept in a small cache (so reading
// a layer head by head inflates each tensor once), shared between concurrent readers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "core/common/mapped_file.h"

namespace vq::io {

struct TensorLocation {
  std::shared_ptr<const MappedFile> file;
  uint64_t offset = 0;         // stored: first payload byte; deflated: first compressed byte
  uint64_t size = 0;           // stored: payload bytes; deflated: compressed bytes
  bool deflated = false;
  uint64_t memberBytes = 0;    // deflated: the whole inflated .npy member (header + payload)
  uint64_t payloadOffset = 0;  // deflated: where the payload starts inside the member
  uint64_t payloadBytes = 0;   // deflated: payload size
  uint32_t crc32 = 0;          // deflated: CRC32 of the inflated member
};

class TensorStore {
 public:
  // Tensors inflated and kept at most: one layer's q, k, v and k_pre_rope.
  static constexpr size_t kInflatedCacheEntries = 4;

  struct View {
    std::shared_ptr<const void> keepAlive;  // holds an inflated buffer while the view is used
    std::span<const std::byte> bytes;       // the payload, as stored (little-endian, any alignment)
    // The mapping `bytes` points into (stored tensors), null for inflated buffers. Copies out of
    // a mapping go through copyOut() so a file truncated meanwhile gives an error, not SIGBUS.
    const MappedFile* mapped = nullptr;

    // Runs `copy` (which reads `bytes`) guarded as MappedFile::guardedRead() describes.
    template <class F>
    void copyOut(F&& copy) const {
      if (mapped) {
        mapped->guardedRead(copy);
      } else {
        copy();
      }
    }
    // After a part of `bytes` was copied out: lets the OS drop this process's mapped pages of it
    // (MappedFile::release), so streaming a dump larger than memory does not keep it resident.
    void release(std::span<const std::byte> part) const {
      if (mapped) mapped->release(uint64_t(part.data() - mapped->bytes().data()), part.size());
    }
  };

  explicit TensorStore(std::vector<TensorLocation> locations);
  TensorStore(const TensorStore&) = delete;
  TensorStore& operator=(const TensorStore&) = delete;

  // The payload of tensor `index`. Thread-safe. Throws Error(Corrupt) if inflating fails.
  View payload(size_t index) const;
  const TensorLocation& location(size_t index) const { return m_locations.at(index); }
  size_t size() const { return m_locations.size(); }

 private:
  using Buffer = std::shared_ptr<const std::vector<std::byte>>;
  Buffer inflated(size_t index) const;

  std::vector<TensorLocation> m_locations;
  mutable std::mutex m_mutex;
  // Most recently used first; a future so concurrent readers of one tensor inflate it once.
  mutable std::list<std::pair<size_t, std::shared_future<Buffer>>> m_cache;
};

}  // namespace vq::io
