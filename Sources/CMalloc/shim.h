// The C library's allocator statistics (mallinfo2), for the benchmark's memory figures.
#include <malloc.h>
