#include "load/evidence.h"

#include <algorithm>
#include <map>

#include "core/parallel.h"
#include "load/encoding.h"
#include "load/redact.h"
#include "load/xml_text.h"

namespace calint {

namespace {

constexpr std::size_t kEvidenceBytes = 200;

/// The byte offset of 1-based `column` (in code points) within `line`.
std::size_t column_offset(std::string_view line, int column) {
  std::size_t offset = 0;
  for (int c = 1; c < column && offset < line.size(); ++c) {
    ++offset;
    while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0U) == 0x80U) ++offset;
  }
  return offset;
}

/// Sets the evidence of the findings of one file.
/// `plain_until`: ExportFile::plain_until of this text.
void fill(std::string_view text, const std::vector<Finding*>& findings, std::size_t plain_until) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {  // a byte-order mark is not evidence
    text.remove_prefix(3);
    plain_until = plain_until > 3 ? plain_until - 3 : 0;
  }
  auto secrets = calint::secret_ranges(text, plain_until);
  // Line starts are found once, in step with the findings sorted by line.
  std::vector<Finding*> by_line = findings;
  std::sort(by_line.begin(), by_line.end(), [](const Finding* a, const Finding* b) { return a->line < b->line; });
  std::size_t start = 0;
  int line = 1;
  for (Finding* f : by_line) {
    if (line < f->line && start < text.size()) {
      start = load::skip_lines(text, start, static_cast<std::size_t>(f->line - line));
      line = f->line;
    }
    if (start >= text.size()) continue;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start && text[end - 1] == '\r') --end;
    std::size_t focus = column_offset(text.substr(start, end - start), f->column);
    f->evidence = load::redacted_line(text, start, end, secrets, kEvidenceBytes, focus);
  }
}

}  // namespace

void attach_evidence(const ExportSource& source, const Export& model, std::span<Finding> findings, int jobs) {
  std::map<std::string_view, std::size_t> file_of;  // rel_path -> index into model.files
  for (std::size_t i = 0; i < model.files.size(); ++i) file_of.emplace(model.files[i].rel_path, i);
  std::map<std::size_t, std::vector<Finding*>> per_file;
  for (auto& f : findings) {
    if (f.file.empty() || f.line <= 0) continue;
    auto it = file_of.find(f.rel_path);
    if (it != file_of.end()) per_file[it->second].push_back(&f);
  }
  std::vector<std::pair<std::size_t, std::vector<Finding*>>> work(per_file.begin(), per_file.end());
  parallel_for(work.size(), jobs, [&](std::size_t i) {
    const auto& [index, file_findings] = work[i];
    const ExportFile& file = model.files[index];
    std::string bytes;
    std::string error;
    try {
      if (!source.read(file, bytes, error) || !load::to_utf8(bytes, error)) return;
      // What the loader learnt holds for the bytes it read: a file whose size changed is searched whole.
      fill(bytes, file_findings, file.size == bytes.size() ? file.plain_until : 0);
    } catch (const std::exception&) {  // out of memory, say: this file's findings go without evidence
    }
  });
}

}  // namespace calint
