#include "load/loader.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "load/custom_eval.h"
#include "load/eca_join.h"
#include "load/encoding.h"
#include "load/metadata_types.h"
#include "load/read_context.h"
#include "load/secrets.h"
#include "load/xml_limits.h"

namespace calint {

namespace {

/// What reading one file gives: its component (in a model of its own), problems and secrets.
struct FileResult {
  Export part;
  std::string read_error;           ///< the file was not audited
  std::vector<std::string> errors;  ///< audited, but not all of it (a custom rule past its cost limit)
  bool streamed = false;            ///< read by the streaming reader
  std::size_t plain_until = 0;      ///< ExportFile::plain_until
  std::size_t size = 0;             ///< bytes of the text read (UTF-8)
};

/// Parses one file, hands its root element to its type's reader, and evaluates the custom rules
/// that target it.
FileResult load_one(const ExportFile& f, int index, std::string& contents, const load::CustomEvaluator* custom,
                    load::ReadMode mode, const InputLimits& limits) {
  FileResult result;
  std::vector<LoadIssue>& issues = result.part.issues;
  const load::MetaTypeInfo& type = load::type_info(f.type);
  std::string encoding_error;
  if (!load::to_utf8(contents, encoding_error)) {
    issues.push_back(LoadIssue{SourceLoc{index, 1, 1}, encoding_error, std::string(type.root_element), "encoding"});
    return result;
  }
  // Profiles and permission sets are most of an export's bytes and are read three levels deep;
  // their depth costs nothing past the parse (docs/limits.md). Their element limit is checked
  // from the streaming scan's own count of start tags when it reads the file whole (the count a
  // full check would make), else from a count of '<' (vectorised; the exact scan only when it
  // says more) before anything else reads the file. Other files get the full check first.
  const bool scan_first = type.context && type.scan != nullptr && mode == load::ReadMode::Stream;
  if (!scan_first) {
    auto over = type.context ? load::check_xml_element_bound(contents, limits.xml)
                             : load::check_xml_limits(contents, limits.xml);
    if (over) {
      result.read_error = std::move(*over);
      return result;
    }
  }
  load::XmlText text(index, contents);
  if (type.scan != nullptr && mode != load::ReadMode::Dom) {
    load::ScanContext scan{f, index, text, result.part, mode == load::ReadMode::NamesOnly, {}};
    load::ScanResult scanned = type.scan(scan);
    if (scan_first && (scanned != load::ScanResult::Complete || scan.facts.elements > limits.xml.max_elements)) {
      if (auto over = load::check_xml_element_bound(contents, limits.xml)) {
        result.part = Export();  // what the scan read is not audited either
        result.read_error = std::move(*over);
        return result;
      }
    }
    result.plain_until = scan.facts.plain_until;
    result.size = contents.size();
    if (scanned != load::ScanResult::Unsure) {
      result.streamed = true;
      return result;
    }
  }
  pugi::xml_document doc;
  // The bytes stay intact (no in-place parse): locations are computed from them lazily, after the
  // parse. Large context files reach pugixml only when the streaming reader is unsure of them.
  // The bytes are UTF-8 by now, so pugixml's offsets are offsets into `contents`.
  pugi::xml_parse_result parsed =
      doc.load_buffer(contents.data(), contents.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    std::string excerpt = type.context ? std::string() : text.redacted_excerpt(parsed.offset);
    std::string message = parsed.status == pugi::status_no_document_element
                              ? std::string("file is not XML metadata: it has no root element")
                              : fmt::format("XML does not parse: {}{}", parsed.description(),
                                            excerpt.empty() ? std::string() : fmt::format(" (near: {})", excerpt));
    issues.push_back(LoadIssue{text.at_error(parsed.offset), message, std::string(type.root_element), "xml"});
    return result;
  }
  pugi::xml_node root = doc.document_element();
  load::Decoder decoder(text, issues);
  if (std::string_view name = load::local_name(root); name != type.root_element) {
    decoder.issue(
        root, fmt::format("root element is <{}>, but a file named like this must hold <{}>", name, type.root_element),
        std::string(type.root_element), "root");
    return result;
  }
  if (!type.context) load::find_secrets(root, text, result.part.secrets);
  load::ReadContext ctx{f, index, text.at(root), decoder, result.part};
  type.read(root, ctx);
  if (custom && !type.context) custom->evaluate(root, text, f.type, result.part.custom_matches, result.errors);
  return result;
}

/// Sizes the model's lists from the file list, so merging never over-allocates by doubling.
void reserve_model(Export& model) {
  std::map<MetaType, std::size_t> count;
  for (const auto& f : model.files) ++count[f.type];
  model.for_each_list([&](auto& list) {
    using T = typename std::remove_cvref_t<decltype(list)>::value_type;
    list.reserve(count[T::kType]);
  });
}

/// Moves one file's result into the model.
void merge(Export& model, std::size_t index, Export&& part) {
  bool loaded = false;
  part.for_each_list([&](auto& list) {
    for (auto& component : list) {
      model.add(std::move(component));
      loaded = true;
    }
  });
  model.files[index].loaded = loaded;
  for (auto& issue : part.issues) model.issues.push_back(std::move(issue));
  for (auto& secret : part.secrets) model.secrets.push_back(std::move(secret));
  for (auto& match : part.custom_matches) model.custom_matches.push_back(std::move(match));
}

}  // namespace

Export read_one_file(const ExportFile& f, int index, std::string contents, load::ReadMode mode, bool* streamed) {
  FileResult r = load_one(f, index, contents, nullptr, mode, InputLimits{});
  if (streamed != nullptr) *streamed = r.streamed;
  return std::move(r.part);
}

LoadedExport load_export(const ExportSource& source, int jobs, Progress* progress, const CustomRuleSet* custom,
                         const InputLimits& limits) {
  LoadedExport out;
  Listing found = source.list();
  out.errors = std::move(found.errors);
  out.root_unreadable = found.root_unreadable;
  if (found.files.size() > limits.max_files) {
    // Refused whole, like a zip: auditing part of an export would report absences that are not.
    out.errors.push_back({source.root(), fmt::format("not audited: it holds {} metadata files, more than the limit of "
                                                     "{} (raise it with --max-files)",
                                                     found.files.size(), limits.max_files)});
    out.root_unreadable = true;
    found.files.clear();
  }
  Export& model = out.model;
  model.root_display = source.root();
  model.files = std::move(found.files);
  model.files_skipped = found.skipped;
  if (progress) progress->files_listed += model.files.size();

  // One pointer per file, filled by whichever worker reads it: the slots stay small, and each
  // result is freed as soon as it is merged.
  std::vector<std::unique_ptr<FileResult>> results(model.files.size());
  std::atomic<std::size_t> next{0};
  // A partial run (a file list) reports only the components of its files and the apps they
  // concern: of the project's other profiles and permission sets it needs the names and labels
  // assignments use, nothing else. A profile's names are its file name (it is not opened); a
  // permission set is read up to its label.
  const bool partial = std::any_of(model.files.begin(), model.files.end(), [](const ExportFile& f) { return f.given; });
  auto mode_of = [partial](const ExportFile& f) {
    return partial && !f.given && load::type_info(f.type).context ? load::ReadMode::NamesOnly : load::ReadMode::Stream;
  };
  auto worker = [&] {
    std::string contents;
    std::optional<load::CustomEvaluator> evaluator;
    if (custom && !custom->empty()) evaluator.emplace(*custom, limits.xpath_max_cost);
    for (std::size_t i = next++; i < model.files.size(); i = next++) {
      const ExportFile& f = model.files[i];
      std::string error;
      try {
        if (mode_of(f) == load::ReadMode::NamesOnly) {
          auto named = std::make_unique<FileResult>();
          if (load::names_from_file_name(f, static_cast<int>(i), named->part)) results[i] = std::move(named);
        }
        if (!results[i] && source.read(f, contents, error)) {
          results[i] = std::make_unique<FileResult>(
              load_one(f, static_cast<int>(i), contents, evaluator ? &*evaluator : nullptr, mode_of(f), limits));
        }
      } catch (const std::exception& e) {  // out of memory, say: this file fails, the audit goes on
        error = fmt::format("cannot audit: {}", e.what());
      }
      if (!results[i]) {
        results[i] = std::make_unique<FileResult>();
        results[i]->read_error = error.empty() ? std::string("cannot audit: unknown failure") : std::move(error);
      }
      // The buffer is kept for the next file (no allocation, no page faults, no zero fill of what
      // the last file already sized), unless a very large file left it large.
      if (contents.capacity() > (std::size_t{8} << 20U)) contents = std::string();
      if (progress) ++progress->files_read;
    }
  };
  std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, jobs)), model.files.size());
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  reserve_model(model);
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!results[i]->read_error.empty()) {
      out.errors.push_back({model.files[i].display_path, std::move(results[i]->read_error)});
      ++model.files_unreadable;
      continue;
    }
    for (auto& e : results[i]->errors) out.errors.push_back({model.files[i].display_path, std::move(e)});
    model.files[i].plain_until = results[i]->plain_until;
    model.files[i].size = results[i]->size;
    merge(model, i, std::move(results[i]->part));
    results[i].reset();
  }
  load::join_external_client_apps(model);
  return out;
}

}  // namespace calint
