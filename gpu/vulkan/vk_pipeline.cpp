#include "gpu/vulkan/vk_pipeline.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "gpu/vulkan/spirv_table.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_error.h"

namespace vq::gpu {

namespace {

// The cache data's own header (VkPipelineCacheHeaderVersionOne): data of another driver or
// device is dropped before the driver sees it (some drivers do not check it themselves).
bool cacheMatches(const std::vector<char>& data, const VkPhysicalDeviceProperties& p) {
  VkPipelineCacheHeaderVersionOne h{};
  if (data.size() < sizeof(h)) return false;
  std::memcpy(&h, data.data(), sizeof(h));
  return h.headerSize >= sizeof(h) && h.headerSize <= data.size() &&
         h.headerVersion == VK_PIPELINE_CACHE_HEADER_VERSION_ONE && h.vendorID == p.vendorID &&
         h.deviceID == p.deviceID && std::memcmp(h.pipelineCacheUUID, p.pipelineCacheUUID, VK_UUID_SIZE) == 0;
}

std::vector<char> readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

std::filesystem::path pipelineCacheFile(const std::string& dir, const Context& context) {
  if (dir == "none") return {};
  std::filesystem::path folder;
  if (!dir.empty()) {
    folder = dir;
  } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    folder = std::filesystem::path(xdg) / "veloxquant";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    folder = std::filesystem::path(home) / ".cache" / "veloxquant";
  } else {
    return {};
  }
  const auto& p = context.properties();
  char name[96];
  int n = std::snprintf(name, sizeof(name), "pipelines-%04x-%04x-", p.vendorID, p.deviceID);
  for (int i = 0; i < int(VK_UUID_SIZE) && n + 2 < int(sizeof(name)); ++i)
    n += std::snprintf(name + n, sizeof(name) - size_t(n), "%02x", p.pipelineCacheUUID[i]);
  return folder / (std::string(name) + ".bin");
}

PipelineLibrary::PipelineLibrary(Context& context, std::filesystem::path cacheFile)
    : m_context(context), m_file(std::move(cacheFile)) {
  const auto& vk = m_context.vk();
  std::vector<char> data;
  if (!m_file.empty()) {
    data = readAll(m_file);
    if (!cacheMatches(data, m_context.properties())) data.clear();
  }
  VkPipelineCacheCreateInfo ci{VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO};
  ci.initialDataSize = data.size();
  ci.pInitialData = data.empty() ? nullptr : data.data();
  if (vk.vkCreatePipelineCache(m_context.device(), &ci, nullptr, &m_cache) == VK_SUCCESS) {
    m_loadedBytes = data.size();
    return;
  }
  ci.initialDataSize = 0;  // the driver refused the data: start empty
  ci.pInitialData = nullptr;
  if (vk.vkCreatePipelineCache(m_context.device(), &ci, nullptr, &m_cache) != VK_SUCCESS) m_cache = VK_NULL_HANDLE;
}

PipelineLibrary::~PipelineLibrary() {
  save();
  const auto& vk = m_context.vk();
  for (auto& [spec, p] : m_pipelines) {
    vk.vkDestroyPipeline(m_context.device(), p.pipeline, nullptr);
    vk.vkDestroyPipelineLayout(m_context.device(), p.layout, nullptr);
    vk.vkDestroyDescriptorSetLayout(m_context.device(), p.setLayout, nullptr);
  }
  if (m_cache) vk.vkDestroyPipelineCache(m_context.device(), m_cache, nullptr);
}

size_t PipelineLibrary::created() const {
  std::lock_guard lock(m_mutex);
  return m_pipelines.size();
}

const Pipeline& PipelineLibrary::get(const PipelineSpec& spec) {
  std::lock_guard lock(m_mutex);
  if (auto it = m_pipelines.find(spec); it != m_pipelines.end()) return it->second;
  const std::span<const uint32_t> words = findSpirv(spec.shader);
  if (words.empty()) throw Error(ErrorCode::Internal, "no embedded shader named '" + spec.shader + "'");
  if (spec.pushBytes % 4 != 0 || spec.pushBytes > m_context.limits().maxPushConstantsSize)
    throw Error(ErrorCode::Internal, spec.shader + ": push constants of " + std::to_string(spec.pushBytes) + " bytes");
  const auto& vk = m_context.vk();
  const VkDevice dev = m_context.device();
  Pipeline p;
  p.bindings = spec.bindings;
  p.pushBytes = spec.pushBytes;
  VkShaderModule module = VK_NULL_HANDLE;
  try {
    std::vector<VkDescriptorSetLayoutBinding> b(spec.bindings);
    for (uint32_t i = 0; i < spec.bindings; ++i)
      b[i] = {i, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, nullptr};
    VkDescriptorSetLayoutCreateInfo sl{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    sl.bindingCount = spec.bindings;
    sl.pBindings = b.data();
    vkCheck(vk.vkCreateDescriptorSetLayout(dev, &sl, nullptr, &p.setLayout), "vkCreateDescriptorSetLayout");
    VkPushConstantRange range{VK_SHADER_STAGE_COMPUTE_BIT, 0, spec.pushBytes};
    VkPipelineLayoutCreateInfo pl{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
    pl.setLayoutCount = 1;
    pl.pSetLayouts = &p.setLayout;
    pl.pushConstantRangeCount = spec.pushBytes > 0 ? 1 : 0;
    pl.pPushConstantRanges = &range;
    vkCheck(vk.vkCreatePipelineLayout(dev, &pl, nullptr, &p.layout), "vkCreatePipelineLayout");
    VkShaderModuleCreateInfo mi{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
    mi.codeSize = words.size_bytes();
    mi.pCode = words.data();
    vkCheck(vk.vkCreateShaderModule(dev, &mi, nullptr, &module), "vkCreateShaderModule (" + spec.shader + ")");
    std::vector<VkSpecializationMapEntry> entries(spec.constants.size());
    for (uint32_t i = 0; i < entries.size(); ++i) entries[i] = {i, 4 * i, 4};
    VkSpecializationInfo si{uint32_t(entries.size()), entries.data(), spec.constants.size() * 4,
                            spec.constants.data()};
    VkComputePipelineCreateInfo ci{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
    ci.stage = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
    ci.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    ci.stage.module = module;
    ci.stage.pName = "main";
    ci.stage.pSpecializationInfo = entries.empty() ? nullptr : &si;
    ci.layout = p.layout;
    vkCheck(vk.vkCreateComputePipelines(dev, m_cache, 1, &ci, nullptr, &p.pipeline),
            "vkCreateComputePipelines (" + spec.shader + ")");
  } catch (...) {
    if (module) vk.vkDestroyShaderModule(dev, module, nullptr);
    if (p.layout) vk.vkDestroyPipelineLayout(dev, p.layout, nullptr);
    if (p.setLayout) vk.vkDestroyDescriptorSetLayout(dev, p.setLayout, nullptr);
    throw;
  }
  vk.vkDestroyShaderModule(dev, module, nullptr);
  m_dirty = true;
  return m_pipelines.emplace(spec, p).first->second;
}

bool PipelineLibrary::save() {
  std::lock_guard lock(m_mutex);
  if (!m_dirty || m_file.empty() || !m_cache) return true;
  const auto& vk = m_context.vk();
  size_t size = 0;
  if (vk.vkGetPipelineCacheData(m_context.device(), m_cache, &size, nullptr) != VK_SUCCESS || size == 0) return false;
  std::string data(size, '\0');
  if (vk.vkGetPipelineCacheData(m_context.device(), m_cache, &size, data.data()) != VK_SUCCESS) return false;
  data.resize(size);
  try {
    std::error_code ec;
    std::filesystem::create_directories(m_file.parent_path(), ec);
    writeFileAtomic(m_file, data);
  } catch (const std::exception&) {
    return false;  // a read-only or full disk costs the next start some compile time, nothing more
  }
  m_dirty = false;
  return true;
}

}  // namespace vq::gpu
