// The one translation unit with Catch2's main (slow to compile, rarely changes). On exit it
// releases the C libraries' static caches so leak checkers report only our own leaks.
#define CATCH_CONFIG_RUNNER
#include <cairo.h>
#include <libxml/parser.h>

#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
    const int rc = Catch::Session().run(argc, argv);
    cairo_debug_reset_static_data();
    xmlCleanupParser();
    return rc;
}
