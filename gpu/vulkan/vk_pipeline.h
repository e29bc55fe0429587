// Compute pipelines, created on first use from the embedded SPIR-V (spirv_table.h) and kept for
// the life of the context, with one VkPipelineCache that is loaded from and saved to disk so a
// second run skips the driver's shader compilation. Cache problems (unreadable, foreign or
// corrupt file, unwritable folder) are never fatal: the cache is then simply not used.
//
// Every pipeline has the same simple interface: `bindings` storage buffers at set 0, bindings
// 0..n-1, an optional push-constant block of `pushBytes` bytes, and uint32 specialization constants
// with ids 0..k-1 (shaders use them for sizes such as the head dimension and the workgroup size).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "gpu/vulkan/vk_functions.h"

namespace vq::gpu {

class Context;

struct Pipeline {
  VkPipeline pipeline = VK_NULL_HANDLE;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  VkDescriptorSetLayout setLayout = VK_NULL_HANDLE;
  uint32_t bindings = 0;
  uint32_t pushBytes = 0;
};

struct PipelineSpec {
  std::string shader;               // name in the SPIR-V table
  uint32_t bindings = 0;            // storage buffers
  uint32_t pushBytes = 0;           // size of the push-constant block (multiple of 4, <= 128)
  std::vector<uint32_t> constants;  // specialization constants 0..k-1
  auto key() const { return std::tie(shader, bindings, pushBytes, constants); }
  bool operator<(const PipelineSpec& o) const { return key() < o.key(); }
};

// Where the cache of this device lives: <dir>/pipelines-<vendor>-<device>-<cache uuid>.bin with
// dir = `dir` if given, else $XDG_CACHE_HOME/veloxquant, else $HOME/.cache/veloxquant. Empty
// when dir is "none" or no folder can be determined.
std::filesystem::path pipelineCacheFile(const std::string& dir, const Context& context);

class PipelineLibrary {
 public:
  PipelineLibrary(Context& context, std::filesystem::path cacheFile);
  ~PipelineLibrary();  // saves the cache when new pipelines were created
  PipelineLibrary(const PipelineLibrary&) = delete;
  PipelineLibrary& operator=(const PipelineLibrary&) = delete;

  // The pipeline of `spec`, compiled now if it is the first request. Thread-safe. Throws
  // Error(Internal) for an unknown shader, VulkanError if the driver refuses it.
  const Pipeline& get(const PipelineSpec& spec);

  // Writes the cache file (atomically) if it changed; returns false on failure (not fatal).
  bool save();
  const std::filesystem::path& cacheFile() const { return m_file; }
  size_t loadedBytes() const { return m_loadedBytes; }  // bytes of cache data accepted at start
  size_t created() const;                                // pipelines created so far

 private:
  Context& m_context;
  std::filesystem::path m_file;
  VkPipelineCache m_cache = VK_NULL_HANDLE;
  size_t m_loadedBytes = 0;
  bool m_dirty = false;
  mutable std::mutex m_mutex;
  std::map<PipelineSpec, Pipeline> m_pipelines;
};

}  // namespace vq::gpu
