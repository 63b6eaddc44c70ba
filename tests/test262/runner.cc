// The test262 runner: reads each file's metadata, runs it in every mode its
// flags require (each file in a forked worker, under a step limit and a
// wall-clock timeout), decides pass/fail as INTERPRETING.md says, prints a
// summary by directory, and compares with the expectations file.
//
//   test262 [options] [paths...]        paths relative to the test262 root
//     --test262-dir DIR   (default ../shared/test262, or $TEST262_DIR)
//     --jobs N            parallel workers (default: cores)
//     --timeout-ms N      per file (default 10000)
//     --max-steps N       per run (default 50,000,000)
//     --results FILE      JSONL, one line per file
//     --expectations FILE known failures (default tests/test262/expectations.txt)
//     --update-expectations   rewrite the expectations from this run
//     --write-conformance FILE  write the markdown report
//     --sample N --seed S a deterministic sample of N files
//     -v                  print every failure's reason
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/test262/engine.h"

namespace ratchet::test262 {
namespace {

namespace fs = std::filesystem;

struct Metadata {
  std::vector<std::string> includes;
  std::set<std::string> flags;
  std::string negative_phase;  // parse, resolution, runtime, or empty
  std::string negative_type;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Parses "[a, b]" or the following "- a" lines into items.
std::vector<std::string> ParseList(const std::string& inline_value, std::istringstream& lines) {
  std::vector<std::string> out;
  std::string v = Trim(inline_value);
  if (!v.empty() && v[0] == '[') {
    v = v.substr(1, v.find(']') == std::string::npos ? std::string::npos : v.find(']') - 1);
    std::stringstream ss(v);
    std::string item;
    while (std::getline(ss, item, ',')) {
      item = Trim(item);
      if (!item.empty()) out.push_back(item);
    }
    return out;
  }
  std::streampos pos = lines.tellg();
  std::string line;
  while (std::getline(lines, line)) {
    std::string t = Trim(line);
    if (t.rfind("- ", 0) == 0) {
      out.push_back(Trim(t.substr(2)));
      pos = lines.tellg();
    } else if (t.empty()) {
      pos = lines.tellg();
    } else {
      lines.seekg(pos);
      break;
    }
  }
  return out;
}

Metadata ParseMetadata(const std::string& source) {
  Metadata m;
  size_t b = source.find("/*---");
  size_t e = source.find("---*/", b == std::string::npos ? 0 : b);
  if (b == std::string::npos || e == std::string::npos) return m;
  // Line terminators may be CR, LF or CRLF (some files use CR alone).
  std::string block = source.substr(b + 5, e - b - 5);
  for (char& c : block) {
    if (c == '\r') c = '\n';
  }
  std::istringstream lines(block);
  std::string line;
  bool in_negative = false;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    bool indented = line[0] == ' ' || line[0] == '\t';
    std::string t = Trim(line);
    size_t colon = t.find(':');
    if (colon == std::string::npos) continue;
    std::string key = t.substr(0, colon), value = t.substr(colon + 1);
    if (!indented) in_negative = false;
    if (in_negative && indented) {
      if (key == "phase") m.negative_phase = Trim(value);
      if (key == "type") m.negative_type = Trim(value);
      continue;
    }
    if (indented) continue;
    if (key == "includes") {
      m.includes = ParseList(value, lines);
    } else if (key == "flags") {
      for (auto& f : ParseList(value, lines)) m.flags.insert(f);
    } else if (key == "negative") {
      in_negative = true;
    }
  }
  return m;
}

struct TestResult {
  bool pass = false;
  std::string reason;
  int64_t duration_ms = 0;
};

class HarnessCache {
 public:
  explicit HarnessCache(fs::path dir) : dir_(std::move(dir)) {}
  const std::string& Get(const std::string& name) {
    auto it = cache_.find(name);
    if (it != cache_.end()) return it->second;
    return cache_[name] = ReadFile(dir_ / name);
  }

