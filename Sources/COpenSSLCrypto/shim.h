// OpenSSL's libcrypto (Debian: libssl-dev), for `_hashlib`: the message
// digests, HMAC, PBKDF2 and scrypt, as CPython's `_hashlib` uses them.
// CPython 3.11 drives HMAC through the HMAC_CTX functions, which OpenSSL 3
// marks deprecated; they remain supported, so the warnings are silenced.
//
// Garter does not link libcrypto: mapping it at start-up costs every process
// ~1.4 MB though only `_hashlib` uses it. The headers give the types and
// constants; the functions are reached through the `lazy_` wrappers below,
// which open libcrypto on first use (`dlopen`) and look each function up
// once (`dlsym`). `_hashlib` checks `lazy_crypto_available()` on import.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/opensslv.h>
#include <dlfcn.h>
#include <stddef.h>

/// The libcrypto handle, opened once; NULL if the library is missing.
static inline void *lazy_crypto_library(void) {
    static void *handle;
    void *library = __atomic_load_n(&handle, __ATOMIC_ACQUIRE);
    if (library == NULL) {
        library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) library = dlopen("libcrypto.so", RTLD_NOW | RTLD_LOCAL);
        if (library != NULL) __atomic_store_n(&handle, library, __ATOMIC_RELEASE);
    }
    return library;
}

/// True when libcrypto can be opened and has every function used here.
static inline int lazy_crypto_available(void);

