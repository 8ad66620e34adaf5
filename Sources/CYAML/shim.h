#include <yaml.h>

/* memmem is a GNU extension that Swift's Glibc module does not export; a portable search. */
#include <string.h>
static inline int sequencelint_contains(const void *haystack, size_t length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    const unsigned char *h = (const unsigned char *)haystack, *n = (const unsigned char *)needle;
    const unsigned char *end = h + length;
    while (length >= needle_length) {
        const unsigned char *hit = (const unsigned char *)memchr(h, n[0], length - needle_length + 1);
        if (!hit) return 0;
        if (memcmp(hit, n, needle_length) == 0) return 1;
        h = hit + 1;
        length = (size_t)(end - h);
    }
    return 0;
}

/* The same search, led by the needle's byte at `pivot` (a byte rare in the haystack makes
   memchr skip far; a common first byte would stop it at every word). */
static inline int sequencelint_contains_by(const void *haystack, size_t length, const void *needle, size_t needle_length, size_t pivot) {
    if (needle_length == 0) return 1;
    if (length < needle_length || pivot >= needle_length) return 0;
    const unsigned char *h = (const unsigned char *)haystack, *n = (const unsigned char *)needle;
    /* The pivot byte can only be at offsets pivot ... length - needle_length + pivot. */
    const unsigned char *from = h + pivot, *last = h + (length - needle_length) + pivot;
    while (from <= last) {
        const unsigned char *hit = (const unsigned char *)memchr(from, n[pivot], (size_t)(last - from) + 1);
        if (!hit) return 0;
        if (memcmp(hit - pivot, n, needle_length) == 0) return 1;
        from = hit + 1;
    }
    return 0;
}

/* Whether an open file lives on a kernel pseudo file system (/proc, /sys), whose "regular"
   files hold the process's environment and more: such files are never read. */
#if defined(__linux__)
#include <sys/vfs.h>
static inline int sequencelint_is_kernel_file(int fd) {
    struct statfs fs;
    if (fstatfs(fd, &fs) != 0) return 0;
    return fs.f_type == 0x9fa0 /* proc */ || fs.f_type == 0x62656572 /* sysfs */ || fs.f_type == 0x64626720 /* debugfs */;
}
#else
static inline int sequencelint_is_kernel_file(int fd) { (void)fd; return 0; }
#endif
