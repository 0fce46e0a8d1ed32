// Values rules measure: IP ranges, URLs and X.509 certificates, decoded in every form real files use.
#include <catch2/catch.hpp>

#include "core/ip.h"
#include "core/url.h"
#include "core/x509.h"

using namespace calint;

namespace {

// Public certificates made for these tests; their private keys were discarded.
const char* kValidDer =
    R"(MIIDRjCCAi6gAwIBAgIUT7LODBULUn7hAhyDvm/7cu48CMAwDQYJKoZIhvcNAQELBQAwXTELMAkGA1UEBhMCVVMxFTATBgNVBAoMDEV4YW1wbGUgQ29ycDEdMBsGA1UECwwUSW50ZWdyYXRpb24gUGxhdGZvcm0xGDAWBgNVBAMMD2p3dC5leGFtcGxlLmNvbTAeFw0yNTAxMDEwMDAwMDBaFw0zMDAxMDEyMzU5NTlaMF0xCzAJBgNVBAYTAlVTMRUwEwYDVQQKDAxFeGFtcGxlIENvcnAxHTAbBgNVBAsMFEludGVncmF0aW9uIFBsYXRmb3JtMRgwFgYDVQQDDA9qd3QuZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCuV6uhvhu71cjgNTQebWvGtN0Qz4BWDfMjBQbUjlYpfBQVSPTh4qdqwfGS7S1GbTQQWgx6tTvvN2J7yIEVIxB2R2pHFEVLqrFlOomPi3fOGLxYIuaCizQy6MnPozl2SaB5pb7x8Yl75CZYblpFnKqOUM2BLinmzC5IFcwE/zhCeMtGb09BRV9GMIypNT/s1xlOEo7S3z9Sx1s6ag2Somk/ftoTsAUeSLNXJwQ01Eon8r1smOrntM1TXPhVMnNAU8c3KtFRC6SRNwW7GTp71h0qGMDN2bkJrDEJbFjLBoJeIIXTpsf2BNU7m0f+E4wuNWgJ6ToZERR4wST8rGlEWQeTAgMBAAEwDQYJKoZIhvcNAQELBQADggEBAGfQc5h3MpacfhGWS28JoSXHy+6pSkuEXici+0pFCDkrZQSsX/dV1ktuaQwke8ygQl6KupPfRBpGeFjVwicRCKzQEsliOv2NKgXuaiIgR22NLFHLRCk4QUkSv50YqOjWCV2tcS4i3N2/yikNxHtcdRUtLKIvQAI9/EYx7j1dHWFTDwkKREC/NK1xNl1WbnmtEM9sI+oa8N04Fa3/BZyUM8T0eF+jNOw8+UPaXAl+u7rq+DcR8JNd0AenjagQxudM6b4VXyZ8qWiPYsUJUQ+ESlSVa/IxW4d6tiC/X592FC/wadvORC3f1GXTZEs+1aZ/lvpBGBUO5wkNF3SlxfRLJ6s=)";
const char* kBundleBase64 =
    R"(LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURWRENDQWp5Z0F3SUJBZ0lVT1g0ZTVXbWk4Rjc1YXU4ZmFLK3JtNGF2Ukgwd0RRWUpLb1pJaHZjTkFRRUwKQlFBd1pERUxNQWtHQTFVRUJoTUNWVk14RlRBVEJnTlZCQW9NREVWNFlXMXdiR1VnUTI5eWNERWRNQnNHQTFVRQpDd3dVU1c1MFpXZHlZWFJwYjI0Z1VHeGhkR1p2Y20weEh6QWRCZ05WQkFNTUZtSjFibVJzWlMxdmJHUXVaWGhoCmJYQnNaUzVqYjIwd0hoY05NakF3TVRBeE1EQXdNREF3V2hjTk1qUXhNak14TWpNMU9UVTVXakJrTVFzd0NRWUQKVlFRR0V3SlZVekVWTUJNR0ExVUVDZ3dNUlhoaGJYQnNaU0JEYjNKd01SMHdHd1lEVlFRTERCUkpiblJsWjNKaApkR2x2YmlCUWJHRjBabTl5YlRFZk1CMEdBMVVFQXd3V1luVnVaR3hsTFc5c1pDNWxlR0Z0Y0d4bExtTnZiVENDCkFTSXdEUVlKS29aSWh2Y05BUUVCQlFBRGdnRVBBRENDQVFvQ2dnRUJBTFAyNmtGTVJCbXF3SUpWR0U2aVJiaVkKaEVpMG1qdXpsWDA0ZkhsYlNSQUxvZE0ySHFzUXBmWTNSQVdKQkNpaUdtR3FvYkRKOVVlQ0owc0FUT0cyZVJLWQpKK1JTMlYxM0VjTjJVSm9BeDE5TVFxalM0WlRrakFTUTVpNXo0SVJRK2xVNnpTczFDWlBYbTl4YXk2TFZybmEzCi8rdUNUNDdhSXJYQVZmczJqVU5mSmlmUzNleDBzQ2g5c2RKb2wzc1gvckF6YS8zbncrb25JSGpRL3VNbE1yZmQKZHBJT3FqNDlYUmlzN00wbDcvdXZmd25nd2dCOGdkL2R1Yk5UNEJlUWZvNHJNZmsydTJnL0ZIemFralE3MFNSWQprZy83cG5FeUlORVVkY1hwa0pCZ3M3SDNZTVJESjVxMkQ0T0hMcVowVnQ2ZnQ4S09lVkZBN0JpYTltKzVvZ0VDCkF3RUFBVEFOQmdrcWhraUc5dzBCQVFzRkFBT0NBUUVBWFdmSGxyV2t0TG10WU5kRy9GdUJmdU1MenBwbEx1QUkKN0VhaFdZVHY4U04rN2k4aEVCNFNBNzJpTzYwTUNNNE04aGhlM0hhVEhNcm10UGNRM0xKU2VvamlTYkdoak15RApEbmVDSVFkTVpzTEVyWndOcHQ3WHVjR1lvMnh2SUV6SlQzTGJ4UzBGYlVEMlBzcjR2MHZyajRibFpGSmpWdWpMCkhxL0ppdktjVTBlOTcwSmRkNFZlYVRwUzQ5UnV3YVpRZWNVNENLZ1pPVGk2clZXck9lUStYNjlpaksxRElRNGgKTVJ0VmlQOGdBazU0bzZLQi9vTWJtSW5vUDFFM2NrSlJDbkViNUhaaHdCUGVEbXRaR2dMMkJ4S3dVdzkzQ2g2bQpuV1RsUFgyRXVxek5NL2htdm1jTWRydUJMZzh3SjBZMkI3VlRYaGRsbDhnL3UzSTNWUkVxRnc9PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCi0tLS0tQkVHSU4gQ0VSVElGSUNBVEUtLS0tLQpNSUlEVkRDQ0FqeWdBd0lCQWdJVUk3cWdtY0dQbXQ3WGFFWmNWejZFM0pTWHloMHdEUVlKS29aSWh2Y05BUUVMCkJRQXdaREVMTUFrR0ExVUVCaE1DVlZNeEZUQVRCZ05WQkFvTURFVjRZVzF3YkdVZ1EyOXljREVkTUJzR0ExVUUKQ3d3VVNXNTBaV2R5WVhScGIyNGdVR3hoZEdadmNtMHhIekFkQmdOVkJBTU1GbUoxYm1Sc1pTMXVaWGN1WlhoaApiWEJzWlM1amIyMHdIaGNOTWpVd01UQXhNREF3TURBd1doY05NekF3TVRBeE1qTTFPVFU1V2pCa01Rc3dDUVlEClZRUUdFd0pWVXpFVk1CTUdBMVVFQ2d3TVJYaGhiWEJzWlNCRGIzSndNUjB3R3dZRFZRUUxEQlJKYm5SbFozSmgKZEdsdmJpQlFiR0YwWm05eWJURWZNQjBHQTFVRUF3d1dZblZ1Wkd4bExXNWxkeTVsZUdGdGNHeGxMbU52YlRDQwpBU0l3RFFZSktvWklodmNOQVFFQkJRQURnZ0VQQURDQ0FRb0NnZ0VCQUkxZDdva243K2krMmE0cEJjWEVyWjEwClp3cFdDY3FBNW5UZjdhakE5UHcwVzkzTmJ2eEhjL2JCQThHMGVTaGxBRjZ4bzN4MzJveCtXMitQbnhreVovT2gKelBOdWFWZkRBR2MrUkZBaTcyNzdUblc5eXhZa1BiVlRBZS94Q2tHRzZOZlBGR0hvamdoSEEwbHNzOENFd29vdwoxQTlTbjVhTFIrQUJnbEJmQjNwWlUxbFBlaGlPYkRnNm9FcC9md00zYlR6azMrVUQxY3B4NWNCMFdWVXZnSnVFCjFtVjVua0pIcHkvQWVzMmJ5czBna2NmUXNqTTZOSnQ2N2xhR3BGbXpyNHI4VE1iTkFyQXNBRVFWa01TSitwaUMKWVdqcDNzTzZoT0ZYS2ltbkx0N0ZZczg4c3R6WWIzZ05kbXYyT2dKWGdJd3g3TXc5K1VFM2c5RDdWNlpzZVpjQwpBd0VBQVRBTkJna3Foa2lHOXcwQkFRc0ZBQU9DQVFFQVRadGZPQWhXd3pXMktmaE90MVVlMnhGUUgycVVUQ2tPCkcxWUpJc3RYbU8vUk5OZlVqdDNNcjZWY2xSSHY5R1RwbHpyR04rYVpZTURNNFZQRDdkaFE3Y3EwM1NZeHVuMUwKODhkaDdpK1Buc0QwelRKZGxKUWFMVXJlTTlYKzdGN3NnOWM5VkNpWVNQMGNlaVUyQnNwMEw5Wk1lSXgyUlM3QgprS1hmeE5BUmpPbkhwOW1lUHN4Ryt5dURJSjBDMDlDemlCYTJ6MC83bGZxWFNQNDNlcmpzcnhXMWkyVmJNeTBvCnNWN29mRGc2TmxHVU9LR2kxanpHemJkWTJQUFZiUG9RZlVyY0xubFB0WktVZUROWkVkTG1aekxOcVp0WDkvYWEKQmgwQkZFVUJNYVN0a0hOTjRGSFRLbERzQnYvU2JTUEcrazlGTUQ4ZGRkM05yM2JBVnhPbEVRPT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=)";
const char* kSha1Pem = R"(-----BEGIN CERTIFICATE-----
MIIDMTCCAhkCAhABMA0GCSqGSIb3DQEBBQUAMF4xCzAJBgNVBAYTAlVTMRUwEwYD
VQQKDAxFeGFtcGxlIENvcnAxHTAbBgNVBAsMFEludGVncmF0aW9uIFBsYXRmb3Jt
MRkwFwYDVQQDDBBzaGExLmV4YW1wbGUuY29tMB4XDTI1MDEwMTAwMDAwMFoXDTMw
MDEwMTIzNTk1OVowXjELMAkGA1UEBhMCVVMxFTATBgNVBAoMDEV4YW1wbGUgQ29y
cDEdMBsGA1UECwwUSW50ZWdyYXRpb24gUGxhdGZvcm0xGTAXBgNVBAMMEHNoYTEu
ZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQC7rh5i
OWIvMEeR61fsmB1lN42bp1sOvP52HghjcOj8PeOqTAUPodSa+1jScGFPtD9JiXtU
bF6W5Mzb2pVllCQt99lN12NSnRDrxyHkGVoeaIQX6lqZ2Qjk0uj4+vF5IDS3NBaU
m0cR9L9mZbU4lPnnGsLh7AEQaJuxZNP4NBKLuGz21OsHWTH4A0YsDU5NFd+BJYu3
dfx6I5uljwr9oeyzRc96XgnFAYOZIN0t8k11QdBWv4znOwh+RjiVDMsIECf5ci1Q
KlK6QUZGCmCEQl24+J5xHhTiu4mKdCxdK5dafRaxe3GylBt/32uwRCAnvGvrOPYz
lAkO4YBpbQoQ0egVAgMBAAEwDQYJKoZIhvcNAQEFBQADggEBAGXxxk7ueytKjN/1
QRdnzSDtNtVcOneK1NgUJXlBMD2Z1KtSVbz3unsPVICNCSTIC+5aelqe+Cn1VFXJ
e1eion9urj2KLuHwQBWrliKty1VAUqhQzCf5tQnNDFwXkDKj0tWHtfugWIxI24g/
PxuvGOxZ0jICFr8StGCcDGejfDQqr62F59c9++Y5hB1xbKW5Lr7VnqjfXac6fUF3
oy3uAvgsdXp/b/EXSZRsQqVdDQWfrx82wLa+1aLdpzUio37F8MKBiKdUbKePX/EW
4Wa+2QJX7NQTAJDB5PHNbC3bro/7/L9XJG6rWVzKK2qOn7sn24AVXtPqBf/4EAKD
sYrwJN4=
-----END CERTIFICATE-----)";
// Base64 of what `openssl pkcs12 -nokeys` writes: "Bag Attributes" lines, then the PEM block.
const char* kPkcs12Text =
    R"(QmFnIEF0dHJpYnV0ZXMNCiAgICBsb2NhbEtleUlEOiA3RiBENiBGRCBCNQ0Kc3ViamVjdD0vQz1VUy9PPUV4YW1wbGUgQ29ycC9DTj1lY2Etand0LmV4YW1wbGUuY29tDQppc3N1ZXI9L0M9VVMvTz1FeGFtcGxlIENvcnAvQ049ZWNhLWp3dC5leGFtcGxlLmNvbQ0KLS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tDQpNSUlFVGpDQ0FyYWdBd0lCQWdJVUwyY3RyVis2cmpqSWJEYmhhNmZkNHEzWSswUXdEUVlKS29aSWh2Y05BUUVMDQpCUUF3WVRFTE1Ba0dBMVVFQmhNQ1ZWTXhGVEFUQmdOVkJBb01ERVY0WVcxd2JHVWdRMjl5Y0RFZE1Cc0dBMVVFDQpDd3dVU1c1MFpXZHlZWFJwYjI0Z1VHeGhkR1p2Y20weEhEQWFCZ05WQkFNTUUyVmpZUzFxZDNRdVpYaGhiWEJzDQpaUzVqYjIwd0hoY05NalV3TVRBeE1EQXdNREF3V2hjTk16QXdNVEF4TWpNMU9UVTVXakJoTVFzd0NRWURWUVFHDQpFd0pWVXpFVk1CTUdBMVVFQ2d3TVJYaGhiWEJzWlNCRGIzSndNUjB3R3dZRFZRUUxEQlJKYm5SbFozSmhkR2x2DQpiaUJRYkdGMFptOXliVEVjTUJvR0ExVUVBd3dUWldOaExXcDNkQzVsZUdGdGNHeGxMbU52YlRDQ0FhSXdEUVlKDQpLb1pJaHZjTkFRRUJCUUFEZ2dHUEFEQ0NBWW9DZ2dHQkFLL3dxNGtzL2lIT0VmY0N4OWJpbzJ5bnVFVU50K0dMDQpGZ2pEeW84UkZUVjJKMEEvdFlhTDhEeDlvN2NucGdwNGhVQ3o2dFNPZnZPbkEvT0VaTTFZbHNXVk1QejIwbE15DQo5cUtlVHE1MEh1YlNLNDhVa2Z0MllYMVd1b2VsN0dFN25jUUpQak5JaXIxNm00aWxleWp0dFRVQjA3NlFESk0zDQpQTTBSbk40VHdXcnZnU2hlV2lhQkJHRlYwSFJTWmY5WHdGS3hhYmhvY01FQTBmNVd0NVh6aVozcm84Mmp6SzQ2DQpkbXJvbm8vVXU4UjNpSDhRR1VBeEwrUS9keXJBbEtTYkJVelhaK1dZeGtjUU41OGNicU9LS1loU3hoeWdMZ25QDQoxdTNXcFdSSkVoZElmSjJxdjNkZ2NIYnFTYVBydUVrc0VsaXQ5K1RTNTNFV0JFK21kSWFmdml1UzNRYis1SEdyDQp5YnBKaThBNXA0c0cvNEg3ZlYzZnVVT0c1VmgxNmpxZW9KSDhJRm9GekVMZU40YkRFRnZqRzJvSk9xTVBRb0RZDQpXMVVzMXBXUFY0Q0U5dWlGazJ1OTRpbE1lZmsyM3BjZHFtZ0taM1l1RUdoUG16bXdUN2hpUmNvZmEwcGlHeUNQDQpzMDEzUWFyMlJDb2NWd0syc2dXNzQxcWVMZEpQTkFMZVZ3SURBUUFCTUEwR0NTcUdTSWIzRFFFQkN3VUFBNElCDQpnUUJsTUFxZklPcW1TSC9iSmhPeGw4UWxiM3dtZnB3dWQxTUlRNm1HcGxSMUw0Z0Q2YUZ1dVBEZWZYMUJuSTFKDQp1d0VuOXhzT2lVUzQ1Q3M0VDlFTFVzMnUrT0JkWTlyUmtDVHhrSFQvYWFBeU1DZzlGcVdXVjRUYnUyMmZJbXJuDQplNUxURDc4VjAxZXE5NCthSE1YN0lrNE9ESU5YNXJ3WFM5eVJ3V0JlYnlzR1pHRVk0YktNT2dvbVBFSGlXS2ZrDQpsS25QVU1xSlJOZFZhc1dkVFcyUkVqWHIxcTI2MVZHUGFCZGFrZGh1QVZsbjlNZUFTSjlha2RtNEE0Kzgyay9wDQpzS1RENXRyMlVmR2kwc1h0V2J6TDB5WFBaZTFXNDVsTlZqbC95eUVFMHRIRE9FKzlVSGMwZHI3QXlOWnVXaE1QDQpia3BCUTFVNzZJWEZWMndZRUFNeHpXcmZwOFMzWlVBRUdLWHRRSWNoREpBV2RheTVlZkJINDRaelJzVnNTd3IyDQpueC95VlVJdHRySHBtVHMxTXNYbDV5c0czcVpFRTlMV1h2SFlxaW0wNmRpY0dVem13NnFFa3JSRFJyUlpSUEFIDQowVVNlUnI5eG9LVUlNU1dFaDJjWGZlL1lpcXQ4SjNtZlRxdGo3cmY5ZDZGdDNHVFZET281YitZRGI1STZwOUJ5DQp4RDQ9DQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tDQo=)";
