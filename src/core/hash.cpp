#include "core/hash.h"

#include <array>

#include <openssl/evp.h>

namespace calint {

namespace {

/// One digest context per thread, kept: creating one per call cost more than hashing a short
/// fingerprint basis.
struct Sha256Context {
  Sha256Context() : ctx(EVP_MD_CTX_new()) {}
  ~Sha256Context() { EVP_MD_CTX_free(ctx); }
  Sha256Context(const Sha256Context&) = delete;
  Sha256Context& operator=(const Sha256Context&) = delete;
  Sha256Context(Sha256Context&&) = delete;
  Sha256Context& operator=(Sha256Context&&) = delete;
  EVP_MD_CTX* ctx;
};

}  // namespace

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // Fetched once: OpenSSL 3 looks an implicit EVP_sha256() up again at every init, under a lock.
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local Sha256Context kept;
  if (kept.ctx == nullptr || kSha256 == nullptr || EVP_DigestInit_ex(kept.ctx, kSha256, nullptr) != 1 ||
      EVP_DigestUpdate(kept.ctx, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(kept.ctx, digest.data(), &length) != 1) {
    EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4U]);
    out.push_back(kHex[digest[i] & 0xFU]);
  }
  return out;
}

}  // namespace calint
