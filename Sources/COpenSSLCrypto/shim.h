// OpenSSL's libcrypto (Debian: libssl-dev), for `_hashlib`: the message
// digests, HMAC, PBKDF2 and scrypt, as CPython's `_hashlib` uses them.
// CPython 3.11 drives HMAC through the HMAC_CTX functions, which OpenSSL 3
// marks deprecated; they remain supported, so the warnings are silenced.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/opensslv.h>
