// The Vulkan plumbing: context, buffers (limits, upload/download), pipelines and their on-disk
// cache, command batches.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>
#include <numeric>
#include <vector>

#include "core/common/error.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan/vk_error.h"
#include "gpu/vulkan/vk_pipeline.h"
#include "gpu_test_device.h"

namespace vq::gpu {
namespace {

TEST(VulkanContext, OpensTheTestDevice) {
  VQ_REQUIRE_VULKAN();
  auto c = test::testContext();
  EXPECT_EQ(c->info().index, test::testDevice().index);
  EXPECT_GE(c->info().apiVersion, uint32_t(VK_API_VERSION_1_2));
  EXPECT_GT(Buffer::maxBytes(*c), size_t(1) << 20);
  EXPECT_FALSE(c->lost());
}

TEST(VulkanContext, BadDeviceIndexIsAClearError) {
  VQ_REQUIRE_VULKAN();
  ContextOptions o;
  o.device = 1000;
  o.pipelineCacheDir = "none";
  try {
    Context::create(o);
    FAIL() << "device 1000 opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(e.detail().find("does not exist"), std::string::npos) << e.detail();
  }
}

TEST(VulkanError, NamesTheResult) {
  const VulkanError e(VK_ERROR_DEVICE_LOST, "vkQueueSubmit");
  EXPECT_TRUE(e.deviceLost());
  EXPECT_EQ(e.code(), ErrorCode::Io);
  EXPECT_NE(e.detail().find("VK_ERROR_DEVICE_LOST"), std::string::npos);
  EXPECT_EQ(VulkanError(VK_ERROR_OUT_OF_DEVICE_MEMORY, "x").code(), ErrorCode::Unsupported);
  EXPECT_EQ(vkResultName(VkResult(-12345)), "VkResult -12345");
}

TEST(VulkanBuffer, OversizedRequestFailsBeforeAllocating) {
  VQ_REQUIRE_VULKAN();
  auto c = test::testContext();
  try {
    Buffer b(c, Buffer::maxBytes(*c) + 4096, MemoryUse::Device, "test buffer");
    FAIL() << "allocated past the device limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Unsupported);
    EXPECT_NE(e.detail().find("test buffer"), std::string::npos);
  }
}

TEST(VulkanBuffer, UploadDownloadRoundTrip) {
  VQ_REQUIRE_VULKAN();
  auto c = test::testContext();
  std::vector<uint32_t> data(100000);
  std::iota(data.begin(), data.end(), 7u);
  Buffer device(c, data.size() * 4, MemoryUse::Device, "device");
  uploadNow(c, device, std::as_bytes(std::span(data)));
  std::vector<uint32_t> back(data.size());
  downloadNow(c, device, std::as_writable_bytes(std::span(back)));
  EXPECT_EQ(back, data);
  // A copy and a fill in one batch.
  Buffer other(c, data.size() * 4, MemoryUse::Readback, "readback");
  CommandBatch batch(c);
  batch.begin();
  batch.fill(other, 0xABCDABCDu);
  batch.barrier();
  batch.copy(device, other, 400, 0, 800);
  batch.submitAndWait();
  std::vector<uint32_t> got(data.size());
  other.invalidate(0, other.size());
  std::memcpy(got.data(), other.mapped(), got.size() * 4);
  EXPECT_EQ(got[0], 0xABCDABCDu);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(got[size_t(200 + i)], data[size_t(i)]);
  EXPECT_EQ(got[300], 0xABCDABCDu);
}

// Buffers share blocks of the memory pool: many small buffers, each with its own contents, freed
// in a scattered order and allocated again, all in one batch of uploads (CommandBatch::upload) and
// copies; every buffer must read back exactly what was written to it.
TEST(VulkanBuffer, PooledBuffersKeepTheirOwnContents) {
  VQ_REQUIRE_VULKAN();
  auto c = test::testContext();
  const Buffer::CreationStats before = Buffer::creationStats();
  std::vector<std::unique_ptr<Buffer>> buffers;
  auto make = [&](size_t i) {
    const size_t words = 1000 + 37 * i;  // sizes that leave alignment gaps
    buffers[i] = std::make_unique<Buffer>(c, words * 4, i % 3 ? MemoryUse::Device : MemoryUse::Readback, "pooled");
  };
  buffers.resize(40);
  for (size_t i = 0; i < buffers.size(); ++i) make(i);
  for (size_t i = 0; i < buffers.size(); i += 3) buffers[i].reset();  // holes
  for (size_t i = 0; i < buffers.size(); i += 3) make(i);              // refilled
  CommandBatch batch(c);
  batch.begin();
  for (size_t i = 0; i < buffers.size(); ++i) {
    std::vector<uint32_t> data(buffers[i]->size() / 4, uint32_t(i * 1000003u));
    batch.upload(*buffers[i], std::as_bytes(std::span(data)));
  }
  batch.submitAndWait();
  for (size_t i = 0; i < buffers.size(); ++i) {
    std::vector<uint32_t> back(buffers[i]->size() / 4);
    downloadNow(c, *buffers[i], std::as_writable_bytes(std::span(back)));
    EXPECT_TRUE(std::all_of(back.begin(), back.end(), [&](uint32_t x) { return x == uint32_t(i * 1000003u); }))
        << "buffer " << i;
  }
  EXPECT_EQ(Buffer::creationStats().count - before.count, 40 + 14);
  std::set<VkDeviceMemory> memories;  // one block per memory type, not one allocation per buffer
  for (const auto& b : buffers) memories.insert(b->slice().memory);
  EXPECT_LE(memories.size(), 4u);
}

TEST(VulkanPipelines, CacheIsWrittenAndReadBack) {
  VQ_REQUIRE_VULKAN();
  const std::filesystem::path dir = std::filesystem::path(test::testCacheDir()) / "cache-test";
  std::filesystem::remove_all(dir);
  ContextOptions o;
  o.device = test::testDevice().index;
  o.pipelineCacheDir = dir.string();
  std::filesystem::path file;
  {
    auto c = Context::create(o);
    file = c->pipelines().cacheFile();
    EXPECT_EQ(file.parent_path(), dir);
    EXPECT_EQ(c->pipelines().loadedBytes(), 0u);
    c->pipelines().get({"test_exact_float", 2, 4, {}});
    EXPECT_EQ(c->pipelines().created(), 1u);
  }  // destroying the context saves the cache
  ASSERT_TRUE(std::filesystem::exists(file));
  {
    auto c = Context::create(o);
    EXPECT_GT(c->pipelines().loadedBytes(), 0u);
  }
  // A foreign or corrupt file is ignored, never fatal.
  {
    std::FILE* f = std::fopen(file.string().c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("not a pipeline cache", f);
    std::fclose(f);
    auto c = Context::create(o);
    EXPECT_EQ(c->pipelines().loadedBytes(), 0u);
    c->pipelines().get({"test_exact_float", 2, 4, {}});
  }
  // An unwritable folder is not fatal either.
  o.pipelineCacheDir = "/proc/veloxquant-no-such-dir";
  auto c = Context::create(o);
  c->pipelines().get({"test_exact_float", 2, 4, {}});
  EXPECT_FALSE(c->pipelines().save());
  EXPECT_TRUE(Context::create([&] { auto n = o; n.pipelineCacheDir = "none"; return n; }())->pipelines().cacheFile().empty());
}

TEST(VulkanPipelines, UnknownShaderIsAnInternalError) {
  VQ_REQUIRE_VULKAN();
  try {
    test::testContext()->pipelines().get({"no_such_shader", 1, 0, {}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Internal);
  }
}

}  // namespace
}  // namespace vq::gpu
