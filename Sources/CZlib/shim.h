// The system zlib (Debian: zlib1g-dev), for the `zlib` and `binascii` modules.
#include <zlib.h>

// zlib's init functions are macros that pass the library's version and the
// stream's size; Swift cannot call macros, so these forward to them.
static inline int garter_deflateInit2(z_streamp stream, int level, int method, int windowBits,
                                      int memLevel, int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}

static inline int garter_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