 private:
  fs::path dir_;
  std::map<std::string, std::string> cache_;
};

std::string OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kCompleted: return "completed";
    case Outcome::kParseError: return "parse error";
    case Outcome::kResolutionError: return "resolution error";
    case Outcome::kThrew: return "threw";
    case Outcome::kLimit: return "limit";
  }
  return "?";
}

struct Options {
  fs::path root;
  int jobs = 2;
  int timeout_ms = 10000;
  uint64_t max_steps = 50'000'000;
  std::string results_file;
  std::string expectations_file = "tests/test262/expectations.txt";
  bool update_expectations = false;
  std::string conformance_file;
  size_t sample = 0;
  uint64_t seed = 262;
  bool verbose = false;
  std::vector<std::string> paths;
  std::string command_line;
};

// Runs one file in all its modes (in the calling process).
TestResult RunFile(const Options& opt, HarnessCache& harness, const std::string& rel, bool explain) {
  std::string source = ReadFile(opt.root / rel);
  Metadata m = ParseMetadata(source);
  bool raw = m.flags.count("raw");
  bool module = m.flags.count("module");
  bool async = m.flags.count("async");
  std::vector<bool> modes;  // strict?
  if (raw || module || m.flags.count("noStrict")) {
    modes.push_back(false);
  } else if (m.flags.count("onlyStrict")) {
    modes.push_back(true);
  } else {
    modes = {false, true};
  }
  std::string prelude;
  if (!raw) {
    prelude += harness.Get("assert.js");
    prelude += "\n";
    prelude += harness.Get("sta.js");
    prelude += "\n";
    if (async) prelude += harness.Get("doneprintHandle.js") + "\n";
    for (const auto& inc : m.includes) prelude += harness.Get(inc) + "\n";
  }
  TestResult result;
  result.pass = true;
  for (bool strict : modes) {
    RunRequest req;
    req.file_name = rel;
    req.root = opt.root.string();
    req.strict = strict;
    req.module = module;
    req.async = async;
    req.can_block = !m.flags.count("CanBlockIsFalse");
    req.max_steps = opt.max_steps;
    req.memory_limit = 512ull << 20;
    if (module) {
      req.source = source;
      req.harness_prelude = prelude;
    } else {
      req.source = (strict ? "\"use strict\";\n" : "") + prelude + source;
    }
    RunResult r = RunTest(req);
    bool ok;
    std::string why;
    if (!m.negative_phase.empty()) {
      bool phase_ok = (m.negative_phase == "parse" && r.outcome == Outcome::kParseError) ||
                      (m.negative_phase == "resolution" && r.outcome == Outcome::kResolutionError) ||
                      (m.negative_phase == "runtime" && r.outcome == Outcome::kThrew);
      ok = phase_ok && r.error_name == m.negative_type;
      if (!ok) {
        why = "expected " + m.negative_phase + " " + m.negative_type + ", got " + OutcomeName(r.outcome) +
              (r.error_name.empty() ? "" : " " + r.error_name) + (r.message.empty() ? "" : ": " + r.message);
      }
    } else if (async) {
      ok = r.outcome == Outcome::kCompleted && r.printed.find("Test262:AsyncTestComplete") != std::string::npos &&
           r.printed.find("Test262:AsyncTestFailure") == std::string::npos;
      if (!ok) {
        why = r.outcome == Outcome::kCompleted ? "async test did not complete: " + r.printed.substr(0, 200)
                                               : OutcomeName(r.outcome) + " " + r.error_name + ": " + r.message;
      }
    } else {
      ok = r.outcome == Outcome::kCompleted;
      if (!ok) why = OutcomeName(r.outcome) + " " + r.error_name + ": " + r.message;
    }
    if (explain) {
      std::printf("[%s] %s: %s%s%s\n", strict ? "strict" : "sloppy", ok ? "PASS" : "FAIL",
                  OutcomeName(r.outcome).c_str(), r.error_name.empty() ? "" : (" " + r.error_name).c_str(),
                  r.message.empty() ? "" : (": " + r.message).c_str());
      if (!r.printed.empty()) std::printf("  printed: %s\n", r.printed.c_str());
    }
    if (!ok) {
      result.pass = false;
      result.reason = std::string(strict ? "[strict] " : "[sloppy] ") + why;
      break;
    }
  }
  return result;
}

