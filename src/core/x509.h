#pragma once
// X.509 certificates as Connected Apps and External Client Apps hold them for the JWT bearer flow.
// Only what audits need is kept: subject, validity, key and signature algorithm. A certificate's
// body is never kept or shown.
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace calint {

struct CertificateInfo {
  std::string subject;  ///< one line, RFC 2253 ("CN=orders.example.com,O=Example")
  Date not_before;
  Date not_after;
  std::string key_type;   ///< RSA, EC, DSA, ED25519, ED448, or OpenSSL's short name for others
  int key_bits = 0;       ///< RSA/DSA modulus size, EC curve size
  std::string signature;  ///< the signature algorithm, OpenSSL's long name ("sha256WithRSAEncryption")
  std::string digest;     ///< the digest it uses: "SHA1", "MD5", "SHA256"...; empty when it has none (Ed25519)
};

/// What a certificate element holds: one certificate or a bundle, or why it could not be read.
struct DecodedCertificates {
  std::vector<CertificateInfo> certificates;  ///< in the order of the text
  std::string error;                          ///< empty when every certificate decoded
};

/// Decodes the text of a certificate element. Real files hold bare base64 DER without PEM headers,
/// PEM (one or several blocks), or base64 of a PEM bundle: all three are read, and every
/// certificate of a bundle is kept. White space and line breaks anywhere are ignored. The error
/// never quotes the text.
DecodedCertificates decode_certificates(std::string_view text);

/// True when the text holds a PEM private key (a secret where a public certificate belongs).
bool holds_private_key(std::string_view text);

}  // namespace calint
