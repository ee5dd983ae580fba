// tests/runtime/output_file_test.cpp: the output-path rules: a regular file replaced only when complete,
// FIFOs and devices written through, links and directories refused, errors that name the path
// and the reason, and temporary files that never stay behind.
#include "goro/output_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

namespace {

namespace fs = std::filesystem;

std::string dir() {
  static std::string d = [] {
    std::string p = ::testing::TempDir() + "goroscope_output_" + std::to_string(::getpid()) + "/";
    fs::create_directories(p);
    return p;
  }();
  return d;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const goro::OutputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(OutputFile, ANewFileAppearsOnlyAtCommit) {
  std::string p = dir() + "new.txt";
  fs::remove(p);
  {
    goro::OutputFile f(p);
    EXPECT_EQ(f.kind(), goro::OutputKind::Replace);
    EXPECT_EQ(f.temp_path(), p + ".tmp");
    f.write({"hello ", "world"});
    EXPECT_FALSE(fs::exists(p));
    f.commit();
  }
  EXPECT_EQ(read(p), "hello world");
  EXPECT_FALSE(fs::exists(p + ".tmp"));
}

TEST(OutputFile, ARegularFileIsReplacedWholeOrNotAtAll) {
  std::string p = dir() + "old.txt";
  put(p, "old");
  ::chmod(p.c_str(), 0640);
  {
    goro::OutputFile f(p);
    f.write("half");
  }  // abandoned: the old file stays, the temporary goes
  EXPECT_EQ(read(p), "old");
  EXPECT_FALSE(fs::exists(p + ".tmp"));
  {
    goro::OutputFile f(p);
    f.write("new");
    EXPECT_EQ(read(p), "old");  // not yet
    f.commit();
  }
  EXPECT_EQ(read(p), "new");
  struct stat st {};
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);  // the replacement keeps the mode
}

TEST(OutputFile, ALeftoverTemporaryIsNeitherReusedNorFollowed) {
  std::string p = dir() + "leftover.txt", victim = dir() + "victim.txt";
  put(victim, "precious");
  fs::remove(p + ".tmp");
  fs::create_symlink(victim, p + ".tmp");  // planted, or left by a killed run
  {
    goro::OutputFile f(p);
    EXPECT_NE(f.temp_path(), p + ".tmp");
    f.write("data");
    f.commit();
  }
  EXPECT_EQ(read(p), "data");
  EXPECT_EQ(read(victim), "precious");
  fs::remove(p + ".tmp");
}

TEST(OutputFile, AFifoIsWrittenThroughAndStaysAFifo) {
  std::string p = dir() + "pipe";
  fs::remove(p);
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = read(p); });
  {
    EXPECT_EQ(goro::output_kind(p), goro::OutputKind::Through);
    goro::OutputFile f(p);
    f.write("through the pipe");
    f.commit();
  }
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(p));
  EXPECT_FALSE(fs::exists(p + ".tmp"));
}

TEST(OutputFile, DevicesAreWrittenThroughNeverReplaced) {
  {
    goro::OutputFile f("/dev/null");
    EXPECT_EQ(f.kind(), goro::OutputKind::Through);
    f.write("gone");
    f.commit();
  }
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  std::string err = error_of([] {
    goro::OutputFile f("/dev/full");
    f.write("x");
  });
  EXPECT_EQ(err, "cannot write /dev/full: No space left on device");
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

TEST(OutputFile, DescriptorNamesWriteToTheOpenDescriptor) {
  EXPECT_EQ(goro::output_kind("/dev/stdout"), goro::OutputKind::Through);
  EXPECT_EQ(goro::output_kind("/dev/stderr"), goro::OutputKind::Through);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  {
    goro::OutputFile f("/dev/fd/" + std::to_string(fds[1]));
    f.write("to the pipe");
    f.commit();
  }
  ::close(fds[1]);
  char b[64] = {};
  EXPECT_EQ(::read(fds[0], b, sizeof b), 11);
  EXPECT_STREQ(b, "to the pipe");
  ::close(fds[0]);
  EXPECT_NE(error_of([] { goro::OutputFile f("/proc/self/fd/999"); }).find("Bad file descriptor"),
            std::string::npos);
}

TEST(OutputFile, LinksDirectoriesAndEmptyNamesAreRefused) {
  std::string target = dir() + "target.txt", link = dir() + "link.txt";
  put(target, "kept");
  fs::remove(link);
  fs::create_symlink(target, link);
  std::string err = error_of([&] { goro::OutputFile f(link); });
  EXPECT_NE(err.find(link), std::string::npos);
  EXPECT_NE(err.find("symbolic link (to " + target + ")"), std::string::npos);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read(target), "kept");
  EXPECT_EQ(error_of([&] { goro::OutputFile f(dir()); }), "cannot write " + dir() + ": it is a directory");
  EXPECT_NE(error_of([] { goro::OutputFile f(""); }).find("empty"), std::string::npos);
  EXPECT_EQ(error_of([] { goro::OutputFile f("/no/such/folder/x.json"); }),
            "cannot write /no/such/folder/x.json: No such file or directory");
}

TEST(OutputFile, RemoveTemporariesTakesOnlyUncommittedOnes) {
  std::string a = dir() + "a.txt", b = dir() + "b.txt";
  fs::remove(a), fs::remove(b);
  goro::OutputFile fa(a), fb(b);
  fb.write("b");
  fb.commit();
  ASSERT_TRUE(fs::exists(fa.temp_path()));
  goro::OutputFile::remove_temporaries();  // what a signal handler does
  EXPECT_FALSE(fs::exists(fa.temp_path()));
  EXPECT_EQ(read(b), "b");
}

TEST(OutputStream, WritesThroughItsBufferAndReportsFailureAtCommit) {
  std::string p = dir() + "stream.txt";
  {
    goro::OutputStream out(p);
    for (int i = 0; i < 100000; i++) out << i << '\n';  // several buffers' worth
    out.commit();
  }
  EXPECT_EQ(read(p).substr(0, 8), "0\n1\n2\n3\n");
  goro::OutputStream full("/dev/full");
  for (int i = 0; i < 100000; i++) full << i << '\n';
  EXPECT_EQ(error_of([&] { full.commit(); }), "cannot write /dev/full: No space left on device");
}
