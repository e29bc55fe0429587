// Every export format against golden files (text, then the approximation notes), for a
// bit-width allocation and a llama.cpp-format allocation. Regenerate after an intended change
// with VQ_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/common/error.h"
#include "core/io/allocation_export.h"
#include "tests/core/io/allocation_fixture.h"

namespace vq::io {
namespace {

const std::filesystem::path kGolden = std::filesystem::path(VQ_TEST_DATA_DIR) / "golden" / "alloc_export";

std::string render(const ExportResult& r) {
  std::string s = r.text + "---- approximations ----\n";
  for (const auto& a : r.approximations) s += "- " + a + "\n";
  return s;
}

void expectGolden(const std::string& name, const std::string& text) {
  const auto path = kGolden / name;
  if (std::getenv("VQ_UPDATE_GOLDEN")) {
    std::filesystem::create_directories(kGolden);
    std::ofstream(path, std::ios::binary) << text;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (run with VQ_UPDATE_GOLDEN=1)";
  const std::string want((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text, want) << name;
}

TEST(AllocationExport, BitWidthAllocationMatchesGoldenFiles) {
  const AllocationFile f = test::bitsAllocation();
  for (ExportFormat format : allExportFormats()) {
    SCOPED_TRACE(std::string(exportFormatName(format)));
    expectGolden("bits_" + std::string(exportFormatName(format)) + ".txt", render(exportAllocation(f, format)));
  }
}

TEST(AllocationExport, FormatAllocationMatchesGoldenFiles) {
  const AllocationFile f = test::formatsAllocation();
  for (ExportFormat format : {ExportFormat::Vllm, ExportFormat::LlamaCpp, ExportFormat::Hf, ExportFormat::Mlx}) {
    SCOPED_TRACE(std::string(exportFormatName(format)));
    expectGolden("formats_" + std::string(exportFormatName(format)) + ".txt", render(exportAllocation(f, format)));
  }
  for (ExportFormat format : {ExportFormat::VeloxQuantList, ExportFormat::VeloxQuantDict, ExportFormat::KvTuner}) {
    try {
      exportAllocation(f, format);
      FAIL() << exportFormatName(format);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::Unsupported);
    }
  }
}

TEST(AllocationExport, LayersOutsideTheAllocationGetTheHighestEntry) {
  AllocationFile f = test::bitsAllocation();
  std::erase_if(f.groups, [](const AllocatedGroup& g) { return g.group.key.layer == 2; });
  const ExportResult r = exportAllocation(f, ExportFormat::VeloxQuantList);
  EXPECT_EQ(r.text, "[4, 2, 4, 2]\n");
  ASSERT_FALSE(r.approximations.empty());
  EXPECT_NE(r.approximations.back().find("layers 2 are not in the allocation"), std::string::npos);
}

TEST(AllocationExport, FormatNames) {
  for (ExportFormat f : allExportFormats()) EXPECT_EQ(parseExportFormat(exportFormatName(f)), f);
  EXPECT_FALSE(parseExportFormat("onnx"));
}

}  // namespace
}  // namespace vq::io
