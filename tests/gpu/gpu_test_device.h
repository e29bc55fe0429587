// The Vulkan device the GPU tests run on: VQ_DEVICE when set, else the first CPU-type device
// (lavapipe, what CI has), else device 0. Tests skip only when the machine has no Vulkan device
// at all (no loader or no driver).
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "gpu/vulkan/vk_context.h"

namespace vq::gpu::test {

struct TestDevice {
  int index = -1;           // -1: none
  std::string name;
  std::string skipReason;   // why there is none
};

const TestDevice& testDevice();
// One context for the whole test program (created on first use; the pipeline cache goes to the
// build tree, never to the user's ~/.cache).
std::shared_ptr<Context> testContext();
std::string testCacheDir();

}  // namespace vq::gpu::test

#define VQ_REQUIRE_VULKAN()                                                                   \
  do {                                                                                        \
    if (::vq::gpu::test::testDevice().index < 0)                                              \
      GTEST_SKIP() << "no Vulkan device: " << ::vq::gpu::test::testDevice().skipReason;       \
  } while (0)
