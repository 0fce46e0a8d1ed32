#include "load/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "load/discover.h"
#include "load/zip_source.h"

namespace fs = std::filesystem;

namespace calint {

namespace {

/// A folder or a single file on disk.
class DiskSource : public ExportSource {
 public:
  DiskSource(std::string path, std::uint64_t max_file_size, std::shared_ptr<const FileOverlay> overlay)
      : path_(std::move(path)), max_file_size_(max_file_size), overlay_(std::move(overlay)) {}
  [[nodiscard]] const std::string& root() const override { return path_; }
  [[nodiscard]] Listing list() const override { return load::discover(path_); }
  bool read(const ExportFile& file, std::string& bytes, std::string& error) const override {
    if (overlay_) {
      if (auto it = overlay_->find(file.display_path); it != overlay_->end()) {
        bytes = it->second;
        return true;
      }
    }
    return load::read_whole_file(file.display_path, bytes, error, max_file_size_);
  }
  [[nodiscard]] std::string project_file() const override { return load::find_project_file(path_); }

 private:
  std::string path_;
  std::uint64_t max_file_size_;
  std::shared_ptr<const FileOverlay> overlay_;
};

}  // namespace

std::unique_ptr<ExportSource> open_source(const std::string& path, const SourceOptions& options) {
  if (load::is_zip_path(path)) return std::make_unique<load::ZipSource>(path, options.limits.zip);
  return std::make_unique<DiskSource>(path, options.limits.max_file_size, options.overlay);
}

namespace load {

std::string find_project_file(const std::string& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return {};
  auto regular = [&](const fs::path& p) { return fs::is_regular_file(p, ec); };
  for (const char* name : {"sfdx-project.json", "package.xml"}) {
    if (regular(fs::path(root) / name)) return join_display(root, name);
  }
  // One folder down: a project in a subfolder (salesforce/sfdx-project.json) or a metadata-API
  // retrieve unpacked there (unpackaged/package.xml, src/package.xml).
  std::vector<std::string> below;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) below.push_back(it->path().filename().string());
  }
  std::sort(below.begin(), below.end());
  for (const char* name : {"sfdx-project.json", "package.xml"}) {
    for (const auto& dir : below) {
      if (regular(fs::path(root) / dir / name)) return join_display(root, dir + "/" + name);
    }
  }
  return {};
}

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 30U) && bytes % (std::uint64_t{1} << 30U) == 0)
    return fmt::format("{} GiB", bytes >> 30U);
  if (bytes >= (std::uint64_t{1} << 20U) && bytes % (std::uint64_t{1} << 20U) == 0)
    return fmt::format("{} MiB", bytes >> 20U);
  if (bytes >= (std::uint64_t{1} << 10U) && bytes % (std::uint64_t{1} << 10U) == 0)
    return fmt::format("{} KiB", bytes >> 10U);
  return fmt::format("{} bytes", bytes);
}

std::string file_size_error(std::uint64_t size, std::uint64_t max_bytes) {
  return fmt::format("not audited: the file is {} bytes, more than the limit of {} (raise it with --max-file-size)",
                     size, size_text(max_bytes));
}

bool read_whole_file(const std::string& path, std::string& out, std::string& error, std::uint64_t max_bytes) {
  // O_NONBLOCK: a FIFO named like a metadata file must not hang the audit (it is refused below).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = fmt::format("cannot read: {}", std::strerror(errno));
    return false;
  }
  auto fail = [&](std::string message) {
    error = std::move(message);
    ::close(fd);
    return false;
  };
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(fmt::format("cannot read: {}", std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) return fail("cannot read: not a regular file");
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) return fail(file_size_error(st.st_size, max_bytes));
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(fmt::format("cannot read: {}", std::strerror(errno)));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  ::close(fd);
  return true;
}

}  // namespace load

Listing MemorySource::list() const {
  Listing out;
  auto consider = [&](const std::string& rel) {
    std::string name = rel.substr(rel.rfind('/') + 1);
    std::string base;
    const load::MetaTypeInfo* type = load::classify_file_name(name, &base);
    if (!type) {
      ++out.skipped;
      return;
    }
    out.files.push_back(load::make_export_file(*type, std::move(base), load::join_display(root_, rel), rel));
  };
  for (const auto& [rel, bytes] : files_) consider(rel);
  for (const auto& [rel, error] : failures_) {
    if (!files_.contains(rel)) consider(rel);
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const ExportFile& a, const ExportFile& b) { return a.rel_path < b.rel_path; });
  return out;
}

bool MemorySource::read(const ExportFile& file, std::string& bytes, std::string& error) const {
  if (auto f = failures_.find(file.rel_path); f != failures_.end()) {
    error = f->second;
    return false;
  }
  auto it = files_.find(file.rel_path);
  if (it == files_.end()) {
    error = "cannot read: No such file or directory";
    return false;
  }
  bytes = it->second;
  return true;
}

}  // namespace calint
