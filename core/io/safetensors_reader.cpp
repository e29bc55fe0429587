// readSafetensors: a .safetensors file, see container_readers.h.
#include "core/common/error.h"
#include "core/io/container_readers.h"
#include "core/io/dump_metadata.h"
#include "core/io/safetensors_format.h"

namespace vq::io {

ContainerContents readSafetensors(const std::filesystem::path& path) {
  ContainerContents c;
  c.container = "safetensors";
  try {
    const auto file = MappedFile::open(path);
    c.fileBytes = file->size();
    const SafetensorsHeader h = parseSafetensorsHeader(file->bytes());
    c.tensors.reserve(h.entries.size());
    for (const SafetensorsEntry& e : h.entries) {
      RawTensor t;
      t.name = e.name;
      t.dtypeText = e.dtypeText;
      t.dtype = e.dtype;
      t.shape = e.shape;
      t.bytes = e.end - e.begin;
      t.where.file = file;
      t.where.offset = e.begin;
      t.where.size = t.bytes;
      t.file = path.string();
      t.fileOffset = e.begin;
      c.tensors.push_back(std::move(t));
    }
    c.metadata = mergeMetadata(decodeSafetensorsMetadata(h.metadata), readSidecar(sidecarPathFor(path), path));
  } catch (const Error& e) {
    throw e.withFile(path.string());
  }
  return c;
}

}  // namespace vq::io
