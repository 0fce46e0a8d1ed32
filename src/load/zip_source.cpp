// A retrieve zip (the Metadata API's unpackaged.zip, or a zip of a source-format tree), audited in
// place with libzip: nothing is ever written to disk. The whole archive is checked before anything
// in it is audited, and refused as a whole when it is hostile or broken.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "load/discover.h"
#include "load/zip_source.h"

namespace calint::load {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileCloser>;

std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

/// A name no entry of a metadata zip may have: absolute (Unix, Windows drive or UNC) or climbing
/// out with `..`. Backslashes count as separators: a Windows tool would treat them so.
std::optional<std::string> unsafe_name(std::string_view name) {
  if (name.empty()) return "has an empty name";
  if (name.front() == '/' || name.front() == '\\') return "has an absolute path";
  if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0])))
    return "has an absolute path";
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return "has '..' in its path";
    start = end + 1;
  }
  if (name.find('\0') != std::string_view::npos) return "has a NUL character in its name";
  return std::nullopt;
}

/// An entry calint reads: inflated once the whole archive has passed its checks.
struct Entry {
  std::string name;
  zip_uint64_t index = 0;
  std::uint64_t size = 0;
};

/// Checks what the archive as a whole inflates to. An error message, or nothing.
std::optional<std::string> check_total(zip_t* archive, zip_uint64_t count, const ZipLimits& limits) {
  std::uint64_t total = 0;
  for (zip_uint64_t i = 0; i < count; ++i) {
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat_index(archive, i, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_SIZE)) {
      return fmt::format("entry {} cannot be read ({})", i, zip_strerror(archive));
    }
    total += std::min<std::uint64_t>(zs.size, limits.max_total_size + 1);  // no overflow
    if (total > limits.max_total_size) {
      return fmt::format(
          "its entries inflate to more than the limit of {} in total (raise it with "
          "--zip-max-total-size)",
          size_text(limits.max_total_size));
    }
  }
  return std::nullopt;
}

/// Checks one entry: its name, kind, encryption, size and compression ratio.
std::optional<std::string> check_entry(zip_t* archive, zip_uint64_t i, const zip_stat_t& zs, const ZipLimits& limits) {
  std::string name = zs.name;
  if (auto bad = unsafe_name(name)) return fmt::format("entry '{}' {}", name, *bad);
  zip_uint8_t opsys = 0;
  zip_uint32_t attributes = 0;
  if (zip_file_get_external_attributes(archive, i, 0, &opsys, &attributes) == 0 && opsys == ZIP_OPSYS_UNIX &&
      ((attributes >> 16U) & S_IFMT) == S_IFLNK) {
    return fmt::format("entry '{}' is a symbolic link", name);
  }
  if ((zs.valid & ZIP_STAT_ENCRYPTION_METHOD) && zs.encryption_method != ZIP_EM_NONE) {
    return fmt::format("entry '{}' is encrypted", name);
  }
  if (!(zs.valid & ZIP_STAT_SIZE) || !(zs.valid & ZIP_STAT_COMP_SIZE))
    return fmt::format("entry '{}' has no size", name);
  if (zs.size > limits.max_entry_size) {
    return fmt::format("entry '{}' inflates to {}, more than the limit of {} (raise it with --zip-max-entry-size)",
                       name, size_text(zs.size), size_text(limits.max_entry_size));
  }
  // A zip bomb: far more data out than in. Real metadata compresses about 5-40 to 1. (Exact integer
  // arithmetic: size > comp_size * ratio, without overflow.)
  bool over_ratio = zs.size > 0 && (zs.comp_size == 0 || zs.size / zs.comp_size > limits.max_ratio ||
                                    (zs.size / zs.comp_size == limits.max_ratio && zs.size % zs.comp_size != 0));
  if (over_ratio) {
    return fmt::format(
        "entry '{}' has a compression ratio over {}:1 ({} from {} bytes; raise the limit with "
        "--zip-max-ratio)",
        name, limits.max_ratio, size_text(zs.size), zs.comp_size);
  }
  return std::nullopt;
}

/// Inflates one entry into `bytes`, in chunks (a lying header cannot make it allocate more than the
/// entry really holds, plus one chunk). libzip checks the CRC at the end.
std::optional<std::string> inflate(zip_t* archive, const Entry& e, std::string& bytes) {
  ZipFilePtr file(zip_fopen_index(archive, e.index, 0));
  if (!file) return fmt::format("entry '{}' cannot be opened ({})", e.name, zip_strerror(archive));
  constexpr std::size_t kChunk = 1U << 16U;
  bytes.clear();
  bytes.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(e.size, kChunk)));
  std::array<char, kChunk> chunk{};
  while (true) {
    zip_int64_t n = zip_fread(file.get(), chunk.data(), chunk.size());
    if (n < 0) return fmt::format("entry '{}' is corrupt ({})", e.name, zip_file_strerror(file.get()));
    if (n == 0) break;
    bytes.append(chunk.data(), static_cast<std::size_t>(n));
    if (bytes.size() > e.size) {
      return fmt::format("entry '{}' is corrupt (it inflates to more than the {} it declares)", e.name,
                         size_text(e.size));
    }
  }
  if (bytes.size() != e.size) {
    return fmt::format("entry '{}' is corrupt (it inflates to {} bytes, not the {} it declares)", e.name, bytes.size(),
                       e.size);
  }
  return std::nullopt;
}

}  // namespace