const char* kEcPem = R"(-----BEGIN CERTIFICATE-----
MIIBtzCCAV6gAwIBAgIUHuy/Q/K5gkwCXRS2o9en/A6Lc2owCgYIKoZIzj0EAwIw
XDELMAkGA1UEBhMCVVMxFTATBgNVBAoMDEV4YW1wbGUgQ29ycDEdMBsGA1UECwwU
SW50ZWdyYXRpb24gUGxhdGZvcm0xFzAVBgNVBAMMDmVjLmV4YW1wbGUuY29tMB4X
DTI1MDEwMTAwMDAwMFoXDTMwMDEwMTIzNTk1OVowXDELMAkGA1UEBhMCVVMxFTAT
BgNVBAoMDEV4YW1wbGUgQ29ycDEdMBsGA1UECwwUSW50ZWdyYXRpb24gUGxhdGZv
cm0xFzAVBgNVBAMMDmVjLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEnDZ19CVHXYfWjIpk+ab0sjpn0MmVOzn1xMvLLvUZX6IGmdn8+oE1wLs1
JLmXHPcYfVmrpwDUv/guBNybVYqUpTAKBggqhkjOPQQDAgNHADBEAiAS44Bt1gEH
JN7Jl/V3jC5rAWMsL/f+Qz346pp8vnpuLwIgWxZDxsZX1jz+9vGFdl+6+7cRb2NO
x9nAoCHGhshwyLk=
-----END CERTIFICATE-----)";

}  // namespace

