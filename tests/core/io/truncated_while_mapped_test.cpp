// A dump file shortened by another process while it is open and mapped: every read of the lost
// part must throw Error(Truncated) naming the file, never kill the process with SIGBUS, and the
// process (and reads of what is still there) must go on working.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>

#include "core/common/error.h"
#include "core/common/mapped_file.h"
#include "core/io/dump.h"
#include "core/io/dump_writer.h"
#include "test_files.h"

namespace vq {
namespace {

namespace fs = std::filesystem;

constexpr int kLayers = 4, kKvHeads = 2, kTokens = 512, kDim = 64;

void writeTestDump(const fs::path& path) {
  std::vector<TensorSpec> specs;
  for (int l = 0; l < kLayers; ++l)
    for (const char* role : {"k", "v"})
      specs.push_back({"layer_" + std::to_string(l) + "." + role, DType::F32, {kKvHeads, kTokens, kDim}});
  DumpWriter w(path, specs, {{"model", "truncation-test"}});
  for (size_t s = 0; s < specs.size(); ++s) w.appendF32(test::testValues(size_t(kKvHeads * kTokens * kDim), uint32_t(s + 1)));
  w.commit();
}

// Shortens the file from a separate process, as another program would.
void truncateFromAnotherProcess(const fs::path& path, off_t size) {
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) _exit(::truncate(path.c_str(), size) == 0 ? 0 : 1);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_EQ(fs::file_size(path), uintmax_t(size));
}

template <class F>
void expectTruncatedError(const fs::path& path, F&& read) {
  try {
    read();
    ADD_FAILURE() << "reading past the new end of " << path << " did not throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Truncated) << e.what();
    EXPECT_EQ(e.file(), path.string()) << e.what();
    EXPECT_NE(e.detail().find("shortened while it was open"), std::string::npos) << e.what();
  }
}

class TruncatedWhileMapped : public ::testing::TestWithParam<const char*> {};

TEST_P(TruncatedWhileMapped, ReadsGiveAnErrorNamingTheFileNotSigbus) {
  test::TempDir dir;
  const fs::path path = dir / GetParam();
  writeTestDump(path);
  const Dump dump = Dump::open(path);
  const MatrixRM before = dump.readHead(0, Role::K, 0);  // mapped and read once
  const MatrixRM lastBefore = dump.readHead(kLayers - 1, Role::V, 1);
  ASSERT_EQ(lastBefore.rows(), kTokens);

  truncateFromAnotherProcess(path, 64 * 1024);  // keeps the header and the start of layer 0

  std::vector<float> head(size_t(kTokens * kDim));
  expectTruncatedError(path, [&] { dump.readHead(kLayers - 1, Role::V, 1, head); });
  std::vector<float> all(size_t(kKvHeads * kTokens * kDim));
  expectTruncatedError(path, [&] { dump.readAllHeads(kLayers - 1, Role::K, all); });
  const int lastTensor = dump.tensorIndex(kLayers - 1, Role::V);
  std::vector<std::byte> raw(4096);
  expectTruncatedError(path, [&] {
    dump.readTensorBytes(size_t(lastTensor), dump.tensors()[size_t(lastTensor)].bytes - raw.size(), raw);
  });
  // The same thread can still read what the file still holds, and fails again past the end.
  std::vector<std::byte> first(1024);
  dump.readTensorBytes(size_t(dump.tensorIndex(0, Role::K)), 0, first);
  EXPECT_EQ(std::memcmp(first.data(), before.data(), first.size()), 0);
  expectTruncatedError(path, [&] { dump.readHead(kLayers - 1, Role::V, 1, head); });
}

INSTANTIATE_TEST_SUITE_P(Containers, TruncatedWhileMapped, ::testing::Values("t.safetensors", "t.npz"));

TEST(TruncatedWhileMapped, DeflatedNpzMemberGivesAnErrorToo) {
  test::TempDir dir;
  const fs::path path = dir / "deflated.npz";
  std::vector<test::ZipMember> members;
  for (int l = 0; l < 2; ++l)
    for (const char* role : {"k", "v"}) {
      // Random values compress poorly, so the second layer lies well past the cut below.
      const auto values = test::testValues(size_t(kKvHeads * kTokens * kDim), uint32_t(10 + l));
      members.push_back({"layer_" + std::to_string(l) + "." + role + ".npy",
                         test::npyF32({kKvHeads, kTokens, kDim}, values), true});
    }
  test::writeBytes(path, test::zipBytes(members));
  const Dump dump = Dump::open(path);
  truncateFromAnotherProcess(path, 8 * 1024);
  std::vector<float> head(size_t(kTokens * kDim));
  expectTruncatedError(path, [&] { dump.readHead(1, Role::V, 0, head); });
}

TEST(TruncatedWhileMapped, FaultsOutsideAGuardedReadAreNotSwallowed) {
  // A SIGBUS that is not from a guarded read must still end the process as before (the handler
  // chains to the default action), checked in a child process.
  test::TempDir dir;
  const fs::path path = dir / "plain.bin";
  test::writeBytes(path, std::string(3 * 4096, 'x'));
  const auto file = MappedFile::open(path);
  file->guardedRead([] {});  // installs the handler
  truncateFromAnotherProcess(path, 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    volatile char c = char(file->bytes()[2 * 4096]);  // unguarded read past the end
    (void)c;
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  // Killed by SIGBUS (or, under a sanitizer whose handler came first, reported and exited non-zero).
  EXPECT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  if (WIFSIGNALED(status)) {
    EXPECT_EQ(WTERMSIG(status), SIGBUS);
  }
}

TEST(MappedFile, ReleaseKeepsTheDataReadable) {
  test::TempDir dir;
  const fs::path path = dir / "r.bin";
  std::string text(5 * 4096 + 123, '\0');
  for (size_t i = 0; i < text.size(); ++i) text[i] = char(i * 7);
  test::writeBytes(path, text);
  const auto file = MappedFile::open(path);
  std::string copy(text.size(), '\0');
  std::memcpy(copy.data(), file->bytes().data(), copy.size());
  file->release(100, 4 * 4096);  // an unaligned range: only the whole pages inside are dropped
  file->release(0, file->size());
  std::memcpy(copy.data(), file->bytes().data(), copy.size());
  EXPECT_EQ(copy, text);
}

}  // namespace
}  // namespace vq
