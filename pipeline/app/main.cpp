// shokuhon: content/ + layouts/ + fonts/ → load and validate → compose → paginate to the page
// plan → render (Cairo) → finish (qpdf) → out/hiratsuka-food-book.pdf
#include <Poco/Exception.h>

#include <exception>
#include <iostream>

#include "app/build.h"
#include "app/shokuhon_app.h"

int main(int argc, char** argv) {
    shokuhon::app::ShokuhonApp app;
    try {
        app.init(argc, argv);
    } catch (const Poco::Exception& e) {
        std::cerr << "shokuhon: " << e.displayText() << "\nRun 'shokuhon --help' for usage.\n";
        return shokuhon::app::kExitUsage;
    }
    try {
        return app.run();
    } catch (const std::exception& e) {
        std::cerr << "shokuhon: internal error: " << e.what() << '\n';
        return shokuhon::app::kExitSoftware;
    }
}