ZipSource::ZipSource(std::string path, ZipLimits limits) : path_(std::move(path)), limits_(limits) {}

Listing ZipSource::list() const {
  Listing out;
  contents_.clear();
  project_file_.clear();
  if (auto why = open_and_check(out)) {
    out.files.clear();
    out.skipped = 0;
    contents_.clear();
    out.errors.push_back({path_, *why});
    out.root_unreadable = true;
  }
  return out;
}

std::optional<std::string> ZipSource::open_and_check(Listing& out) const {
  auto refused = [](const std::string& message) {
    return fmt::format("zip refused, nothing in it was audited: {}", message);
  };
  // O_NONBLOCK: a FIFO named like a zip must not hang the audit.
  int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return fmt::format("cannot read: {}", std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::string("cannot read: not a regular file");
  }
  int code = 0;
  ZipPtr archive(zip_fdopen(fd, ZIP_RDONLY | ZIP_CHECKCONS, &code));  // owns fd from here on
  if (!archive) {
    ::close(fd);
    if (code == ZIP_ER_EXISTS) return refused("two of its entries have the same name");
    return refused(fmt::format("not a readable zip archive ({})", zip_error_text(code)));
  }
  zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  if (count < 0) return refused("cannot list its entries");
  if (static_cast<std::uint64_t>(count) > limits_.max_entries) {
    return refused(fmt::format("it has {} entries, more than the limit of {} (raise it with --zip-max-entries)", count,
                               limits_.max_entries));
  }
  auto n = static_cast<zip_uint64_t>(count);
  if (auto why = check_total(archive.get(), n, limits_)) return refused(*why);
  std::vector<Entry> entries;
  std::set<std::string, std::less<>> names;
  int project_rank = 0;
  for (zip_uint64_t i = 0; i < n; ++i) {
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat_index(archive.get(), i, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_NAME)) {
      return refused(fmt::format("entry {} cannot be read ({})", i, zip_strerror(archive.get())));
    }
    if (auto why = check_entry(archive.get(), i, zs, limits_)) return refused(*why);
    std::string name = zs.name;
    if (!names.insert(name).second) return refused(fmt::format("two of its entries are named '{}'", name));
    if (name.back() == '/' || in_skipped_directory(name)) continue;  // a folder, or under .git and the like
    note_project_file(name, project_rank);
    std::string base;
    const MetaTypeInfo* type = classify_file_name(name.substr(name.rfind('/') + 1), &base);
    if (!type) {
      ++out.skipped;
      continue;
    }
    out.files.push_back(make_export_file(*type, std::move(base), fmt::format("{}!/{}", path_, name), name));
    entries.push_back({name, i, zs.size});
  }
  // Every entry calint reads is inflated now, so a corrupt one refuses the whole zip before any of
  // it is audited.
  for (const Entry& e : entries) {
    if (auto why = inflate(archive.get(), e, contents_[e.name])) return refused(*why);
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const ExportFile& a, const ExportFile& b) { return a.rel_path < b.rel_path; });
  return std::nullopt;
}

void ZipSource::note_project_file(const std::string& name, int& best_rank) const {
  // sfdx-project.json before package.xml, the top before one folder down (as find_project_file).
  auto slash = name.find('/');
  bool top = slash == std::string::npos;
  if (!top && name.find('/', slash + 1) != std::string::npos) return;
  std::string leaf = top ? name : name.substr(slash + 1);
  int rank = leaf == "sfdx-project.json" ? (top ? 4 : 2) : leaf == "package.xml" ? (top ? 3 : 1) : 0;
  if (rank > best_rank || (rank == best_rank && rank > 0 && fmt::format("{}!/{}", path_, name) < project_file_)) {
    best_rank = rank;
    project_file_ = fmt::format("{}!/{}", path_, name);
  }
}

bool ZipSource::read(const ExportFile& file, std::string& bytes, std::string& error) const {
  // Only reads: list() filled the map before the loader's threads start.
  auto it = contents_.find(file.rel_path);
  if (it == contents_.end()) {
    error = "cannot read: no such entry in the zip";
    return false;
  }
  bytes = it->second;
  return true;
}

}  // namespace calint::load