TEST_CASE("IP ranges: families, order, width", "[values]") {
  CHECK_FALSE(range_problem("10.0.0.0", "10.0.255.255"));
  CHECK(*range_problem("10.0.1.0", "10.0.0.0") ==
        "start address '10.0.1.0' is after end address '10.0.0.0'; Salesforce rejects such a range");
  CHECK(*range_problem("10.0.0.0", "::1") ==
        "start address '10.0.0.0' and end address '::1' are not both IPv4 or both IPv6");
  CHECK(*range_problem("10.0.0.256", "10.0.0.1") == "start address '10.0.0.256' is not an IPv4 or IPv6 address");
  CHECK(range_problem("10.0.0.1", "example.com"));
  CHECK(range_problem("fe80::1%eth0", "fe80::2"));  // zones are not addresses Salesforce stores

  auto slash16 = *range_width("198.51.0.0", "198.51.255.255");
  CHECK(slash16.ipv4_addresses == 65536);
  CHECK_FALSE(wider_than(slash16, 65536, 56));
  CHECK(wider_than(slash16, 65535, 56));
  CHECK(describe_width(slash16) == "65,536 addresses (a /16)");
  auto all = *range_width("0.0.0.0", "255.255.255.255");
  CHECK(all.ipv4_addresses == 4294967296ULL);
  CHECK(describe_width(all) == "4,294,967,296 addresses (a /0)");
  CHECK(describe_width(*range_width("192.0.2.1", "192.0.2.1")) == "1 address (a /32)");
  CHECK(describe_width(*range_width("192.0.2.0", "192.0.2.99")) == "100 addresses (more than a /26)");

  auto v6_56 = *range_width("2001:db8:0:ff00::", "2001:db8:0:ffff:ffff:ffff:ffff:ffff");
  CHECK(v6_56.v6);
  CHECK(v6_56.ipv6_bits == 72);
  CHECK_FALSE(wider_than(v6_56, 65536, 56));
  CHECK(wider_than(v6_56, 65536, 57));
  auto v6_all = *range_width("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  CHECK(v6_all.ipv6_bits == 128);
  CHECK(wider_than(v6_all, 65536, 0) == false);  // a /0 limit allows everything
  CHECK(wider_than(v6_all, 65536, 1));
}

TEST_CASE("callback URLs: scheme, host, loopback, host patterns", "[values]") {
  auto u = *parse_url("HTTP://User:Pw@Portal.Example.com:8443/cb?x=1#f");
  CHECK(u.scheme == "http");
  CHECK(u.host == "portal.example.com");
  CHECK(parse_url("https://[::1]:5000/cb")->host == "::1");
  CHECK(parse_url("com.example.app://oauth")->scheme == "com.example.app");
  CHECK(parse_url("sfdc:success")->host.empty());
  CHECK_FALSE(parse_url("no scheme here"));
  CHECK_FALSE(parse_url("://nothing"));
  for (const char* h : {"localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "::1"}) CHECK(is_loopback_host(h));
  for (const char* h : {"localhost.example.net", "128.0.0.1", "::2", "example.com", ""})
    CHECK_FALSE(is_loopback_host(h));
  CHECK(host_matches("*.example.com", "app.example.com"));
  CHECK(host_matches("*.example.com", "a.b.Example.COM"));
  CHECK_FALSE(host_matches("*.example.com", "example.com"));
  CHECK_FALSE(host_matches("*.example.com", "evil-example.com"));
  CHECK(host_matches("Example.com", "example.com"));
}

TEST_CASE("certificates decode from bare base64, PEM and base64-encoded PEM bundles", "[values]") {
  auto der = decode_certificates(kValidDer);
  REQUIRE(der.error.empty());
  REQUIRE(der.certificates.size() == 1);
  const CertificateInfo& c = der.certificates[0];
  CHECK(c.subject == "CN=jwt.example.com,OU=Integration Platform,O=Example Corp,C=US");
  CHECK(format_date(c.not_before) == "2025-01-01");
  CHECK(format_date(c.not_after) == "2030-01-01");
  CHECK(c.key_type == "RSA");
  CHECK(c.key_bits == 2048);
  CHECK(c.signature == "sha256WithRSAEncryption");
  CHECK(c.digest == "SHA256");

  // Line breaks and indentation inside the element are ignored.
  std::string wrapped = "\n        ";
  for (std::size_t i = 0; kValidDer[i] != '\0'; ++i) {
    wrapped += kValidDer[i];
    if (i % 64 == 63) wrapped += "\r\n        ";
  }
  CHECK(decode_certificates(wrapped).certificates.size() == 1);

  auto bundle = decode_certificates(kBundleBase64);
  REQUIRE(bundle.error.empty());
  REQUIRE(bundle.certificates.size() == 2);
  CHECK(bundle.certificates[0].subject.find("CN=bundle-old.example.com") == 0);
  CHECK(format_date(bundle.certificates[0].not_after) == "2024-12-31");
  CHECK(bundle.certificates[1].subject.find("CN=bundle-new.example.com") == 0);

  auto sha1 = decode_certificates(kSha1Pem);
  REQUIRE(sha1.certificates.size() == 1);
  CHECK(sha1.certificates[0].digest == "SHA1");
  CHECK(sha1.certificates[0].signature == "sha1WithRSAEncryption");

  auto ec = decode_certificates(kEcPem);
  REQUIRE(ec.certificates.size() == 1);
  CHECK(ec.certificates[0].key_type == "EC");
  CHECK(ec.certificates[0].key_bits == 256);
  CHECK(ec.certificates[0].digest == "SHA256");

  auto bag = decode_certificates(kPkcs12Text);
  REQUIRE(bag.error.empty());
  REQUIRE(bag.certificates.size() == 1);
  CHECK(bag.certificates[0].subject == "CN=eca-jwt.example.com,OU=Integration Platform,O=Example Corp,C=US");
  CHECK(bag.certificates[0].key_bits == 3072);

  // Two PEM blocks in the element itself.
  std::string two = std::string(kSha1Pem) + "\n" + kEcPem;
  CHECK(decode_certificates(two).certificates.size() == 2);

  // A bundle reads at most 64 certificates, and says so.
  std::string many;
  for (int i = 0; i < 65; ++i) many += std::string(kEcPem) + "\n";
  auto capped = decode_certificates(many);
  CHECK(capped.certificates.size() == 64);
  CHECK(capped.error == "it holds 65 PEM blocks: only the first 64 certificates were read");
  std::string exactly;
  for (int i = 0; i < 64; ++i) exactly += std::string(kEcPem) + "\n";
  CHECK(decode_certificates(exactly).error.empty());
}

TEST_CASE("a certificate that does not decode is an error text that never quotes it", "[values]") {
  CHECK(decode_certificates("").error == "it is empty");
  CHECK(decode_certificates("paste the certificate here").error == "it is neither PEM nor base64");
  CHECK(decode_certificates("SGVsbG8sIHRoaXMgaXMgbm90IGEgY2VydGlmaWNhdGUu").error ==
        "it is base64, but not of a DER certificate or a PEM bundle");
  CHECK(decode_certificates("-----BEGIN CERTIFICATE-----\nMIIDwjCCAqqgAwIBAgII\n-----END CERTIFICATE-----").error ==
        "its PEM block does not hold a certificate OpenSSL can decode");
  auto key =
      decode_certificates("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----");
  CHECK(key.error == "it holds a private key, not a certificate");
  CHECK(key.certificates.empty());
  CHECK(holds_private_key("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----"));
  CHECK_FALSE(holds_private_key(kSha1Pem));
  // A good certificate followed by a broken block: the good one is kept, the rest is named.
  std::string partial = std::string(kSha1Pem) + "\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
  auto p = decode_certificates(partial);
  CHECK(p.certificates.size() == 1);
  CHECK(p.error == "1 of its 2 PEM blocks decoded; the rest are not certificates OpenSSL can decode");
  // DER with trailing bytes.
  auto trailing = decode_certificates(std::string(kValidDer).substr(0, std::string(kValidDer).size() - 4) + "AAAA");
  CHECK_FALSE(trailing.error.empty());
}
