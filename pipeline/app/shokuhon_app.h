// app/: the command line (Poco::Util::Application at the edge only): options, help, logging of
// diagnostics and exit codes. Commands: build, check.
#pragma once
#include <Poco/Util/Application.h>
#include <Poco/Util/OptionSet.h>

#include <string>
#include <vector>

#include "app/build.h"

namespace shokuhon::app {

class ShokuhonApp : public Poco::Util::Application {
protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& args) override;

private:
    void print_help(const std::string& command) const;
    BuildOptions opts_;
    bool help_ = false;
};

}  // namespace shokuhon::app
