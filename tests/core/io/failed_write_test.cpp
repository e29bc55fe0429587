// Writes that fail midway must leave the previous file intact and no temporary behind: the
// disk filling up (simulated with RLIMIT_FSIZE in a forked child, where write() then fails with
// EFBIG just as it fails with ENOSPC on a full disk) and a read-only folder. Covered: allocation
// files, runtime exports, CSV tables, calibration tables and dumps.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <functional>

#include "core/calib/calibration_json.h"
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/io/allocation_export.h"
#include "core/io/allocation_file.h"
#include "core/io/csv_table.h"
#include "core/io/dump.h"
#include "core/io/dump_writer.h"
#include "allocation_fixture.h"
#include "test_files.h"

namespace vq {
namespace {

namespace fs = std::filesystem;
const fs::path kSamples = VQ_SAMPLES_DIR;

enum class Outcome { IoError, OtherError, Succeeded, Crashed };

const char* name(Outcome o) {
  switch (o) {
    case Outcome::IoError: return "Error(Io)";
    case Outcome::OtherError: return "another error";
    case Outcome::Succeeded: return "success";
    case Outcome::Crashed: return "a crash";
  }
  return "?";
}

// Runs `write` in a child process whose files cannot grow beyond `limit` bytes.
Outcome writeWithFileSizeLimit(rlim_t limit, const std::function<void()>& write) {
  const pid_t pid = ::fork();
  if (pid < 0) return Outcome::Crashed;
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG instead of killing the process
    const rlimit rl{limit, limit};
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(40);
    try {
      write();
    } catch (const Error& e) {
      _exit(e.code() == ErrorCode::Io ? 10 : 20);
    } catch (...) {
      _exit(20);
    }
    _exit(30);
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return Outcome::Crashed;
  switch (WEXITSTATUS(status)) {
    case 10: return Outcome::IoError;
    case 20: return Outcome::OtherError;
    case 30: return Outcome::Succeeded;
    default: return Outcome::Crashed;
  }
}

std::vector<std::string> namesIn(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

struct Writer {
  std::string what;
  std::string file;  // name of the target
  std::function<void(const fs::path&)> write;
};

std::vector<Writer> writers() {
  const io::AllocationFile alloc = test::bitsAllocation();
  std::vector<Writer> w;
  w.push_back({"allocation file", "a.vqalloc.json", [alloc](const fs::path& p) { io::saveAllocationFile(alloc, p); }});
  w.push_back({"vllm export", "a.vllm.json", [alloc](const fs::path& p) {
                 writeFileAtomic(p, io::exportAllocation(alloc, io::ExportFormat::Vllm).text);
               }});
  w.push_back({"CSV table", "a.csv", [](const fs::path& p) {
                 CsvTable t;
                 t.header = {"group", "bits"};
                 for (int i = 0; i < 400; ++i) t.rows.push_back({"L" + std::to_string(i) + ".K", std::to_string(i % 4)});
                 t.write(p);
               }});
  w.push_back({"calibration table", "t.json", [alloc](const fs::path& p) {
                 calib::saveCalibrationTable(*io::calibrationTableOf(alloc), p);
               }});
  for (const char* ext : {".npz", ".safetensors"}) {
    w.push_back({std::string("dump ") + ext, std::string("d") + ext, [](const fs::path& p) {
                   writeDump(p, Dump::open(kSamples / "s01_story_kite.npz"));
                 }});
  }
  return w;
}

TEST(FailedWrite, DiskFullMidwayKeepsTheOldFile) {
  for (const Writer& w : writers()) {
    SCOPED_TRACE(w.what);
    test::TempDir dir("vq-failed-write");
    const fs::path target = dir / w.file;
    // The full output fits without the limit (the writer works) ...
    w.write(dir / ("full-" + w.file));
    const auto fullSize = fs::file_size(dir / ("full-" + w.file));
    ASSERT_GT(fullSize, 8u);
    fs::remove(dir / ("full-" + w.file));
    if (fs::exists(dir / ("full-" + fs::path(w.file).stem().string() + ".json")))
      fs::remove(dir / ("full-" + fs::path(w.file).stem().string() + ".json"));  // a dump's sidecar
    // ... but the disk "fills up" half-way through it.
    test::writeBytes(target, "previous contents");
    const auto before = namesIn(dir.path());
    const Outcome o = writeWithFileSizeLimit(rlim_t(fullSize / 2), [&] { w.write(target); });
    EXPECT_EQ(o, Outcome::IoError) << "got " << name(o);
    EXPECT_EQ(test::readBytes(target), "previous contents");
    EXPECT_EQ(namesIn(dir.path()), before) << "a temporary or partial file was left behind";
  }
}

TEST(FailedWrite, ReadOnlyFolderKeepsTheOldFile) {
  for (const Writer& w : writers()) {
    SCOPED_TRACE(w.what);
    test::TempDir dir("vq-failed-write-ro");
    const fs::path target = dir / w.file;
    test::writeBytes(target, "previous contents");
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                    fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    // In a child; as root (who may write anywhere) the child first becomes "nobody".
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) _exit(40);
      try {
        w.write(target);
      } catch (const Error& e) {
        _exit(e.code() == ErrorCode::Io && e.file().find(w.file) != std::string::npos ? 10 : 20);
      } catch (...) {
        _exit(20);
      }
      _exit(30);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 10) << "10: Error(Io) naming the file, 20: another error, 30: success";
    fs::permissions(dir.path(), fs::perms::owner_all);
    EXPECT_EQ(test::readBytes(target), "previous contents");
    EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{w.file});
  }
}

TEST(FailedWrite, AtomicFileReportsTheFailedWriteNamingTheTarget) {
  test::TempDir dir("vq-failed-write-msg");
  const fs::path target = dir / "x.bin";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit rl{1000, 1000};
    ::setrlimit(RLIMIT_FSIZE, &rl);
    try {
      AtomicFile f(target);
      f.write(std::string(4000, 'x'));
      f.commit();
    } catch (const Error& e) {
      const bool ok = e.code() == ErrorCode::Io && e.file() == target.string() &&
                      e.detail().find("write failed") != std::string::npos;
      _exit(ok ? 0 : 1);
    }
    _exit(2);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace vq