// `__typeof__(&name)` names the function's type without referring to the
// symbol, so nothing in libcrypto is linked.
#define LAZY_CRYPTO_LOOKUP(name) \
    static __typeof__(&name) cached; \
    __typeof__(&name) function = __atomic_load_n(&cached, __ATOMIC_ACQUIRE); \
    if (function == NULL) { \
        function = (__typeof__(&name))dlsym(lazy_crypto_library(), #name); \
        __atomic_store_n(&cached, function, __ATOMIC_RELEASE); \
    }

#define LAZY_CRYPTO(result, name, parameters, arguments) \
    static inline result lazy_##name parameters { LAZY_CRYPTO_LOOKUP(name) return function arguments; }
#define LAZY_CRYPTO_VOID(name, parameters, arguments) \
    static inline void lazy_##name parameters { LAZY_CRYPTO_LOOKUP(name) function arguments; }

LAZY_CRYPTO_VOID(ERR_clear_error, (void), ())
LAZY_CRYPTO(const char *, ERR_lib_error_string, (unsigned long e), (e))
LAZY_CRYPTO(unsigned long, ERR_peek_last_error, (void), ())
LAZY_CRYPTO(const char *, ERR_reason_error_string, (unsigned long e), (e))
LAZY_CRYPTO(int, EVP_DigestFinalXOF, (EVP_MD_CTX *ctx, unsigned char *md, size_t len), (ctx, md, len))
LAZY_CRYPTO(int, EVP_DigestFinal_ex, (EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s), (ctx, md, s))
LAZY_CRYPTO(int, EVP_DigestInit_ex, (EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl), (ctx, type, impl))
LAZY_CRYPTO(int, EVP_DigestUpdate, (EVP_MD_CTX *ctx, const void *d, size_t cnt), (ctx, d, cnt))
LAZY_CRYPTO(int, EVP_MD_CTX_copy_ex, (EVP_MD_CTX *out, const EVP_MD_CTX *in), (out, in))
LAZY_CRYPTO_VOID(EVP_MD_CTX_free, (EVP_MD_CTX *ctx), (ctx))
LAZY_CRYPTO(const EVP_MD *, EVP_MD_CTX_get0_md, (const EVP_MD_CTX *ctx), (ctx))
LAZY_CRYPTO(EVP_MD_CTX *, EVP_MD_CTX_new, (void), ())
LAZY_CRYPTO(EVP_MD *, EVP_MD_fetch, (OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties), (ctx, algorithm, properties))
LAZY_CRYPTO_VOID(EVP_MD_free, (EVP_MD *md), (md))
LAZY_CRYPTO(const char *, EVP_MD_get0_name, (const EVP_MD *md), (md))
LAZY_CRYPTO(int, EVP_MD_get_block_size, (const EVP_MD *md), (md))
LAZY_CRYPTO(unsigned long, EVP_MD_get_flags, (const EVP_MD *md), (md))
LAZY_CRYPTO(int, EVP_MD_get_size, (const EVP_MD *md), (md))
LAZY_CRYPTO(int, EVP_MD_is_a, (const EVP_MD *md, const char *name), (md, name))
LAZY_CRYPTO(int, EVP_PBE_scrypt, (const char *pass, size_t passlen, const unsigned char *salt, size_t saltlen,
                                  uint64_t N, uint64_t r, uint64_t p, uint64_t maxmem, unsigned char *key, size_t keylen),
            (pass, passlen, salt, saltlen, N, r, p, maxmem, key, keylen))
LAZY_CRYPTO(int, EVP_default_properties_is_fips_enabled, (OSSL_LIB_CTX *libctx), (libctx))
LAZY_CRYPTO(unsigned char *, HMAC, (const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *data,
                                    size_t data_len, unsigned char *md, unsigned int *md_len),
            (evp_md, key, key_len, data, data_len, md, md_len))
LAZY_CRYPTO(int, HMAC_CTX_copy, (HMAC_CTX *dctx, HMAC_CTX *sctx), (dctx, sctx))
LAZY_CRYPTO_VOID(HMAC_CTX_free, (HMAC_CTX *ctx), (ctx))
LAZY_CRYPTO(const EVP_MD *, HMAC_CTX_get_md, (const HMAC_CTX *ctx), (ctx))
LAZY_CRYPTO(HMAC_CTX *, HMAC_CTX_new, (void), ())
LAZY_CRYPTO(int, HMAC_Final, (HMAC_CTX *ctx, unsigned char *md, unsigned int *len), (ctx, md, len))
LAZY_CRYPTO(int, HMAC_Init_ex, (HMAC_CTX *ctx, const void *key, int len, const EVP_MD *md, ENGINE *impl),
            (ctx, key, len, md, impl))
LAZY_CRYPTO(int, HMAC_Update, (HMAC_CTX *ctx, const unsigned char *data, size_t len), (ctx, data, len))
LAZY_CRYPTO(int, PKCS5_PBKDF2_HMAC, (const char *pass, int passlen, const unsigned char *salt, int saltlen, int iter,
                                     const EVP_MD *digest, int keylen, unsigned char *out),
            (pass, passlen, salt, saltlen, iter, digest, keylen, out))

#define LAZY_CRYPTO_NAMES \
    "ERR_clear_error", "ERR_lib_error_string", "ERR_peek_last_error", "ERR_reason_error_string", \
    "EVP_DigestFinalXOF", "EVP_DigestFinal_ex", "EVP_DigestInit_ex", "EVP_DigestUpdate", "EVP_MD_CTX_copy_ex", \
    "EVP_MD_CTX_free", "EVP_MD_CTX_get0_md", "EVP_MD_CTX_new", "EVP_MD_fetch", "EVP_MD_free", "EVP_MD_get0_name", \
    "EVP_MD_get_block_size", "EVP_MD_get_flags", "EVP_MD_get_size", "EVP_MD_is_a", "EVP_PBE_scrypt", \
    "EVP_default_properties_is_fips_enabled", "HMAC", "HMAC_CTX_copy", "HMAC_CTX_free", "HMAC_CTX_get_md", \
    "HMAC_CTX_new", "HMAC_Final", "HMAC_Init_ex", "HMAC_Update", "PKCS5_PBKDF2_HMAC"

static inline int lazy_crypto_available(void) {
    static const char *const names[] = { LAZY_CRYPTO_NAMES };
    void *library = lazy_crypto_library();
    if (library == NULL) return 0;
    for (size_t index = 0; index < sizeof names / sizeof names[0]; index++) {
        if (dlsym(library, names[index]) == NULL) return 0;
    }
    return 1;
}
