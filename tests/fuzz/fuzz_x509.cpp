// Fuzz target for the certificate reader (core/x509): the input is the text of a certificate
// element (bare base64 DER, PEM blocks, base64 of a PEM bundle, or anything else). Invariants: no
// exception escapes; an error never quotes the input; what is kept of a certificate (subject,
// algorithms) is one line of printable text, since every report prints it; a bundle keeps at most
// as many certificates as the text could hold.
#include <algorithm>
#include <string>

#include "core/x509.h"
#include "fuzz_support.h"

using namespace calint;

namespace {

/// True when `text` holds a control character (reports print subjects on one line).
bool has_control(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

/// True when `error` repeats a run of 16 base64 characters of `input` (a quoted certificate body;
/// the error's own words, which the input may spell too, have spaces between them).
bool quotes(std::string_view error, std::string_view input) {
  constexpr std::size_t kRun = 16;
  auto base64 = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  };
  for (std::size_t i = 0; i + kRun <= error.size(); ++i) {
    std::string_view run = error.substr(i, kRun);
    if (std::all_of(run.begin(), run.end(), base64) && input.find(run) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    DecodedCertificates decoded = decode_certificates(input);
    (void)holds_private_key(input);
    if (!decoded.error.empty() && quotes(decoded.error, input))
      fuzz::violated("the error quotes the input", decoded.error);
    // A DER certificate takes well over 100 bytes, and base64 makes it longer still.
    if (decoded.certificates.size() > size / 100 + 1) fuzz::violated("more certificates than the text can hold");
    for (const auto& c : decoded.certificates) {
      if (has_control(c.subject) || has_control(c.key_type) || has_control(c.signature) || has_control(c.digest)) {
        fuzz::violated("a certificate field holds a control character", c.subject);
      }
      if (c.key_bits < 0) fuzz::violated("negative key size");
    }
  } catch (const std::exception& e) {
    fuzz::violated("exception escaped", e.what());
  }
  return 0;
}
