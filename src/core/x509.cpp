#include "core/x509.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fmt/format.h>

#include "core/text.h"

namespace calint {

namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;

constexpr std::string_view kPemBegin = "-----BEGIN";
constexpr std::size_t kMaxCertificates = 64;  // a bundle longer than this is not a JWT certificate

Date to_date(const ASN1_TIME* t) {
  struct tm tm {};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) return Date{};
  std::chrono::year_month_day ymd{std::chrono::year{tm.tm_year + 1900},
                                  std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
                                  std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
  return Date{std::chrono::sys_days{ymd}.time_since_epoch().count()};
}

std::string subject_of(X509* x) {
  BioPtr out(BIO_new(BIO_s_mem()));
  if (!out) return {};
  // UTF-8 kept as is; control characters left for escape_controls, except carriage returns, which
  // certificates made on Windows carry at the end of values and which say nothing.
  X509_NAME_print_ex(out.get(), X509_get_subject_name(x), 0,
                     XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB & ~ASN1_STRFLGS_ESC_CTRL);
  char* data = nullptr;
  long size = BIO_get_mem_data(out.get(), &data);
  if (size <= 0) return {};
  std::string subject(data, static_cast<std::size_t>(size));
  std::erase(subject, '\r');
  return escape_controls(subject);
}

std::string key_type_of(EVP_PKEY* key) {
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
      return "RSA";
    case EVP_PKEY_EC:
      return "EC";
    case EVP_PKEY_DSA:
      return "DSA";
    case EVP_PKEY_ED25519:
      return "ED25519";
    case EVP_PKEY_ED448:
      return "ED448";
    default: {
      const char* name = OBJ_nid2sn(EVP_PKEY_get_base_id(key));
      return name ? name : "unknown";
    }
  }
}

CertificateInfo describe(X509* x) {
  CertificateInfo c;
  c.subject = subject_of(x);
  c.not_before = to_date(X509_get0_notBefore(x));
  c.not_after = to_date(X509_get0_notAfter(x));
  if (EVP_PKEY* key = X509_get0_pubkey(x)) {
    c.key_type = key_type_of(key);
    c.key_bits = EVP_PKEY_get_bits(key);
  }
  int sig_nid = X509_get_signature_nid(x);
  const char* sig = OBJ_nid2ln(sig_nid);
  c.signature = sig ? sig : "unknown";
  int md_nid = NID_undef;
  int pk_nid = NID_undef;
  // X509_get_signature_info reads RSA-PSS parameters too; it needs the certificate's cached
  // extensions, which it computes itself.
  if (X509_get_signature_info(x, &md_nid, &pk_nid, nullptr, nullptr) != 1) {
    OBJ_find_sigid_algs(sig_nid, &md_nid, &pk_nid);
  }
  if (md_nid != NID_undef) {
    const char* md = OBJ_nid2sn(md_nid);
    c.digest = md ? to_upper(md) : std::string();  // OpenSSL's short names: SHA1, MD5, SHA256
  }
  return c;
}

/// Every PEM certificate block of `pem`; an error when none decodes or one is broken.
void read_pem(std::string_view pem, DecodedCertificates& out) {
  BioPtr in(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!in) {
    out.error = "cannot allocate memory to read it";
    return;
  }
  std::size_t blocks = 0;
  for (std::size_t at = pem.find(kPemBegin); at != std::string_view::npos; at = pem.find(kPemBegin, at + 1)) ++blocks;
  while (out.certificates.size() < kMaxCertificates) {
    X509Ptr x(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
    if (!x) break;
    out.certificates.push_back(describe(x.get()));
  }
  ERR_clear_error();
  if (out.certificates.empty()) {
    out.error = "its PEM block does not hold a certificate OpenSSL can decode";
  } else if (out.certificates.size() == kMaxCertificates && blocks > kMaxCertificates) {
    out.error =
        fmt::format("it holds {} PEM blocks: only the first {} certificates were read", blocks, kMaxCertificates);
  } else if (out.certificates.size() < blocks) {
    out.error = fmt::format("{} of its {} PEM blocks decoded; the rest are not certificates OpenSSL can decode",
                            out.certificates.size(), blocks);
  }
}

/// Every DER certificate in `der`, one after the other.
void read_der(std::string_view der, DecodedCertificates& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  const auto* end = p + der.size();
  while (p < end && out.certificates.size() < kMaxCertificates) {
    const unsigned char* before = p;
    X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(end - p)));
    if (!x || p <= before) break;
    out.certificates.push_back(describe(x.get()));
  }
  ERR_clear_error();
  if (out.certificates.empty()) {
    out.error = "it is base64, but not of a DER certificate or a PEM bundle";
  } else if (p < end && out.certificates.size() == kMaxCertificates) {
    out.error = fmt::format("it holds more than {} certificates: only the first {} were read", kMaxCertificates,
                            kMaxCertificates);
  } else if (p < end) {
    out.error = "bytes after its last certificate are not a certificate";
  }
}

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
}

/// Base64 without white space, decoded; nullopt when it is not base64.
std::optional<std::string> base64_decode(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (!is_base64_char(c)) return std::nullopt;
    compact.push_back(c);
  }
  if (compact.empty() || compact.size() % 4 != 0) return std::nullopt;
  std::string out(compact.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(compact.data()), static_cast<int>(compact.size()));
  if (n < 0) return std::nullopt;
  std::size_t padding = 0;
  if (compact.back() == '=') ++padding;
  if (compact.size() >= 2 && compact[compact.size() - 2] == '=') ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

}  // namespace

bool holds_private_key(std::string_view text) {
  return text.find(kPemBegin) != std::string_view::npos && text.find("PRIVATE KEY") != std::string_view::npos;
}

DecodedCertificates decode_certificates(std::string_view text) {
  DecodedCertificates out;
  std::string_view t = trim(text);
  if (t.empty()) {
    out.error = "it is empty";
    return out;
  }
  if (holds_private_key(t)) {
    out.error = "it holds a private key, not a certificate";
    return out;
  }
  if (t.find(kPemBegin) != std::string_view::npos) {
    read_pem(t, out);
    return out;
  }
  auto bytes = base64_decode(t);
  if (!bytes) {
    out.error = "it is neither PEM nor base64";
    return out;
  }
  // Base64 of PEM text: the PEM may follow other text, such as the "Bag Attributes" lines that
  // `openssl pkcs12` writes before each certificate.
  std::string_view decoded = trim(*bytes);
  if (decoded.find(kPemBegin) != std::string_view::npos) {
    if (holds_private_key(decoded)) {
      out.error = "it holds a private key, not a certificate";
      return out;
    }
    read_pem(decoded, out);
    return out;
  }
  read_der(*bytes, out);
  return out;
}

}  // namespace calint