std::vector<std::string> Discover(const Options& opt) {
  std::vector<std::string> files;
  for (const auto& p : opt.paths) {
    fs::path full = opt.root / p;
    if (fs::is_regular_file(full)) {
      files.push_back(p);
      continue;
    }
    if (!fs::is_directory(full)) {
      std::fprintf(stderr, "test262: no such test path %s\n", full.c_str());
      continue;
    }
    for (const auto& e : fs::recursive_directory_iterator(full)) {
      if (!e.is_regular_file() || e.path().extension() != ".js") continue;
      std::string name = e.path().filename().string();
      if (name.find("_FIXTURE") != std::string::npos) continue;
      files.push_back(fs::relative(e.path(), opt.root).string());
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

// Runs every file in forked workers; a crash or timeout fails only that file.
std::vector<TestResult> RunAll(const Options& opt, const std::vector<std::string>& files) {
  std::vector<TestResult> results(files.size());
  struct Worker {
    pid_t pid;
    int fd;
    size_t index;
    std::chrono::steady_clock::time_point start;
    std::string output;
  };
  std::vector<Worker> running;
  size_t next = 0, done = 0;
  HarnessCache harness(opt.root / "harness");
  // Warm the harness cache before forking so children inherit it.
  harness.Get("assert.js");
  harness.Get("sta.js");
  harness.Get("doneprintHandle.js");
  WarmUp();
  auto start_all = std::chrono::steady_clock::now();
  while (done < files.size()) {
    while (running.size() < static_cast<size_t>(opt.jobs) && next < files.size()) {
      int fds[2];
      if (pipe(fds) != 0) {
        std::perror("pipe");
        std::exit(2);
      }
      std::fflush(stdout);
      std::fflush(stderr);
      pid_t pid = fork();
      if (pid == 0) {
        close(fds[0]);
        TestResult r = RunFile(opt, harness, files[next], false);
        std::string msg = (r.pass ? "P" : "F") + r.reason;
        size_t off = 0;
        while (off < msg.size()) {
          ssize_t n = write(fds[1], msg.data() + off, msg.size() - off);
          if (n <= 0) break;
          off += static_cast<size_t>(n);
        }
        _exit(0);
      }
      close(fds[1]);
      running.push_back({pid, fds[0], next, std::chrono::steady_clock::now(), ""});
      ++next;
    }
    std::vector<pollfd> pfds;
    for (auto& w : running) pfds.push_back({w.fd, POLLIN, 0});
    poll(pfds.data(), pfds.size(), 20);
    for (size_t i = 0; i < running.size();) {
      Worker& w = running[i];
      char buf[4096];
      bool eof = false;
      if (pfds.size() > i && (pfds[i].revents & (POLLIN | POLLHUP))) {
        ssize_t n = read(w.fd, buf, sizeof buf);
        if (n > 0) {
          w.output.append(buf, static_cast<size_t>(n));
        } else {
          eof = true;
        }
      }
      auto elapsed = std::chrono::steady_clock::now() - w.start;
      bool timed_out = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() > opt.timeout_ms;
      if (!eof && !timed_out) {
        ++i;
        continue;
      }
      if (timed_out && !eof) kill(w.pid, SIGKILL);
      int status = 0;
      waitpid(w.pid, &status, 0);
      close(w.fd);
      TestResult& r = results[w.index];
      r.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
      if (timed_out && !eof) {
        r.pass = false;
        r.reason = "timeout";
      } else if (WIFSIGNALED(status)) {
        r.pass = false;
        r.reason = std::string("crash: ") + strsignal(WTERMSIG(status));
      } else if (w.output.empty()) {
        r.pass = false;
        r.reason = "worker produced no result";
      } else {
        r.pass = w.output[0] == 'P';
        r.reason = w.output.substr(1);
      }
      ++done;
      if (done % 2000 == 0) {
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_all).count();
        std::fprintf(stderr, "test262: %zu/%zu files (%.0f s)\n", done, files.size(), secs);
      }
      if (pfds.size() > i) pfds.erase(pfds.begin() + static_cast<long>(i));
      running.erase(running.begin() + static_cast<long>(i));
    }
  }
  return results;
}

std::string TopDir(const std::string& rel, int levels) {
  // test/built-ins/Array/x.js -> built-ins (1) or built-ins/Array (2).
  std::vector<std::string> parts;
  std::stringstream ss(rel);
  std::string part;
  while (std::getline(ss, part, '/')) parts.push_back(part);
  std::string out;
  for (int i = 1; i <= levels && i + 1 < static_cast<int>(parts.size()); ++i) {
    if (!out.empty()) out += "/";
    out += parts[i];
  }
  return out;
}

std::string Percent(int passed, int total) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", total ? 100.0 * passed / total : 0.0);
  return buf;
}

std::string Test262Commit(const fs::path& root) {
  std::string readme = ReadFile(root / "README.md");
  for (size_t i = 0; i + 40 <= readme.size(); ++i) {
    bool hex = true;
    for (size_t k = 0; k < 40 && hex; ++k) hex = isxdigit(static_cast<unsigned char>(readme[i + k]));
    if (hex && (i + 40 == readme.size() || !isxdigit(static_cast<unsigned char>(readme[i + 40])))) {
      return readme.substr(i, 40);
    }
  }
  return "unknown";
}

int Main(int argc, char** argv) {
  Options opt;
  const char* env_dir = std::getenv("TEST262_DIR");
  opt.root = env_dir ? env_dir : "../shared/test262";
  opt.jobs = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 0; i < argc; ++i) opt.command_line += (i ? " " : "") + std::string(argv[i]);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "test262: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--test262-dir") {
      opt.root = value();
    } else if (a == "--jobs") {
      opt.jobs = std::max(1, std::atoi(value().c_str()));
    } else if (a == "--timeout-ms") {
      opt.timeout_ms = std::atoi(value().c_str());
    } else if (a == "--max-steps") {
      opt.max_steps = std::strtoull(value().c_str(), nullptr, 10);
    } else if (a == "--results") {
      opt.results_file = value();
    } else if (a == "--expectations") {
      opt.expectations_file = value();
    } else if (a == "--update-expectations") {
      opt.update_expectations = true;
    } else if (a == "--write-conformance") {
      opt.conformance_file = value();
    } else if (a == "--sample") {
      opt.sample = std::strtoull(value().c_str(), nullptr, 10);
    } else if (a == "--seed") {
      opt.seed = std::strtoull(value().c_str(), nullptr, 10);
    } else if (a == "-v") {
      opt.verbose = true;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "test262: unknown option %s\n", a.c_str());
      return 2;
    } else {
      opt.paths.push_back(a);
    }
  }
  if (!fs::is_directory(opt.root / "test")) {
    std::fprintf(stderr, "test262: no test262 checkout at %s\n", opt.root.c_str());
    return 2;
  }
  if (opt.paths.empty()) {
    opt.paths = {"test/language", "test/built-ins", "test/annexB", "test/intl402", "test/staging"};
  }
  // A single file: explain what happened in each mode.
  if (opt.paths.size() == 1 && fs::is_regular_file(opt.root / opt.paths[0])) {
    HarnessCache harness(opt.root / "harness");
    TestResult r = RunFile(opt, harness, opt.paths[0], true);
    std::printf("%s %s\n", r.pass ? "PASS" : "FAIL", opt.paths[0].c_str());
    std::printf("%d passed, %d failed\n", r.pass ? 1 : 0, r.pass ? 0 : 1);
    return r.pass ? 0 : 1;
  }
  std::vector<std::string> files = Discover(opt);
  if (opt.sample > 0 && opt.sample < files.size()) {
    std::mt19937_64 rng(opt.seed);
    std::shuffle(files.begin(), files.end(), rng);
    files.resize(opt.sample);
    std::sort(files.begin(), files.end());
  }
  auto t0 = std::chrono::steady_clock::now();
  std::vector<TestResult> results = RunAll(opt, files);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  if (!opt.results_file.empty()) {
    std::ofstream out(opt.results_file);
    for (size_t i = 0; i < files.size(); ++i) {
      out << "{\"file\":\"" << JsonEscape(files[i]) << "\",\"status\":\"" << (results[i].pass ? "pass" : "fail")
          << "\",\"reason\":\"" << JsonEscape(results[i].reason) << "\",\"ms\":" << results[i].duration_ms
          << "}\n";
    }
  }
  // Summary by directory.
  std::map<std::string, std::pair<int, int>> by_top, by_second;  // passed, total
  int passed = 0, official_pass = 0, official_total = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string top = TopDir(files[i], 1), second = TopDir(files[i], 2);
    by_top[top].second++;
    by_second[second].second++;
    if (results[i].pass) {
      ++passed;
      by_top[top].first++;
      by_second[second].first++;
    }
    if (top == "language" || top == "built-ins" || top == "annexB") {
      ++official_total;
      if (results[i].pass) ++official_pass;
    }
    if (opt.verbose && !results[i].pass) {
      std::printf("FAIL %s: %s\n", files[i].c_str(), results[i].reason.c_str());
    }
  }
  std::printf("\n%-40s %8s %8s %7s\n", "directory", "passed", "total", "%");
  for (const auto& [dir, pt] : by_top) {
    std::printf("%-40s %8d %8d %6.1f%%\n", dir.c_str(), pt.first, pt.second,
                pt.second ? 100.0 * pt.first / pt.second : 0.0);
  }
  std::printf("\n%-40s %8s %8s %7s\n", "by second-level directory", "passed", "total", "%");
  for (const auto& [dir, pt] : by_second) {
    std::printf("%-40s %8d %8d %6.1f%%\n", dir.c_str(), pt.first, pt.second,
                pt.second ? 100.0 * pt.first / pt.second : 0.0);
  }
  std::printf("\nlanguage + built-ins + annexB: %d / %d files pass (%.1f%%) in %.0f s\n", official_pass,
              official_total, official_total ? 100.0 * official_pass / official_total : 0.0, secs);

  // Expectations.
  std::set<std::string> expected_failures;
  std::vector<std::string> header;
  {
    std::ifstream in(opt.expectations_file);
    std::string line;
    while (std::getline(in, line)) {
      line = Trim(line);
      if (line.empty()) continue;
      if (line[0] == '#') {
        header.push_back(line);
        continue;
      }
      expected_failures.insert(line);
    }
  }
  std::vector<std::string> regressions, unexpected_passes;
  std::set<std::string> ran(files.begin(), files.end());
  for (size_t i = 0; i < files.size(); ++i) {
    bool listed = expected_failures.count(files[i]) > 0;
    if (!results[i].pass && !listed) regressions.push_back(files[i] + ": " + results[i].reason);
    if (results[i].pass && listed) unexpected_passes.push_back(files[i]);
  }
  int status = 0;
  if (opt.update_expectations) {
    std::set<std::string> next;
    for (const auto& f : expected_failures) {
      if (!ran.count(f)) next.insert(f);
    }
    for (size_t i = 0; i < files.size(); ++i) {
      if (!results[i].pass) next.insert(files[i]);
    }
    std::ofstream out(opt.expectations_file);
    out << "# test262 files known to fail (relative to the test262 root). Generated by\n"
           "# tests/test262/run --update-expectations; CI fails when a file not listed\n"
           "# fails, and when a listed file passes.\n";
    for (const auto& f : next) out << f << "\n";
    std::printf("updated %s: %zu known failures\n", opt.expectations_file.c_str(), next.size());
    // Say what was newly accepted as failing: an update must not hide a
    // regression.
    if (!regressions.empty()) {
      std::printf("\nNEW FAILURES ADDED TO %s (%zu; each is a regression unless explained):\n",
                  opt.expectations_file.c_str(), regressions.size());
      for (size_t i = 0; i < regressions.size() && i < 200; ++i) std::printf("  %s\n", regressions[i].c_str());
    }
  } else {
    if (!regressions.empty()) {
      std::printf("\nREGRESSIONS (%zu files fail that are not in %s):\n", regressions.size(),
                  opt.expectations_file.c_str());
      for (size_t i = 0; i < regressions.size() && i < 200; ++i) std::printf("  %s\n", regressions[i].c_str());
      status = 1;
    }
    if (!unexpected_passes.empty()) {
      std::printf("\nUNEXPECTED PASSES (%zu listed files now pass; remove them from %s):\n",
                  unexpected_passes.size(), opt.expectations_file.c_str());
      for (size_t i = 0; i < unexpected_passes.size() && i < 200; ++i) {
        std::printf("  %s\n", unexpected_passes[i].c_str());
      }
      status = 1;
    }
  }
  if (!opt.conformance_file.empty()) {
    std::ofstream out(opt.conformance_file);
    char date[32];
    std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    std::string cpu = "unknown";
    {
      std::ifstream info("/proc/cpuinfo");
      std::string line;
      while (std::getline(info, line)) {
        if (line.rfind("model name", 0) == 0) {
          cpu = Trim(line.substr(line.find(':') + 1));
          break;
        }
      }
    }
    out << "# test262 conformance\n\n"
        << "Generated by the runner on " << date << " from test262 commit `" << Test262Commit(opt.root)
        << "`,\non " << std::thread::hardware_concurrency() << " cores (" << cpu << "), in " << static_cast<int>(secs)
        << " s.\n\nCommand (`tests/test262/run` builds the runner and calls it the same way):\n\n```\n" << opt.command_line << "\n```\n\n"
        << "Conformance is counted in files of `test/language`, `test/built-ins` and `test/annexB`; a file passes\n"
        << "only if it passes in every mode its flags require. Features Ratchet lacks count as failures.\n\n"
        << "**" << official_pass << " / " << official_total << " files pass ("
        << Percent(official_pass, official_total) << "%).**\n\n"
        << "| directory | passed | total | % |\n|---|---:|---:|---:|\n";
    for (const auto& [dir, pt] : by_top) {
      char pct[16];
      std::snprintf(pct, sizeof pct, "%.1f", pt.second ? 100.0 * pt.first / pt.second : 0.0);
      out << "| **" << dir << "** | " << pt.first << " | " << pt.second << " | " << pct << " |\n";
    }
    out << "\n### By second-level directory\n\n| directory | passed | total | % |\n|---|---:|---:|---:|\n";
    for (const auto& [dir, pt] : by_second) {
      char pct[16];
      std::snprintf(pct, sizeof pct, "%.1f", pt.second ? 100.0 * pt.first / pt.second : 0.0);
      out << "| " << dir << " | " << pt.first << " | " << pt.second << " | " << pct << " |\n";
    }
    out << "\n`test/intl402` and `test/staging` are reported above but are not part of the headline number.\n";
  }
  std::printf("%d passed, %d failed\n", passed, static_cast<int>(files.size()) - passed);
  return status;
}

}  // namespace
}  // namespace ratchet::test262

int main(int argc, char** argv) { return ratchet::test262::Main(argc, argv); }
